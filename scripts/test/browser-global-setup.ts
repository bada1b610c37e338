import type { TestProject } from 'vitest/node';
import type { Product } from '../../packages/protocol/src/index.ts';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

/**
 * The catalog of the Storefront fake: products in the protocol's shape with Shopify gids.
 * Images are relative, so they resolve against the fake's own origin (which answers 404):
 * nothing a test page shows is fetched from beyond this machine.
 */
const storefrontProducts: Product[] = [
  {
    id: 'gid://shopify/Product/1001',
    handle: 'linen-shirt',
    title: 'Linen shirt',
    images: [{ url: '/images/linen-shirt.svg', altText: 'A linen shirt', width: 400, height: 400 }],
    price: usd('19.99'),
    variants: [
      {
        id: 'gid://shopify/ProductVariant/100101',
        title: 'M',
        availableForSale: true,
        quantityAvailable: 50,
        selectedOptions: [{ name: 'Size', value: 'M' }],
        image: { url: '/images/linen-shirt-m.svg', altText: 'The linen shirt in M', width: 400, height: 400 },
      },
      { id: 'gid://shopify/ProductVariant/100102', title: 'L', availableForSale: true, quantityAvailable: 2, selectedOptions: [{ name: 'Size', value: 'L' }] },
      { id: 'gid://shopify/ProductVariant/100103', title: 'XL', availableForSale: false, quantityAvailable: 0, selectedOptions: [{ name: 'Size', value: 'XL' }] },
    ],
  },
  {
    id: 'gid://shopify/Product/1002',
    handle: 'stoneware-mug',
    title: 'Stoneware mug',
    images: [{ url: '/images/stoneware-mug.svg', altText: 'A grey stoneware mug', width: 400, height: 400 }],
    price: usd('12.50'),
    variants: [{ id: 'gid://shopify/ProductVariant/100201', title: 'Default Title', availableForSale: true, quantityAvailable: 10 }],
  },
];

/**
 * Starts what the browser tests talk to, on loopback, before they run, and stops it after:
 * - the live simulator (a real live HLS stream): `inject('simulatorOrigin')`;
 * - the Storefront API fake (Shopify's schema, real carts, faults on demand):
 *   `inject('storefrontOrigin')`, `inject('storefrontStore')` (what a Storefront client is
 *   configured with) and `inject('storefrontProducts')` (its catalog). Tests control it over
 *   HTTP at `<storefrontOrigin>/__fake/…`; it is one fake for every test file, so a file
 *   that resets it or queues faults must be the only one using it at the time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { createServer } = await import('node:http');
  const { createLiveSimulator } = await import('../../packages/live-simulator/src/index.ts');
  const { startStorefrontFake } = await import('../../packages/storefront-fake/src/index.ts');
  const simulator = createLiveSimulator({ epochMs: Date.now() - 60_000 });
  const server = createServer((req, res) => {
    // The test page is served from another origin, as a brand's page would be.
    if (!simulator.handle(req, res)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The simulator did not get a TCP port.');
  project.provide('simulatorOrigin', `http://127.0.0.1:${address.port}`);

  const storefront = await startStorefrontFake({ products: storefrontProducts });
  project.provide('storefrontOrigin', storefront.origin);
  project.provide('storefrontStore', { storeDomain: storefront.storeDomain, publicAccessToken: storefront.publicAccessToken, apiVersion: storefront.apiVersion });
  project.provide('storefrontProducts', storefrontProducts);

  return async () => {
    await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), storefront.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    simulatorOrigin: string;
    storefrontOrigin: string;
    storefrontStore: { storeDomain: string; publicAccessToken: string; apiVersion: string };
    storefrontProducts: Product[];
  }
}
