import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { TransientError } from '../domain/errors.js';
import { agentFromClaims, type Agent, type Role } from './roles.js';
import { lifetimeFits, MAX_TOKEN_LIFETIME_SECONDS } from './token-lifetime.js';

/** Where tokens come from: the local stack's own key, or a Cognito user pool (its JWKS, issuer and app client). */
export type AuthSource = { kind: 'local'; keys: JWK[]; issuer: string } | { kind: 'jwks'; jwksUri: string; issuer: string; clientId?: string };

export type AuthEnv = { Variables: { agent: Agent } };

/**
 * Bearer JWT on every route it guards, with jose rather than hono/jwk: hono/jwk accepts a token without `exp`
 * and fetches the JWKS on every request. Here the key set is cached (jose's remote JWKS), `exp`, `iat` and `sub` are
 * required, a token lives and is used at most a day after `iat` (token-lifetime.ts), only the source's own algorithm is accepted, and a Cognito token must be for our app client.
 */
export function requireAgent(source: AuthSource | ((token: string) => Promise<Agent>)): MiddlewareHandler<AuthEnv> {
  // one verifier (and so one cached key set) can serve the bearer API and the page's session cookie
  const verify = typeof source === 'function' ? source : tokenVerifier(source);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized('invalid_request', 'no bearer token in the Authorization header');
    c.set('agent', await verify(token));
    await next();
  };
}

/** Checks one token against the source: 401 when it is refused, 403 when it carries no Balie role. */
export function tokenVerifier(source: AuthSource): (token: string) => Promise<Agent> {
  const keySet = source.kind === 'local' ? createLocalJWKSet({ keys: source.keys }) : createRemoteJWKSet(new URL(source.jwksUri));
  const algorithms = source.kind === 'local' ? ['ES256'] : ['RS256'];
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: source.issuer,
        algorithms,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
      }));
    } catch (err) {
      if (err instanceof errors.JWKSTimeout || (err instanceof TypeError && /fetch/i.test(err.message))) {
        throw new TransientError('the sign-in key set could not be fetched', { cause: err });
      }
      throw unauthorized('invalid_token', err instanceof errors.JOSEError ? `token refused: ${err.code}` : 'token refused');
    }
    if (!lifetimeFits(payload)) throw unauthorized('invalid_token', `token refused: it lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} h`);
    if (source.kind === 'jwks' && source.clientId && !isForClient(payload, source.clientId)) {
      throw unauthorized('invalid_token', 'token was issued for another app client');
    }
    const agent = agentFromClaims(payload as Record<string, unknown>);
    if (!agent) throw new HTTPException(403, { message: 'token has no Balie role (agent or supervisor)' });
    return agent;
  };
}

/** Cognito ID tokens carry the client in `aud`, access tokens in `client_id`. */
function isForClient(payload: JWTPayload, clientId: string): boolean {
  if (payload.token_use === 'id') return payload.aud === clientId || (Array.isArray(payload.aud) && payload.aud.includes(clientId));
  if (payload.token_use === 'access') return payload.client_id === clientId;
  return false;
}

function unauthorized(error: 'invalid_request' | 'invalid_token', message: string): HTTPException {
  return new HTTPException(401, {
    message,
    res: new Response(null, { status: 401, headers: { 'www-authenticate': `Bearer realm="balie", error="${error}"` } }),
  });
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (role === 'supervisor' && c.get('agent').role !== 'supervisor') throw new HTTPException(403, { message: 'supervisors only' });
    await next();
  };
}

export function cognitoSource(region: string, userPoolId: string, clientId?: string): AuthSource {
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return { kind: 'jwks', jwksUri: `${issuer}/.well-known/jwks.json`, issuer, clientId };
}
