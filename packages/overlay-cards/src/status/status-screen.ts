import { isHttpUrl, type ShowState } from '@live-shop/protocol';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatCountdown, secondsLeft } from '../clock/countdown.js';
import { msToNextSecond, ServerClock, serverNow } from '../clock/server-clock.js';
import { TAGS } from '../constants.js';
import { fill } from '../strings.js';
import { VERSION } from '../version.js';
import { showCalendar } from './ics.js';
import { DAY, formatStartTime, relativeStart } from './start-time.js';
import { RemindMeEvent, WatchReplayEvent } from './status-events.js';
import { withStatusDefaults, type StatusStrings } from './status-strings.js';
import { statusScreenStyles } from './status-screen.styles.js';

type ShowStatus = ShowState['status'];

/** How long a blob: URL of a calendar file stays valid: long enough for any browser to start the download. */
const CALENDAR_URL_LIFETIME_MS = 60_000;

function hasReplay(status: ShowStatus, replayUrl: string | undefined): boolean {
  return status.phase === 'replay-ready' || !!status.replay?.src || !!status.replay?.playbackId || replayUrl !== undefined;
}

/** The link of a page, if a viewer may be sent there: absolute http(s) only. */
function safeUrl(url: string | undefined): string | undefined {
  return url !== undefined && isHttpUrl(url) ? new URL(url).href : undefined;
}

