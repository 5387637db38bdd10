import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { AuthEnv } from '../../../shared/auth/middleware.js';
import type { Agent, Role } from '../../../shared/auth/roles.js';

/**
 * How people sign in to the page. Locally: pick a demo agent (the stack signs a token with its own key).
 * In AWS: Cognito's hosted UI, OAuth authorization code with PKCE; the ID token is kept in an HttpOnly cookie.
 */
export type LoginProvider =
  | { kind: 'local'; agents: Array<{ sub: string; name: string; role: Role }>; sign(agent: { sub: string; name: string; role: Role }): Promise<string> }
  | {
      kind: 'cognito';
      /** The hosted UI base URL, e.g. https://balie-shop.auth.eu-west-1.amazoncognito.com */
      domain: string;
      clientId: string;
      /** The page's public origin when the request's own host is not it (a custom domain in front). */
      publicUrl?: string;
      fetch?: typeof fetch;
    };

export const SESSION_COOKIE = 'balie_session';
const REFRESH_COOKIE = 'balie_refresh';
const OAUTH_COOKIE = 'balie_oauth';

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over https. */
function cookieOptions(c: Context, maxAge: number, path = '/') {
  return { httpOnly: true, sameSite: 'Lax' as const, secure: new URL(c.req.url).protocol === 'https:', path, maxAge };
}

export function setSession(c: Context, token: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, maxAgeSeconds));
}

export function clearSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, REFRESH_COOKIE, { path: '/login' });
}

export function isFragmentRequest(c: Context): boolean {
  return c.req.header('x-balie-fragment') === '1';
}

/**
 * The page's guard: the session cookie must hold a token the API would accept. A page request without one is
 * sent to /login (and back after); a script's request gets a 401 it can act on.
 */
export function requireSession(verify: (token: string) => Promise<Agent>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let agent: Agent | undefined;
    if (token) {
      try {
        agent = await verify(token);
      } catch (err) {
        if (!(err instanceof HTTPException) || err.status !== 401) throw err;
      }
    }
    if (!agent) {
      if (c.req.method !== 'GET' || isFragmentRequest(c)) throw new HTTPException(401, { message: 'sign in again' });
      const next = new URL(c.req.url);
      return c.redirect(`/login?next=${encodeURIComponent(next.pathname + next.search)}`, 303);
    }
    c.set('agent', agent);
    await next();
  };
}

const SELF = 'http://balie.invalid';

/**
 * Only paths on this site, so a crafted `next` cannot send a signed-in agent elsewhere. Browsers drop tabs and
 * newlines from URLs and read `\` as `/`, so `/\t/evil` would become `//evil`: such input is refused, and what
 * is left is resolved and must stay on our origin.
 */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || [...next].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || ch === '\\')) return '/';
  const url = new URL(next, SELF);
  return url.origin === SELF && !url.pathname.startsWith('//') ? `${url.pathname}${url.search}` : '/';
}

// --- Cognito hosted UI -----------------------------------------------------------------------------------

export function redirectUri(c: Context, provider: { publicUrl?: string }): string {
  return `${provider.publicUrl ?? new URL(c.req.url).origin}/auth/callback`;
}

/** The authorize URL with a fresh state and PKCE verifier, both kept in a short-lived HttpOnly cookie. */
export function startCognitoLogin(c: Context, provider: Extract<LoginProvider, { kind: 'cognito' }>, next: string): string {
  const state = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  setCookie(c, OAUTH_COOKIE, `${state}.${verifier}.${Buffer.from(safeNext(next)).toString('base64url')}`, cookieOptions(c, 600, '/auth'));
  const url = new URL('/oauth2/authorize', provider.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUri(c, provider),
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export interface TokenSet {
  idToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/** The callback: the state must be ours, then the code (with our verifier) is exchanged for tokens. */
export async function finishCognitoLogin(c: Context, provider: Extract<LoginProvider, { kind: 'cognito' }>): Promise<{ tokens: TokenSet; next: string }> {
  const [state, verifier, next] = (getCookie(c, OAUTH_COOKIE) ?? '').split('.');
  deleteCookie(c, OAUTH_COOKIE, { path: '/auth' });
  const code = c.req.query('code');
  if (!state || !verifier || c.req.query('state') !== state) throw new HTTPException(400, { message: 'sign-in expired or came from elsewhere; start again' });
  if (!code) throw new HTTPException(400, { message: `sign-in refused: ${c.req.query('error_description') ?? c.req.query('error') ?? 'no code'}` });
  const tokens = await tokenRequest(provider, { grant_type: 'authorization_code', code, redirect_uri: redirectUri(c, provider), code_verifier: verifier });
  return { tokens, next: safeNext(next ? Buffer.from(next, 'base64url').toString('utf8') : '/') };
}

export function keepRefreshToken(c: Context, refreshToken: string | undefined): void {
  if (refreshToken) setCookie(c, REFRESH_COOKIE, refreshToken, cookieOptions(c, 30 * 86_400, '/login'));
}

/** A new ID token from the refresh token the callback kept; undefined when there is none or Cognito refuses it. */
export async function refreshCognitoSession(c: Context, provider: Extract<LoginProvider, { kind: 'cognito' }>): Promise<TokenSet | undefined> {
  const refreshToken = getCookie(c, REFRESH_COOKIE);
  if (!refreshToken) return undefined;
  try {
    return await tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: refreshToken });
  } catch (err) {
    if (err instanceof HTTPException && err.status < 500) {
      deleteCookie(c, REFRESH_COOKIE, { path: '/login' });
      return undefined;
    }
    throw err;
  }
}

async function tokenRequest(provider: Extract<LoginProvider, { kind: 'cognito' }>, form: Record<string, string>): Promise<TokenSet> {
  let res: Response;
  try {
    res = await (provider.fetch ?? fetch)(new URL('/oauth2/token', provider.domain), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: provider.clientId, ...form }).toString(),
      signal: AbortSignal.timeout(5_000),
    });
  } catch (err) {
    throw new HTTPException(502, { message: 'the sign-in service did not answer; try again in a minute', cause: err });
  }
  const body = (await res.json().catch(() => ({}))) as { id_token?: string; expires_in?: number; refresh_token?: string; error?: string };
  if (!res.ok || !body.id_token) {
    throw new HTTPException(res.status >= 500 ? 502 : 400, { message: `the sign-in service refused the exchange: ${body.error ?? res.status}` });
  }
  return { idToken: body.id_token, expiresIn: body.expires_in ?? 3600, refreshToken: body.refresh_token };
}

/** Logout ends the refresh token at Cognito too (best effort: the cookie is cleared either way). */
export async function revokeRefreshToken(c: Context, provider: Extract<LoginProvider, { kind: 'cognito' }>): Promise<void> {
  const token = getCookie(c, REFRESH_COOKIE);
  if (!token) return;
  await (provider.fetch ?? fetch)(new URL('/oauth2/revoke', provider.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: provider.clientId, token }).toString(),
    signal: AbortSignal.timeout(3_000),
  }).catch(() => undefined);
}

export function cognitoLogoutUrl(c: Context, provider: Extract<LoginProvider, { kind: 'cognito' }>): string {
  const url = new URL('/logout', provider.domain);
  url.search = new URLSearchParams({ client_id: provider.clientId, logout_uri: `${provider.publicUrl ?? new URL(c.req.url).origin}/login` }).toString();
  return url.toString();
}
