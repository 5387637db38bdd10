import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SignatureError, PayloadError } from '../channels/errors.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  OriginalGoneError,
  SendRefusedError,
  TransientError,
  UnknownAgentError,
  ValidationError,
} from '../domain/errors.js';
import { MessageTooLargeError } from '../queue/errors.js';

const KNOWN: Array<[new (...args: never[]) => Error, ContentfulStatusCode, string]> = [
  [SignatureError, 401, 'invalid_signature'],
  [PayloadError, 400, 'invalid_payload'],
  [ValidationError, 400, 'invalid_request'],
  [OriginalGoneError, 404, 'original_gone'],
  [NotFoundError, 404, 'not_found'],
  [ForbiddenError, 403, 'forbidden'],
  [ConflictError, 409, 'conflict'],
  [InvalidTransitionError, 409, 'invalid_transition'],
  [SendRefusedError, 422, 'send_refused'],
  [UnknownAgentError, 422, 'unknown_agent'],
  [MessageTooLargeError, 413, 'too_large'],
  [TransientError, 503, 'unavailable'],
];

/** The one place errors become HTTP answers: known ones a 4xx (or 503) with `{ error, message }`, the rest a bare 500. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const challenge = err.getResponse().headers.get('www-authenticate');
      return c.json(
        { error: httpErrorCode(status), message: err.message || httpErrorCode(status) },
        status,
        challenge ? { 'www-authenticate': challenge } : {},
      );
    }
    const known = knownError(err);
    if (known) {
      if (known.status >= 500) logger.warn('dependency unavailable', { error: err });
      return c.json({ error: known.code, message: err.message, ...(known.details ? { details: known.details } : {}) }, known.status);
    }
    logger.error('unhandled error', { error: err, path: c.req.path });
    return c.json({ error: 'internal', message: 'internal error' }, 500);
  };
}

/** The status, code and details of an error this app knows how to explain; undefined for a bug. */
export function knownError(err: Error): { status: ContentfulStatusCode; code: string; details?: unknown } | undefined {
  for (const [type, status, code] of KNOWN) {
    if (err instanceof type) return { status, code, details: (err as { details?: unknown }).details ?? (err as { current?: unknown }).current };
  }
  return undefined;
}

function httpErrorCode(status: number): string {
  return (
    { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 415: 'unsupported_media_type' }[status] ?? 'http_error'
  );
}
