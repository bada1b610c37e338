import { afterEach, expect, test } from 'vitest';
import '../../define.js';
import { EVENTS } from '../../constants.js';
import type { ReactEvent } from '../audience-events.js';
import { axeViolations, emulateReducedMotion, part, parts } from '../test-audience.js';
import type { LiveReactions } from './reactions.js';

async function mount(setup: (reactions: LiveReactions) => void = () => {}): Promise<LiveReactions> {
  const reactions = document.createElement('live-shop-reactions');
  reactions.locale = 'en-US';
  setup(reactions);
  document.body.append(reactions);
  await reactions.updateComplete;
  return reactions;
}

function button(reactions: LiveReactions, kind: string): HTMLButtonElement {
  const found = parts<HTMLButtonElement>(reactions, 'button').find((candidate) => candidate.dataset.kind === kind);
  if (!found) throw new Error(`no ${kind} button`);
  return found;
}

function particles(reactions: LiveReactions): HTMLElement[] {
  return parts(reactions, 'particle');
}

afterEach(async () => {
  document.body.replaceChildren();
  await emulateReducedMotion(undefined);
});

test('a button per reaction kind of the relay, named for screen readers, with no accessibility violations', async () => {
  const reactions = await mount();
  const buttons = parts<HTMLButtonElement>(reactions, 'button');
  expect(buttons.map((candidate) => candidate.dataset.kind)).toEqual(['heart', 'fire', 'clap', 'laugh', 'wow']);
  expect(buttons.map((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['❤️Heart', '🔥Fire', '👏Applause', '😂Laughing', '😮Wow']);
  expect(part(reactions, 'buttons')?.getAttribute('aria-label')).toBe('Send a reaction');
  expect(part(reactions, 'emoji')?.getAttribute('aria-hidden')).toBe('true');
  expect(await axeViolations(reactions)).toEqual([]);
});

test('pressing one fires live-shop-react and floats the viewer’s own reaction at once', async () => {
  const reactions = await mount();
  const received: ReactEvent[] = [];
  document.addEventListener(EVENTS.react, (event) => received.push(event), { once: true });
  button(reactions, 'fire').click();
  expect(received.map((event) => [event.detail, event.bubbles, event.composed, event.cancelable])).toEqual([[{ kind: 'fire' }, true, true, true]]);
  expect(particles(reactions).map((particle) => [particle.textContent, particle.classList.contains('own')])).toEqual([['🔥', true]]);

  // The tick that counts it does not float it again.
  reactions.tick = { counts: { fire: 1 }, totals: { fire: 1 } };
  await reactions.updateComplete;
  expect(reactions.floating).toBe(1);

  // Cancelled: the host page took it over; nothing shows as sent.
  const cancel = (event: ReactEvent) => event.preventDefault();
  document.addEventListener(EVENTS.react, cancel);
  button(reactions, 'heart').click();
  document.removeEventListener(EVENTS.react, cancel);
  expect(reactions.floating).toBe(1);
});

test('a tick of thousands floats a capped number of reactions, in proportion, whatever the counts', async () => {
  const reactions = await mount((element) => (element.maxParticles = 16));
  reactions.tick = { counts: { heart: 5_000, fire: 1_000 }, totals: { heart: 5_000, fire: 1_000 } };
  await reactions.updateComplete;
  const first = particles(reactions).map((particle) => particle.textContent);
  expect(first.length).toBe(16);
  expect(first.filter((emoji) => emoji === '❤️').length).toBeGreaterThan(first.filter((emoji) => emoji === '🔥').length);
  // The next ticks add nothing while the cap is reached.
  for (let tick = 2; tick <= 4; tick++) {
    reactions.tick = { counts: { heart: 5_000 }, totals: { heart: 5_000 * tick, fire: 1_000 } };
    await reactions.updateComplete;
    expect(reactions.floating).toBe(16);
  }
  // The viewer's own still shows, in place of the oldest.
  button(reactions, 'wow').click();
  expect(reactions.floating).toBe(16);
  expect(particles(reactions).at(-1)?.textContent).toBe('😮');
});

test('floats with transform and opacity only, spread over the tick, and removes each when it lands', async () => {
  const reactions = await mount();
  reactions.style.setProperty('--live-shop-reactions-duration', '120ms');
  reactions.tick = { counts: { heart: 4 }, totals: { heart: 4 } };
  await reactions.updateComplete;
  const floating = particles(reactions);
  expect(floating).toHaveLength(4);
  const animations = floating.flatMap((particle) => particle.getAnimations());
  expect(animations).toHaveLength(4);
  const animated = new Set(
    animations.flatMap((animation) => (animation.effect as KeyframeEffect).getKeyframes().flatMap((keyframe) => Object.keys(keyframe))),
  );
  for (const key of ['offset', 'computedOffset', 'easing', 'composite']) animated.delete(key);
  expect([...animated].sort()).toEqual(['opacity', 'transform']);
  const delays = floating.map((particle) => particle.style.getPropertyValue('--delay'));
  expect(new Set(delays).size).toBe(4);
  await expect.poll(() => reactions.floating, { timeout: 3_000 }).toBe(0);
  expect(particles(reactions)).toEqual([]);
});

test('with prefers-reduced-motion: reduce, nothing floats: each button shows its total, the viewer’s own added at once', async () => {
  await emulateReducedMotion('reduce');
  const reactions = await mount();
  reactions.tick = { counts: { heart: 3, clap: 2 }, totals: { heart: 1_234, clap: 2 } };
  await reactions.updateComplete;
  expect(reactions.floating).toBe(0);
  expect(getComputedStyle(part(reactions, 'stage') as HTMLElement).display).toBe('none');
  expect(button(reactions, 'heart').textContent?.replace(/\s+/g, '')).toBe('❤️Heart1.2K');
  expect(button(reactions, 'clap').querySelector('[part="count"]')?.textContent).toBe('2');
  expect(button(reactions, 'fire').querySelector('[part="count"]')).toBeNull();

  button(reactions, 'clap').click();
  await reactions.updateComplete;
  expect(button(reactions, 'clap').querySelector('[part="count"]')?.textContent).toBe('3');
  expect(reactions.floating).toBe(0);
  // The tick that counts it: the same total, not one more.
  reactions.tick = { counts: { clap: 1 }, totals: { heart: 1_234, clap: 3 } };
  await reactions.updateComplete;
  expect(button(reactions, 'clap').querySelector('[part="count"]')?.textContent).toBe('3');
  expect(await axeViolations(reactions)).toEqual([]);

  // The setting changing while the page is open takes effect at once.
  await emulateReducedMotion('no-preference');
  await expect.poll(() => button(reactions, 'clap').querySelector('[part="count"]')).toBeNull();
  button(reactions, 'clap').click();
  expect(reactions.floating).toBe(1);
});

test('kinds, emoji, names and totals follow the page: other kinds, translations, locale digits', async () => {
  await emulateReducedMotion('reduce');
  const reactions = await mount((element) => {
    element.setAttribute('kinds', 'heart star');
    element.emoji = { star: '⭐' };
    element.locale = 'fr-FR';
    element.strings = { reactions: 'Réagir', kindNames: { heart: 'Cœur', star: 'Étoile' } };
  });
  reactions.tick = { counts: {}, totals: { star: 12_345 } };
  await reactions.updateComplete;
  expect(part(reactions, 'buttons')?.getAttribute('aria-label')).toBe('Réagir');
  expect(parts(reactions, 'button').map((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['❤️Cœur', '⭐Étoile12,3 k']);
});
