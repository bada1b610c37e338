import * as v from 'valibot';
import { Count, EpochMs, HttpUrl, Id, Money, nonEmptyText, text } from './schema-parts.js';

export const Image = v.object({
  url: HttpUrl,
  altText: v.optional(text(500)),
  width: v.optional(Count),
  height: v.optional(Count),
});
export type Image = v.InferOutput<typeof Image>;

export const SelectedOption = v.object({ name: nonEmptyText(100), value: nonEmptyText(200) });

export const Variant = v.object({
  id: Id,
  title: text(300),
  availableForSale: v.boolean('must be true or false'),
  quantityAvailable: v.optional(v.nullable(Count)),
  price: v.optional(Money),
  compareAtPrice: v.optional(v.nullable(Money)),
  selectedOptions: v.optional(v.pipe(v.array(SelectedOption), v.maxLength(10, 'must list at most 10 options'))),
  image: v.optional(Image),
});
export type Variant = v.InferOutput<typeof Variant>;

export const Product = v.object({
  id: Id,
  handle: v.pipe(text(255), v.regex(/^[\w-]*$/, 'must be a URL handle of letters, digits, "_" and "-"')),
  title: nonEmptyText(300),
  description: v.optional(text(5000)),
  vendor: v.optional(text(200)),
  images: v.pipe(v.array(Image, 'must be a list of images'), v.maxLength(20, 'must list at most 20 images')),
  price: Money,
  compareAtPrice: v.optional(v.nullable(Money)),
  variants: v.pipe(v.array(Variant, 'must be a list of variants'), v.maxLength(250, 'must list at most 250 variants')),
  /** The product page on the brand's store. */
  url: v.optional(HttpUrl),
  /** A payment link (e.g. a Stripe Payment Link) that Buy opens instead of the cart. */
  checkoutUrl: v.optional(HttpUrl),
});
export type Product = v.InferOutput<typeof Product>;

export const ShowPhase = v.picklist(['scheduled', 'live', 'ended', 'replay-ready'], 'must be one of scheduled, live, ended, replay-ready');
export type ShowPhase = v.InferOutput<typeof ShowPhase>;

/**
 * The data of every event type, by type. Field names follow DESIGN.md; this map is the
 * single source of truth for validation and for the TypeScript types.
 */
export const eventDataSchemas = {
  'show.status': v.object({
    status: ShowPhase,
    title: v.optional(text(300)),
    startsAt: v.optional(EpochMs),
    replay: v.optional(
      v.object({ src: v.optional(HttpUrl), playbackId: v.optional(Id), startPdt: v.optional(EpochMs) }),
    ),
  }),
  'catalog.set': v.object({
    products: v.pipe(v.array(Product, 'must be a list of products'), v.maxLength(500, 'must list at most 500 products')),
  }),
  'product.highlight': v.object({ productId: Id, variantId: v.optional(Id) }),
  'product.clear': v.object({ productId: v.optional(Id) }),
  'offer.start': v.object({
    offerId: Id,
    kind: v.picklist(['price-drop', 'countdown', 'limited-stock'], 'must be one of price-drop, countdown, limited-stock'),
    productId: v.optional(Id),
    title: v.optional(text(300)),
    price: v.optional(Money),
    endsAt: v.optional(EpochMs),
    quantityLimit: v.optional(Count),
    code: v.optional(v.pipe(text(64), v.regex(/^[\w-]*$/, 'must be letters, digits, "_" and "-"'))),
  }),
  'offer.end': v.object({ offerId: Id }),
  'stock.update': v.object({
    productId: Id,
    variantId: v.optional(Id),
    availableForSale: v.optional(v.boolean('must be true or false')),
    quantityAvailable: v.optional(v.nullable(Count)),
  }),
  'price.update': v.object({
    productId: Id,
    variantId: v.optional(Id),
    price: Money,
    compareAtPrice: v.optional(v.nullable(Money)),
  }),
  'chat.message': v.object({
    messageId: Id,
    text: nonEmptyText(500),
    author: v.object({
      id: v.optional(Id),
      name: nonEmptyText(50),
      role: v.picklist(['viewer', 'moderator', 'producer'], 'must be viewer, moderator or producer'),
    }),
  }),
  'chat.delete': v.object({ messageId: Id }),
  'chat.pin': v.object({ messageId: v.nullable(Id) }),
  'reaction.tick': v.object({ counts: v.record(v.pipe(text(32), v.minLength(1)), Count) }),
  'poll.open': v.object({
    pollId: Id,
    question: nonEmptyText(300),
    options: v.pipe(
      v.array(v.object({ id: Id, text: nonEmptyText(200) })),
      v.minLength(2, 'must have at least 2 options'),
      v.maxLength(10, 'must have at most 10 options'),
    ),
    closesAt: v.optional(EpochMs),
  }),
  'poll.results': v.object({ pollId: Id, counts: v.record(Id, Count) }),
  'poll.close': v.object({ pollId: Id }),
  'viewers.count': v.object({ count: Count }),
  mention: v.object({ productId: Id, text: v.optional(text(500)) }),
} as const;

export type EventType = keyof typeof eventDataSchemas;
export type EventData<T extends EventType> = v.InferOutput<(typeof eventDataSchemas)[T]>;
export type EventDataMap = { [T in EventType]: EventData<T> };

export const eventTypes = Object.keys(eventDataSchemas) as EventType[];

export function isEventType(type: unknown): type is EventType {
  return typeof type === 'string' && Object.hasOwn(eventDataSchemas, type);
}

/**
 * Audience events are about the people watching, not the video: live they are shown on
 * arrival instead of waiting for the playhead (DESIGN.md, "The one idea").
 */
const audienceTypes: ReadonlySet<string> = new Set(['chat.message', 'chat.delete', 'chat.pin', 'reaction.tick', 'viewers.count']);

export function isAudienceEvent(type: string): boolean {
  return audienceTypes.has(type);
}
