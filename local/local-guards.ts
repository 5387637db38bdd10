import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 reaches this server as "same
 * origin" for its browser, and the local sign-in needs no password. The browser still sends `Host: evil.example`,
 * so only our own loopback names on our own port are served. `port` is read per request: the stack may listen on
 * port 0 and learn its port after it started.
 */
export function loopbackHostOnly(port: () => number): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
      throw new HTTPException(403, { message: `this local server answers to 127.0.0.1:${port()} and localhost:${port()} only` });
    }
    await next();
  };
}

/** What a browser says when the user opened the URL or our own page asked; anything else came from another site. */
const OWN_FETCH_SITES = ['same-origin', 'none'];

/**
 * The local-only routes take mail into the inbox and show the outbox and feedback: no other site may post to them
 * or read them, whatever the method or content type. Browsers name the requesting site in `Sec-Fetch-Site` and
 * (on cross-origin requests) `Origin`; curl and scripts send neither and are served. hono/csrf does not fit here:
 * it checks only form posts, and refuses those when neither header is there, which is curl's `--data-binary`.
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if ((site !== undefined && !OWN_FETCH_SITES.includes(site)) || (origin !== undefined && origin !== new URL(c.req.url).origin)) {
      throw new HTTPException(403, { message: 'the local routes refuse requests from other sites' });
    }
    await next();
  };
}