function fileName(title: string): string {
  const slug = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'live-show'}.ics`;
}

/**
 * What a viewer sees when there is no live video: a scheduled show (title, start time
 * per locale and how far away, a countdown from 24 hours out, **Add to calendar** and
 * **Remind me**), an ended show ("This show has ended", and **Watch the replay** when
 * there is one), and a show whose replay is ready (the same, the replay button
 * emphasized). A live show shows nothing here: the player has its own status line, and
 * nothing may cover the video. Phase changes are announced in a polite live region.
 *
 * **Add to calendar** downloads an .ics file (RFC 5545) made in the browser. **Remind me**
 * fires `live-shop-remind-me` for the host page to sign the viewer up; unless cancelled,
 * the element confirms ("Reminder set…", `reminderSet`). **Watch the replay** fires
 * `live-shop-watch-replay` (the player cancels it and switches to replay); with a
 * `replayUrl` the button is a link to it, followed unless the event is cancelled.
 *
 * Times count on the relay's clock (`Date.now() + serverOffset`). Show text is rendered
 * as text, and escaped in the calendar file.
 *
 * @tag live-shop-status-screen
 * @csspart base - The screen (not rendered while live).
 * @csspart eyebrow - "Upcoming live show".
 * @csspart title - The show title (an h2).
 * @csspart start-time - The start date and time.
 * @csspart relative-time - "in 3 days", "in 2 hours".
 * @csspart countdown - "Starts in 02:14:09" (under 24 hours), "Starting soon".
 * @csspart actions - The row of buttons.
 * @csspart calendar-button - "Add to calendar".
 * @csspart remind-button - "Remind me".
 * @csspart confirmation - "Reminder set…".
 * @csspart message - "This show has ended" / "The replay is ready".
 * @csspart replay-button - "Watch the replay" (a link with `replayUrl`); also `emphasized` when the replay is ready.
 * @cssstate scheduled - Also live, ended, replay-ready: the show's phase.
 * @cssprop --live-shop-status-background - Defaults to --live-shop-surface.
 * @cssprop --live-shop-status-color - Defaults to --live-shop-text.
 * @cssprop --live-shop-status-accent - Buttons; defaults to --live-shop-accent.
 * @cssprop --live-shop-status-accent-text - Text on the accent colour.
 * @cssprop --live-shop-status-radius - Defaults to --live-shop-radius.
 * @cssprop --live-shop-status-font - Defaults to --live-shop-font.
 * @cssprop --live-shop-status-padding - Space inside the screen.
 * @cssprop --live-shop-status-max-width - Width of the content column.
 * @fires live-shop-remind-me - {@link RemindMeEvent} (cancelable).
 * @fires live-shop-watch-replay - {@link WatchReplayEvent} (cancelable).
 */
export class StatusScreen extends LitElement {
  static readonly version = VERSION;
  static override styles = statusScreenStyles;
  static override properties: PropertyDeclarations = {
    status: { attribute: false },
    show: {},
    serverOffset: { type: Number, attribute: 'server-offset' },
    locale: { reflect: true },
    timeZone: { attribute: 'time-zone' },
    strings: { attribute: false },
    showUrl: { attribute: 'show-url' },
    replayUrl: { attribute: 'replay-url' },
    durationMinutes: { type: Number, attribute: 'duration-minutes' },
    reminderSet: { type: Boolean, attribute: 'reminder-set', reflect: true },
    announcement: { state: true },
  };

  /** The show's status, as in `ShowState.status` (phase, title, startsAt, replay). */
  declare status: ShowStatus | undefined;
  /** The show id: passed on in events, and part of the calendar entry's UID. */
  declare show: string | undefined;
  /** The relay's clock minus this browser's, in ms (the player learns it at join); 0 if unknown. */
  declare serverOffset: number;
  /** BCP 47 locale for dates and relative times; defaults to the browser's. */
  declare locale: string | undefined;
  /** IANA time zone for the start time, e.g. "Europe/Paris"; defaults to the viewer's. */
  declare timeZone: string | undefined;
  /** Text overrides; see {@link StatusStrings}. */
  declare strings: Partial<StatusStrings> | undefined;
  /** The page where the show plays, for the calendar entry; defaults to this page. http(s) only. */
  declare showUrl: string | undefined;
  /** A page with the replay: "Watch the replay" links there. http(s) only. */
  declare replayUrl: string | undefined;
  /** The calendar entry's length (default 60). */
  declare durationMinutes: number;
  /**
   * The viewer asked for a reminder: shows the confirmation. Set by "Remind me" unless
   * its event is cancelled; a host page that signs up asynchronously sets it itself.
   */
  declare reminderSet: boolean;
  declare protected announcement: string;

  readonly #clock = new ServerClock(this, (now) => this.#nextChange(now));
  readonly #internals: ElementInternals;
  #phase: string | undefined;
  #replayShown = false;
  #started = false;
  #hadFocus = false;

  constructor() {
    super();
    this.serverOffset = 0;
    this.durationMinutes = 60;
    this.reminderSet = false;
    this.announcement = '';
    this.#internals = this.attachInternals();
  }

  #nextChange(now: number): number | undefined {
    const startsAt = this.status?.phase === 'scheduled' ? this.status.startsAt : undefined;
    if (startsAt === undefined || now >= startsAt) return undefined;
    // A countdown from a day out; before that the relative time ("in 3 days"), checked each minute.
    return startsAt - now <= DAY ? now + msToNextSecond(now, startsAt) : Math.min(startsAt - DAY, now + 60_000);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const now = this.#clock.read();
    this.#hadFocus = this.shadowRoot?.activeElement != null;
    const status = this.status;
    const strings = withStatusDefaults(this.strings);
    const phase = status?.phase;
    const replay = (phase === 'ended' || phase === 'replay-ready') && !!status && hasReplay(status, this.#replayUrl());
    const started = status?.startsAt !== undefined && now >= status.startsAt;
    // Announce changes only: what is on screen when the element appears is read as the page is.
    if (this.hasUpdated) {
      if (phase !== this.#phase && phase !== undefined) this.announcement = this.#phaseText(phase, replay, strings);
      else if (replay && !this.#replayShown) this.announcement = strings.replayReady;
      else if (phase === 'scheduled' && started && !this.#started) this.announcement = strings.startingSoon;
      else if (changed.has('reminderSet') && this.reminderSet) this.announcement = strings.reminderSet;
    }
    this.#phase = phase;
    this.#replayShown = replay;
    this.#started = started;
    for (const state of ['scheduled', 'live', 'ended', 'replay-ready']) this.#setState(state, state === phase);
  }

  protected override updated(): void {
    // A phase change removes the buttons; keep keyboard focus on the screen rather than lose it to the page.
    if (this.#hadFocus && this.shadowRoot?.activeElement == null) this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  #phaseText(phase: string, replay: boolean, strings: StatusStrings): string {
    switch (phase) {
      case 'scheduled':
        return strings.upcoming;
      case 'live':
        return strings.live;
      case 'ended':
        return replay ? `${strings.ended}. ${strings.replayReady}` : strings.ended;
      case 'replay-ready':
        return strings.replayReady;
      default:
        return '';
    }
  }

  #setState(state: string, on: boolean): void {
    // CustomStateSet (Chromium 125, Firefox 126, Safari 17.4): a styling hook only.
    const states = this.#internals.states as Set<string> | undefined;
    if (!states) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  #replayUrl(): string | undefined {
    return safeUrl(this.replayUrl);
  }

  protected override render(): TemplateResult {
    return html`${this.#renderScreen()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  #renderScreen(): TemplateResult | typeof nothing {
    const status = this.status;
    if (!status) return nothing;
    const strings = withStatusDefaults(this.strings);
    switch (status.phase) {
      case 'scheduled':
        return this.#renderScheduled(status, strings);
      case 'ended':
      case 'replay-ready':
        return this.#renderEnded(status, strings);
      default:
        // Live (the video speaks for itself), or a phase from a newer relay: nothing over the video.
        return nothing;
    }
  }

  #renderTitle(status: ShowStatus, strings: StatusStrings): TemplateResult {
    return html`<h2 part="title" class="title" id="title" tabindex="-1">${status.title || strings.untitled}</h2>`;
  }

  #renderScheduled(status: ShowStatus, strings: StatusStrings): TemplateResult {
    const now = this.#clock.now;
    const startsAt = status.startsAt;
    const upcoming = startsAt !== undefined && now < startsAt;
    return html`
      <section part="base" class="base" aria-labelledby="title">
        <p part="eyebrow" class="eyebrow">${strings.upcoming}</p>
        ${this.#renderTitle(status, strings)}
        ${startsAt === undefined
          ? nothing
          : html`<p part="start-time" class="start-time">
                <time datetime=${new Date(startsAt).toISOString()}>${formatStartTime(startsAt, this.locale, this.timeZone)}</time>
              </p>
              ${upcoming ? html`<p part="relative-time" class="relative-time">${relativeStart(now, startsAt, this.locale, this.timeZone)}</p>` : nothing}
              ${!upcoming
                ? html`<p part="countdown" class="countdown">${strings.startingSoon}</p>`
                : startsAt - now <= DAY
                  ? // A timer is not a live region: read when visited, never every second.
                    html`<p part="countdown" class="countdown" role="timer">
                      ${fill(strings.startsIn, { time: formatCountdown(secondsLeft(now, startsAt), this.locale) })}
                    </p>`
                  : nothing}`}
        <div part="actions" class="actions">
          ${upcoming
            ? html`<button part="calendar-button" class="button" type="button" @click=${this.#onAddToCalendar}>${strings.addToCalendar}</button>`
            : nothing}
          <button part="remind-button" class="button secondary" type="button" @click=${this.#onRemindMe}>${strings.remindMe}</button>
        </div>
        ${this.reminderSet ? html`<p part="confirmation" class="confirmation">${strings.reminderSet}</p>` : nothing}
      </section>
    `;
  }

  #renderEnded(status: ShowStatus, strings: StatusStrings): TemplateResult {
    const ready = status.phase === 'replay-ready';
    const replay = hasReplay(status, this.#replayUrl());
    const url = this.#replayUrl();
    const part = ready ? 'replay-button emphasized' : 'replay-button';
    const className = ready ? 'button' : 'button secondary';
    return html`
      <section part="base" class="base" aria-labelledby="title">
        ${this.#renderTitle(status, strings)}
        <p part="message" class="message">${ready ? strings.replayReady : strings.ended}</p>
        ${!replay
          ? nothing
          : url
            ? html`<div part="actions" class="actions">
                <a part=${part} class=${className} href=${url} @click=${this.#onWatchReplay}>${strings.watchReplay}</a>
              </div>`
            : html`<div part="actions" class="actions">
                <button part=${part} class=${className} type="button" @click=${this.#onWatchReplay}>${strings.watchReplay}</button>
              </div>`}
      </section>
    `;
  }

  #onRemindMe = (): void => {
    const status = this.status;
    const event = new RemindMeEvent({ show: this.show, startsAt: status?.startsAt, title: status?.title });
    if (this.dispatchEvent(event)) this.reminderSet = true;
  };

  #onWatchReplay = (click: Event): void => {
    const event = new WatchReplayEvent({ show: this.show, replay: this.status?.replay, url: this.#replayUrl() });
    // Cancelled: the player (or page) plays the replay here; a link is then not followed.
    if (!this.dispatchEvent(event)) click.preventDefault();
  };

  /** The calendar file for the scheduled show, or undefined before a start time is known. */
  calendarFile(): { name: string; text: string } | undefined {
    const status = this.status;
    if (status?.startsAt === undefined) return undefined;
    const strings = withStatusDefaults(this.strings);
    const title = status.title || strings.untitled;
    const url = safeUrl(this.showUrl) ?? safeUrl(location.href);
    const text = showCalendar(
      {
        uid: `live-shop-${this.show ?? fileName(title).slice(0, -4)}@${location.hostname || 'live-shop.invalid'}`,
        start: status.startsAt,
        durationMinutes: this.durationMinutes > 0 ? this.durationMinutes : 60,
        title,
        description: url ? `${strings.calendarDescription}\n${url}` : strings.calendarDescription,
        ...(url ? { url } : {}),
        stamp: serverNow(this.serverOffset),
      },
      `-//live-shop//live-shop ${VERSION}//EN`,
    );
    return { name: fileName(title), text };
  }

  #onAddToCalendar = (): void => {
    const file = this.calendarFile();
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.text], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    // Revoked later, not at once: some browsers start reading the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), CALENDAR_URL_LIFETIME_MS);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    [TAGS.statusScreen]: StatusScreen;
  }
}
