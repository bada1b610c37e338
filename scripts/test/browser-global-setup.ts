import type { TestProject } from 'vitest/node';

/**
 * Starts what the browser tests talk to, on loopback, before they run: the live simulator
 * (a real live HLS stream) and stops it after. Tests read its origin with
 * `inject('simulatorOrigin')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { createServer } = await import('node:http');
  const { createLiveSimulator } = await import('../../packages/live-simulator/src/index.ts');
  const simulator = createLiveSimulator({ epochMs: Date.now() - 60_000 });
  const server = createServer((req, res) => {
    // The test page is served from another origin, as a brand's page would be.
    if (!simulator.handle(req, res)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The simulator did not get a TCP port.');
  project.provide('simulatorOrigin', `http://127.0.0.1:${address.port}`);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    simulatorOrigin: string;
  }
}
