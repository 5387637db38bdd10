import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInboxApiApp } from '../../functions/inbox-api/app.js';
import { LOCAL_ISSUER, signLocalToken } from '../../shared/auth/local-keys.js';
import { createLogger } from '../../shared/observability/logger.js';
import type { CannedReplyStore, SettingsStore, ThreadStore } from '../../shared/domain/index.js';
import { MemoryAgentDirectory } from '../helpers/memory-agent-directory.js';
import { UPLOAD_BODY_MAX_BYTES, UPLOAD_PATH } from '../../functions/inbox-api/model-routes.js';

/** A store no refused request may reach: any call fails the test. */
const untouchable = new Proxy({} as ThreadStore & SettingsStore & CannedReplyStore, {
  get: (_, method) => () => {
    throw new Error(`the store was called (${String(method)}) for a request that should have been refused`);
  },
});

let privateJwk: JWK;
const agents = new MemoryAgentDirectory();
let app: ReturnType<typeof createInboxApiApp>;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k1', alg: 'ES256' };
  app = createInboxApiApp({
    settings: untouchable,
    cannedReplies: untouchable,
    store: untouchable,
    jobs: { publish: async () => expect.unreachable('a refused request published a send job') },
    events: { publish: async () => expect.unreachable('a refused request published an event') },
    agents,
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
    const noExpiry = await new SignJWT({ 'cognito:groups': ['supervisor'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('ann')
      .setIssuer(LOCAL_ISSUER)
      .sign(await importPrivate());
    for (const route of apiRoutes()) {
      for (const [what, token] of [
        ['none', undefined],
        ['expired', expired],
        ['forged', forged],
        ['foreign issuer', foreign],
        ['no exp', noExpiry],
        ['garbage', 'a.b.c'],
      ] as const) {
        const res = await call(route, token);
        expect(res.status, `${route.method} ${route.path} with ${what} token`).toBe(401);
        expect(await res.json()).toMatchObject({ error: 'unauthorized' });
      }
    }
  });

  it('refuses a valid token that carries no Balie role', async () => {
    const roleless = await new SignJWT({ name: 'Guest' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('guest')
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(await importPrivate());
    for (const route of apiRoutes()) expect((await call(route, roleless)).status, `${route.method} ${route.path}`).toBe(403);
  });

  it('refuses a local token that lives longer than a day, and the local signer will not make one', async () => {
    const week = await new SignJWT({ 'cognito:groups': ['agent'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('ann')
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt()
      .setExpirationTime('7d')
      .sign(await importPrivate());
    for (const route of apiRoutes()) expect((await call(route, week)).status, `${route.method} ${route.path}`).toBe(401);
    await expect(signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' }, { expiresIn: '25h' })).rejects.toThrow(/at most 24 h/);
    const { iat, exp } = decodeJwt(await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' }));
    expect(exp! - iat!).toBe(12 * 3600);
  });

  it('refuses a body over 1 MiB (a history upload over 4 MiB) with a 413 and a JSON reason, before touching any data', async () => {
    const supervisor = await signLocalToken(privateJwk, { sub: 'sue', name: 'Sue', role: 'supervisor' });
    const upload = await app.request(`${UPLOAD_PATH}?filename=history.csv`, {
      method: 'POST',
      body: 'x'.repeat(UPLOAD_BODY_MAX_BYTES + 1),
      headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'text/csv' },
    });
    expect(upload.status).toBe(413);
    expect(await upload.json()).toEqual({ error: 'too_large', message: `a request body is at most ${UPLOAD_BODY_MAX_BYTES} bytes` });
    const body = JSON.stringify({ version: 1, text: 'x'.repeat(1024 * 1024) });
    for (const route of apiRoutes().filter((r) => r.method !== 'GET' && r.path !== UPLOAD_PATH)) {
      for (const headers of [{}, { 'content-length': String(Buffer.byteLength(body)) }] as Array<Record<string, string>>) {
        const res = await app.request(route.path, {
          method: route.method,
          body,
          headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json', ...headers },
        });
        expect(res.status, `${route.method} ${route.path}`).toBe(413);
        expect(await res.json()).toEqual({ error: 'too_large', message: expect.stringMatching(/at most 1048576 bytes/) });
      }
    }
  });

  it('refuses an id in the path longer than a table key can hold with a 400, before touching any data', async () => {
    const supervisor = await signLocalToken(privateJwk, { sub: 'sue', name: 'Sue', role: 'supervisor' });
    const tooLong = ['x'.repeat(3_000), 'é'.repeat(300)];
    for (const route of apiRoutes().filter((r) => r.path.includes('x_'))) {
      for (const id of tooLong) {
        const path = route.path.replace(/x_\w+/, encodeURIComponent(id));
        const res = await call({ method: route.method, path }, supervisor);
        expect(res.status, `${route.method} ${route.path} with a ${id.length}-character id`).toBe(400);
        expect(await res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/at most 512 bytes/) });
      }
    }
  });

  it('remembers who used the API once per instance, not on every request, and again when their name or role changed', async () => {
    const before = agents.writes;
    for (let i = 0; i < 5; i++)
      expect((await call({ method: 'GET', path: '/api/me' }, await signLocalToken(privateJwk, { sub: 'ida', name: 'Ida', role: 'agent' }))).status).toBe(200);
    expect(agents.writes - before).toBe(1);
    expect(await agents.findAgent('ida')).toMatchObject({ sub: 'ida', name: 'Ida', role: 'agent' });
    await call({ method: 'GET', path: '/api/me' }, await signLocalToken(privateJwk, { sub: 'ida', name: 'Ida', role: 'supervisor' }));
    expect(agents.writes - before).toBe(2);
    expect(await agents.findAgent('ida')).toMatchObject({ role: 'supervisor' });
  });

  it('keeps the supervisors’ report from agents', async () => {
    const agent = await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' });
    expect((await call({ method: 'GET', path: '/api/stats/triage' }, agent)).status).toBe(403);
  });
});

const importPrivate = () => importJWK(privateJwk, 'ES256');
