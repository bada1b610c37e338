import { eventDataSchemas, isHttpUrl, validateEventInput, type EventType } from '@live-shop/protocol';

// What xss.browser.test.ts puts into every string field of every event, and how it looks
// for what got through: the corpus, the events' string fields (read from the protocol's
// own schemas, so a field added later is covered), and a walk of the whole DOM.

/** Markup, script URLs and tricks that must only ever be shown as text. */
export const PAYLOADS: readonly string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=2">',
  '<svg onload=window.__xss=3>',
  '<svg><script>window.__xss=4</script></svg>',
  '"><iframe src="javascript:window.__xss=5">',
  'javascript:window.__xss=6',
  ' JaVaScRiPt:window.__xss=7',
  'data:text/html,<script>window.__xss=8</script>',
  'data:image/svg+xml,<svg onload=window.__xss=9>',
  'vbscript:msgbox(1)',
  "{{constructor.constructor('window.__xss=10')()}}",
  // A template-literal injection: dangerous only to code that evaluates strings.
  '${window.__xss=11}',
  // Already-escaped text must stay escaped: shown as "&lt;b&gt;", never as a bold "b".
  '&lt;b&gt;&amp;<b>bold</b>',
  // Right-to-left override and mark: may reorder what is shown, never what runs.
  '\u202Eevil.exe\u202C \u200F<img src=x onerror="window.__xss=12">',
  '<a href="javascript:window.__xss=13">link</a>',
  '<object data="javascript:window.__xss=14"></object><embed src="javascript:window.__xss=15">',
  "' onmouseover='window.__xss=16' x='",
  // Mutation XSS: markup that a sanitizer's parse and the browser's re-parse read differently.
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=17>',
  // Long: fits only a product description (5,000 characters).
  '<img src=x onerror="window.__xss=18">'.repeat(125),
];

export type Role = 'text' | 'url' | 'pattern';

/** A string field of an event's data: `path` as the protocol's error paths write it, `*` for a record's key. */
export interface Field {
  type: EventType;
  path: string;
  role: Role;
}

/** The URL fields: the protocol accepts absolute http(s) URLs only. */
const URL_FIELDS = new Set([
  'show.status replay.src',
  'catalog.set products.0.images.0.url',
  'catalog.set products.0.variants.0.image.url',
  'catalog.set products.0.url',
  'catalog.set products.0.checkoutUrl',
]);

/** Fields with a fixed form (a URL handle, a discount code, money): no markup fits. */
function isPatternField(key: string): boolean {
  return key === 'catalog.set products.0.handle' || key === 'offer.start code' || /\.(amount|currencyCode)$/.test(key);
}

interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  key?: SchemaNode;
  value?: SchemaNode;
}

/** The paths of every string in a valibot schema (arrays at index 0). */
function stringPaths(schema: SchemaNode, prefix: string): string[] {
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  switch (schema.type) {
    case 'string':
      return [prefix];
    case 'object':
      return Object.entries(schema.entries ?? {}).flatMap(([name, entry]) => stringPaths(entry, at(name)));
    case 'array':
      return stringPaths(schema.item as SchemaNode, at('0'));
    case 'optional':
    case 'nullable':
    case 'nullish':
      return stringPaths(schema.wrapped as SchemaNode, prefix);
    case 'record':
      return [...stringPaths(schema.key as SchemaNode, at('*')), ...stringPaths(schema.value as SchemaNode, at('*'))];
    default:
      return []; // numbers, booleans, picklists
  }
}

/** Every string field of every event type, from the protocol's schemas. */
export const FIELDS: readonly Field[] = (Object.entries(eventDataSchemas) as [EventType, SchemaNode][]).flatMap(([type, schema]) =>
  stringPaths(schema, '').map((path) => {
    const key = `${type} ${path}`;
    return { type, path, role: URL_FIELDS.has(key) ? 'url' : isPatternField(key) ? 'pattern' : 'text' } satisfies Field;
  }),
);

export const URL_FIELD_KEYS: ReadonlySet<string> = URL_FIELDS;

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const image = { url: 'https://img.example/a.png', altText: 'A picture', width: 400, height: 400 };

