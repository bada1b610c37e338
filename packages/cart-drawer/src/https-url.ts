import { CommerceError } from './commerce-error.js';

/**
 * Parses a link a viewer is about to be sent to and refuses anything but https:. Checkout
 * and payment pages take card details, and a javascript: or data: URL from a compromised
 * catalog must never run on the brand's page.
 */
export function httpsUrl(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') {
    throw new CommerceError(
      'unsafe_link',
      'This checkout link is not a secure https:// link, so it was not opened; please tell the shop.',
    );
  }
  return url;
}
