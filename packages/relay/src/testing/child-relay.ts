// Test support (not part of the build): runs relay-process.ts in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildRelay {
  url: string;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed. */
  output(): string;
  /** Sends the signal and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const hooks = fileURLToPath(new URL('./register-ts.mjs', import.meta.url));
const script = fileURLToPath(new URL('./relay-process.ts', import.meta.url));

/** Starts a relay on `dataDir` (127.0.0.1, a free port) and resolves once it listens. */
export function startChildRelay(dataDir: string, env: Record<string, string> = {}): Promise<ChildRelay> {
  return startRelayProcess({ RELAY_DATA_DIR: dataDir, ...env });
}

/**
 * Starts relay-process.ts with `env` (RELAY_DATA_DIR or RELAY_REDIS_URL, and optionally
 * RELAY_ADMIN_KEY, RELAY_SIGNING_SECRET) and resolves once it listens.
 */
export async function startRelayProcess(env: Record<string, string>): Promise<ChildRelay> {
  const child = spawn(process.execPath, ['--import', hooks, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (): void => {
      const match = /relay listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      child.stdout.off('data', onData);
      resolve(match[1] as string);
    };
    child.stdout.on('data', onData);
    child.once('error', reject);
    void exited.then(({ code, signal }) => reject(new Error(`The relay exited (code ${code}, signal ${signal}) before it listened. Output:\n${output}`)));
  });
  return {
    url,
    pid: child.pid as number,
    exited,
    output: () => output,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid as number, signal);
      return exited;
    },
  };
}
