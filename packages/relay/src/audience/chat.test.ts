import type { AnyEnvelope, EventData, IntentAck } from '@live-shop/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createAudienceFixture, type AudienceFixture, type Viewer } from '../testing/audience-fixture.js';

let fixture: AudienceFixture;
afterEach(() => fixture.close());

type ChatAck = IntentAck<{ messageId: string; nextSendInMs?: number }>;

function say(viewer: Viewer, text: unknown, name: unknown = 'Ann'): Promise<ChatAck> {
  return viewer.socket.emitWithAck('chat.send', { text, name } as { text: string; name: string });
}

function chatMessages(events: readonly AnyEnvelope[]): EventData<'chat.message'>[] {
  return events.flatMap((event) => (event.type === 'chat.message' ? [event.data] : []));
}

async function log(): Promise<AnyEnvelope[]> {
  return fixture.relay.shows.eventsAfter('demo');
}

async function moderator(): Promise<Viewer> {
  return fixture.join({ show: 'demo', token: await fixture.token('demo', 'moderator') });
}

async function moderate(by: Viewer, action: Record<string, unknown>): Promise<IntentAck> {
  const ack = await by.socket.emitWithAck('moderate', action as never);
  if (!ack.ok) throw new Error(`moderation refused: ${ack.error.message}`);
  return ack;
}

