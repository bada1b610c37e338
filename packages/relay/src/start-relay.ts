import { createRelay, type RelayOptions, type RelayServer } from './server.js';

/**
 * Creates the relay and waits until its stored shows and events are loaded (from
 * `dataDir` or `redisUrl`): the way to start a relay that stores anything. It is not
 * listening yet: call `relay.app.listen({port, host})`. Rejects, having closed what it
 * opened, when the store cannot be read.
 *
 * @example
 * const relay = await startRelay({ dataDir: './data', adminKey: process.env.LIVE_SHOP_ADMIN_KEY });
 * if (!relay.shows.get('demo')) await relay.shows.create({ id: 'demo', title: 'Demo show' });
 * await relay.app.listen({ port: 4173, host: '127.0.0.1' });
 */
export async function startRelay(options: RelayOptions = {}): Promise<RelayServer> {
  const relay = createRelay(options);
  try {
    await relay.ready;
  } catch (error) {
    await relay.close().catch(() => {});
    throw error;
  }
  return relay;
}
