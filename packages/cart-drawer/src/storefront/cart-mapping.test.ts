import { describe, expect, test } from 'vitest';
import { CommerceError } from '../commerce-error.js';
import { emptyCart, isCartGone, toCart, toWarning, userErrorsToError } from './cart-mapping.js';
import type { ShopifyCart, ShopifyCartLine } from './shopify-types.js';
import { defaultStorefrontStrings as strings } from './storefront-strings.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

function shopifyLine(overrides: Partial<ShopifyCartLine> = {}): ShopifyCartLine {
  return {
    id: 'gid://shopify/CartLine/1?cart=c1',
    quantity: 2,
    attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }],
    cost: { amountPerQuantity: usd('19.9'), totalAmount: usd('39.8') },
    merchandise: {
      id: 'gid://shopify/ProductVariant/11',
      title: 'M / Blue',
      selectedOptions: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Blue' }],
      image: { url: 'https://cdn.shopify.com/shirt.jpg', altText: null, width: 800, height: null },
      product: { id: 'gid://shopify/Product/1', title: 'Linen shirt' },
    },
    ...overrides,
  };
}

function shopifyCart(lines: ShopifyCartLine[]): ShopifyCart {
  return {
    id: 'gid://shopify/Cart/c1?key=k',
    checkoutUrl: 'https://shop.example.com/cart/c/c1?key=k',
    totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
    updatedAt: '2026-11-22T00:00:00Z',
    attributes: [],
    cost: { subtotalAmount: usd('39.8'), totalAmount: usd('43.0') },
    lines: { nodes: lines },
  };
}

describe('toCart', () => {
  test('maps Shopify\'s cart field by field, money written with the currency\'s digits', () => {
    const cart = toCart(shopifyCart([shopifyLine()]), [], strings);
    expect(cart).toEqual({
      id: 'gid://shopify/Cart/c1?key=k',
      lines: [
        {
          id: 'gid://shopify/CartLine/1?cart=c1',
          merchandiseId: 'gid://shopify/ProductVariant/11',
          productId: 'gid://shopify/Product/1',
          title: 'Linen shirt',
          variantTitle: 'M / Blue',
          selectedOptions: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Blue' }],
          image: { url: 'https://cdn.shopify.com/shirt.jpg', width: 800 },
          quantity: 2,
          price: usd('19.90'),
          lineTotal: usd('39.80'),
          attributes: [{ key: '_live_shop_pdt', value: '1700000000000' }],
        },
      ],
      totalQuantity: 2,
      subtotal: usd('39.80'),
      total: usd('43.00'),
      checkoutUrl: 'https://shop.example.com/cart/c/c1?key=k',
      warnings: [],
    });
  });

  test('a product without options has no variant title, and no image is no image', () => {
    const line = shopifyLine({ merchandise: { id: 'v', title: 'Default Title', selectedOptions: [{ name: 'Title', value: 'Default Title' }], image: null, product: { id: 'p', title: 'Mug' } } });
    const [mapped] = toCart(shopifyCart([line]), [], strings).lines;
    expect(mapped?.variantTitle).toBe('');
    expect(mapped).not.toHaveProperty('image');
  });

  test('the empty cart before the store made one', () => {
    expect(emptyCart('JPY')).toEqual({ id: '', lines: [], totalQuantity: 0, subtotal: { amount: '0', currencyCode: 'JPY' }, total: { amount: '0', currencyCode: 'JPY' }, warnings: [] });
  });
});

describe('warnings', () => {
  const line = toCart(shopifyCart([shopifyLine()]), [], strings).lines[0]!;

  test('not enough stock: the quantity the store set, beside its line, in our words', () => {
    const warning = toWarning({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: "Only 2 of 'Linen shirt (M / Blue)' are available.", target: line.id }, [line], strings);
    expect(warning).toEqual({ lineId: line.id, code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: 'Only 2 left, so the quantity is now 2.' });
  });

  test('sold out: not added (target the merchandise) or taken out (target a line no longer there)', () => {
    const notAdded = toWarning({ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'x', target: 'gid://shopify/ProductVariant/11' }, [], strings, [line]);
    expect(notAdded).toEqual({ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'Linen shirt is sold out, so it was not added.' });
    const removed = toWarning({ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'x', target: line.id }, [], strings, [line]);
    expect(removed).toEqual({ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'Linen shirt is sold out, so it was removed from your cart.' });
    const unknown = toWarning({ code: 'MERCHANDISE_OUT_OF_STOCK', message: 'x', target: 'gid://shopify/ProductVariant/99' }, [], strings);
    expect(unknown.message).toBe('This item is sold out, so it was not added.');
  });

  test('the wording comes from strings, so it can be translated', () => {
    const french = { ...strings, notEnoughStock: 'Plus que {quantity} : la quantité passe à {quantity}.' };
    expect(toWarning({ code: 'MERCHANDISE_NOT_ENOUGH_STOCK', message: 'x', target: line.id }, [line], french).message).toBe('Plus que 2 : la quantité passe à 2.');
  });

  test('other codes keep the store\'s sentence', () => {
    expect(toWarning({ code: 'DISCOUNT_NOT_FOUND', message: 'The discount code was not found.', target: 'gid://shopify/Cart/c1' }, [line], strings)).toEqual({
      code: 'DISCOUNT_NOT_FOUND',
      message: 'The discount code was not found.',
    });
  });
});

describe('user errors', () => {
  test('become one CommerceError with a plain message, the store\'s errors as its cause', () => {
    const unknownMerchandise = [{ code: 'INVALID', field: ['lines', '0', 'merchandiseId'], message: 'The merchandise with id gid://… does not exist.' }];
    const error = userErrorsToError(unknownMerchandise, strings);
    expect(error).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({ code: 'merchandise_not_found', message: strings.merchandiseNotFound, retryable: false, cause: { userErrors: unknownMerchandise } });
    expect(userErrorsToError([{ code: 'INVALID', field: ['lineIds', '0'], message: 'x' }], strings).code).toBe('line_not_found');
    expect(userErrorsToError([{ code: 'INVALID', field: ['lines', '0', 'id'], message: 'x' }], strings).code).toBe('line_not_found');
    expect(userErrorsToError([{ code: 'CART_TOO_LARGE', field: ['lines', '0'], message: 'x' }], strings)).toMatchObject({ code: 'invalid_request', message: strings.refused });
  });

  test('a missing cart is told apart from other refusals', () => {
    expect(isCartGone({ cart: null, userErrors: [{ code: 'INVALID', field: ['cartId'], message: 'The specified cart does not exist.' }] })).toBe(true);
    expect(isCartGone({ cart: null, userErrors: [{ code: 'INVALID', field: ['lines', '0', 'merchandiseId'], message: 'x' }] })).toBe(false);
  });
});
