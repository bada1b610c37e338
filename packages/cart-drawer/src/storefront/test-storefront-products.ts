import type { Product } from '@live-shop/protocol';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

/** Gids of the test catalog below. */
export const ids = {
  shirt: 'gid://shopify/Product/1',
  shirtM: 'gid://shopify/ProductVariant/11',
  shirtL: 'gid://shopify/ProductVariant/12',
  shirtXL: 'gid://shopify/ProductVariant/13',
  mug: 'gid://shopify/Product/2',
  mugOne: 'gid://shopify/ProductVariant/21',
};

/** The catalog the storefront fake is started with in the adapter's tests (the protocol's Product shape). */
export const storefrontTestProducts: Product[] = [
  {
    id: ids.shirt,
    handle: 'linen-shirt',
    title: 'Linen shirt',
    images: [{ url: 'https://cdn.example.com/shirt.jpg', altText: 'A linen shirt', width: 400, height: 400 }],
    price: usd('19.99'),
    variants: [
      {
        id: ids.shirtM,
        title: 'M',
        availableForSale: true,
        selectedOptions: [{ name: 'Size', value: 'M' }],
        image: { url: 'https://cdn.example.com/shirt-m.jpg', altText: 'The shirt in M', width: 400, height: 400 },
      },
      { id: ids.shirtL, title: 'L', availableForSale: true, quantityAvailable: 2, selectedOptions: [{ name: 'Size', value: 'L' }] },
      { id: ids.shirtXL, title: 'XL', availableForSale: false, quantityAvailable: 0, selectedOptions: [{ name: 'Size', value: 'XL' }] },
    ],
  },
  {
    id: ids.mug,
    handle: 'mug',
    title: 'Mug',
    images: [],
    price: usd('12.50'),
    variants: [{ id: ids.mugOne, title: 'Default Title', availableForSale: true, quantityAvailable: 10 }],
  },
];
