import { createHash } from 'node:crypto';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** Connection attempts before the first connect gives up, when Redis was never reached. */
const FIRST_CONNECT_ATTEMPTS = 3;

/**
 * A node-redis client as every part of the relay uses one (event log, socket adapter,
 * viewer counts): its first connect fails after a few attempts when Redis is not there, so
 * a misconfigured relay stops with a clear error; once it has connected it reconnects for
 * ever, with backoff up to 2 s (the socket adapter's connections share these options and
 * do not expect their connect() to fail).
 */
export function createRedisClient(url: string, onError: (error: Error) => void): RedisClient {
  let everConnected = false;
  const client: RedisClient = createClient({
    url,
    socket: {
      reconnectStrategy: (retries, cause) =>
        !everConnected && retries >= FIRST_CONNECT_ATTEMPTS
          ? new Error(`Could not connect to Redis at ${url} (${cause.message}); check redisUrl and that Redis is running.`)
          : Math.min(50 * 2 ** retries, 2000),
    },
  });
  client.on('error', (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))));
  client.on('ready', () => {
    everConnected = true;
  });
  return client;
}

/**
 * The default error handler of a Redis-backed part: a process warning naming the part,
 * once per distinct message (a Redis that is down repeats the same error on every retry).
 */
export function redisWarning(part: string): (error: Error) => void {
  let last = '';
  return (error) => {
    if (error.message === last) return;
    last = error.message;
    process.emitWarning(`${part}: ${error.message}`, 'LiveShopRelayWarning');
  };
}

/**
 * A Lua script run with `EVALSHA`, falling back to `EVAL` (which also caches it) the first
 * time a Redis meets it, or after a restart or `SCRIPT FLUSH`.
 */
export class RedisScript {
  readonly #source: string;
  readonly #sha: string;

  constructor(source: string) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
  }

  async run<T>(client: RedisClient, keys: readonly string[], args: readonly string[]): Promise<T> {
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand<T>(['EVALSHA', this.#sha, ...rest]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return client.sendCommand<T>(['EVAL', this.#source, ...rest]);
    }
  }
}
