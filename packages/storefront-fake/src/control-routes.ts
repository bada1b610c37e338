import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './http.js';
import { faultKinds, type FaultKind, type FaultOptions, type StorefrontFakeState } from './state.js';

/**
 * The test controls over HTTP, for browser tests that cannot reach the fake's Node object:
 *
 * | route | body | what |
 * | --- | --- | --- |
 * | `POST /__fake/faults` | `{kind, count?, delayMs?, status?, retryAfterSeconds?}` | queue a fault |
 * | `GET /__fake/faults` | | the queued faults |
 * | `DELETE /__fake/faults` | | clear them (and `down`) |
 * | `POST /__fake/stock` | `{merchandiseId, quantity}` | set a variant's stock (null: untracked) |
 * | `POST /__fake/price` | `{merchandiseId, amount, compareAtAmount?}` | set a variant's price |
 * | `POST /__fake/reset` | | clear carts, faults and the request log; restore stock and prices |
 * | `GET /__fake/carts` | | every cart |
 * | `GET /__fake/requests` | | the GraphQL request log |
 *
 * Answered only to loopback clients: they exist for tests on this machine, and anyone who
 * could reach them could empty every cart.
 */
export async function handleControlRoute(request: IncomingMessage, response: ServerResponse, path: string, state: StorefrontFakeState): Promise<void> {
  const fail = (status: number, code: string, message: string, field?: string) =>
    sendJson(response, status, { error: { code, message, ...(field ? { path: [field] } : {}) } });
  if (!isLoopback(request.socket.remoteAddress)) {
    return fail(403, 'forbidden', 'The /__fake/ test controls answer only requests from this machine (loopback).');
  }
  const route = `${request.method ?? 'GET'} ${path}`;
  const body = async (): Promise<Record<string, unknown> | null> => {
    const text = await readBody(request);
    if (text === null) return null;
    if (text.trim() === '') return {};
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const withBody = async (use: (input: Record<string, unknown>) => void) => {
    const input = await body();
    if (!input) return fail(400, 'invalid_body', 'Send a JSON object as the body.');
    try {
      use(input);
    } catch (error) {
      if (error instanceof RangeError) return fail(400, 'invalid_request', error.message);
      throw error;
    }
  };
  const merchandiseId = (input: Record<string, unknown>) => {
    if (typeof input['merchandiseId'] !== 'string') throw new RangeError('merchandiseId must be a ProductVariant gid string.');
    return input['merchandiseId'];
  };

  switch (route) {
    case 'GET /__fake/faults':
      return sendJson(response, 200, { faults: state.faults() });
    case 'DELETE /__fake/faults':
      state.clearFaults();
      return sendJson(response, 200, { faults: [] });
    case 'POST /__fake/faults':
      return withBody((input) => {
        const kind = input['kind'];
        if (typeof kind !== 'string' || !faultKinds.includes(kind as FaultKind)) {
          throw new RangeError(`kind must be one of ${faultKinds.join(', ')}.`);
        }
        const options: FaultOptions = {};
        for (const name of ['count', 'delayMs', 'status', 'retryAfterSeconds'] as const) {
          const value = input[name];
          if (value === undefined || value === null) continue;
          if (typeof value !== 'number') throw new RangeError(`${name} must be a number.`);
          (options as Record<string, number>)[name] = value;
        }
        state.fault(kind as FaultKind, options);
        sendJson(response, 200, { faults: state.faults() });
      });
    case 'POST /__fake/stock':
      return withBody((input) => {
        const id = merchandiseId(input);
        const quantity = input['quantity'];
        if (quantity !== null && typeof quantity !== 'number') throw new RangeError('quantity must be a whole number, or null for untracked stock.');
        state.setStock(id, quantity);
        const variant = state.catalog.variants.get(id);
        sendJson(response, 200, { merchandiseId: id, quantityAvailable: variant?.quantityAvailable ?? null, availableForSale: variant?.availableForSale ?? false });
      });
    case 'POST /__fake/price':
      return withBody((input) => {
        const id = merchandiseId(input);
        const { amount, compareAtAmount } = input;
        if (typeof amount !== 'string') throw new RangeError('amount must be a decimal string like "19.99".');
        if (compareAtAmount !== undefined && compareAtAmount !== null && typeof compareAtAmount !== 'string') {
          throw new RangeError('compareAtAmount must be a decimal string like "24.99", or null.');
        }
        state.setPrice(id, amount, compareAtAmount as string | null | undefined);
        sendJson(response, 200, { merchandiseId: id, amount, compareAtAmount: compareAtAmount ?? null });
      });
    case 'POST /__fake/reset':
      await body(); // drain it, whatever it is
      state.reset();
      return sendJson(response, 200, { reset: true });
    case 'GET /__fake/carts':
      return sendJson(response, 200, { carts: state.carts() });
    case 'GET /__fake/requests':
      return sendJson(response, 200, state.requests());
    default:
      return fail(404, 'not_found', `No test control ${route}; see the storefront-fake README for the /__fake/ routes.`);
  }
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
