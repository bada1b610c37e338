import type { Product, Variant } from '@live-shop/protocol';

/** One value of a product option, as the picker shows it for the variant chosen now. */
export interface OptionValue {
  value: string;
  /** The chosen variant has this value. */
  selected: boolean;
  /**
   * An available variant has this value along with the chosen variant's other values.
   * When false the value is marked unavailable, but still selectable while `purchasable`:
   * choosing it moves the other options to a combination that is in stock.
   */
  available: boolean;
  /** Some available variant has this value at all; when false the value is disabled. */
  purchasable: boolean;
}

/** A product option (e.g. "Size") and its values, in the order the variants list them. */
export interface ProductOption {
  name: string;
  values: OptionValue[];
}

function valueOf(variant: Variant, name: string): string | undefined {
  return variant.selectedOptions?.find((option) => option.name === name)?.value;
}

/**
 * The options worth a control: those with at least two values. A product without options
 * (one "Default Title" variant, as Shopify lists it) or with a single value gets none.
 */
export function optionNames(product: Product): string[] {
  const values = new Map<string, Set<string>>();
  for (const variant of product.variants) {
    for (const { name, value } of variant.selectedOptions ?? []) {
      let set = values.get(name);
      if (!set) values.set(name, (set = new Set()));
      set.add(value);
    }
  }
  return [...values].filter(([, set]) => set.size > 1).map(([name]) => name);
}

/** The options of `product` with the state of each value for the `chosen` variant. */
export function productOptions(product: Product, chosen: Variant | undefined): ProductOption[] {
  return optionNames(product).map((name) => {
    const values: string[] = [];
    for (const variant of product.variants) {
      const value = valueOf(variant, name);
      if (value !== undefined && !values.includes(value)) values.push(value);
    }
    const others = optionNames(product).filter((other) => other !== name);
    return {
      name,
      values: values.map((value) => {
        const withValue = product.variants.filter((variant) => valueOf(variant, name) === value);
        return {
          value,
          selected: chosen !== undefined && valueOf(chosen, name) === value,
          available: withValue.some(
            (variant) => variant.availableForSale && (chosen === undefined || others.every((other) => valueOf(variant, other) === valueOf(chosen, other))),
          ),
          purchasable: withValue.some((variant) => variant.availableForSale),
        };
      }),
    };
  });
}

/**
 * The variant a viewer gets by choosing `value` for option `name` while `chosen` is
 * selected: the variant with exactly that combination when it is available; otherwise
 * the available variant with that value that keeps most of the other choices; otherwise
 * the exact combination even if sold out (the card then says so), else any with the value.
 */
export function variantForChoice(product: Product, chosen: Variant | undefined, name: string, value: string): Variant | undefined {
  const others = optionNames(product).filter((other) => other !== name);
  const kept = (variant: Variant) => others.filter((other) => chosen !== undefined && valueOf(variant, other) === valueOf(chosen, other)).length;
  const withValue = product.variants.filter((variant) => valueOf(variant, name) === value);
  const exact = withValue.find((variant) => kept(variant) === others.length);
  if (exact?.availableForSale) return exact;
  let best: Variant | undefined;
  for (const variant of withValue) {
    if (variant.availableForSale && (best === undefined || kept(variant) > kept(best))) best = variant;
  }
  return best ?? exact ?? withValue[0];
}
