import type { AttributionMode, Product } from '@live-shop/protocol';
import { CommerceError } from './commerce-error.js';
import { httpsUrl } from './https-url.js';

/** Who sold it: what a payment link carries back so the purchase is tied to the moment. */
export interface PaymentLinkAttribution {
  /** The show id. */
  show: string;
  /** The video moment (program date time, epoch ms) of the card the viewer bought from. */
  pdt?: number | undefined;
  /** Whether the viewer was watching live, the replay or a clip. */
  mode?: AttributionMode | undefined;
  /** The viewer's analytics session id, to join the purchase to the funnel. */
  session?: string | undefined;
}

/** Stripe's limit for `client_reference_id`: https://docs.stripe.com/payment-links/url-parameters */
export const CLIENT_REFERENCE_MAX = 200;

/**
 * Stripe allows only alphanumerics, dashes and underscores in `client_reference_id`, so
 * the parts are joined with "_" and any other character in a part (including "_" itself)
 * becomes "-". The result splits back unambiguously on "_" into show, pdt and session.
 */
function referencePart(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, '-');
}

/**
 * `<show>_<pdt>_<session>`, at most 200 characters. The pdt is kept whole; when show and
 * session ids are too long together, the longer is cut, neither below half the room left.
 */
export function clientReferenceId({ show, pdt, session }: PaymentLinkAttribution): string {
  const moment = pdt === undefined || !Number.isFinite(pdt) ? '' : String(Math.trunc(pdt));
  const room = CLIENT_REFERENCE_MAX - moment.length - 2;
  const showPart = referencePart(show);
  const sessionPart = referencePart(session ?? '').slice(0, Math.max(room - showPart.length, Math.floor(room / 2)));
  return `${showPart.slice(0, room - sessionPart.length)}_${moment}_${sessionPart}`;
}

/**
 * The payment link of `product` (its `checkoutUrl`, e.g. a Stripe Payment Link) with the
 * attribution added to its query: `client_reference_id` (see {@link clientReferenceId}),
 * and `utm_source=live-shop`, `utm_medium=live-video`, `utm_campaign=<show>`,
 * `utm_content=<pdt>` and `utm_term=<mode>`. The link's other parameters are kept; these
 * ones replace any of the same name, so attribution is always the show's.
 *
 * Throws a `CommerceError`: `checkout_unavailable` when the product has no link,
 * `unsafe_link` when it is not https: (never followed).
 */
export function paymentLinkUrl(product: Pick<Product, 'checkoutUrl'>, attribution: PaymentLinkAttribution): string {
  if (product.checkoutUrl === undefined || product.checkoutUrl === '') {
    throw new CommerceError('checkout_unavailable', 'This product cannot be bought here yet; please try again later or visit the shop.');
  }
  const url = httpsUrl(product.checkoutUrl);
  const params = url.searchParams;
  params.set('client_reference_id', clientReferenceId(attribution));
  params.set('utm_source', 'live-shop');
  params.set('utm_medium', 'live-video');
  params.set('utm_campaign', attribution.show);
  if (attribution.pdt !== undefined && Number.isFinite(attribution.pdt)) params.set('utm_content', String(Math.trunc(attribution.pdt)));
  if (attribution.mode !== undefined) params.set('utm_term', attribution.mode);
  return url.href;
}
