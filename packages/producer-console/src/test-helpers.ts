import { initialState, reduce, type AnyEnvelope, type EventInput, type ModerationAction, type ModerationResult, type ModerationView, type Product, type ShowState } from '@live-shop/protocol';
import { RelayApiError, type ShowApi, type ShowInfo } from './relay/relay-api.js';
import type { FeedListener, ShowFeed } from './relay/show-feed.js';

export function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    id,
    handle: id,
    title: `Product ${id}`,
    images: [],
    price: { amount: '19.99', currencyCode: 'USD' },
    variants: [
      { id: `${id}-s`, title: 'S', availableForSale: true, quantityAvailable: 4 },
      { id: `${id}-m`, title: 'M', availableForSale: false, quantityAvailable: 0 },
    ],
    ...overrides,
  };
}

/** A token shaped like the relay's (the signature is not checked by the console). */
export function fakeToken(claims: Record<string, unknown> = {}): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const payload = { show: 'test', role: 'producer', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...claims };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

/** Stands in for the relay's HTTP API: keeps a log, applies posts to its state. */
export class FakeApi implements ShowApi {
  readonly posted: { input: EventInput; token: string }[] = [];
  /** Thrown by the next post (once). */
  failNext: RelayApiError | undefined;
  seq = 1;
  current: ShowState;

  constructor(products: Product[]) {
    this.current = { ...initialState, products };
  }

  async showInfo(): Promise<ShowInfo> {
    return { id: 'test', title: 'Test show', pdtOffsetMs: 0 };
  }

  async state(): Promise<{ seq: number; state: ShowState }> {
    return { seq: this.seq, state: this.current };
  }

  async clockOffset(): Promise<number> {
    return 0;
  }

  async post(input: EventInput, token: string): Promise<AnyEnvelope> {
    this.posted.push({ input, token });
    const failure = this.failNext;
    if (failure) {
      this.failNext = undefined;
      throw failure;
    }
    this.seq++;
    const at = Date.now();
    const envelope = { v: 1, id: input.id ?? `e${this.seq}`, show: 'test', seq: this.seq, type: input.type, at, pdt: input.pdt ?? at, data: input.data } as AnyEnvelope;
    this.current = reduce(this.current, envelope);
    return envelope;
  }

  readonly moderated: ModerationAction[] = [];
  settings: ModerationView = { slowModeSeconds: 0, blocklist: [], banned: [], shadowBanned: [] };

  async moderation(): Promise<ModerationView> {
    return this.settings;
  }

  async moderate(action: ModerationAction): Promise<ModerationResult> {
    this.moderated.push(action);
    if (action.action === 'ban') this.settings = { ...this.settings, banned: [...this.settings.banned, action.authorId] };
    if (action.action === 'slow-mode') this.settings = { ...this.settings, slowModeSeconds: action.seconds };
    if (action.action !== 'delete' && action.action !== 'pin' && action.action !== 'unpin') return { moderation: this.settings };
    this.seq++;
    const data = action.action === 'delete' ? { messageId: action.messageId } : { messageId: action.action === 'pin' ? action.messageId : null };
    const at = Date.now();
    const event = { v: 1, id: `m${this.seq}`, show: 'test', seq: this.seq, type: action.action === 'delete' ? 'chat.delete' : 'chat.pin', at, pdt: at, data } as AnyEnvelope;
    this.current = reduce(this.current, event);
    return { event, moderation: this.settings };
  }
}

/** Stands in for the socket feed: accepts or refuses the token, and applies what is added. */
export class FakeFeed implements ShowFeed {
  listener: FeedListener | undefined;
  stopped = false;

  constructor(
    readonly api: FakeApi,
    readonly token: string,
    readonly refusal?: { code: string; message: string },
  ) {}

  start(listener: FeedListener): void {
    this.listener = listener;
    listener.status('connecting');
    queueMicrotask(() => {
      if (this.refusal) {
        listener.status('refused', this.refusal);
        return;
      }
      listener.state(this.api.current, this.api.seq);
      listener.status('connected');
    });
  }

  add(): void {
    this.listener?.state(this.api.current, this.api.seq);
  }

  stop(): void {
    this.stopped = true;
  }
}

/** Resolves when `predicate` holds on an animation frame, or rejects after `timeoutMs`. */
export function frameWhere(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (predicate()) resolve();
      else if (performance.now() > deadline) reject(new Error(`condition not met within ${timeoutMs} ms`));
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** The deepest element matching `selector`, looking through open shadow roots. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T | null {
  if (root instanceof Element && root.shadowRoot) {
    const inShadow = deepQuery<T>(root.shadowRoot, selector);
    if (inShadow) return inShadow;
  }
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const inner = deepQuery<T>(element.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

/** Every element matching `selector`, through open shadow roots. */
export function deepQueryAll<T extends Element = HTMLElement>(root: Element | ShadowRoot | Document, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  if (root instanceof Element && root.shadowRoot) found.push(...deepQueryAll<T>(root.shadowRoot, selector));
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return found;
}

// Provided by scripts/test/browser-global-setup.ts (repeated here so the tests type-check on their own).
declare module 'vitest' {
  export interface ProvidedContext {
    simulatorOrigin: string;
  }
}
