import { clockOffset, type AnyEnvelope, type EventInput, type ModerationAction, type ModerationResult, type ModerationView, type ShowState } from '@live-shop/protocol';

/** A failed call to the relay: its HTTP status (0 when it did not answer), code and message. */
export class RelayApiError extends Error {
  override readonly name = 'RelayApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** 401 or 403: the token is missing, invalid, expired, of another show or of another role. */
  get isAuthProblem(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** The request may not have reached the relay (network failure): sending it again is safe with the same event id. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export interface ShowInfo {
  id: string;
  title: string;
  pdtOffsetMs: number;
}

/** What the console asks of the relay over HTTP; an interface so tests can stand in for it. */
export interface ShowApi {
  showInfo(): Promise<ShowInfo>;
  state(): Promise<{ seq: number; state: ShowState }>;
  /** The relay's clock minus this browser's, in ms. */
  clockOffset(): Promise<number>;
  /** Posts an event with the producer token; resolves with the stored envelope. */
  post(input: EventInput, token: string): Promise<AnyEnvelope>;
  /** The show's chat moderation settings (a 404 `not_found` from a relay without moderation). */
  moderation(token: string): Promise<ModerationView>;
  /** Applies a chat moderation action; resolves with the appended event (if any) and the settings after it. */
  moderate(action: ModerationAction, token: string): Promise<ModerationResult>;
}

type Fetch = typeof fetch;

/**
 * The relay's `/v1` HTTP API for one show. Errors are {@link RelayApiError}s carrying the
 * relay's own `error.message`, which already says what to do.
 */
export class RelayApi implements ShowApi {
  readonly #base: string;
  readonly #show: string;
  readonly #fetch: Fetch;

  constructor(server: string, show: string, fetchImpl: Fetch = globalThis.fetch.bind(globalThis)) {
    this.#base = new URL(server, globalThis.location?.href).origin;
    this.#show = show;
    this.#fetch = fetchImpl;
  }

  showInfo(): Promise<ShowInfo> {
    return this.#request<ShowInfo>(`/v1/shows/${encodeURIComponent(this.#show)}`);
  }

  state(): Promise<{ seq: number; state: ShowState }> {
    return this.#request(`/v1/shows/${encodeURIComponent(this.#show)}/state`);
  }

  /**
   * NTP-style: the midpoint of the fastest of three round trips, so one slow answer does
   * not skew countdowns and latency by half its delay.
   */
  async clockOffset(): Promise<number> {
    let best: { offset: number; roundTrip: number } | undefined;
    for (let sample = 0; sample < 3; sample++) {
      const sentAt = Date.now();
      const { now } = await this.#request<{ now: number }>('/v1/time');
      const receivedAt = Date.now();
      const roundTrip = receivedAt - sentAt;
      if (!best || roundTrip < best.roundTrip) best = { offset: clockOffset(sentAt, now, receivedAt), roundTrip };
    }
    return best?.offset ?? 0;
  }

  post(input: EventInput, token: string): Promise<AnyEnvelope> {
    return this.#request<AnyEnvelope>(`/v1/shows/${encodeURIComponent(this.#show)}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  }

  moderation(token: string): Promise<ModerationView> {
    return this.#request<ModerationView>(`/v1/shows/${encodeURIComponent(this.#show)}/moderation`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  moderate(action: ModerationAction, token: string): Promise<ModerationResult> {
    return this.#request<ModerationResult>(`/v1/shows/${encodeURIComponent(this.#show)}/moderation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(action),
    });
  }

  async #request<T>(path: string, init?: RequestInit): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.#base}${path}`, { ...init, cache: 'no-store' });
    } catch {
      throw new RelayApiError(0, 'network_error', `The relay at ${this.#base} did not answer; check the network and try again.`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const message = typeof error?.message === 'string' ? error.message : `The relay answered ${response.status} ${response.statusText}; try again, and check the relay's logs if it persists.`;
      throw new RelayApiError(response.status, typeof error?.code === 'string' ? error.code : 'http_error', message);
    }
    if (body === undefined) throw new RelayApiError(response.status, 'invalid_response', 'The relay sent an answer that is not JSON; check that this page is served by the relay.');
    return body as T;
  }
}
