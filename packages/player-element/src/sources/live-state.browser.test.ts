import type { ShowState } from '@live-shop/protocol';
import { afterEach, expect, test } from 'vitest';
import '../define.js';
import { EVENTS } from '../constants.js';
import type { LiveShopElement } from '../live-shop.js';
import { CustomSource } from './custom-source.js';

const at = Date.now();
const live = (id: string, type: string, data: unknown) => ({ v: 1, id, show: 'demo', type, at, pdt: at, data });

afterEach(() => document.body.replaceChildren());

async function playerWith(source: CustomSource): Promise<LiveShopElement> {
  const player = document.createElement('live-shop');
  player.source = source;
  document.body.append(player);
  await player.updateComplete;
  return player;
}

test('<live-shop> lays the live audience news over `state`, and exposes it as `liveState`', async () => {
  const source = new CustomSource();
  const player = await playerWith(source);
  const changes: ShowState[] = [];
  player.addEventListener(EVENTS.stateChange, (event) => changes.push(event.detail));
  expect(player.liveState).toEqual({ reactions: {}, polls: {}, ownMessages: [] });

  source.pushLive([live('l1', 'viewers.count', { count: 1234 }), live('l2', 'reaction.tick', { counts: { heart: 7 }, totals: { heart: 7 } })]);
  expect(player.liveState.viewers).toBe(1234);
  expect(player.state.viewers).toBe(1234);
  expect(player.state.reactions).toEqual({ heart: 7 });
  // One object while nothing changes (Lit and frameworks compare by identity).
  expect(player.state).toBe(player.state);
  expect(changes.at(-1)).toBe(player.state);
  expect(player.store.$reactionTick.value).toEqual({ counts: { heart: 7 }, totals: { heart: 7 } });

  // Another source starts from nothing.
  player.source = new CustomSource();
  await player.updateComplete;
  expect(player.liveState.viewers).toBeUndefined();
  expect(player.state.viewers).toBe(0);
  expect(player.store.$reactionTick.value).toBeUndefined();
});

test('what a viewer sends goes through `player.source`; a source without a handler refuses it with a message to show', async () => {
  const player = await playerWith(new CustomSource());
  const ack = await player.source?.vote?.('q1', 'red');
  expect(ack).toEqual({ ok: false, error: { code: 'unsupported', message: 'This show does not take poll votes.' } });
});
