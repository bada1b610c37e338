// Test support (not part of the build): a real redis-server on a free loopback port,
// started by scripts/test/redis-server.mjs and stopped by its pid.
export interface TestRedis {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

// A URL held in a variable: the script is plain JavaScript, typed here by hand.
const script = new URL('../../../../scripts/test/redis-server.mjs', import.meta.url).href;

export async function startRedis(): Promise<TestRedis> {
  const { startRedis: start } = (await import(script)) as { startRedis: () => Promise<TestRedis> };
  return start();
}
