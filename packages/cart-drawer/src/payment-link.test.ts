import { expect, test } from 'vitest';
import { CommerceError } from './commerce-error.js';
import { CLIENT_REFERENCE_MAX, clientReferenceId, paymentLinkUrl } from './payment-link.js';

const attribution = { show: 'spring-drop', pdt: 1_700_000_000_123, mode: 'live', session: 's-42' } as const;

test('adds the attribution to the link', () => {
  const url = new URL(paymentLinkUrl({ checkoutUrl: 'https://buy.stripe.com/test_abc123' }, attribution));
  expect(url.origin + url.pathname).toBe('https://buy.stripe.com/test_abc123');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    client_reference_id: 'spring-drop_1700000000123_s-42',
    utm_source: 'live-shop',
    utm_medium: 'live-video',
    utm_campaign: 'spring-drop',
    utm_content: '1700000000123',
    utm_term: 'live',
  });
});

test('keeps the link’s own parameters and fragment; ours replace the same names', () => {
  const url = new URL(
    paymentLinkUrl({ checkoutUrl: 'https://buy.stripe.com/x?prefilled_email=a%40b.com&locale=fr&utm_source=newsletter#top' }, attribution),
  );
  expect(url.searchParams.get('prefilled_email')).toBe('a@b.com');
  expect(url.searchParams.get('locale')).toBe('fr');
  expect(url.searchParams.getAll('utm_source')).toEqual(['live-shop']);
  expect(url.hash).toBe('#top');
});

test('client_reference_id uses only Stripe’s characters, splits back into its parts, and fits 200', () => {
  expect(clientReferenceId({ show: 'Show 1/été_x', pdt: 12.7, session: 'a.b' })).toBe('Show-1--t--x_12_a-b');
  expect(clientReferenceId({ show: 'demo' })).toBe('demo__');
  const long = clientReferenceId({ show: 's'.repeat(300), pdt: 1_700_000_000_000, session: 'x'.repeat(300) });
  expect(long).toHaveLength(CLIENT_REFERENCE_MAX);
  expect(long).toMatch(/^[A-Za-z0-9_-]+$/);
  const [show, pdt, session] = long.split('_');
  expect(pdt).toBe('1700000000000');
  expect(show!.length + session!.length).toBe(CLIENT_REFERENCE_MAX - 15);
  // A long id is cut only as far as it must be.
  expect(clientReferenceId({ show: 'demo', session: 'x'.repeat(300) })).toBe(`demo__${'x'.repeat(CLIENT_REFERENCE_MAX - 6)}`);
});

test('the campaign is the show id as it is (URLSearchParams encodes it)', () => {
  const url = new URL(paymentLinkUrl({ checkoutUrl: 'https://buy.stripe.com/x' }, { show: 'a&b=c' }));
  expect(url.searchParams.get('utm_campaign')).toBe('a&b=c');
  expect(url.searchParams.has('utm_content')).toBe(false);
});

test('only https links: http, javascript:, data: and garbage are refused as unsafe_link', () => {
  for (const checkoutUrl of ['http://buy.stripe.com/x', 'javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'not a url', '//buy.stripe.com/x']) {
    let error: unknown;
    try {
      paymentLinkUrl({ checkoutUrl }, attribution);
    } catch (caught) {
      error = caught;
    }
    expect(error, checkoutUrl).toBeInstanceOf(CommerceError);
    expect(error).toMatchObject({ code: 'unsafe_link', retryable: false });
  }
});

test('a product without a payment link says so', () => {
  expect(() => paymentLinkUrl({}, attribution)).toThrow(expect.objectContaining({ code: 'checkout_unavailable' }));
});

test('http is followed only on this machine (a local store), never on a look-alike host', () => {
  for (const checkoutUrl of ['http://127.0.0.1:4173/cart/c/abc?key=1', 'http://localhost:3000/pay', 'http://shop.localhost/pay', 'http://[::1]:8080/pay']) {
    expect(new URL(paymentLinkUrl({ checkoutUrl }, { show: 's' })).protocol).toBe('http:');
  }
  for (const checkoutUrl of ['http://127.0.0.1.evil.example/pay', 'http://localhost.evil.example/pay', 'http://128.0.0.1/pay', 'http://[::2]/pay', 'http://127.0.0.256/pay']) {
    expect(() => paymentLinkUrl({ checkoutUrl }, { show: 's' }), checkoutUrl).toThrow(/not a secure https/);
  }
});
