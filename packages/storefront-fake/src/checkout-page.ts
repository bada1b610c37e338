import type { CartState } from './carts.js';
import { formatDecimal } from './money.js';
import type { StorefrontFakeState } from './state.js';
import { cartSubtotalCents, escapeHtml } from './views.js';

/** Only inline styles; no script runs on the page, whatever a product title says. */
export const CHECKOUT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src * data:";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
  td.quantity, td.amount, th.amount { text-align: right; }
  ul.attributes { margin: 0.25rem 0 0; padding-left: 1.2rem; font-size: 0.9em; color: #555; }
</style>
</head>
<body>
${body}
</body>
</html>
`;

const attributeList = (attributes: readonly { key: string; value: string }[], label: string) =>
  attributes.length === 0
    ? ''
    : `<ul class="attributes" aria-label="${escapeHtml(label)}">${attributes.map(({ key, value }) => `<li><span class="key">${escapeHtml(key)}</span>: <span class="value">${escapeHtml(value)}</span></li>`).join('')}</ul>`;

/**
 * The page a `checkoutUrl` opens: a plain "checkout" listing the cart's lines, quantities,
 * line attributes and cart attributes (all text escaped), so that an end-to-end test can
 * see the cart arrived intact. There is nothing to pay with.
 */
export function checkoutPage(cart: CartState, state: StorefrontFakeState, storeName: string): string {
  const currency = state.catalog.currencyCode;
  const money = (cents: number) => `${formatDecimal(cents)} ${currency}`;
  const rows = cart.lines
    .map((line) => {
      const priceCents = state.catalog.variants.get(line.merchandiseId)?.priceCents ?? 0;
      return `<tr data-line-id="${escapeHtml(line.id)}" data-merchandise-id="${escapeHtml(line.merchandiseId)}">
<td class="title">${escapeHtml(state.lineTitle(line.merchandiseId))}${attributeList(line.attributes, 'Line attributes')}</td>
<td class="quantity">${line.quantity}</td>
<td class="amount">${escapeHtml(money(priceCents * line.quantity))}</td>
</tr>`;
    })
    .join('\n');
  const totalQuantity = cart.lines.reduce((sum, line) => sum + line.quantity, 0);
  return page(
    `Checkout – ${storeName}`,
    `<h1>Checkout</h1>
<p>${escapeHtml(storeName)} · ${totalQuantity} ${totalQuantity === 1 ? 'item' : 'items'}</p>
${
  cart.lines.length === 0
    ? '<p class="empty">Your cart is empty.</p>'
    : `<table>
<thead><tr><th>Item</th><th class="amount">Quantity</th><th class="amount">Amount</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><th colspan="2">Subtotal</th><td class="amount subtotal">${escapeHtml(money(cartSubtotalCents(cart, state.catalog)))}</td></tr></tfoot>
</table>`
}
${cart.attributes.length ? `<h2>Cart attributes</h2>${attributeList(cart.attributes, 'Cart attributes')}` : ''}
${cart.note ? `<h2>Note</h2><p class="note">${escapeHtml(cart.note)}</p>` : ''}
<p><small>A local stand-in for Shopify's checkout (the live-shop storefront fake): nothing is charged.</small></p>`,
  );
}

export function checkoutNotFoundPage(storeName: string): string {
  return page(`Checkout – ${storeName}`, '<h1>This checkout link is not valid</h1><p>The cart does not exist, or the link lost its key; go back to the store and open the checkout again.</p>');
}

export function unavailablePage(storeName: string): string {
  return page(`Checkout – ${storeName}`, '<h1>The store is unavailable</h1><p>Try again in a moment.</p>');
}
