import { describe, expect, it } from 'vitest';
import { Blocklist } from './blocklist.js';
import { ViewerIds } from './identity.js';
import { TokenBuckets } from './rate-limit.js';

describe('Blocklist', () => {
  const list = new Blocklist(['Spam', 'a.b', 'c-d', 'buy now', 'ｘｘ', 'é']);

  it.each([
    ['SPAM!', true],
    ['(spam)', true],
    ['spammer', false],
    ['antispam', false],
    ['spam_bot', false],
    ['a.b', true],
    ['axb', false],
    ['see c-d here', true],
    ['BUY   now', true],
    ['buynow', false],
    ['XX', true],
    ['ＳＰＡＭ', true],
    ['café spam', true],
    ['éspam', false],
    ['é', true],
    ['fiancé', false],
  ])('%j → %s', (text, blocked) => {
    expect(list.matches(text)).toBe(blocked);
  });

  it('keeps its words normalised, sorted and unique, and matches nothing when empty', () => {
    expect(list.words).toEqual(['a.b', 'buy now', 'c-d', 'spam', 'xx', 'é']);
    expect(new Blocklist([' Spam ', 'SPAM']).words).toEqual(['spam']);
    expect(new Blocklist([]).matches('anything')).toBe(false);
  });
});

describe('TokenBuckets', () => {
  it('allows the capacity at once, then one per interval, per key', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, intervalMs: 1000 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterMs: 1000 }]);
    expect(buckets.take('b')).toEqual({ ok: true });
    now += 400;
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterMs: 600 });
    now += 600;
    expect(buckets.take('a')).toEqual({ ok: true });
    now += 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a').ok]).toEqual([{ ok: true }, { ok: true }, false]);
  });

  it('forgets refilled buckets so that memory follows active viewers', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 1, intervalMs: 10 }, () => now);
    for (let index = 0; index < 10_000; index++) {
      buckets.take(`viewer-${index}`);
      now += 1;
    }
    // The first viewers refilled long ago: they may send again, with a fresh bucket.
    expect(buckets.take('viewer-0')).toEqual({ ok: true });
  });
});

describe('ViewerIds', () => {
  const ids = new ViewerIds(new TextEncoder().encode('a-test-signing-secret-of-32-bytes!'));

  it('hashes a claimed id per show, and gives a random id for a missing or malformed claim', () => {
    const id = ids.forHandshake('demo', 'browser-0001');
    expect(id).toMatch(/^v_[\w-]{22}$/);
    expect(ids.forHandshake('demo', 'browser-0001')).toBe(id);
    expect(ids.forHandshake('other', 'browser-0001')).not.toBe(id);
    for (const claim of [undefined, 42, 'short', 'has spaces in it', 'x'.repeat(129)]) {
      const random = ids.forHandshake('demo', claim);
      expect(random).toMatch(/^v_[\w-]{22}$/);
      expect(ids.forHandshake('demo', claim)).not.toBe(random);
    }
  });
});
