import { CommerceError } from './commerce-error.js';

/**
 * Whether `url` is on this machine: `localhost` (or a name under it), 127.0.0.0/8 or
 * [::1]. Browsers treat such http: origins as potentially trustworthy (W3C Secure
 * Contexts): nothing crosses a network, so a local store (the Storefront fake of the demo,
 * a shop's dev server) may be http:.
 */
function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host);
}

/**
 * Parses a link a viewer is about to be sent to and refuses anything but https: (or http:
 * on this machine, see `isLoopback`). Checkout and payment pages take card details, and a
 * javascript: or data: URL from a compromised catalog must never run on the brand's page.
 */
export function httpsUrl(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:' && !(url?.protocol === 'http:' && isLoopback(url))) {
    throw new CommerceError(
      'unsafe_link',
      'This checkout link is not a secure https:// link, so it was not opened; please tell the shop.',
    );
  }
  return url;
}
