import { DEFAULT_REACTION_KINDS } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { TAGS } from '../../constants.js';
import { VERSION } from '../../version.js';
import { ReactEvent } from '../audience-events.js';
import { formatNumber } from '../audience-format.js';
import { withReactionsDefaults, type ReactionsStrings } from '../audience-strings.js';
import { particlePlan } from './particle-plan.js';
import { reactionsStyles } from './reactions.styles.js';

/** A live `reaction.tick`: reactions since the previous tick, and the show's totals. */
export interface ReactionTick {
  counts: Readonly<Record<string, number>>;
  totals: Readonly<Record<string, number>>;
}

/** The emoji of the relay's default kinds. */
export const DEFAULT_REACTION_EMOJI: Readonly<Record<string, string>> = Object.freeze({
  heart: '❤️',
  fire: '🔥',
  clap: '👏',
  laugh: '😂',
  wow: '😮',
});

/** The relay ticks every 250 ms: a tick's particles set off over that time, not all at once. */
const TICK_SPREAD_MS = 250;
/** A reaction of this viewer's not seen in a tick by then was refused (rate limit) or lost. */
const OWN_PENDING_MS = 3_000;
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

const kindsAttribute = {
  fromAttribute: (value: string | null) => (value ? value.split(/[\s,]+/).filter(Boolean) : undefined),
};

/**
 * The reaction buttons, and the audience's reactions floating up from them.
 *
 * Pressing a button fires `live-shop-react {kind}` (the player sends it) and shows the
 * viewer's own reaction at once. Each `tick` (a live `reaction.tick`, set by the player)
 * floats the others' reactions, batched: however large the counts, a tick shows a few
 * particles in proportion to them (every one while there are few, logarithmically more
 * as they pile up) and never more than `maxParticles` at once. Particles move with
 * transform and opacity only.
 *
 * With `prefers-reduced-motion: reduce` nothing floats: each button shows the kind's
 * total instead (compact, in the locale's digits).
 *
 * @tag live-shop-reactions
 * @csspart base - The whole element.
 * @csspart buttons - The group of buttons.
 * @csspart button - Each reaction button.
 * @csspart emoji - The emoji on a button.
 * @csspart count - A kind's total on its button (reduced motion only).
 * @csspart stage - Where the reactions float (above the buttons; takes no room and no clicks).
 * @csspart particle - Each floating reaction.
 * @cssprop --live-shop-reactions-background - The buttons' background; defaults to --live-shop-surface.
 * @cssprop --live-shop-reactions-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-reactions-accent - The focus ring; defaults to --live-shop-accent.
 * @cssprop --live-shop-reactions-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-reactions-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-reactions-button-size - Height (and minimum width) of a button (default 40px).
 * @cssprop --live-shop-reactions-gap - Space between buttons.
 * @cssprop --live-shop-reactions-particle-size - Size of a floating reaction (default 28px).
 * @cssprop --live-shop-reactions-rise - How far reactions float up (default 220px).
 * @cssprop --live-shop-reactions-duration - How long one floats (default 2000ms; each varies a little).
 * @fires live-shop-react - {@link ReactEvent}
 */
export class LiveReactions extends LitElement {
  static readonly version = VERSION;
  static override styles = reactionsStyles;
  static override properties: PropertyDeclarations = {
    kinds: { converter: kindsAttribute },
    tick: { attribute: false },
    emoji: { attribute: false },
    locale: { reflect: true },
    strings: { attribute: false },
    maxParticles: { type: Number, attribute: 'max-particles' },
    reducedMotion: { state: true },
  };

  /** The reaction kinds offered, in order; default the relay's (heart, fire, clap, laugh, wow). Attribute: `kinds="heart fire"`. */
  declare kinds: readonly string[];
  /** The latest live `reaction.tick` (`{counts, totals}`); each new object floats its counts. */
  declare tick: ReactionTick | undefined;
  /** Emoji per kind, added to (or replacing) {@link DEFAULT_REACTION_EMOJI}. */
  declare emoji: Readonly<Record<string, string>> | undefined;
  /** BCP 47 locale for the totals; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link ReactionsStrings}. */
  declare strings: Partial<ReactionsStrings> | undefined;
  /** At most this many reactions float at once (default 24). */
  declare maxParticles: number;
  declare protected reducedMotion: boolean;

  /** This viewer's reactions not yet seen in a tick: shown at once, so not floated again when the tick brings them. */
  #ownPending: { kind: string; at: number }[] = [];
  /** The others' reactions of the last tick, to float once it is rendered. */
  #toFloat: Record<string, number> | undefined;
  readonly #particles = new Set<HTMLElement>();
  #motionQuery: MediaQueryList | undefined;

  constructor() {
    super();
    this.kinds = DEFAULT_REACTION_KINDS;
    this.maxParticles = 24;
    this.reducedMotion = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#motionQuery = globalThis.matchMedia?.(REDUCED_MOTION);
    this.#motionQuery?.addEventListener('change', this.#onMotionChange);
    this.reducedMotion = this.#motionQuery?.matches ?? false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#motionQuery?.removeEventListener('change', this.#onMotionChange);
    this.#clearParticles();
  }

