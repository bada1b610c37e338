// A viewer socket for the fan-out benchmark that speaks socket.io's wire protocol
// (Engine.IO v4 over WebSocket, Socket.IO v5 packets) directly on `ws`.
//
// Why not socket.io-client: the benchmark runs 8,000 viewers in two processes on the same
// two cores as the relay it measures. socket.io-client costs several times more CPU per
// packet than the relay spends sending it, so with it the clients steal the relay's core
// and the benchmark measures its own viewers. This client does what a viewer must do with
// every packet (read the frame, parse the JSON, check the seq) and what socket.io-client
// does on the wire: answer pings, reconnect with backoff and jitter, and offer the
// connection-state recovery offset (`pid`, `offset`: the last string argument of a packet)
// when it reconnects. Behaviour a real viewer sees is tested with socket.io-client in the
// relay's own tests (packages/relay/src/cluster, socket.test.ts).
import WebSocket from 'ws';

const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 2000;
const RANDOMIZATION = 0.5;

/**
 * Opens a viewer of `show` on the relay at `url` and keeps it connected until `close()`.
 * `onEvent(name, args)` gets each Socket.IO event (`snapshot`, `events`, …) with its
 * parsed arguments.
 */
export function openViewer(url, auth, onEvent) {
  const endpoint = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  let ws;
  let closed = false;
  let attempts = 0;
  let pid;
  let offset;

  const reconnect = () => {
    if (closed) return;
    // socket.io-client's backoff: base × 2^attempt, jittered by ±50 %, capped.
    const base = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempts++);
    const delay = Math.min(MAX_DELAY_MS, base * (1 + (Math.random() * 2 - 1) * RANDOMIZATION));
    setTimeout(connect, delay);
  };

  const connect = () => {
    if (closed) return;
    ws = new WebSocket(endpoint, { perMessageDeflate: false });
    ws.on('message', (data) => {
      const text = data.toString();
      const type = text[0];
      if (type === '2') ws.send('3');
      else if (type === '0') {
        ws.send(`40${JSON.stringify(pid ? { ...auth, pid, offset } : auth)}`);
      } else if (type === '4') {
        const packet = text[1];
        if (packet === '2') {
          const [name, ...args] = JSON.parse(text.slice(2));
          const last = args[args.length - 1];
          if (pid && typeof last === 'string') offset = last;
          onEvent(name, args);
        } else if (packet === '0') {
          attempts = 0;
          const connected = JSON.parse(text.slice(2));
          if (connected.pid && connected.pid !== pid) offset = undefined;
          pid = connected.pid;
        } else if (packet === '4') {
          ws.close();
        }
      }
    });
    ws.on('error', () => {});
    ws.on('close', reconnect);
  };

  connect();
  return {
    close() {
      closed = true;
      ws?.close();
    },
  };
}
