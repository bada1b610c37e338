#!/usr/bin/env node
// Opens COUNT viewer sockets to a relay and reports, over IPC, when all have joined and,
// for every event received, the delay from the relay's receive time (envelope.at) to
// arrival here. Several of these processes share the load of one benchmark.
import { openViewer } from './light-viewer.mjs';

const [url, count] = [process.env.RELAY_URL, Number(process.env.COUNT)];
const sockets = [];
const lastSeq = new Map();
let joined = 0;
let delays = [];
let duplicates = 0;

function open(index) {
  const onSnapshot = (snapshot) => {
    if (!lastSeq.has(index)) joined++;
    // The relay's word after a (re)join: a relay that lost its log would say a lower seq.
    lastSeq.set(index, snapshot.seq);
    if (joined === count) process.send?.({ kind: 'joined' });
    process.send?.({ kind: 'synced', index, seq: lastSeq.get(index) });
  };
  const onEvents = (events) => {
    const now = Date.now();
    for (const event of events) {
      const last = lastSeq.get(index) ?? 0;
      if (event.seq <= last) duplicates++;
      else lastSeq.set(index, event.seq);
      // Only the benchmark's own events: the relay also logs audience totals (viewer count,
      // reactions) every few seconds, and those are not what was posted.
      if (event.type === 'product.highlight' || event.type === 'product.clear') delays.push(now - event.at);
    }
  };
  sockets.push(openViewer(url, { show: 'bench' }, (name, args) => {
    if (name === 'snapshot') onSnapshot(args[0]);
    else if (name === 'events') onEvents(args[0]);
  }));
}

process.on('message', async (message) => {
  if (message.kind === 'connect') {
    // In batches, as real audiences arrive: thousands of handshakes at once only measure the accept queue.
    for (let index = 0; index < count; index++) {
      open(index);
      if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    }
  } else if (message.kind === 'report') {
    process.send?.({ kind: 'report', delays, duplicates, seqs: [...lastSeq.values()] });
    delays = [];
    duplicates = 0;
  } else if (message.kind === 'close') {
    for (const socket of sockets) socket.close();
    process.exit(0);
  }
});
process.send?.({ kind: 'ready' });
