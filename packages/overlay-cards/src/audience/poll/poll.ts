import type { Poll } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatCountdown, secondsLeft } from '../../clock/countdown.js';
import { msToNextSecond, ServerClock, serverNow } from '../../clock/server-clock.js';
import { styleProps } from '../../style-props.js';
import { TAGS } from '../../constants.js';
import { fill } from '../../strings.js';
import { VERSION } from '../../version.js';
import { VoteEvent } from '../audience-events.js';
import { fillCount, formatNumber } from '../audience-format.js';
import { withPollDefaults, type PollStrings } from '../audience-strings.js';
import { pollStyles } from './poll.styles.js';

/** The last stretch of voting: announced once, and styled (`:state(closing)`). */
const CLOSING_S = 10;

/** A poll's options with their votes and share of the total. */
function tally(poll: Poll): { total: number; rows: { id: string; text: string; votes: number; share: number }[] } {
  const votes = poll.options.map((option) => Math.max(0, poll.counts[option.id] ?? 0));
  const total = votes.reduce((sum, count) => sum + count, 0);
  return {
    total,
    rows: poll.options.map((option, index) => {
      const count = votes[index] ?? 0;
      return { id: option.id, text: option.text, votes: count, share: total > 0 ? count / total : 0 };
    }),
  };
}

/**
 * A poll of the show: the question and its answers as a radio group with a Vote button;
 * after voting, or once the poll is closed, the live results (votes, percentages and bars,
 * the viewer's own answer marked).
 *
 * Vote fires `live-shop-vote {pollId, optionId}`; the player sends it and answers by
 * setting `votedOptionId` (counted: the results show, and "Your vote for … was counted." is
 * announced) or `error` (refused: the message shows and is announced, and the viewer may
 * vote again). Announcements are polite. Question and answers are rendered as text.
 *
 * A poll with `closesAt` counts down to it on the relay's clock (`Date.now() +
 * serverOffset`, as the offer does), so a viewer whose clock is wrong still sees the right
 * time left, and the screen agrees with the relay, which refuses votes from `closesAt` on.
 * At zero the poll closes on screen without waiting for the relay's `poll.close`: the
 * results show, marked closed, exactly as they will once that event comes. Screen readers
 * hear "10 seconds left to vote" once and "Voting closed" at the end, not every second.
 *
 * @tag live-shop-poll
 * @csspart base - The poll's box.
 * @csspart form - The voting form.
 * @csspart question - The question (the form's legend, or the results' heading).
 * @csspart label - The "Poll" label before the question.
 * @csspart options - The list of answers to choose from.
 * @csspart option - Each answer (a label around its radio button).
 * @csspart vote-button - The Vote button.
 * @csspart results - The list of results.
 * @csspart result - Each answer's result (also `result-voted` for the viewer's own).
 * @csspart option-text - An answer's text in the results.
 * @csspart your-vote - The "Your vote" mark.
 * @csspart percent - An answer's share of the votes.
 * @csspart votes - An answer's number of votes.
 * @csspart bar - An answer's bar; `bar-fill` is its filled part.
 * @csspart bar-fill - The filled part of a bar.
 * @csspart total - The number of votes in all.
 * @csspart closed - The "Poll closed" badge.
 * @csspart countdown - "Closes in 00:42", while the poll takes votes until `closesAt`.
 * @csspart error - Why the vote was refused.
 * @cssprop --live-shop-poll-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-poll-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-poll-muted-color - Secondary text (counts).
 * @cssprop --live-shop-poll-accent - Vote button, focus ring and bars; defaults to --live-shop-accent.
 * @cssprop --live-shop-poll-accent-text - Text on the Vote button.
 * @cssprop --live-shop-poll-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-poll-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-poll-width - Maximum width (default 320px).
 * @cssprop --live-shop-poll-bar-color - Defaults to --live-shop-poll-accent.
 * @cssprop --live-shop-poll-bar-background - The empty part of a bar.
 * @cssprop --live-shop-poll-bar-height - Default 8px.
 * @cssprop --live-shop-poll-shadow - The box's shadow.
 * @cssprop --live-shop-poll-countdown-color - The time left; defaults to --live-shop-poll-muted-color.
 * @cssprop --live-shop-poll-urgent-color - The time left in its last 10 seconds; defaults to --live-shop-poll-accent.
 * @cssstate closing - 10 seconds or less left to vote.
 * @fires live-shop-vote - {@link VoteEvent}
 */