  /** How many reactions float now (at most `maxParticles`). */
  get floating(): number {
    return this.#particles.size;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('tick') || !this.tick) return;
    // The tick counts this viewer's reactions too: those floated when pressed.
    const { counts } = this.tick;
    const now = Date.now();
    const mine: Record<string, number> = {};
    const pending: { kind: string; at: number }[] = [];
    for (const own of this.#ownPending) {
      if (now - own.at >= OWN_PENDING_MS) continue;
      if ((counts[own.kind] ?? 0) > (mine[own.kind] ?? 0)) mine[own.kind] = (mine[own.kind] ?? 0) + 1;
      else pending.push(own);
    }
    const others: Record<string, number> = {};
    for (const [kind, count] of Object.entries(counts)) if (count - (mine[kind] ?? 0) > 0) others[kind] = count - (mine[kind] ?? 0);
    this.#ownPending = pending;
    this.#toFloat = others;
  }

  protected override updated(): void {
    const others = this.#toFloat;
    this.#toFloat = undefined;
    if (others) this.#float(others);
  }

  protected override render(): TemplateResult {
    const strings = withReactionsDefaults(this.strings);
    return html`
      <div part="base" class="base">
        <div part="stage" class="stage" aria-hidden="true"></div>
        <div part="buttons" class="buttons" role="group" aria-label=${strings.reactions}>
          ${this.kinds.map((kind) => this.#renderButton(kind, strings))}
        </div>
      </div>
    `;
  }

  #renderButton(kind: string, strings: ReactionsStrings): TemplateResult {
    const total = this.reducedMotion ? this.#total(kind) : 0;
    // The name is text in the button (not aria-label), so the total joins it: "Heart 1.2K".
    return html`<button part="button" class="button" type="button" data-kind=${kind} @click=${this.#onClick}>
      <span part="emoji" class="emoji" aria-hidden="true">${this.#emojiOf(kind) ?? kind}</span
      ><span class="visually-hidden">${strings.kindNames[kind] ?? kind}</span>${total > 0
        ? html`<span part="count" class="count">${formatNumber(total, this.locale, 'compact')}</span>`
        : nothing}
    </button>`;
  }

  /** The show's total of a kind, with this viewer's own reactions that the last tick did not count yet. */
  #total(kind: string): number {
    const now = Date.now();
    const pending = this.#ownPending.filter((own) => own.kind === kind && now - own.at < OWN_PENDING_MS).length;
    return (this.tick?.totals[kind] ?? 0) + pending;
  }

  #emojiOf(kind: string): string | undefined {
    return this.emoji?.[kind] ?? DEFAULT_REACTION_EMOJI[kind];
  }

  #onClick = (event: Event): void => {
    const kind = (event.currentTarget as HTMLElement).dataset.kind;
    if (kind === undefined || !this.dispatchEvent(new ReactEvent({ kind }))) return;
    this.#ownPending.push({ kind, at: Date.now() });
    if (this.reducedMotion) {
      this.requestUpdate();
      return;
    }
    // Above its own button: placed from the button's index, without reading layout.
    const index = Math.max(0, this.kinds.indexOf(kind));
    this.#spawn(kind, { own: true, x: ((index + 0.5) / Math.max(1, this.kinds.length)) * 100, delay: 0 });
  };

  #onMotionChange = (query: MediaQueryListEvent): void => {
    this.reducedMotion = query.matches;
    if (query.matches) this.#clearParticles();
  };

  #float(others: Record<string, number>): void {
    // Hidden or still: nothing floats (a background tab would pile up particles that never finish).
    if (this.reducedMotion || document.visibilityState === 'hidden') return;
    const known = Object.fromEntries(Object.entries(others).filter(([kind]) => this.#emojiOf(kind) !== undefined));
    const plan = particlePlan(known, this.maxParticles - this.#particles.size);
    plan.forEach((kind, index) => {
      this.#spawn(kind, { own: false, x: 8 + Math.random() * 84, delay: Math.round((index / plan.length) * TICK_SPREAD_MS) });
    });
  }

  #spawn(kind: string, { own, x, delay }: { own: boolean; x: number; delay: number }): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    const emoji = this.#emojiOf(kind);
    if (!stage || emoji === undefined) return;
    if (this.#particles.size >= this.maxParticles) {
      // The viewer's own reaction always shows: it takes the place of the oldest.
      const oldest = own ? this.#particles.values().next().value : undefined;
      if (!oldest) return;
      this.#remove(oldest);
    }
    const particle = document.createElement('span');
    particle.className = own ? 'particle own' : 'particle';
    particle.setAttribute('part', 'particle');
    particle.textContent = emoji;
    // Set once, before it is in the page; the animation itself only moves transform and opacity.
    particle.style.setProperty('--x', `${x.toFixed(1)}%`);
    particle.style.setProperty('--drift', `${Math.round((Math.random() - 0.5) * 64)}px`);
    particle.style.setProperty('--delay', `${delay}ms`);
    particle.style.setProperty('--duration', `calc(var(--live-shop-reactions-duration) * ${(0.8 + Math.random() * 0.4).toFixed(2)})`);
    const done = (): void => this.#remove(particle);
    particle.addEventListener('animationend', done, { once: true });
    particle.addEventListener('animationcancel', done, { once: true });
    this.#particles.add(particle);
    stage.append(particle);
  }

  #remove(particle: HTMLElement): void {
    this.#particles.delete(particle);
    particle.remove();
  }

  #clearParticles(): void {
    for (const particle of this.#particles) particle.remove();
    this.#particles.clear();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.reactions]: LiveReactions;
  }
}
