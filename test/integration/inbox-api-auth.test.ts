import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocalKeys, signLocalToken } from '../../shared/auth/local-keys.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

const get = (path: string, token?: string) => fetch(`${t.stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('inbox API authentication', () => {
  it('answers 401 with a JSON error and a Bearer challenge without a token', async () => {
    const res = await get('/api/threads');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('accepts the token `npm run token` would print, for agents and supervisors', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const res = await get('/api/me', await t.token(role));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sub: `test-${role}`, name: `Test ${role}`, role });
    }
  });

  it('refuses an expired token', async () => {
    const keys = await ensureLocalKeys(t.stack.dataDir);
    const expired = await signLocalToken(keys.privateJwk, { sub: 'a', name: 'A', role: 'agent' }, { expiresIn: '-1m' });
    expect((await get('/api/threads', expired)).status).toBe(401);
  });

  it('refuses a token signed with another key, even with the same kid', async () => {
    const keys = await ensureLocalKeys(t.stack.dataDir);
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const forged = await signLocalToken(
      { ...(await exportJWK(privateKey)), kid: keys.privateJwk.kid, alg: 'ES256' },
      { sub: 'a', name: 'A', role: 'supervisor' },
    );
    expect((await get('/api/threads', forged)).status).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    const keys = await ensureLocalKeys(t.stack.dataDir);
    const foreign = await signLocalToken(keys.privateJwk, { sub: 'a', name: 'A', role: 'agent' }, { issuer: 'https://evil.example' });
    expect((await get('/api/threads', foreign)).status).toBe(401);
  });

  it('refuses an unsigned (alg none) token and garbage', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"a","cognito:groups":["supervisor"]}').toString('base64url')}.`;
    expect((await get('/api/threads', none)).status).toBe(401);
    expect((await get('/api/threads', 'not-a-jwt')).status).toBe(401);
  });

  it('refuses a correctly signed token that never expires (no exp claim)', async () => {
    const keys = await ensureLocalKeys(t.stack.dataDir);
    const key = await importJWK(keys.privateJwk, 'ES256');
    const forever = await new SignJWT({ 'cognito:groups': ['supervisor'] })
      .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
      .setSubject('x')
      .setIssuer('balie-local')
      .sign(key);
    expect((await get('/api/threads', forever)).status).toBe(401);
  });

  it('answers 403 to a valid token that carries no Balie role', async () => {
    const keys = await ensureLocalKeys(t.stack.dataDir);
    const key = await importJWK(keys.privateJwk, 'ES256');
    const roleless = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
      .setSubject('x')
      .setIssuer('balie-local')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key);
    const res = await get('/api/threads', roleless);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: 'forbidden' });
  });
});

describe('inbox API requests', () => {
  it.each([
    ['an unknown status', '/api/threads?status=lost'],
    ['a limit over 100', '/api/threads?limit=1000'],
    ['a cursor it did not give out', '/api/threads?cursor=AAAA'],
  ])('answers %s with 400 and what was wrong', async (_name, path) => {
    const res = await get(path, await t.token());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('answers 404 for a thread that does not exist', async () => {
    const res = await get('/api/threads/t_nope', await t.token());
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });
});
