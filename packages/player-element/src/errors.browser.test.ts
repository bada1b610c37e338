import { afterEach, expect, inject, test } from 'vitest';
import './define.js';
import { EVENTS } from './constants.js';
import type { LiveShopElement } from './live-shop.js';
import { nextEvent } from './test-helpers.js';

const origin = inject('simulatorOrigin');

afterEach(() => document.body.replaceChildren());

function shownError(player: LiveShopElement): string | undefined {
  return player.shadowRoot?.querySelector('[part="error"]')?.textContent?.trim();
}

test('a player without src or playback-id says so', async () => {
  const player = document.createElement('live-shop');
  const error = nextEvent(player, EVENTS.error, 5_000);
  document.body.append(player);
  const { detail } = await error;
  expect(detail.code).toBe('no-video');
  await player.updateComplete;
  expect(shownError(player)).toBe(detail.message);
  expect(player.shadowRoot?.querySelector('[part="error"]')?.getAttribute('role')).toBe('alert');
});

test('a stream that cannot be loaded shows what happened and what to do', async () => {
  const player = document.createElement('live-shop');
  player.src = `${origin}/hls/no-such-stream.m3u8`;
  player.strings = { errors: { 'stream-network': 'Vidéo indisponible : vérifiez votre connexion.' } };
  const error = nextEvent(player, EVENTS.error, 20_000);
  document.body.append(player);
  const { detail } = await error;
  expect(detail).toEqual({ code: 'stream-network', message: 'Vidéo indisponible : vérifiez votre connexion.' });
  await player.updateComplete;
  expect(shownError(player)).toBe(detail.message);
});
