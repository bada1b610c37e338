import { appendFile, mkdir, mkdtemp, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEventLogContract, draft } from '../testing/event-log-contract.js';
import { FileEventLog } from './file-event-log.js';

const dirs: string[] = [];
const open: FileEventLog[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'live-shop-file-log-'));
  dirs.push(dir);
  return dir;
}

/** A log on `dir`, with the warnings it gives collected. */
function fileLog(dir: string): { log: FileEventLog; warnings: string[] } {
  const warnings: string[] = [];
  const log = new FileEventLog({ dir, onWarning: (message) => warnings.push(message) });
  open.push(log);
  return { log, warnings };
}

function eventsFile(dir: string, show = 'demo'): string {
  return join(dir, 'events', `${show}.jsonl`);
}

afterEach(async () => {
  for (const log of open.splice(0)) await log.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describeEventLogContract('FileEventLog', async () => fileLog(await tempDir()).log);

describe('FileEventLog', () => {
  it('writes one JSON line per envelope and reads them back after a restart', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    const stored = [await first.append(draft('a')), await first.append(draft('b')), await first.append(draft('x', 'other'))].map((result) => result.envelope);
    await first.close();

    const lines = (await readFile(eventsFile(dir), 'utf8')).split('\n');
    expect(lines).toEqual([JSON.stringify(stored[0]), JSON.stringify(stored[1]), '']);

    const { log, warnings } = fileLog(dir);
    expect(await log.all('demo')).toEqual(stored.slice(0, 2));
    expect(await log.all('other')).toEqual(stored.slice(2));
    expect((await log.append(draft('c'))).envelope.seq).toBe(3);
    expect(warnings).toEqual([]);
  });

  it('remembers event ids across a restart', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    const { envelope } = await first.append(draft('a'));
    await first.close();

    const { log } = fileLog(dir);
    expect(await log.append(draft('a', 'demo', 5000))).toEqual({ created: false, envelope });
    expect(await log.lastSeq('demo')).toBe(1);
  });

  it('commits concurrent appends in a few write+fsync rounds (group commit)', async () => {
    const { log } = fileLog(await tempDir());
    const results = await Promise.all(Array.from({ length: 1000 }, (_, index) => log.append(draft(`e${index}`))));
    expect(results.map((result) => result.envelope.seq)).toEqual(Array.from({ length: 1000 }, (_, index) => index + 1));
    expect(log.batches('demo')).toBeGreaterThanOrEqual(1);
    expect(log.batches('demo')).toBeLessThanOrEqual(2);
  });

  it('shows an event to readers only once it is on disk', async () => {
    const dir = await tempDir();
    const { log } = fileLog(dir);
    await log.open();
    const appended = log.append(draft('a'));
    expect(await log.after('demo', 0)).toEqual([]);
    const { envelope } = await appended;
    expect(await log.after('demo', 0)).toEqual([envelope]);
    expect(await readFile(eventsFile(dir), 'utf8')).toBe(`${JSON.stringify(envelope)}\n`);
  });

  it('cuts off an unfinished last line left by a crash, and goes on from there', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    const stored = [(await first.append(draft('a'))).envelope, (await first.append(draft('b'))).envelope];
    await first.close();
    const goodLength = (await stat(eventsFile(dir))).size;
    await appendFile(eventsFile(dir), '{"v":1,"id":"c","show":"demo","seq":3,"ty');

    const { log, warnings } = fileLog(dir);
    expect(await log.all('demo')).toEqual(stored);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('dropped an unfinished last line');
    expect((await stat(eventsFile(dir))).size).toBe(goodLength);

    const next = await log.append(draft('c'));
    expect(next).toMatchObject({ created: true, envelope: { seq: 3 } });
    const lines = (await readFile(eventsFile(dir), 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2, 3]);
  });

  it('cuts off a tail of zeros or of a line that was never finished', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    await first.append(draft('a'));
    await first.close();
    // A file system may extend the file before its data reaches the disk.
    await appendFile(eventsFile(dir), Buffer.alloc(300));
    await appendFile(eventsFile(dir), '\n{"v":1,"id":"q","show":"demo","seq":9}\n\0\0');

    const { log, warnings } = fileLog(dir);
    expect((await log.all('demo')).map((event) => event.id)).toEqual(['a']);
    expect(warnings[0]).toContain('dropped unfinished lines from line 2 on');
    expect((await log.append(draft('b'))).envelope.seq).toBe(2);
  });

  it('refuses to start on a damaged line that valid lines follow, and changes nothing', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    for (const id of ['a', 'b', 'c']) await first.append(draft(id));
    await first.close();
    const text = await readFile(eventsFile(dir), 'utf8');
    const damaged = text.replace('"id":"b"', '"id":"b\u0000').replace('"seq":2,', '"seq":2,,');
    await writeFile(eventsFile(dir), damaged);

    const { log } = fileLog(dir);
    await expect(log.open()).rejects.toThrow(/demo\.jsonl is damaged at line 2, and valid lines follow it/);
    expect(await readFile(eventsFile(dir), 'utf8')).toBe(damaged);
  });

  it('stores show records, their updates, and keeps ids unique across a restart', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    const demo = { id: 'demo', title: 'Demo', createdAt: 1, pdtOffsetMs: 0 };
    const [created, twice] = await Promise.all([first.createShow(demo), first.createShow({ ...demo, title: 'Other' })]);
    expect([created, twice]).toEqual([true, false]);
    expect(await first.createShow({ id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 4000 })).toBe(true);
    await first.updateShow({ ...demo, title: 'Demo show', muxLiveStreamId: 'abc' } as typeof demo);
    await expect(first.updateShow({ ...demo, id: 'nope' })).rejects.toThrow(/not stored/);
    await first.close();

    const { log } = fileLog(dir);
    expect(await log.listShows()).toEqual([
      { id: 'demo', title: 'Demo show', createdAt: 1, pdtOffsetMs: 0, muxLiveStreamId: 'abc' },
      { id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 4000 },
    ]);
    expect(await log.getShow('spring')).toEqual({ id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 4000 });
    expect(await log.getShow('nope')).toBeUndefined();
    expect(await log.createShow(demo)).toBe(false);
  });

  it('drops an unfinished show record left by a crash', async () => {
    const dir = await tempDir();
    const first = fileLog(dir).log;
    await first.createShow({ id: 'demo', title: 'Demo', createdAt: 1, pdtOffsetMs: 0 });
    await first.close();
    await appendFile(join(dir, 'shows.jsonl'), '{"id":"spr');

    const { log, warnings } = fileLog(dir);
    expect((await log.listShows()).map((record) => record.id)).toEqual(['demo']);
    expect(warnings).toHaveLength(1);
    expect(await log.createShow({ id: 'spring', title: 'Spring', createdAt: 2, pdtOffsetMs: 0 })).toBe(true);
  });

  it('lets one process at a time use a data directory, and takes over the lock of a dead one', async () => {
    const dir = await tempDir();
    const { log } = fileLog(dir);
    await log.open();
    await expect(fileLog(dir).log.open()).rejects.toThrow(/in use by this process/);
    await log.close();

    // A lock left by a process that is gone (a SIGKILL): the pid is free.
    await writeFile(join(dir, 'relay.lock'), '2147483646\n');
    const next = fileLog(dir).log;
    await next.append(draft('a'));
    expect(await readFile(join(dir, 'relay.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('refuses the appends of a failed write, and numbers the next ones as if they never were', async () => {
    const dir = await tempDir();
    const { log } = fileLog(dir);
    await log.open();
    // A directory where the show's file goes: opening it for appending fails.
    await mkdir(eventsFile(dir));
    const failed = await Promise.allSettled([log.append(draft('a')), log.append(draft('b'))]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/Could not write .*demo\.jsonl/);
    expect(await log.all('demo')).toEqual([]);

    await rmdir(eventsFile(dir));
    const retried = await log.append(draft('a'));
    expect(retried).toMatchObject({ created: true, envelope: { id: 'a', seq: 1 } });
    expect((await log.append(draft('b'))).envelope.seq).toBe(2);
  });

  it('refuses work once closed', async () => {
    const { log } = fileLog(await tempDir());
    await log.append(draft('a'));
    await log.close();
    await expect(log.append(draft('b'))).rejects.toThrow(/closed/);
  });
});