describe('chat', () => {
  it('turns chat.send into a chat.message for everyone, with text kept as text', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    const bob = await fixture.join();
    const ack = await say(ann, '  <script>alert("hi")</script>  ', ' <b>Ann</b> ');
    expect(ack).toEqual({ ok: true, messageId: expect.any(String) });
    await bob.settle();
    const [message] = chatMessages(bob.events);
    expect(message).toEqual({
      messageId: ack.ok ? ack.messageId : '',
      text: '<script>alert("hi")</script>',
      author: { id: expect.stringMatching(/^v_[\w-]{22}$/), name: '<b>Ann</b>', role: 'viewer' },
    });
    expect(chatMessages(await log())).toEqual([message]);
    // The published id is not what the browser claimed, so nobody can claim it back.
    expect(message?.author.id).not.toContain('ann-browser-1');
  });

  it('gives a viewer the same author id on reconnect, another in another show, and a random one without a claim', async () => {
    fixture = await createAudienceFixture();
    await fixture.createShow('other');
    const authorOf = async (auth: Record<string, unknown>): Promise<string | undefined> => {
      const viewer = await fixture.join(auth);
      await say(viewer, 'hello');
      viewer.socket.disconnect();
      const messages = chatMessages(await fixture.relay.shows.eventsAfter(auth.show as string));
      return messages[messages.length - 1]?.author.id;
    };
    const first = await authorOf({ show: 'demo', viewerId: 'ann-browser-1' });
    expect(await authorOf({ show: 'demo', viewerId: 'ann-browser-1' })).toBe(first);
    expect(await authorOf({ show: 'other', viewerId: 'ann-browser-1' })).not.toBe(first);
    const anonymous = await authorOf({ show: 'demo' });
    expect(anonymous).not.toBe(first);
    expect(await authorOf({ show: 'demo' })).not.toBe(anonymous);
  });

  it('tells each socket its own author id in the join snapshot, so a player can mark its messages after a reload', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    const bob = await fixture.join({ show: 'demo', viewerId: 'bob-browser-1' });
    await say(ann, 'hello');
    await bob.settle();
    const [message] = chatMessages(bob.events);
    expect(ann.snapshot.authorId).toBe(message?.author.id);
    expect(bob.snapshot.authorId).toMatch(/^v_[\w-]{22}$/);
    expect(bob.snapshot.authorId).not.toBe(ann.snapshot.authorId);
    // After a reload (same stored id), the same author id: the earlier message is still theirs.
    const annAgain = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    expect(annAgain.snapshot.authorId).toBe(message?.author.id);
  });

  it('takes the role from the token', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const producer = await fixture.join({ show: 'demo', token: await fixture.token('demo', 'producer') });
    const viewer = await fixture.join({ show: 'demo', token: await fixture.token('demo', 'viewer') });
    for (const [who, name] of [[mod, 'Mo'], [producer, 'Pat'], [viewer, 'Vi']] as const) expect((await say(who, 'hi', name)).ok).toBe(true);
    expect(chatMessages(await log()).map((message) => [message.author.name, message.author.role])).toEqual([
      ['Mo', 'moderator'],
      ['Pat', 'producer'],
      ['Vi', 'viewer'],
    ]);
  });

  it('refuses empty and too long text and names, naming the field, and logs nothing', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    expect(await say(ann, '   ')).toEqual({ ok: false, error: { code: 'invalid_intent', path: 'text', message: 'text must not be empty' } });
    expect(await say(ann, 'x'.repeat(501))).toMatchObject({ ok: false, error: { code: 'invalid_intent', path: 'text', message: 'text must be at most 500 characters' } });
    expect(await say(ann, 'hi', 'n'.repeat(51))).toMatchObject({ ok: false, error: { path: 'name', message: 'name must be at most 50 characters' } });
    expect(await say(ann, 'hi', '')).toMatchObject({ ok: false, error: { path: 'name' } });
    expect(await say(ann, 42)).toMatchObject({ ok: false, error: { path: 'text', message: 'text must be text' } });
    expect(await log()).toEqual([]);
    expect(await say(ann, ` ${'x'.repeat(500)} `, ` ${'n'.repeat(50)} `)).toMatchObject({ ok: true });
  });

  it('limits each viewer to 5 messages at once, then one every 2 s', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    const bob = await fixture.join();
    for (let index = 0; index < 5; index++) expect((await say(ann, `m${index}`)).ok).toBe(true);
    const refused = await say(ann, 'one too many');
    expect(refused).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'You are sending messages too fast; wait 2 s and send it again.', retryAfterMs: 2000 },
    });
    // Another viewer has a bucket of their own.
    expect((await say(bob, 'me too')).ok).toBe(true);
    fixture.clock.advance(2000);
    expect((await say(ann, 'again')).ok).toBe(true);
    expect((await say(ann, 'and again')).ok).toBe(false);
  });

  it('keeps slow mode: one message per viewer every N seconds, moderators exempt', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const ann = await fixture.join();
    await moderate(mod, { action: 'slow-mode', seconds: 30 });
    // The acknowledgement says how long until the next message is taken.
    expect(await say(ann, 'first')).toEqual({ ok: true, messageId: expect.any(String), nextSendInMs: 30_000 });
    fixture.clock.advance(10_000);
    expect(await say(ann, 'second')).toEqual({
      ok: false,
      error: { code: 'slow_mode', message: 'Slow mode is on: one message every 30 s; wait 20 s and send it again.', retryAfterMs: 20_000 },
    });
    expect((await say(mod, 'mods can talk')).ok).toBe(true);
    expect((await say(mod, 'and talk')).ok).toBe(true);
    fixture.clock.advance(20_000);
    expect((await say(ann, 'second')).ok).toBe(true);
    await moderate(mod, { action: 'slow-mode', seconds: 0 });
    expect(await say(ann, 'third')).toEqual({ ok: true, messageId: expect.any(String) });
  });

  it('refuses messages and names with a blocked word, as whole words in any case', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const ann = await fixture.join();
    const ack = await moderate(mod, { action: 'blocklist', add: ['Spam', 'buy now'] });
    expect(ack).toMatchObject({ moderation: { blocklist: ['buy now', 'spam'] } });
    expect(await say(ann, 'Cheap SPAM!')).toEqual({
      ok: false,
      error: { code: 'blocked_word', path: 'text', message: 'Your message contains a word this show does not allow; change it and send again.' },
    });
    expect(await say(ann, 'BUY   NOW please')).toMatchObject({ ok: false, error: { code: 'blocked_word' } });
    expect(await say(ann, 'hi', 'Spam King')).toMatchObject({ ok: false, error: { code: 'blocked_word', path: 'name' } });
    expect((await say(ann, 'a spammer in antispam gear, buy nowhere')).ok).toBe(true);
    await moderate(mod, { action: 'blocklist', remove: ['SPAM'] });
    expect((await say(ann, 'spam is fine now')).ok).toBe(true);
    expect(chatMessages(await log()).map((message) => message.text)).toEqual(['a spammer in antispam gear, buy nowhere', 'spam is fine now']);
  });

  it('lets a moderator delete and pin a message over the socket', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const ann = await fixture.join();
    const sent = await say(ann, 'pin me');
    const messageId = sent.ok ? sent.messageId : '';
    expect(await moderate(mod, { action: 'pin', messageId })).toMatchObject({ ok: true, event: { type: 'chat.pin', data: { messageId } } });
    expect((await fixture.relay.shows.state('demo')).state.chat.pinnedId).toBe(messageId);
    expect(await moderate(mod, { action: 'delete', messageId })).toMatchObject({ event: { type: 'chat.delete', data: { messageId } } });
    const { state } = await fixture.relay.shows.state('demo');
    expect(state.chat).toEqual({ messages: [], pinnedId: null });
    await ann.settle();
    expect(ann.events.map((event) => event.type)).toEqual(['chat.message', 'chat.pin', 'chat.delete']);
  });

  it('refuses moderation from viewer connections', async () => {
    fixture = await createAudienceFixture();
    const ann = await fixture.join();
    const sent = await say(ann, 'hello');
    const viewerWithToken = await fixture.join({ show: 'demo', token: await fixture.token('demo', 'viewer') });
    for (const viewer of [ann, viewerWithToken]) {
      for (const action of [
        { action: 'delete', messageId: sent.ok ? sent.messageId : '' },
        { action: 'pin', messageId: sent.ok ? sent.messageId : '' },
        { action: 'ban', authorId: 'v_aaaaaaaaaaaaaaaaaaaaaa' },
      ]) {
        expect(await viewer.socket.emitWithAck('moderate', action as never)).toEqual({
          ok: false,
          error: { code: 'forbidden_role', message: 'A viewer connection cannot moderate; connect with a moderator or producer token of this show.' },
        });
      }
    }
    expect((await log()).map((event) => event.type)).toEqual(['chat.message']);
  });

  it('refuses a banned viewer\'s messages until unbanned, on every tab', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const ann = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    const annSecondTab = await fixture.join({ show: 'demo', viewerId: 'ann-browser-1' });
    await say(ann, 'rude words');
    const authorId = chatMessages(await log())[0]?.author.id ?? '';
    const ack = await moderate(mod, { action: 'ban', authorId });
    expect(ack).toMatchObject({ moderation: { banned: [authorId], shadowBanned: [] } });
    for (const tab of [ann, annSecondTab]) {
      expect(await say(tab, 'hello?')).toEqual({
        ok: false,
        error: { code: 'banned', message: 'You cannot chat in this show: a moderator has banned you from the chat.' },
      });
    }
    await moderate(mod, { action: 'unban', authorId });
    expect((await say(ann, 'sorry')).ok).toBe(true);
    expect(chatMessages(await log()).map((message) => message.text)).toEqual(['rude words', 'sorry']);
  });

  it('shows a shadow-banned viewer their own messages, and nobody else, and keeps them out of the log', async () => {
    fixture = await createAudienceFixture();
    const mod = await moderator();
    const troll = await fixture.join({ show: 'demo', viewerId: 'troll-browser-1' });
    const trollSecondTab = await fixture.join({ show: 'demo', viewerId: 'troll-browser-1' });
    const bob = await fixture.join();
    await say(troll, 'first');
    const authorId = chatMessages(await log())[0]?.author.id ?? '';
    await moderate(mod, { action: 'shadow-ban', authorId });

    const ack = await say(troll, 'nobody sees this', 'Troll');
    // The same answer as any accepted message.
    expect(ack).toEqual({ ok: true, messageId: expect.any(String) });
    const messageId = ack.ok ? ack.messageId : '';
    for (const viewer of [troll, trollSecondTab, bob, mod]) await viewer.settle();
    const expected = { messageId, text: 'nobody sees this', author: { id: authorId, name: 'Troll', role: 'viewer' } };
    for (const tab of [troll, trollSecondTab]) {
      expect(tab.liveOf('chat.message').map((envelope) => envelope.data)).toEqual([expected]);
      expect(chatMessages(tab.events).map((message) => message.text)).toEqual(['first']);
    }
    for (const other of [bob, mod]) {
      expect(other.liveOf('chat.message')).toEqual([]);
      expect(chatMessages(other.events).map((message) => message.text)).toEqual(['first']);
    }
    // Not in the log, so it took no seq: nobody sees a gap.
    expect((await log()).map((event) => event.type)).toEqual(['chat.message']);
    // Moderation cannot pin it either: it is in no chat but the author's.
    expect(await mod.socket.emitWithAck('moderate', { action: 'pin', messageId })).toMatchObject({ ok: false, error: { code: 'message_not_found', path: 'messageId' } });

    // After a reload the author still sees it (sent with the join's live values).
    troll.socket.disconnect();
    const again = await fixture.join({ show: 'demo', viewerId: 'troll-browser-1' });
    expect(again.liveOf('chat.message').map((envelope) => envelope.data)).toEqual([expected]);
    // A shadow-banned viewer meets the same limits as anyone.
    for (let index = 0; index < 3; index++) expect((await say(again, `more ${index}`)).ok).toBe(true);
    expect(await say(again, 'too fast')).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});
