import { isHttpsUrl, type Money, type Product, type Variant } from '@live-shop/protocol';
import { AddToCartEvent, CheckoutEvent } from '../events.js';

/** The variant a card sells: the one asked for, else the first available, else the first. */
export function chosenVariant(product: Product, variantId: string | undefined): Variant | undefined {
  const variants = product.variants;
  return (
    (variantId === undefined ? undefined : variants.find((variant) => variant.id === variantId)) ??
    variants.find((variant) => variant.availableForSale) ??
    variants[0]
  );
}

export function pricesOf(product: Product, variant: Variant | undefined): { price: Money; compareAt: Money | null } {
  // A variant with its own price carries its own compare-at price too (Storefront API shape).
  if (variant?.price) return { price: variant.price, compareAt: variant.compareAtPrice ?? null };
  return { price: product.price, compareAt: product.compareAtPrice ?? null };
}

/** The variant cannot be bought now (a product without variants can). */
export function isSoldOut(product: Product, variant: Variant | undefined): boolean {
  return product.variants.length > 0 && !variant?.availableForSale;
}

/** The payment link, if it is one a viewer may safely follow: https only (money changes hands there). */
export function checkoutUrlOf(product: Product): string | undefined {
  const url = product.checkoutUrl;
  return url !== undefined && isHttpsUrl(url) ? url : undefined;
}

/**
 * What the card's (and the details sheet's) main button does: fires `live-shop-add-to-cart`,
 * or for a product with a payment link `live-shop-checkout` and then, unless cancelled,
 * opens the link in a new tab.
 */
export function requestPurchase(target: EventTarget, product: Product, variantId: string | undefined, pdt: number | undefined): void {
  const detail = { product, variantId: chosenVariant(product, variantId)?.id, pdt };
  const url = checkoutUrlOf(product);
  if (url === undefined) {
    target.dispatchEvent(new AddToCartEvent(detail));
    return;
  }
  const event = new CheckoutEvent({ ...detail, url });
  // A listener may add to the link (the player adds the attribution); still https only.
  if (target.dispatchEvent(event) && isHttpsUrl(event.detail.url)) {
    // noopener: the store's page must not be able to navigate this one (reverse tabnabbing).
    window.open(event.detail.url, '_blank', 'noopener');
  }
}
