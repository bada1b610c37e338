import type { Product } from '@live-shop/protocol';
import { startStorefrontFake, type StorefrontFake } from '@live-shop/storefront-fake';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { hydrateProducts, mergeProduct } from './hydrate-products.js';
import { StorefrontClient } from './storefront-client.js';
import { ids, storefrontTestProducts } from './test-storefront-products.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

let fake: StorefrontFake;
let client: StorefrontClient;

beforeAll(async () => {
  fake = await startStorefrontFake({ products: storefrontTestProducts });
  client = new StorefrontClient({ storeDomain: fake.storeDomain, publicAccessToken: fake.publicAccessToken, endpoint: fake.origin });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('hydrateProducts', () => {
  test('merges in the store\'s current prices, stock and availability', async () => {
    fake.setPrice(ids.shirtL, '17.5', '25.00');
    fake.setStock(ids.shirtM, 0);
    fake.setStock(ids.mugOne, 4);
    // What the show's catalog said when it was made: out of date now.
    const [shirt, mug] = await hydrateProducts(client, storefrontTestProducts);
    expect(shirt!.variants.map((variant) => [variant.id, variant.availableForSale, variant.quantityAvailable, variant.price, variant.compareAtPrice])).toEqual([
      [ids.shirtM, false, 0, usd('19.99'), null],
      [ids.shirtL, true, 2, usd('17.50'), usd('25.00')],
      [ids.shirtXL, false, 0, usd('19.99'), null],
    ]);
    expect(shirt!.variants[0]).toMatchObject({ title: 'M', selectedOptions: [{ name: 'Size', value: 'M' }], image: { url: 'https://cdn.example.com/shirt-m.jpg', altText: 'The shirt in M', width: 400, height: 400 } });
    // The product's price is that of its cheapest variant for sale.
    expect(shirt).toMatchObject({ price: usd('17.50'), compareAtPrice: usd('25.00') });
    // What the store does not say is kept: handle, title, images.
    expect(shirt).toMatchObject({ handle: 'linen-shirt', title: 'Linen shirt', images: storefrontTestProducts[0]!.images });
    expect(mug!.variants[0]).toMatchObject({ quantityAvailable: 4, availableForSale: true, price: usd('12.50') });
    expect(fake.requests().rootFieldCounts).toEqual({ nodes: 1 });
  });

  test('products the store does not know are kept as given, and ids that are not Shopify gids are not sent', async () => {
    const unknown: Product = { ...storefrontTestProducts[1]!, id: 'gid://shopify/Product/404', variants: [] };
    const local: Product = { ...storefrontTestProducts[1]!, id: 'local-product', variants: [] };
    const result = await hydrateProducts(client, [unknown, local]);
    expect(result).toEqual([unknown, local]);
    expect(fake.requests().count).toBe(1);
    expect(await hydrateProducts(client, [local])).toEqual([local]);
    expect(fake.requests().count).toBe(1);
  });

  test('a product listed without variants gets the store\'s', async () => {
    const [bare] = await hydrateProducts(client, [{ ...storefrontTestProducts[0]!, variants: [] }]);
    expect(bare!.variants.map((variant) => variant.id)).toEqual([ids.shirtM, ids.shirtL, ids.shirtXL]);
  });

  test('through the adapter, with its client', async () => {
    const { StorefrontCartAdapter } = await import('./storefront-cart-adapter.js');
    const adapter = new StorefrontCartAdapter({ client, storeDomain: fake.storeDomain, publicAccessToken: fake.publicAccessToken, storage: null, storageEvents: null });
    fake.setPrice(ids.mugOne, '9.99');
    expect((await adapter.hydrateProducts([storefrontTestProducts[1]!]))[0]?.price).toEqual(usd('9.99'));
  });
});

describe('mergeProduct', () => {
  const store = (id: string, amount: string, availableForSale = true, quantityAvailable: number | null = null) => ({
    id,
    title: id,
    availableForSale,
    quantityAvailable,
    price: usd(amount),
    compareAtPrice: null,
    selectedOptions: [],
    image: null,
  });

  test('a variant the store no longer has is sold out; oversold stock is none', () => {
    const product = storefrontTestProducts[0]!;
    const merged = mergeProduct(product, [store(ids.shirtM, '20.0', true, -3)]);
    expect(merged.variants.map((variant) => [variant.id, variant.availableForSale, variant.quantityAvailable])).toEqual([
      [ids.shirtM, true, 0],
      [ids.shirtL, false, 0],
      [ids.shirtXL, false, 0],
    ]);
    expect(merged.variants[0]?.image).toEqual(product.variants[0]?.image); // no image from the store: keep ours
    expect(merged.price).toEqual(usd('20.00'));
  });

  test('when nothing is for sale, the price is the cheapest variant\'s', () => {
    const merged = mergeProduct({ ...storefrontTestProducts[0]!, variants: [] }, [store('a', '30.00', false), store('b', '25.00', false)]);
    expect(merged.price).toEqual(usd('25.00'));
  });
});
