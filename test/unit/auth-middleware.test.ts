import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAgent, requireRole, type AuthEnv } from '../../shared/auth/middleware.js';
import { errorHandler } from '../../shared/http/on-error.js';
import { createLogger } from '../../shared/observability/logger.js';

// Cognito signs ID tokens with RS256 and publishes its keys at <issuer>/.well-known/jwks.json.
let server: Server;
let issuer: string;
let privateKey: CryptoKey;
let app: Hono<AuthEnv>;
let jwksFetches = 0;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'cognito-1', alg: 'RS256', use: 'sig' }] });
  server = createServer((req, res) => {
    if (req.url === '/eu-west-1_Pool/.well-known/jwks.json') {
      jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eu-west-1_Pool`;
  app = new Hono<AuthEnv>();
  app.onError(errorHandler(createLogger('test')));
  app.use('/api/*', requireAgent({ kind: 'jwks', jwksUri: `${issuer}/.well-known/jwks.json`, issuer, clientId: 'web-client' }));
  app.get('/api/me', (c) => c.json(c.get('agent')));
  app.get('/api/supervisor', requireRole('supervisor'), (c) => c.json({ ok: true }));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const cognitoToken = (claims: Record<string, unknown>, iss = issuer) =>
  new SignJWT({ token_use: 'id', aud: 'web-client', 'cognito:username': 'sanne', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'cognito-1' })
    .setSubject('0b1c-uuid')
    .setIssuer(iss)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

const call = async (path: string, token: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } });

describe('JWT auth against a Cognito-style JWKS', () => {
  it('accepts an RS256 ID token from the pool and reads the role from cognito:groups', async () => {
    const res = await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'], email: 'sanne@shop.nl' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sub: '0b1c-uuid', name: 'sanne', role: 'agent' });
  });

  it('refuses a token whose issuer is another pool', async () => {
    const res = await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'] }, 'https://cognito-idp.eu-west-1.amazonaws.com/other'));
    expect(res.status).toBe(401);
  });

  it('refuses a token for another app client of the same pool', async () => {
    expect((await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'], aud: 'other-client' }))).status).toBe(401);
  });

  it('accepts an access token for our client (client_id) and refuses one without', async () => {
    expect(
      (await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'], token_use: 'access', aud: undefined, client_id: 'web-client' }))).status,
    ).toBe(200);
    expect((await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'], token_use: 'access', aud: undefined }))).status).toBe(401);
  });

  it('fetches the key set once, not on every request', async () => {
    const before = jwksFetches;
    for (let i = 0; i < 5; i++) await call('/api/me', await cognitoToken({ 'cognito:groups': ['agent'] }));
    expect(jwksFetches - before).toBe(0);
  });

  it('keeps supervisor routes from agents', async () => {
    expect((await call('/api/supervisor', await cognitoToken({ 'cognito:groups': ['agent'] }))).status).toBe(403);
    expect((await call('/api/supervisor', await cognitoToken({ 'cognito:groups': ['supervisor'] }))).status).toBe(200);
  });

  it('accepts a token that lives the longest Cognito allows for an ID token (one day)', async () => {
    expect((await call('/api/me', await tokenLiving({ iat: 0, exp: 24 * 3600 }))).status).toBe(200);
  });

  it('refuses a token that lives longer than a day, or says nothing about when it was issued', async () => {
    const longLived = await tokenLiving({ iat: 0, exp: 24 * 3600 + 1 });
    const yearLong = await tokenLiving({ iat: -60, exp: 365 * 86_400 });
    const noIssuedAt = await tokenLiving({ exp: 3600 });
    for (const [what, token] of [
      ['24 h + 1 s', longLived],
      ['a year', yearLong],
      ['no iat', noIssuedAt],
    ] as const) {
      const res = await call('/api/me', token);
      expect(res.status, what).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('refuses a token issued more than a day ago, whatever its exp says', async () => {
    expect((await call('/api/me', await tokenLiving({ iat: -25 * 3600, exp: 3600 }))).status).toBe(401);
  });

  it('refuses a token issued in the future', async () => {
    expect((await call('/api/me', await tokenLiving({ iat: 600, exp: 3600 }))).status).toBe(401);
  });
});

/** A Cognito-style agent token with `iat` and `exp` this many seconds from now (a claim left out is absent). */
async function tokenLiving(at: { iat?: number; exp: number }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ token_use: 'id', aud: 'web-client', 'cognito:groups': ['agent'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'cognito-1' })
    .setSubject('0b1c-uuid')
    .setIssuer(issuer)
    .setExpirationTime(now + at.exp);
  if (at.iat !== undefined) jwt.setIssuedAt(now + at.iat);
  return jwt.sign(privateKey);
}
