import { execute, getOperationAST, GraphQLError, Kind, parse, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { ResolveContext } from './views.js';
import { fieldResolver, rootValue } from './root.js';
import { storefrontSchema, validateStorefrontDocument, withCode } from './schema.js';
import type { LoggedRequest } from './state.js';

export interface GraphQLAnswer {
  status: number;
  body: unknown;
  logged: LoggedRequest;
}

/** Shopify's answer to a body without a usable `query` (HTTP 400). */
const MISSING_QUERY = { errors: { query: 'Required parameter missing or invalid' } };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which operation a request names, as far as the document can tell, for the request log. */
function describe(document: DocumentNode | null, operationName: string | null): Omit<LoggedRequest, 'outcome'> {
  const operation = document ? getOperationAST(document, operationName) : null;
  return {
    operationName: operationName ?? operation?.name?.value ?? null,
    operationType: operation?.operation ?? null,
    rootFields: operation ? operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : [])) : [],
  };
}

/** A request body that has a query; `document` is null when the query does not parse. */
export type ParsedRequest = {
  variables: Record<string, unknown> | null;
  operationName: string | null;
} & ({ document: DocumentNode; syntaxError: null } | { document: null; syntaxError: GraphQLError });

/** Parses a request body (`{query, variables, operationName}`); null when it has no usable query. */
export function readRequest(body: unknown): ParsedRequest | null {
  if (!isRecord(body) || typeof body['query'] !== 'string') return null;
  const { query, variables = null, operationName = null } = body;
  if (variables !== null && !isRecord(variables)) return null;
  if (operationName !== null && typeof operationName !== 'string') return null;
  try {
    return { variables, operationName, document: parse(query), syntaxError: null };
  } catch (error) {
    const syntaxError = error instanceof GraphQLError ? error : new GraphQLError(String(error));
    return { variables, operationName, document: null, syntaxError };
  }
}

export function describeRequest(request: ParsedRequest | null): Omit<LoggedRequest, 'outcome'> {
  return request ? describe(request.document, request.operationName) : { operationName: null, operationType: null, rootFields: [] };
}

/**
 * Answers one GraphQL request as the Storefront API does: syntax and validation errors
 * (deprecated fields included) with HTTP 200 and `errors` carrying `extensions.code`; an
 * executed operation with `data` (and `errors` for fields that failed).
 */
export function answerGraphQL(request: ParsedRequest | null, context: ResolveContext): GraphQLAnswer {
  const described = describeRequest(request);
  if (!request) return { status: 400, body: MISSING_QUERY, logged: { ...described, outcome: 'bad-request' } };
  const invalid = (errors: readonly GraphQLError[]): GraphQLAnswer => ({
    status: 200,
    body: { errors: errors.map((error) => error.toJSON()) },
    logged: { ...described, outcome: 'invalid' },
  });
  if (request.syntaxError) return invalid([withCode(request.syntaxError, 'GRAPHQL_PARSE_FAILED')]);
  const validationErrors = validateStorefrontDocument(request.document);
  if (validationErrors.length > 0) return invalid(validationErrors);

  const result = execute({
    schema: storefrontSchema(),
    document: request.document,
    rootValue,
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
    fieldResolver,
  });
  // Every resolver is synchronous (the state is in memory), so execute answers at once.
  if (result instanceof Promise) throw new Error('A storefront fake resolver returned a promise; resolvers must be synchronous.');
  if (!result.data) {
    // Variables that do not fit their types, or no operation to run: nothing was executed.
    return invalid((result.errors ?? []).map((error) => withCode(error, error.extensions['code'] ? String(error.extensions['code']) : 'BAD_REQUEST')));
  }
  const errors: GraphQLFormattedError[] | undefined = result.errors?.map((error) =>
    (error.extensions['code'] ? error : withCode(error, 'INTERNAL_SERVER_ERROR')).toJSON(),
  );
  return { status: 200, body: errors ? { data: result.data, errors } : { data: result.data }, logged: { ...described, outcome: 'ok' } };
}
