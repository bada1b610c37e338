import type { Highlight, Product, ShowState } from '@live-shop/protocol';

export interface ShownProduct {
  highlight: Highlight;
  product: Product;
}

/** The highlighted products of `state` that the catalog has, most recent first, at most `max`: the cards on screen. */
export function shownProducts(state: ShowState | undefined, max: number): ShownProduct[] {
  if (!state) return [];
  const shown: ShownProduct[] = [];
  for (const highlight of state.highlights) {
    if (shown.length >= max) break;
    const product = state.products.find((candidate) => candidate.id === highlight.productId);
    if (product) shown.push({ highlight, product });
  }
  return shown;
}
