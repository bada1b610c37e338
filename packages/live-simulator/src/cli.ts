#!/usr/bin/env node
// Serves the live simulator on its own: `node dist/cli.js` (PORT, default 4180).
import { createServer } from 'node:http';
import { createLiveSimulator } from './simulator.js';

const port = Number(process.env.PORT ?? 4180);
const simulator = createLiveSimulator();
const server = createServer((request, response) => {
  if (!simulator.handle(request, response)) response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the live playlist is /hls/live.m3u8\n');
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  console.log(`Live simulator: ${simulator.liveUrl(origin)}  (recording: ${simulator.vodUrl(origin)})`);
});
