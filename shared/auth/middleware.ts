import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { jwk } from 'hono/jwk';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { agentFromClaims, type Agent, type Role } from './roles.js';

export type AuthSource = { keys: HonoJsonWebKey[]; issuer: string } | { jwksUri: string; issuer: string };

export type AuthEnv = { Variables: { agent: Agent; jwtPayload: Record<string, unknown> } };

/**
 * Bearer JWT on every route it guards: signature (ES256 locally, RS256 from Cognito's JWKS), expiry and
 * issuer are checked by Hono's JWK middleware; then the role must be one Balie knows.
 */
export function requireAgent(source: AuthSource): MiddlewareHandler<AuthEnv> {
  const verify = jwk({
    ...('keys' in source ? { keys: source.keys } : { jwks_uri: source.jwksUri }),
    alg: ['ES256', 'RS256'],
    verification: { iss: source.issuer },
  });
  return async (c, next) =>
    verify(c, async () => {
      const agent = agentFromClaims(c.get('jwtPayload'));
      if (!agent) throw new HTTPException(403, { message: 'token has no Balie role (agent or supervisor)' });
      c.set('agent', agent);
      await next();
    });
}

export function requireRole(role: Role): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (role === 'supervisor' && c.get('agent').role !== 'supervisor') throw new HTTPException(403, { message: 'supervisors only' });
    await next();
  };
}

export function cognitoSource(region: string, userPoolId: string): AuthSource {
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return { jwksUri: `${issuer}/.well-known/jwks.json`, issuer };
}