export class LivePoll extends LitElement {
  static readonly version = VERSION;
  static override styles = pollStyles;
  static override properties: PropertyDeclarations = {
    poll: { attribute: false },
    votedOptionId: { attribute: 'voted-option-id' },
    serverOffset: { type: Number, attribute: 'server-offset' },
    error: {},
    locale: { reflect: true },
    strings: { attribute: false },
    selected: { state: true },
    pending: { state: true },
    hint: { state: true },
    announcement: { state: true },
  };

  /** The poll to show (one of `ShowState.polls`, with its live counts). */
  declare poll: Poll | undefined;
  /** The answer this viewer's vote was counted for: the results show, with it marked. */
  declare votedOptionId: string | undefined;
  /** Why the vote was refused, as a sentence to show (the relay's message). */
  declare error: string | undefined;
  /** The relay's clock minus this browser's, in ms (the player learns it at join); 0 if unknown. */
  declare serverOffset: number;
  /** BCP 47 locale for numbers and percentages; defaults to the browser's. */
  declare locale: string | undefined;
  /** Text overrides; see {@link PollStrings}. */
  declare strings: Partial<PollStrings> | undefined;
  declare protected selected: string | undefined;
  /** The answer sent, until `votedOptionId` or `error` says how it went. */
  declare protected pending: string | undefined;
  declare protected hint: string | undefined;
  declare protected announcement: string;

  /** Focus was in the form when it gave way to the results: it moves to them. */
  #focusResults = false;
  readonly #clock = new ServerClock(this, (now) => this.#nextChange(now));
  readonly #internals: ElementInternals;
  /** Seconds left to vote at this update; undefined without `closesAt`, or once the relay closed the poll. */
  #secondsLeft: number | undefined;
  /** Whether the poll takes votes, as of the last update (closing is announced on the change). */
  #open = false;

  constructor() {
    super();
    this.serverOffset = 0;
    this.announcement = '';
    this.#internals = this.attachInternals();
  }

