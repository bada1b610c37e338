import { describe, expect, test } from 'vitest';
import { jacket } from './test-variant-products.js';
import { optionNames, productOptions, variantForChoice } from './variant-options.js';

const product = jacket();
const byId = (id: string) => product.variants.find((variant) => variant.id === id);

describe('variant options', () => {
  test('lists each option with two or more values, in the variants\' order', () => {
    expect(optionNames(product)).toEqual(['Size', 'Color']);
    const single = { ...product, variants: [{ id: 'v', title: 'Default Title', availableForSale: true, selectedOptions: [{ name: 'Title', value: 'Default Title' }] }] };
    expect(optionNames(single)).toEqual([]);
  });

  test('marks values unavailable with the other choices, and disables values no available variant has', () => {
    const [size, color] = productOptions(product, byId('s-black'));
    expect(size?.values.map(({ value, selected, available, purchasable }) => [value, selected, available, purchasable])).toEqual([
      ['S', true, true, true],
      ['M', false, true, true],
      ['L', false, false, false],
    ]);
    expect(color?.values.map(({ value, available, purchasable }) => [value, available, purchasable])).toEqual([
      ['Black', true, true],
      ['Olive', false, true],
    ]);
  });

  test('choosing a value keeps the exact combination when available, else moves to an available one', () => {
    expect(variantForChoice(product, byId('s-black'), 'Size', 'M')?.id).toBe('m-black');
    expect(variantForChoice(product, byId('s-black'), 'Color', 'Olive')?.id).toBe('m-olive');
    expect(variantForChoice(product, byId('m-olive'), 'Size', 'S')?.id).toBe('s-black');
    // Nothing of that value is available: the exact combination, sold out (the card says so).
    expect(variantForChoice(product, byId('m-black'), 'Size', 'L')?.id).toBe('l-black');
  });
});
