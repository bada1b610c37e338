import { RelayError } from '../errors.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request body as an object with only the `allowed` fields: a 400 for anything else,
 * so that a misspelt field is reported rather than silently ignored. `example` shows a
 * valid body in the message.
 */
export function readBody(body: unknown, allowed: readonly string[], example: string, options: { optional?: boolean } = {}): Record<string, unknown> {
  if (body === undefined && options.optional) return {};
  if (!isPlainObject(body)) {
    throw new RelayError(400, 'invalid_body', `The request body must be a JSON object such as ${example}.`);
  }
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) {
      throw new RelayError(400, 'unknown_field', `"${key.slice(0, 60)}" is not a field of this request; send only ${allowed.join(', ')}.`, key.slice(0, 60));
    }
  }
  return body;
}

/** The query string's values by name, each given once: a 400 for an unknown or repeated parameter. */
export function readQuery(query: unknown, allowed: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  if (!isPlainObject(query)) return values;
  for (const [key, value] of Object.entries(query)) {
    if (!allowed.includes(key)) {
      const hint = allowed.length > 0 ? `use ${allowed.join(', ')}` : 'send no query parameters';
      throw new RelayError(400, 'invalid_query', `"${key.slice(0, 60)}" is not a query parameter of this endpoint; ${hint}.`, key.slice(0, 60));
    }
    if (typeof value !== 'string') {
      throw new RelayError(400, 'invalid_query', `The query parameter "${key}" is given more than once; give it once.`, key);
    }
    values[key] = value;
  }
  return values;
}

/** A query value that must be a whole number ≥ 0 (a seq or an epoch ms), or undefined if absent. */
export function wholeNumberParam(values: Record<string, string>, name: string, meaning: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new RelayError(400, 'invalid_query', `The query parameter "${name}" must be ${meaning} (a whole number ≥ 0); fix it or leave it out.`, name);
  }
  return value;
}
