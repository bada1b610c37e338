import type { AnyEnvelope } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryModerationStore, type ModerationSettings } from '../audience/moderation-store.js';
import { bearer, createFixture, type Fixture } from '../testing/relay-fixture.js';

let fixture: Fixture;
afterEach(() => fixture.relay.close());

const AUTHOR = 'v_abcdefghijklmnopqrstuv';

async function withMessage(options: Parameters<typeof createFixture>[0] = {}): Promise<void> {
  fixture = createFixture(options);
  await fixture.createShow('demo');
  await fixture.relay.shows.append('demo', {
    type: 'chat.message',
    data: { messageId: 'm1', text: 'hello', author: { id: AUTHOR, name: 'Ann', role: 'viewer' } },
  });
}

function moderate(token: string | undefined, body: unknown, show = 'demo') {
  return fixture.request({
    method: 'POST',
    url: `/v1/shows/${show}/moderation`,
    headers: token === undefined ? {} : bearer(token),
    payload: body as object,
  });
}

describe('POST /v1/shows/:id/moderation', () => {
  it('deletes, pins and unpins a message for a moderator or a producer', async () => {
    await withMessage();
    const token = await fixture.token('demo', 'moderator');
    const pinned = await moderate(token, { action: 'pin', messageId: 'm1' });
    expect(pinned.statusCode).toBe(200);
    expect(pinned.json()).toEqual({
      event: expect.objectContaining({ seq: 2, type: 'chat.pin', data: { messageId: 'm1' } }),
      moderation: { slowModeSeconds: 0, blocklist: [], banned: [], shadowBanned: [] },
    });
    expect((await fixture.relay.shows.state('demo')).state.chat.pinnedId).toBe('m1');
    const unpinned = await moderate(await fixture.token('demo', 'producer'), { action: 'unpin' });
    expect(unpinned.json()).toMatchObject({ event: { type: 'chat.pin', data: { messageId: null } } });
    const deleted = await moderate(token, { action: 'delete', messageId: 'm1' });
    expect(deleted.json()).toMatchObject({ event: { seq: 4, type: 'chat.delete', data: { messageId: 'm1' } } });
    expect((await fixture.relay.shows.state('demo')).state.chat.messages).toEqual([]);
  });

  it('refuses to pin a message the chat does not have', async () => {
    await withMessage();
    const response = await moderate(await fixture.token('demo', 'moderator'), { action: 'pin', messageId: 'nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'message_not_found', path: 'messageId' } });
  });

  it('bans, shadow-bans and unbans, and sets slow mode and the blocklist', async () => {
    await withMessage();
    const token = await fixture.token('demo', 'moderator');
    expect((await moderate(token, { action: 'ban', authorId: AUTHOR })).json()).toMatchObject({ moderation: { banned: [AUTHOR], shadowBanned: [] } });
    expect((await moderate(token, { action: 'shadow-ban', authorId: AUTHOR })).json()).toMatchObject({ moderation: { banned: [], shadowBanned: [AUTHOR] } });
    expect((await moderate(token, { action: 'unban', authorId: AUTHOR })).json()).toMatchObject({ moderation: { banned: [], shadowBanned: [] } });
    expect((await moderate(token, { action: 'slow-mode', seconds: 15 })).json()).toMatchObject({ moderation: { slowModeSeconds: 15 } });
    await moderate(token, { action: 'blocklist', set: ['One', 'two'] });
    const list = await moderate(token, { action: 'blocklist', add: ['Ｔｈｒｅｅ'], remove: ['one'] });
    expect(list.json()).toMatchObject({ moderation: { blocklist: ['three', 'two'] } });
    const read = await fixture.request({ method: 'GET', url: '/v1/shows/demo/moderation', headers: bearer(token) });
    expect(read.json()).toEqual({ slowModeSeconds: 15, blocklist: ['three', 'two'], banned: [], shadowBanned: [] });
    // Nothing of this is an event of the log.
    expect(((await fixture.relay.shows.eventsAfter('demo')) as AnyEnvelope[]).map((event) => event.type)).toEqual(['chat.message']);
  });

  it('needs a moderator or producer token of the show', async () => {
    await withMessage();
    const missing = await moderate(undefined, { action: 'unpin' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'missing_token' } });
    const viewer = await moderate(await fixture.token('demo', 'viewer'), { action: 'delete', messageId: 'm1' });
    expect(viewer.statusCode).toBe(403);
    expect(viewer.json()).toMatchObject({ error: { code: 'forbidden_role', message: expect.stringContaining('moderator or producer') } });
    for (const action of [{ action: 'pin', messageId: 'm1' }, { action: 'ban', authorId: AUTHOR }]) {
      expect((await moderate(await fixture.token('demo', 'viewer'), action)).statusCode).toBe(403);
    }
    const readByViewer = await fixture.request({ method: 'GET', url: '/v1/shows/demo/moderation', headers: bearer(await fixture.token('demo', 'viewer')) });
    expect(readByViewer.statusCode).toBe(403);
    await fixture.createShow('other');
    const otherShow = await moderate(await fixture.token('other', 'moderator'), { action: 'unpin' });
    expect(otherShow.statusCode).toBe(403);
    expect(otherShow.json()).toMatchObject({ error: { code: 'wrong_show' } });
    expect((await fixture.relay.shows.eventsAfter('demo')).map((event) => event.type)).toEqual(['chat.message']);
  });

  it.each([
    [{ action: 'nuke' }, 'action', 'action must be one of delete, pin, unpin, ban, unban, shadow-ban, slow-mode, blocklist'],
    [{ action: 'delete' }, 'messageId', 'messageId is required'],
    [{ action: 'slow-mode', seconds: -1 }, 'seconds', 'seconds must not be negative'],
    [{ action: 'ban', authorId: 'someone' }, 'authorId', 'authorId must be a viewer id as a chat message\'s author.id gives it ("v_…").'],
    [{ action: 'unpin', messageId: 'm1' }, 'messageId', 'messageId is not a field of moderate; see {"action": "delete", "messageId": "…"}'],
    [{ action: 'blocklist', add: ['x'.repeat(51)] }, 'add.0', 'add.0 must be at most 50 characters'],
  ])('refuses %j with 400 naming %s', async (body, path, message) => {
    await withMessage();
    const response = await moderate(await fixture.token('demo', 'moderator'), body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'invalid_body', path, message } });
  });

  it('refuses a body that is not an object', async () => {
    await withMessage();
    const response = await fixture.request({
      method: 'POST',
      url: '/v1/shows/demo/moderation',
      headers: { ...bearer(await fixture.token('demo', 'moderator')), 'content-type': 'application/json' },
      payload: '"delete"',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'invalid_body', message: expect.stringContaining('{"action": "delete"') } });
  });

  it('keeps settings in the store it is given, and reads them from it', async () => {
    const store = new MemoryModerationStore();
    const saved: ModerationSettings = { slowModeSeconds: 5, blocklist: ['spoiler'], bans: { [AUTHOR]: { kind: 'ban', at: 1 } } };
    await store.save('demo', saved);
    await withMessage({ audience: { moderationStore: store } });
    const token = await fixture.token('demo', 'moderator');
    const read = await fixture.request({ method: 'GET', url: '/v1/shows/demo/moderation', headers: bearer(token) });
    expect(read.json()).toEqual({ slowModeSeconds: 5, blocklist: ['spoiler'], banned: [AUTHOR], shadowBanned: [] });
    await moderate(token, { action: 'unban', authorId: AUTHOR });
    await moderate(token, { action: 'slow-mode', seconds: 0 });
    expect(await store.load('demo')).toEqual({ slowModeSeconds: 0, blocklist: ['spoiler'], bans: {} });
  });
});
