import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInboxApiApp } from '../../functions/inbox-api/app.js';
import { LOCAL_ISSUER, signLocalToken } from '../../shared/auth/local-keys.js';
import { createLogger } from '../../shared/observability/logger.js';
import type { ThreadStore } from '../../shared/domain/index.js';

/** A store no refused request may reach: any call fails the test. */
const untouchable = new Proxy({} as ThreadStore, {
  get: (_, method) => () => {
    throw new Error(`the store was called (${String(method)}) for a request that should have been refused`);
  },
});

let privateJwk: JWK;
let app: ReturnType<typeof createInboxApiApp>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k1', alg: 'ES256' };
  app = createInboxApiApp({
    store: untouchable,
    jobs: { publish: async () => expect.unreachable('a refused request published a send job') },
    events: { publish: async () => expect.unreachable('a refused request published an event') },
    auth: { kind: 'local', keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' }], issuer: LOCAL_ISSUER },
    logger: createLogger('test'),
  });
});

/** Every /api route the app has, with its path parameters filled in. */
function apiRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path.replace(/:(\w+)/g, 'x_$1') }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

const call = (route: { method: string; path: string }, token?: string) =>
  app.request(route.path, {
    method: route.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: route.method === 'GET' ? undefined : JSON.stringify({ version: 1, reason: 'x', text: 'x' }),
  });

describe('every /api route', () => {
  it('is found: the list of routes under test is the API', () => {
    const routes = apiRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes).toContain('POST /api/threads/x_id/drafts/x_draftId/approve');
  });

  it('refuses a request without a token, with an expired one, a forged one and one from another issuer, before touching any data', async () => {
    const { privateKey: otherKey } = await generateKeyPair('ES256', { extractable: true });
    const forged = await signLocalToken({ ...(await exportJWK(otherKey)), kid: 'k1', alg: 'ES256' }, { sub: 'eve', name: 'Eve', role: 'supervisor' });
    const expired = await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' }, { expiresIn: '-1s' });
    const foreign = await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' }, { issuer: 'https://elsewhere.example' });
    const noExpiry = await new SignJWT({ 'cognito:groups': ['supervisor'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('ann').setIssuer(LOCAL_ISSUER).sign(await importPrivate());
    for (const route of apiRoutes()) {
      for (const [what, token] of [['none', undefined], ['expired', expired], ['forged', forged], ['foreign issuer', foreign], ['no exp', noExpiry], ['garbage', 'a.b.c']] as const) {
        const res = await call(route, token);
        expect(res.status, `${route.method} ${route.path} with ${what} token`).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
    }
  });

  it('refuses a valid token that carries no Balie role', async () => {
    const roleless = await new SignJWT({ name: 'Guest' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('guest').setIssuer(LOCAL_ISSUER).setIssuedAt().setExpirationTime('1h').sign(await importPrivate());
    for (const route of apiRoutes()) expect((await call(route, roleless)).status, `${route.method} ${route.path}`).toBe(403);
  });

  it('keeps the supervisors’ report from agents', async () => {
    const agent = await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' });
    expect((await call({ method: 'GET', path: '/api/stats/triage' }, agent)).status).toBe(403);
  });
});

const importPrivate = () => importJWK(privateJwk, 'ES256');
