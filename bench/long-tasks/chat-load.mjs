#!/usr/bin/env node
// The busy chat of the long-tasks bench: SOCKETS socket.io-client viewers of SHOW on the
// relay at RELAY_URL, each with its own viewer id, that together send `rate` chat
// messages a second (round robin, each acknowledged) when told to start. The relay
// limits each viewer (5 at once, then one every 2 s), so 100 a second needs more than
// 200 viewers: with 250 each sends one every 2.5 s and none is refused.
//
// Every viewer in the show receives every message: 250 sockets × 100 messages a second is
// 25,000 packets a second into this process, on the same 2 cores as the browser being
// measured. These sockets drop the broadcasts they do not need (`events`, `live`) before
// socket.io's decoder parses them; handshakes, snapshots and acks are decoded as usual.
// socket.io-client's per-packet work before that still costs 0.3–0.4 of a core (the
// bench reports it as cpu.chatClientsPct).
//
// Runs in its own process so that its sockets do not share the event loop of the
// benchmark that drives the browser. Speaks over IPC: `connect` → `joined`;
// `start {rate, durationMs}` → `done {…stats}`; `close`.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';

// socket.io-client's own parser (pnpm keeps it out of the root's node_modules).
const parser = createRequire(createRequire(import.meta.url).resolve('socket.io-client'))('socket.io-parser');

/** The default decoder, minus the show's broadcasts: an EVENT packet to "/" named events or live. */
class SenderDecoder extends parser.Decoder {
  add(packet) {
    if (typeof packet === 'string' && (packet.startsWith('2["events",') || packet.startsWith('2["live",'))) return;
    super.add(packet);
  }
}
const senderParser = { ...parser, Decoder: SenderDecoder };

const url = /** @type {string} */ (process.env.RELAY_URL);
const show = process.env.SHOW ?? 'demo';
const count = Number(process.env.SOCKETS ?? 250);

// What viewers say, of different lengths, so the chat's rows are not all one line.
const PHRASES = [
  'Love it!',
  'Does it come in green?',
  'What size is the model wearing?',
  'Ordered one yesterday, the fit is perfect and it packs down really small in a daypack 🎒',
  'Price?',
  'Is shipping free to Canada?',
  'That colour 😍',
  'How does it hold up in heavy rain? My last jacket soaked through after an hour on the ridge.',
  'Hi from Lyon!',
  'Restock when?',
];

/** @type {import('socket.io-client').Socket[]} */
const sockets = [];

function connect() {
  let joined = 0;
  for (let index = 0; index < count; index++) {
    const socket = io(url, {
      transports: ['websocket'],
      auth: { show, viewerId: randomBytes(16).toString('base64url').slice(0, 22) },
      reconnectionDelayMax: 2_000,
      parser: senderParser,
    });
    // Joined once the relay has sent the show (the snapshot follows the handshake).
    socket.once('snapshot', () => {
      if (++joined === count) process.send?.({ kind: 'joined' });
    });
    socket.on('connect_error', (error) => process.send?.({ kind: 'error', message: `viewer ${index}: ${error.message}` }));
    sockets.push(socket);
  }
}

/** Sends `rate` messages a second for `durationMs`; resolves with what happened once every ack is in (or timed out). */
async function run({ rate, durationMs }) {
  const cpuBefore = process.cpuUsage();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  const sentPerSecond = new Array(Math.ceil(durationMs / 1000)).fill(0);
  const ackMs = [];
  const refused = {};
  let sent = 0;
  let accepted = 0;
  let timedOut = 0;
  const pending = new Set();

  const send = (n) => {
    const socket = sockets[n % sockets.length];
    const text = `${PHRASES[n % PHRASES.length]} #${n}`;
    const at = performance.now();
    sentPerSecond[Math.min(sentPerSecond.length - 1, Math.floor((at - started) / 1000))]++;
    const ack = socket
      .timeout(10_000)
      .emitWithAck('chat.send', { text, name: `Viewer ${n % sockets.length}` })
      .then(
        (answer) => {
          if (answer?.ok) {
            accepted++;
            ackMs.push(performance.now() - at);
          } else {
            const code = answer?.error?.code ?? 'unknown';
            refused[code] = (refused[code] ?? 0) + 1;
          }
        },
        () => timedOut++,
      )
      .finally(() => pending.delete(ack));
    pending.add(ack);
    sent++;
  };

  // A 10 ms tick sends what is due by the clock, so a late tick catches up.
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - started;
      const due = Math.floor((Math.min(elapsed, durationMs) * rate) / 1000);
      while (sent < due) send(sent);
      if (elapsed >= durationMs) {
        clearInterval(timer);
        resolve(undefined);
      }
    }, 10);
  });
  const elapsedMs = performance.now() - started;
  await Promise.all(pending);
  const cpu = process.cpuUsage(cpuBefore);
  lag.disable();
  ackMs.sort((a, b) => a - b);
  const at = (p) => (ackMs.length ? ackMs[Math.min(ackMs.length - 1, Math.ceil((p / 100) * ackMs.length) - 1)] : Number.NaN);
  return {
    sent,
    accepted,
    refused,
    timedOut,
    elapsedMs,
    sentPerSecond,
    ackMs: { p50: at(50), p99: at(99), max: ackMs[ackMs.length - 1] ?? Number.NaN },
    cpuMs: (cpu.user + cpu.system) / 1000,
    eventLoopDelayMs: { p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 },
    connected: sockets.filter((socket) => socket.connected).length,
  };
}

process.on('message', async (message) => {
  if (message.kind === 'connect') connect();
  else if (message.kind === 'start') process.send?.({ kind: 'done', ...(await run(message)) });
  else if (message.kind === 'close') {
    for (const socket of sockets) socket.disconnect();
    process.exit(0);
  }
});
process.send?.({ kind: 'ready' });
