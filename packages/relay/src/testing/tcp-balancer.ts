// Test support (not part of the build): a TCP (layer 4) load balancer on loopback, as in
// front of several relay processes: each accepted connection is piped to the next
// backend in turn (round-robin); when that backend does not accept (a dead process), the
// next one is tried. No stickiness: a client that opens several connections (socket.io's
// HTTP long-polling) may reach several backends.
import { createServer, connect, type Socket } from 'node:net';

export interface Backend {
  port: number;
  host?: string;
}

export interface TcpBalancer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /** The backend (index into the list) each accepted connection went to, in order of acceptance; -1 when none accepted it. */
  readonly routes: readonly number[];
  /** Connections piped now. */
  open(): number;
  /** Cuts every piped connection, on both sides (a network blip). */
  dropAll(): void;
  /** Stops accepting and cuts every connection. */
  close(): Promise<void>;
}

export async function startTcpBalancer(backends: readonly Backend[]): Promise<TcpBalancer> {
  let next = 0;
  const routes: number[] = [];
  const pairs = new Set<[Socket, Socket | undefined]>();

  const server = createServer({ pauseOnConnect: true }, (client) => {
    const route = routes.push(-1) - 1;
    const start = next;
    next = (next + 1) % backends.length;
    const pair: [Socket, Socket | undefined] = [client, undefined];
    pairs.add(pair);
    const cut = (): void => {
      pairs.delete(pair);
      client.destroy();
      pair[1]?.destroy();
    };
    client.on('error', cut);
    client.on('close', cut);

    const attempt = (tried: number): void => {
      if (tried === backends.length || client.destroyed) {
        cut();
        return;
      }
      const index = (start + tried) % backends.length;
      const backend = backends[index] as Backend;
      const upstream = connect(backend.port, backend.host ?? '127.0.0.1');
      pair[1] = upstream;
      const refused = (): void => {
        upstream.destroy();
        attempt(tried + 1);
      };
      upstream.once('error', refused);
      upstream.once('connect', () => {
        upstream.off('error', refused);
        if (client.destroyed) {
          upstream.destroy();
          return;
        }
        routes[route] = index;
        upstream.on('error', cut);
        upstream.on('close', cut);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  const dropAll = (): void => {
    for (const [client, upstream] of [...pairs]) {
      client.destroy();
      upstream?.destroy();
    }
    pairs.clear();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    routes,
    open: () => pairs.size,
    dropAll,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      dropAll();
      await closed;
    },
  };
}
