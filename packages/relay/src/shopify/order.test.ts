import { MODE_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, SESSION_CART_ATTRIBUTE, SHOW_LINE_ATTRIBUTE } from '@live-shop/protocol';
import { describe, expect, it } from 'vitest';
import { RelayError } from '../errors.js';
import { HAT_PDT, ORDER_CREATED_AT, ORDER_ID, SHIRT_PDT, SHOP_DOMAIN, shopifyOrderFixture, shopifyOrderVariant } from '../testing/shopify-webhooks.js';
import { parseOrderJson, readShopifyOrder } from './order.js';

function read(body: string) {
  return readShopifyOrder(parseOrderJson(body), SHOP_DOMAIN);
}

function refusal(body: string): RelayError {
  try {
    read(body);
  } catch (error) {
    if (error instanceof RelayError) return error;
    throw error;
  }
  throw new Error('the order was read');
}

type Line = { properties: { name: string; value: string }[]; [key: string]: unknown };

describe('readShopifyOrder', () => {
  it('uses the attribute names of @live-shop/protocol', () => {
    expect([SESSION_CART_ATTRIBUTE, SHOW_LINE_ATTRIBUTE, PDT_LINE_ATTRIBUTE, MODE_LINE_ATTRIBUTE]).toEqual([
      '_live_shop_session',
      '_live_shop_show',
      '_live_shop_pdt',
      '_live_shop_mode',
    ]);
  });

  it('reads the attributed lines of an orders/create payload, with exact revenue after discount allocations', () => {
    const { order, warnings } = read(shopifyOrderFixture());
    expect(warnings).toEqual([]);
    const common = { orderId: ORDER_ID, orderName: '#1042', shopDomain: SHOP_DOMAIN, createdAt: ORDER_CREATED_AT, currency: 'USD', show: 'spring-drop', session: 's-7f3a9c21' };
    expect(order.purchases).toEqual([
      {
        ...common,
        pdt: SHIRT_PDT,
        mode: 'live',
        productId: 'gid://shopify/Product/7523064180101',
        variantId: 'gid://shopify/ProductVariant/42611738804421',
        title: 'Linen shirt',
        quantity: 3,
        price: '19.99',
        revenue: '54.97',
      },
      {
        ...common,
        pdt: HAT_PDT,
        mode: 'replay',
        productId: 'gid://shopify/Product/7523064212869',
        variantId: 'gid://shopify/ProductVariant/42611738837189',
        title: 'Straw hat',
        quantity: 1,
        price: '25.00',
        revenue: '25.00',
      },
    ]);
    expect(order.unattributed).toEqual({ lines: 1, units: 2 });
  });

  it('uses total_discount only for a line without discount_allocations (never both)', () => {
    const body = shopifyOrderVariant((order) => {
      delete order.line_items[0].discount_allocations;
      order.line_items[0].total_discount = '1.50';
      order.line_items[1].total_discount = '2.00'; // its allocations (none) win
    });
    const [shirt, hat] = read(body).order.purchases;
    expect(shirt?.revenue).toBe('58.47');
    expect(hat?.revenue).toBe('25.00');
  });

  it('sums several allocations (a line discount and an order discount across lines)', () => {
    const body = shopifyOrderVariant((order) => {
      order.line_items[0].discount_allocations = [{ amount: '14.10' }, { amount: '5.00' }];
    });
    expect(read(body).order.purchases[0]?.revenue).toBe('40.87');
  });

  it('keeps ids longer than 2^53 exact, as in Shopify sample payloads', () => {
    const body = shopifyOrderFixture()
      .replace('"admin_graphql_api_id": "gid://shopify/Order/6012458795201"', '"admin_graphql_api_id": null')
      .replace('"id": 6012458795201', '"id": 820982911946154508')
      .replace('"product_id": 7523064180101', '"product_id": 632910392123456789')
      .replace('"variant_id": 42611738804421', '"variant_id": 808950810987654321');
    const { order } = read(body);
    expect(order.orderId).toBe('gid://shopify/Order/820982911946154508');
    expect(order.purchases[0]).toMatchObject({ productId: 'gid://shopify/Product/632910392123456789', variantId: 'gid://shopify/ProductVariant/808950810987654321' });
  });

  it('does not touch digits inside strings', () => {
    const body = shopifyOrderVariant((order) => {
      order.note = 'ref "id": 12345678901234567890, thanks';
    });
    expect(() => read(body)).not.toThrow();
  });

  it('falls back to the numeric id when admin_graphql_api_id is missing', () => {
    const body = shopifyOrderVariant((order) => delete order.admin_graphql_api_id);
    expect(read(body).order.orderId).toBe(ORDER_ID);
  });

  it('records a line of a custom item (no product, no variant) with null ids', () => {
    const body = shopifyOrderVariant((order) => {
      order.line_items[1].product_id = null;
      order.line_items[1].variant_id = null;
    });
    expect(read(body).order.purchases[1]).toMatchObject({ productId: null, variantId: null, revenue: '25.00' });
  });

  it('leaves out malformed attribution values with a warning, instead of failing the order', () => {
    const body = shopifyOrderVariant((order) => {
      const [shirt, hat, wrap] = order.line_items as Line[];
      shirt!.properties = [
        { name: SHOW_LINE_ATTRIBUTE, value: 'spring-drop' },
        { name: PDT_LINE_ATTRIBUTE, value: 'yesterday' },
        { name: MODE_LINE_ATTRIBUTE, value: 'cinema' },
      ];
      hat!.properties = [{ name: SHOW_LINE_ATTRIBUTE, value: '<script>' }];
      wrap!.properties = [{ name: SHOW_LINE_ATTRIBUTE, value: 'autumn-drop' }];
      order.note_attributes = [{ name: SESSION_CART_ATTRIBUTE, value: 'x'.repeat(201) }];
    });
    const { order, warnings } = read(body);
    expect(order.purchases.map((purchase) => [purchase.show, purchase.pdt, purchase.mode, purchase.session])).toEqual([
      ['spring-drop', null, null, null],
      ['autumn-drop', null, null, null],
    ]);
    expect(order.unattributed).toEqual({ lines: 1, units: 1 });
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toContain('line_items.0.properties: _live_shop_pdt "yesterday" is not an epoch ms');
    expect(warnings.join('\n')).toContain('line_items.1.properties: _live_shop_show "<script>" is not a show id');
  });

  it('reads an order none of whose lines came from a show as all unattributed', () => {
    const body = shopifyOrderVariant((order) => {
      for (const line of order.line_items as Line[]) line.properties = [];
      order.note_attributes = [];
    });
    const { order } = read(body);
    expect(order.purchases).toEqual([]);
    expect(order.unattributed).toEqual({ lines: 3, units: 6 });
    expect(order.session).toBeNull();
  });

  it.each([
    ['not an object', '[]', undefined],
    ['no id', shopifyOrderVariant((order) => (delete order.id, delete order.admin_graphql_api_id)), 'id'],
    ['a text id', shopifyOrderVariant((order) => ((order.id = 'abc'), delete order.admin_graphql_api_id)), 'id'],
    ['no created_at', shopifyOrderVariant((order) => delete order.created_at), 'created_at'],
    ['a bad created_at', shopifyOrderVariant((order) => (order.created_at = 'soon')), 'created_at'],
    ['no currency', shopifyOrderVariant((order) => delete order.currency), 'currency'],
    ['a lowercase currency', shopifyOrderVariant((order) => (order.currency = 'usd')), 'currency'],
    ['a name that is not text', shopifyOrderVariant((order) => (order.name = 1042)), 'name'],
    ['no line_items', shopifyOrderVariant((order) => delete order.line_items), 'line_items'],
    ['a line that is not an object', shopifyOrderVariant((order) => (order.line_items[1] = 'hat')), 'line_items.1'],
    ['a line without quantity', shopifyOrderVariant((order) => delete order.line_items[0].quantity), 'line_items.0.quantity'],
    ['a fractional quantity', shopifyOrderVariant((order) => (order.line_items[0].quantity = 1.5)), 'line_items.0.quantity'],
    ['a price as a number', shopifyOrderVariant((order) => (order.line_items[0].price = 19.99)), 'line_items.0.price'],
    ['a bad allocation', shopifyOrderVariant((order) => (order.line_items[0].discount_allocations = [{ amount: 'five' }])), 'line_items.0.discount_allocations.0.amount'],
    ['allocations not a list', shopifyOrderVariant((order) => (order.line_items[0].discount_allocations = {})), 'line_items.0.discount_allocations'],
    ['a bad product_id', shopifyOrderVariant((order) => (order.line_items[2].product_id = -4)), 'line_items.2.product_id'],
    ['properties not a list', shopifyOrderVariant((order) => (order.line_items[0].properties = { _live_shop_show: 'x' })), 'line_items.0.properties'],
    ['a property without a name', shopifyOrderVariant((order) => (order.line_items[0].properties = [{ value: 'x' }])), 'line_items.0.properties.0'],
    ['note_attributes not a list', shopifyOrderVariant((order) => (order.note_attributes = 'x')), 'note_attributes'],
  ])('refuses an order with %s with a 400 naming the field', (_what, body, path) => {
    const error = refusal(body);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('invalid_order');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/Shopify's orders\/create and orders\/paid webhooks unchanged\.$/);
  });

  it('refuses a body that is not JSON with invalid_json', () => {
    expect(() => parseOrderJson('{"id": ')).toThrow(expect.objectContaining({ statusCode: 400, code: 'invalid_json' }));
  });
});