/** Valid data of each event type with every optional string present: a field is set on a copy of it. */
export const BASE: Record<EventType, Record<string, unknown>> = {
  'show.status': { status: 'ended', title: 'Spring drop', startsAt: 1, replay: { src: 'https://video.example/r.m3u8', playbackId: 'pb', startPdt: 1 } },
  'catalog.set': {
    products: [
      {
        id: 'p',
        handle: 'p',
        title: 'Field jacket',
        description: 'Waxed cotton.',
        vendor: 'Northwind',
        // Copies: structuredClone keeps shared objects shared, and each field is set alone.
        images: [{ ...image }],
        price: usd('10.00'),
        compareAtPrice: usd('12.00'),
        variants: [
          { id: 'v', title: 'M', availableForSale: true, price: usd('10.00'), compareAtPrice: usd('12.00'), selectedOptions: [{ name: 'Size', value: 'M' }], image: { ...image } },
        ],
        url: 'https://shop.example/p',
        checkoutUrl: 'https://pay.example/p',
      },
    ],
  },
  'product.highlight': { productId: 'p', variantId: 'v' },
  'product.clear': { productId: 'p' },
  'offer.start': { offerId: 'o', kind: 'price-drop', productId: 'p', title: 'Deal', price: usd('9.00'), endsAt: 1, quantityLimit: 1, code: 'SAVE10' },
  'offer.end': { offerId: 'o' },
  'stock.update': { productId: 'p', variantId: 'v', availableForSale: true, quantityAvailable: 1 },
  'price.update': { productId: 'p', variantId: 'v', price: usd('9.00'), compareAtPrice: usd('12.00') },
  'chat.message': { messageId: 'm', text: 'Hello', author: { id: 'a', name: 'Ann', role: 'viewer' } },
  'chat.delete': { messageId: 'm' },
  'chat.pin': { messageId: 'm' },
  'reaction.tick': { counts: { heart: 1 } },
  'poll.open': { pollId: 'q', question: 'Which colour?', options: [{ id: 'a', text: 'Olive' }, { id: 'b', text: 'Rust' }], closesAt: 1 },
  'poll.results': { pollId: 'q', counts: { a: 1 } },
  'poll.close': { pollId: 'q' },
  'viewers.count': { count: 1 },
  mention: { productId: 'p', text: 'Look at this' },
};

/** A copy of `data` with `value` at `path` (`*`: the only key of the record there). */
export function withValue(data: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(data);
  const names = path.split('.');
  const last = names.pop() as string;
  // A record's key: the record itself is replaced.
  const key = last === '*' ? (names.pop() as string) : last;
  let node: Record<string, unknown> = copy;
  for (const name of names) node = node[name] as Record<string, unknown>;
  node[key] = last === '*' ? { [value]: 1 } : value;
  return copy;
}

/** Whether the protocol takes `value` in that field (the rest of the data being valid). */
export function accepts(type: EventType, path: string, value: string): boolean {
  return validateEventInput({ type, data: withValue(BASE[type], path, value) }).ok;
}

/** `value` if the field takes it, else `fallback`. */
export function acceptedOr(type: EventType, path: string, value: string, fallback: string): string {
  return accepts(type, path, value) ? value : fallback;
}

/** The document and every shadow root in it, however deep. */
export function allRoots(root: Document | ShadowRoot = document): (Document | ShadowRoot)[] {
  return [root, ...[...root.querySelectorAll('*')].flatMap((element) => (element.shadowRoot ? allRoots(element.shadowRoot) : []))];
}

/** Everything shown as text, in the page and every shadow root. */
export function allText(): string {
  return allRoots()
    .map((root) => (root instanceof Document ? root.body.textContent : root.textContent) ?? '')
    .join('\n');
}

// Elements that run, embed or re-base things, and `math` (only a payload would bring one).
export const FORBIDDEN_TAGS = 'script, iframe, frame, frameset, object, embed, base, math';
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'codebase', 'cite']);

/** A URL as the browser reads its scheme: spaces and control characters do not count. */
function isScriptUrl(value: string): boolean {
  // The URL parser strips leading C0 controls and spaces, and tabs and newlines anywhere.
  return /^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f]/g, ''));
}

/**
 * What markup could run or navigate somewhere: elements that run or embed things (beyond
 * `baseline`, the test page's own), event-handler attributes, script URLs, and images
 * loading anything but an absolute http(s) URL. Empty when the page is safe.
 */
export function unsafeMarkup(baseline: ReadonlySet<Element>): string[] {
  const found: string[] = [];
  for (const root of allRoots()) {
    for (const element of root.querySelectorAll(FORBIDDEN_TAGS)) {
      if (!baseline.has(element)) found.push(`<${element.localName}> in ${root.nodeName}: ${element.outerHTML.slice(0, 80)}`);
    }
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name} on <${element.localName}>`);
        if (URL_ATTRIBUTES.has(name) && isScriptUrl(attribute.value)) found.push(`${name}="${attribute.value.slice(0, 60)}" on <${element.localName}>`);
      }
      if (element.localName === 'img' && !isHttpUrl(element.getAttribute('src') ?? '')) found.push(`<img src="${element.getAttribute('src')}">`);
    }
  }
  return found;
}
