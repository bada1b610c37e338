import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The body of every error response: `4xx {error: {code, message, path?}}` (DESIGN.md, "The contract"). */
export interface ErrorBody {
  error: {
    /** Stable, machine-readable, snake_case. */
    code: string;
    /** One sentence: what happened and what to do. */
    message: string;
    /** Dot path of the offending field, when one field is to blame. */
    path?: string;
  };
}

/**
 * An error the relay reports to its caller: over HTTP as `statusCode` with an
 * {@link ErrorBody}, in-process as a thrown exception with the same code and message.
 */
export class RelayError extends Error {
  override readonly name = 'RelayError';

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.path ? { path: this.path } : {}) } };
  }
}

/** Fastify's own errors for bad input, translated into the relay's words. */
function fastifyInputErrors(bodyLimit: number): Record<string, RelayError> {
  return {
    FST_ERR_CTP_INVALID_JSON_BODY: new RelayError(400, 'invalid_json', 'The request body is not valid JSON; check its quotes, commas and brackets, and send a JSON object.'),
    FST_ERR_CTP_EMPTY_JSON_BODY: new RelayError(400, 'invalid_json', 'The request body is empty although its content type is JSON; send a JSON object, or send no content-type header.'),
    FST_ERR_CTP_BODY_TOO_LARGE: new RelayError(413, 'body_too_large', `The request body is larger than the relay accepts (${bodyLimit} bytes); send less data in one request.`),
    FST_ERR_CTP_INVALID_MEDIA_TYPE: new RelayError(415, 'unsupported_media_type', 'The relay only accepts JSON bodies; send the body with the header "content-type: application/json".'),
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: new RelayError(400, 'invalid_content_length', 'The content-length header does not match the body; let your HTTP client set it.'),
    FST_ERR_BAD_URL: new RelayError(400, 'bad_url', 'The request URL is malformed; percent-encode the path and query correctly.'),
  };
}

/** Maps any error thrown while handling a request to a status and an {@link ErrorBody}. */
export function toRelayError(error: unknown, bodyLimit: number): RelayError {
  if (error instanceof RelayError) return error;
  const fastifyError = error as Partial<FastifyError> | undefined;
  const known = fastifyError?.code ? fastifyInputErrors(bodyLimit)[fastifyError.code] : undefined;
  if (known) return known;
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail = fastifyError?.code ? ` (${fastifyError.code})` : '';
    return new RelayError(status, 'bad_request', `The relay could not accept this request${detail}; check it against the API in the relay README.`);
  }
  return new RelayError(500, 'internal_error', 'The relay failed while handling this request; try again, and report it with the relay logs if it persists.');
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown, bodyLimit: number): FastifyReply {
  const relayError = toRelayError(error, bodyLimit);
  if (relayError.statusCode >= 500) request.log.error({ err: error }, 'relay request failed');
  return reply.status(relayError.statusCode).type('application/json; charset=utf-8').send(relayError.toBody());
}

/**
 * Makes every failure a JSON {@link ErrorBody}: bad input is a 4xx that says what to do,
 * an unknown route is a 404, and nothing ever sends a stack trace.
 */
export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error, bodyLimit));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const shown = path.length > 120 ? `${path.slice(0, 120)}…` : path;
    const error = new RelayError(404, 'not_found', `There is no route ${request.method} ${shown}; the relay API is under /v1 (see the relay README).`);
    return reply.status(404).send(error.toBody());
  });
}

/** Handles the errors Fastify raises before routing (e.g. a malformed URL) the same way. */
export function frameworkErrorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void sendError(request, reply, error, bodyLimit);
  };
}

/** The 404 for a show id that the relay does not know. */
export function showNotFound(id: string): RelayError {
  return new RelayError(404, 'show_not_found', `Show "${id.slice(0, 80)}" does not exist; check the id, or create the show with POST /v1/shows.`);
}
