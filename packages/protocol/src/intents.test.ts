import { describe, expect, it } from 'vitest';
import { validateIntent } from './intents.js';

describe('validateIntent', () => {
  it('trims chat text and name, and keeps markup as the same string', () => {
    expect(validateIntent('chat.send', { text: '  <script>alert(1)</script> ', name: ' Ann ' })).toEqual({
      ok: true,
      value: { text: '<script>alert(1)</script>', name: 'Ann' },
    });
  });

  it.each([
    [{ text: '   ', name: 'Ann' }, 'text', 'text must not be empty'],
    [{ text: 'x'.repeat(501), name: 'Ann' }, 'text', 'text must be at most 500 characters'],
    [{ text: 'hi', name: 'x'.repeat(51) }, 'name', 'name must be at most 50 characters'],
    [{ text: 'hi', name: '' }, 'name', 'name must not be empty'],
    [{ text: 'hi', name: 'Ann\nBob' }, 'name', 'name must be one line of text without control characters'],
    [{ text: 'hi\u202Eevil', name: 'Ann' }, 'text', 'text must not contain control characters'],
    [{ text: 42, name: 'Ann' }, 'text', 'text must be text'],
    [{ name: 'Ann' }, 'text', 'text is required'],
    [{ text: 'hi', name: 'Ann', role: 'producer' }, 'role', 'role is not a field of chat.send; see {"text": "Love it!", "name": "Ann"}'],
  ])('refuses chat %j at %s', (input, path, message) => {
    expect(validateIntent('chat.send', input)).toEqual({ ok: false, error: { code: 'invalid_intent', path, message } });
  });

  it('keeps a multi-line message and 500 characters after trimming', () => {
    expect(validateIntent('chat.send', { text: `line 1\nline 2${' '.repeat(10)}`, name: 'A' })).toMatchObject({ ok: true, value: { text: 'line 1\nline 2' } });
    expect(validateIntent('chat.send', { text: ` ${'x'.repeat(500)} `, name: 'A' }).ok).toBe(true);
  });

  it('explains a missing object with an example', () => {
    expect(validateIntent('reaction.send', 'heart')).toEqual({
      ok: false,
      error: { code: 'invalid_intent', message: 'reaction.send needs an object such as {"kind": "heart"}' },
    });
  });

  it('checks reaction kinds and votes', () => {
    expect(validateIntent('reaction.send', { kind: 'heart' })).toEqual({ ok: true, value: { kind: 'heart' } });
    expect(validateIntent('reaction.send', { kind: '<b>' })).toMatchObject({ ok: false, error: { path: 'kind' } });
    expect(validateIntent('poll.vote', { pollId: 'q1', optionId: '' })).toMatchObject({ ok: false, error: { path: 'optionId', message: 'optionId must not be empty' } });
  });

  it('checks moderation actions by their action', () => {
    expect(validateIntent('moderate', { action: 'delete', messageId: 'm1' })).toEqual({ ok: true, value: { action: 'delete', messageId: 'm1' } });
    expect(validateIntent('moderate', { action: 'unpin' }).ok).toBe(true);
    expect(validateIntent('moderate', { action: 'nuke' })).toMatchObject({
      ok: false,
      error: { path: 'action', message: 'action must be one of delete, pin, unpin, ban, unban, shadow-ban, slow-mode, blocklist' },
    });
    expect(validateIntent('moderate', { action: 'ban' })).toMatchObject({ ok: false, error: { path: 'authorId', message: 'authorId is required' } });
    expect(validateIntent('moderate', { action: 'slow-mode', seconds: 1.5 })).toMatchObject({ ok: false, error: { path: 'seconds' } });
    expect(validateIntent('moderate', { action: 'slow-mode', seconds: 3601 })).toMatchObject({ ok: false, error: { path: 'seconds' } });
    expect(validateIntent('moderate', { action: 'blocklist', add: [' Spam '] })).toEqual({ ok: true, value: { action: 'blocklist', add: ['Spam'] } });
    expect(validateIntent('moderate', { action: 'blocklist', add: ['ok', ''] })).toMatchObject({ ok: false, error: { path: 'add.1' } });
  });
});
