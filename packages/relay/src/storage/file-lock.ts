import { open, readFile, unlink } from 'node:fs/promises';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file at `path` (it holds the owner's pid), so that two relays never
 * append to the same data directory. A lock left by a process that is gone (a crash, a
 * SIGKILL) is taken over. Resolves with the function that releases it.
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      return async () => {
        await unlink(path).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
    }
    const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (Number.isSafeInteger(owner) && owner > 0 && isRunning(owner)) {
      const who = owner === process.pid ? 'this process (another FileEventLog on it is open)' : `process ${owner}`;
      throw new Error(`The data directory is in use by ${who} (lock file ${path}); stop that relay first, or give this one another dataDir.`);
    }
    await unlink(path).catch(() => {});
  }
}