  #nextChange(now: number): number | undefined {
    const closesAt = this.poll?.closed ? undefined : this.poll?.closesAt;
    return closesAt !== undefined && now < closesAt ? now + msToNextSecond(now, closesAt) : undefined;
  }

  /** Whether the poll takes votes at `now` on the relay's clock. */
  #isOpenAt(now: number): boolean {
    const poll = this.poll;
    return !!poll && !poll.closed && (poll.closesAt === undefined || secondsLeft(now, poll.closesAt) > 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const now = this.#clock.read();
    const strings = withPollDefaults(this.strings);
    const poll = this.poll;
    const samePoll = !(changed.has('poll') && changed.get('poll')?.pollId !== poll?.pollId);
    if (!samePoll) {
      // Another poll: nothing chosen, nothing on its way.
      this.selected = this.pending = this.hint = undefined;
      this.announcement = '';
    }
    const previous = samePoll ? this.#secondsLeft : undefined;
    const left = poll && !poll.closed && poll.closesAt !== undefined ? secondsLeft(now, poll.closesAt) : undefined;
    this.#secondsLeft = left;
    const open = this.#isOpenAt(now);
    // A poll that arrives closed (a late join) is not news; one that closes while shown is.
    if (samePoll && this.#open && !open) this.announcement = strings.votingClosed;
    else if (open && left !== undefined && previous !== undefined && left <= CLOSING_S && previous > CLOSING_S) {
      this.announcement = fillCount(strings.secondsLeftToVote, left, formatNumber(left, this.locale), this.locale);
    }
    this.#open = open;
    this.#setState('closing', open && left !== undefined && left <= CLOSING_S);
    const voted = this.#votedOption();
    if (changed.has('votedOptionId') && voted && (this.pending !== undefined || changed.get('votedOptionId') === undefined) && this.hasUpdated) {
      this.announcement = fill(strings.voteCounted, { option: voted.text });
    }
    if (voted) this.pending = undefined;
    if (changed.has('error') && this.error) {
      this.pending = undefined;
      this.announcement = fill(strings.voteFailed, { message: this.error });
    }
    const showsResults = this.#showsResults();
    if (showsResults && this.hasUpdated && this.renderRoot.querySelector('form')?.contains(this.shadowRoot?.activeElement ?? null)) this.#focusResults = true;
  }

  protected override updated(): void {
    if (!this.#focusResults) return;
    this.#focusResults = false;
    this.renderRoot.querySelector<HTMLElement>('.results-group')?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    const poll = this.poll;
    if (!poll) return nothing;
    const strings = withPollDefaults(this.strings);
    const error = this.#showsResults() ? undefined : (this.hint ?? this.error);
    return html`
      <div part="base" class="base">
        ${this.#showsResults() ? this.#renderResults(poll, strings) : this.#renderForm(poll, strings)}
        ${error ? html`<p part="error" class="error">${this.hint ? error : fill(strings.voteFailed, { message: error })}</p>` : nothing}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  #setState(state: string, on: boolean): void {
    // CustomStateSet (Chromium 125, Firefox 126, Safari 17.4): a styling hook only.
    const states = this.#internals.states as Set<string> | undefined;
    if (!states) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  #votedOption(): Poll['options'][number] | undefined {
    return this.votedOptionId === undefined ? undefined : this.poll?.options.find((option) => option.id === this.votedOptionId);
  }

  #showsResults(): boolean {
    return !!this.poll && (!this.#open || this.#votedOption() !== undefined);
  }

  #renderCountdown(strings: PollStrings): TemplateResult | typeof nothing {
    const left = this.#secondsLeft;
    if (left === undefined || !this.#open) return nothing;
    // A timer is not a live region: it is read when visited, never every second.
    return html`<span part="countdown" class="countdown" role="timer">${fill(strings.closesIn, { time: formatCountdown(left, this.locale) })}</span>`;
  }

  #renderForm(poll: Poll, strings: PollStrings): TemplateResult {
    const pending = this.pending !== undefined;
    return html`<form part="form" class="form" @submit=${this.#onSubmit}>
      <fieldset class="fieldset">
        <legend part="question" class="question"><span part="label" class="label">${strings.poll}</span> ${poll.question}</legend>
        <div part="options" class="options">
          ${poll.options.map(
            (option) => html`<label part="option" class="option"
              ><input type="radio" name="option" .value=${option.id} .checked=${live(this.selected === option.id)} @change=${this.#onChange} /><span
                >${option.text}</span
              ></label
            >`,
          )}
        </div>
        <div class="footer">
          <button part="vote-button" class="vote" type="submit" aria-disabled=${pending ? 'true' : 'false'}>${pending ? strings.voting : strings.vote}</button>
          ${this.#renderCountdown(strings)}
        </div>
      </fieldset>
    </form>`;
  }

  #renderResults(poll: Poll, strings: PollStrings): TemplateResult {
    const { total, rows } = tally(poll);
    const locale = this.locale;
    return html`<div class="results-group" role="group" aria-labelledby="question" tabindex="-1">
      <p part="question" class="question" id="question">
        <span part="label" class="label">${strings.poll}</span> ${poll.question}${!this.#open
          ? html` <span part="closed" class="badge">${strings.closed}</span>`
          : nothing}
      </p>
      <ul part="results" class="results">
        ${rows.map((row) => {
          const mine = row.id === this.votedOptionId;
          return html`<li part=${mine ? 'result result-voted' : 'result'} class=${mine ? 'result mine' : 'result'}>
            <div class="row">
              <span part="option-text" class="text">${row.text}</span>
              ${mine ? html`<span part="your-vote" class="your-vote"><span aria-hidden="true">✓ </span>${strings.yourVote}</span>` : nothing}
              <span part="percent" class="percent">${formatNumber(row.share, locale, 'percent')}</span>
              <span part="votes" class="votes">${fillCount(strings.votes, row.votes, formatNumber(row.votes, locale), locale)}</span>
            </div>
            <div part="bar" class="bar" aria-hidden="true">
              <div part="bar-fill" class="fill" style=${styleProps({ transform: `scaleX(${row.share})` })}></div>
            </div>
          </li>`;
        })}
      </ul>
      <div class="footer">
        <p part="total" class="total">${fillCount(strings.votes, total, formatNumber(total, locale), locale)}</p>
        ${this.#renderCountdown(strings)}
      </div>
    </div>`;
  }

  #onChange = (event: Event): void => {
    this.selected = (event.target as HTMLInputElement).value;
    this.hint = undefined;
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const poll = this.poll;
    if (!poll || this.pending !== undefined) return;
    // The time may have run out since the last tick (a background tab's timers are slowed).
    if (!this.#isOpenAt(serverNow(this.serverOffset))) {
      this.requestUpdate();
      return;
    }
    const optionId = this.selected;
    if (optionId === undefined) {
      this.hint = withPollDefaults(this.strings).chooseAnswer;
      this.announcement = this.hint;
      this.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    this.error = undefined;
    this.announcement = '';
    // Cancelled: the host page handles the vote, and sets votedOptionId or error itself.
    if (this.dispatchEvent(new VoteEvent({ pollId: poll.pollId, optionId }))) this.pending = optionId;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.poll]: LivePoll;
  }
}
