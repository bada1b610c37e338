import { GraphQLError } from 'graphql';

/** The arguments of every Relay connection field in the Storefront API. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Shopify's page size limit. */
const MAX_PAGE = 250;

const argumentError = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } });

const encodeCursor = (id: string) => Buffer.from(id, 'utf8').toString('base64url');
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * One page of `items` as Shopify pages a connection: `first` or `last` is required (at most
 * 250), cursors are opaque and stable (they name the item, not its position).
 */
export function connection<T>(items: readonly T[], args: ConnectionArgs, idOf: (item: T) => string, wrap: (item: T) => unknown = (item) => item): Connection<unknown> {
  const { first, last, after, before, reverse } = args;
  if (first == null && last == null) throw argumentError('you must provide one of first or last');
  if (first != null && last != null) throw argumentError('providing both first and last is not supported');
  const size = first ?? last ?? 0;
  if (size < 0) throw argumentError(`${first != null ? 'first' : 'last'} must not be negative`);
  if (size > MAX_PAGE) throw argumentError(`${first != null ? 'first' : 'last'} must be at most ${MAX_PAGE}`);

  const ordered = reverse ? [...items].reverse() : [...items];
  const indexOf = (cursor: string, name: string) => {
    const index = ordered.findIndex((item) => idOf(item) === decodeCursor(cursor));
    if (index < 0) throw argumentError(`${name} is not a cursor of this connection`);
    return index;
  };
  let start = after != null ? indexOf(after, 'after') + 1 : 0;
  let end = before != null ? indexOf(before, 'before') : ordered.length;
  if (first != null) end = Math.min(end, start + first);
  else start = Math.max(start, end - size);
  const page = ordered.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(idOf(item)), node: wrap(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < ordered.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
