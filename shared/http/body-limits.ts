import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/**
 * The API's and the page's forms' largest body: an edited reply is at most 100,000 characters, which a client may
 * send as up to 6 bytes each in JSON (`\u20ac`) or 9 in a form (`%E2%82%AC`), plus a few small fields.
 */
export const REQUEST_BODY_MAX_BYTES = 1024 * 1024;
/** The local sign-in form carries one agent id. */
export const LOGIN_BODY_MAX_BYTES = 16 * 1024;

/** hono/body-limit, answering 413 `{ error: "too_large", message }` through the app's error handler. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HTTPException(413, { message: `a request body is at most ${maxBytes} bytes` });
    },
  });
}
