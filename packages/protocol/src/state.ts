import type { AnyEnvelope } from './envelope.js';
import type { EventData, Product, ShowPhase } from './events.js';
import type { Money } from './schema-parts.js';

/** A product on screen: highlighted at `pdt` by event `seq`. */
export interface Highlight {
  productId: string;
  variantId?: string;
  pdt: number;
  seq: number;
}

/** A moment the show featured a product: what the shelf and the seek bar mark. */
export interface ProductMoment {
  productId: string;
  pdt: number;
  seq: number;
}

export interface Offer {
  offerId: string;
  kind: EventData<'offer.start'>['kind'];
  productId?: string;
  title?: string;
  price?: Money;
  endsAt?: number;
  quantityLimit?: number;
  code?: string;
  /** The pdt at which the offer started. */
  pdt: number;
}

export interface Poll {
  pollId: string;
  question: string;
  options: { id: string; text: string }[];
  counts: Record<string, number>;
  closesAt?: number;
  closed: boolean;
  /** The pdt of its `poll.close`, once closed. */
  closedPdt?: number;
}

export interface ChatMessage {
  messageId: string;
  text: string;
  author: EventData<'chat.message'>['author'];
  at: number;
  seq: number;
}

export interface ShowState {
  status: {
    phase: ShowPhase;
    title?: string;
    startsAt?: number;
    replay?: EventData<'show.status'>['replay'];
  };
  /** The show's products in catalog order. */
  products: Product[];
  /** Products on screen now, most recent first. */
  highlights: Highlight[];
  /** Every highlight so far, in video order. */
  moments: ProductMoment[];
  offers: Offer[];
  polls: Poll[];
  lastMention?: { productId: string; text?: string; pdt: number };
  chat: {
    /** The most recent messages (at most CHAT_KEPT); the full history is in the log. */
    messages: ChatMessage[];
    pinnedId: string | null;
  };
  /** Reaction totals since the show began, by reaction kind. */
  reactions: Record<string, number>;
  viewers: number;
}

/** How many chat messages the state keeps; older ones stay in the event log. */
export const CHAT_KEPT = 200;

export const initialState: ShowState = Object.freeze({
  status: { phase: 'scheduled' },
  products: [],
  highlights: [],
  moments: [],
  offers: [],
  polls: [],
  chat: { messages: [], pinnedId: null },
  reactions: {},
  viewers: 0,
}) as ShowState;

function updateProduct(products: Product[], productId: string, change: (product: Product) => Product): Product[] {
  const index = products.findIndex((product) => product.id === productId);
  if (index === -1) return products;
  const next = products.slice();
  next[index] = change(products[index] as Product);
  return next;
}

function updateVariants(product: Product, variantId: string | undefined, change: (variant: Product['variants'][number]) => Product['variants'][number]): Product['variants'] {
  return product.variants.map((variant) => (variantId === undefined || variant.id === variantId ? change(variant) : variant));
}

/**
 * Applies one event to a state and returns the next state. Pure, never mutates its
 * input, and ignores event types it does not know (a newer server stays compatible).
 */
export function reduce(state: ShowState, event: AnyEnvelope): ShowState {
  switch (event.type) {
    case 'show.status': {
      const { status, ...rest } = event.data;
      return { ...state, status: { ...state.status, ...rest, phase: status } };
    }
    case 'catalog.set': {
      const ids = new Set(event.data.products.map((product) => product.id));
      return {
        ...state,
        products: event.data.products,
        highlights: state.highlights.filter((highlight) => ids.has(highlight.productId)),
      };
    }
    case 'product.highlight': {
      const { productId, variantId } = event.data;
      if (!state.products.some((product) => product.id === productId)) return state;
      const highlight: Highlight = { productId, pdt: event.pdt, seq: event.seq, ...(variantId ? { variantId } : {}) };
      return {
        ...state,
        highlights: [highlight, ...state.highlights.filter((existing) => existing.productId !== productId)],
        moments: [...state.moments, { productId, pdt: event.pdt, seq: event.seq }],
      };
    }
    case 'product.clear': {
      const { productId } = event.data;
      if (productId === undefined) return state.highlights.length === 0 ? state : { ...state, highlights: [] };
      return { ...state, highlights: state.highlights.filter((highlight) => highlight.productId !== productId) };
    }
    case 'offer.start': {
      const offer: Offer = { ...event.data, pdt: event.pdt };
      return { ...state, offers: [...state.offers.filter((existing) => existing.offerId !== offer.offerId), offer] };
    }
    case 'offer.end':
      return { ...state, offers: state.offers.filter((offer) => offer.offerId !== event.data.offerId) };
    case 'stock.update': {
      const { productId, variantId, availableForSale, quantityAvailable } = event.data;
      return {
        ...state,
        products: updateProduct(state.products, productId, (product) => ({
          ...product,
          variants: updateVariants(product, variantId, (variant) => ({
            ...variant,
            ...(availableForSale !== undefined ? { availableForSale } : {}),
            ...(quantityAvailable !== undefined ? { quantityAvailable } : {}),
          })),
        })),
      };
    }
    case 'price.update': {
      const { productId, variantId, price, compareAtPrice } = event.data;
      const prices = { price, ...(compareAtPrice !== undefined ? { compareAtPrice } : {}) };
      return {
        ...state,
        products: updateProduct(state.products, productId, (product) => ({
          ...product,
          ...(variantId === undefined ? prices : {}),
          variants: updateVariants(product, variantId, (variant) => ({ ...variant, ...prices })),
        })),
      };
    }
    case 'poll.open': {
      const { pollId, question, options, closesAt } = event.data;
      const poll: Poll = { pollId, question, options, counts: {}, closed: false, ...(closesAt !== undefined ? { closesAt } : {}) };
      return { ...state, polls: [...state.polls.filter((existing) => existing.pollId !== pollId), poll] };
    }
    case 'poll.results':
      return {
        ...state,
        polls: state.polls.map((poll) => (poll.pollId === event.data.pollId ? { ...poll, counts: event.data.counts } : poll)),
      };
    case 'poll.close':
      return {
        ...state,
        polls: state.polls.map((poll) => (poll.pollId === event.data.pollId ? { ...poll, closed: true, closedPdt: event.pdt } : poll)),
      };
    case 'mention':
      return { ...state, lastMention: { ...event.data, pdt: event.pdt } };
    case 'chat.message': {
      const message: ChatMessage = { ...event.data, at: event.at, seq: event.seq };
      const messages = [...state.chat.messages.filter((existing) => existing.messageId !== message.messageId), message];
      return { ...state, chat: { ...state.chat, messages: messages.length > CHAT_KEPT ? messages.slice(-CHAT_KEPT) : messages } };
    }
    case 'chat.delete': {
      const { messageId } = event.data;
      return {
        ...state,
        chat: {
          messages: state.chat.messages.filter((message) => message.messageId !== messageId),
          pinnedId: state.chat.pinnedId === messageId ? null : state.chat.pinnedId,
        },
      };
    }
    case 'chat.pin':
      return { ...state, chat: { ...state.chat, pinnedId: event.data.messageId } };
    case 'reaction.tick': {
      const reactions = { ...state.reactions };
      for (const [kind, count] of Object.entries(event.data.counts)) reactions[kind] = (reactions[kind] ?? 0) + count;
      return { ...state, reactions };
    }
    case 'viewers.count':
      return { ...state, viewers: event.data.count };
    default:
      return state;
  }
}
