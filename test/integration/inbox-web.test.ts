import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboxApiApp } from '../../functions/inbox-api/app.js';
import { LOCAL_ISSUER, signLocalToken } from '../../shared/auth/local-keys.js';
import type { Role } from '../../shared/auth/roles.js';
import { createLogger } from '../../shared/observability/logger.js';
import { triageEngines } from '../../shared/config/triage-engines.js';
import {
  NotFoundError,
  type BlobStore,
  type Draft,
  type InboundEvent,
  type Message,
  type QueueCounts,
  type SendJob,
  type Thread,
} from '../../shared/domain/index.js';
import { DynamoAgentDirectory, type DynamoThreadStore } from '../../shared/store/index.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir } from '../../shared/triage/knowledge/knowledge-base.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { redraft } from '../../shared/use-cases/redraft.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { aDraft, aMessage, aThread } from '../helpers/threads.js';
import { MemorySettingsStore } from '../helpers/memory-settings.js';
import { MemoryCannedReplyStore } from '../helpers/memory-canned-replies.js';

const ISSUER = LOCAL_ISSUER;
const AGENTS = [
  { sub: 'ann', name: 'Ann', role: 'agent' as Role },
  { sub: 'bob', name: 'Bob', role: 'agent' as Role },
  { sub: 'sue', name: 'Sue', role: 'supervisor' as Role },
];

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
let store: DynamoThreadStore;
let privateJwk: JWK;
let app: ReturnType<typeof createInboxApiApp>;
let publicJwkOf: JWK;
const jobs: SendJob[] = [];
const events: InboundEvent[] = [];
const blobs = new Map<string, Uint8Array>();
const blobStore: BlobStore = {
  put: async (key, body) => void blobs.set(key, typeof body === 'string' ? Buffer.from(body) : body),
  get: async (key) => blobs.get(key) ?? Promise.reject(new NotFoundError(key)),
  list: async (prefix) => [...blobs.keys()].filter((k) => k.startsWith(prefix)),
};

const now = new Date();
const iso = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();

function message(threadId: string, over: Partial<Message> = {}): Message {
  return aMessage({ threadId, id: `m_${threadId}`, externalId: `w_${threadId}`, sentAt: iso(-30), ...over });
}

function draft(threadId: string, over: Partial<Draft> = {}): Draft {
  return aDraft({ threadId, id: `d_${threadId}`, inReplyTo: `m_${threadId}`, createdAt: iso(-29), ...over });
}

async function seed(thread: Thread, extra: { message?: Partial<Message> } = {}) {
  await store.saveThread({ ...thread, latestDraftId: `d_${thread.id}`, lastInboundAt: iso(-30), createdAt: iso(-30) }, 0);
  await store.putMessageOnce(message(thread.id, extra.message));
  await store.putDraftOnce(draft(thread.id));
}

const token = (sub: string) =>
  signLocalToken(
    privateJwk,
    AGENTS.find((a) => a.sub === sub)!,
  );
async function api<T>(sub: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const res = await app.request(path, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${await token(sub)}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}
const ids = (threads: Thread[]) => threads.map((t) => t.id).sort();

beforeAll(async () => {
  db = await startDynaliteStore('balie');
  store = db.store;
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k1', alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  publicJwkOf = publicJwk;
  app = createInboxApiApp({
    settings: new MemorySettingsStore(),
    cannedReplies: new MemoryCannedReplyStore(),
    store,
    jobs: { publish: async (job) => void jobs.push(job) },
    events: { publish: async (batch) => void events.push(...batch) },
    blobs: blobStore,
    mailRetentionDays: 365,
    auth: { kind: 'local', keys: [publicJwk], issuer: ISSUER },
    logger: createLogger('test'),
    agents: new DynamoAgentDirectory(db.documents, 'balie'),
    web: { login: { kind: 'local', agents: AGENTS, sign: (a) => signLocalToken(privateJwk, a) }, directory: AGENTS },
  });
  await seed(
    aThread({
      id: 't_free',
      contact: { handle: '31611111111', name: 'Zoë Jansen' },
      language: 'nl',
      priority: 'P2',
      slaDueAt: iso(-5),
      lastMessagePreview: 'Waar blijft mijn bestelling 10482?',
    }),
  );
  await seed(
    aThread({
      id: 't_bobs',
      contact: { handle: '31622222222', name: 'Karel' },
      assignee: 'bob',
      language: 'nl',
      priority: 'P1',
      slaDueAt: iso(30),
      lastMessagePreview: 'Mijn factuur klopt niet',
    }),
  );
  await seed(
    aThread({
      id: 't_anns',
      contact: { handle: '447700900000', name: 'James <b>Carter</b>' },
      assignee: 'ann',
      language: 'en',
      priority: 'P3',
      slaDueAt: iso(600),
      lastMessagePreview: 'The app crashes',
    }),
    {
      message: { attachments: [{ key: 'mail/x/attachments/0-invoice.pdf', filename: 'invoice.pdf', contentType: 'application/pdf', size: 4, inline: false }] },
    },
  );
  blobs.set('mail/x/attachments/0-invoice.pdf', Buffer.from('%PDF'));
}, 60_000);
afterAll(() => db?.stop());

describe('the worklist an agent and a supervisor see', () => {
  it('shows an agent the threads nobody has taken and their own, and a supervisor every thread', async () => {
    expect(ids((await api<{ threads: Thread[] }>('ann', '/api/threads')).body.threads)).toEqual(['t_anns', 't_free']);
    expect(ids((await api<{ threads: Thread[] }>('sue', '/api/threads')).body.threads)).toEqual(['t_anns', 't_bobs', 't_free']);
  });

  it('filters by language and assignee, and finds a customer by name without accents or by words in the message', async () => {
    const list = async (query: string, sub = 'sue') => ids((await api<{ threads: Thread[] }>(sub, `/api/threads?${query}`)).body.threads);
    expect(await list('language=en')).toEqual(['t_anns']);
    expect(await list('assignee=me', 'ann')).toEqual(['t_anns']);
    expect(await list('assignee=none')).toEqual(['t_free']);
    expect(await list('assignee=bob')).toEqual(['t_bobs']);
    expect(await list('q=zoe')).toEqual(['t_free']);
    expect(await list('q=FACTUUR klopt')).toEqual(['t_bobs']);
    expect(await list('q=factuur', 'ann')).toEqual([]);
  });

  it('counts each view as the viewer sees it', async () => {
    const ann = (await api<QueueCounts>('ann', '/api/counts')).body;
    expect(ann).toMatchObject({ open: 2, mine: 1, unassigned: 1, awaitingApproval: 2, overdue: 1, capped: false });
    const sue = (await api<QueueCounts>('sue', '/api/counts')).body;
    expect(sue).toMatchObject({ open: 3, mine: 0, unassigned: 1, overdue: 1, byPriority: { P1: 1, P2: 1, P3: 1 } });
  });
});

describe('what an agent may do to a colleague’s thread', () => {
  it('refuses to show it or act on it, while the supervisor sees it with its audit trail', async () => {
    expect((await api('ann', '/api/threads/t_bobs')).status).toBe(403);
    for (const [path, body] of [
      ['/api/threads/t_bobs/drafts/d_t_bobs/approve', { version: 1 }],
      ['/api/threads/t_bobs/drafts/d_t_bobs/reject', { version: 1, reason: 'no' }],
      ['/api/threads/t_bobs/drafts/d_t_bobs/redraft', {}],
      ['/api/threads/t_bobs/notes', { text: 'peek' }],
      ['/api/threads/t_bobs/triage', { priority: 'P4' }],
      ['/api/threads/t_bobs/assign', {}],
      ['/api/threads/t_bobs/resolve', {}],
    ] as const) {
      expect((await api('ann', path, { method: 'POST', body })).status, path).toBe(403);
    }
    expect(jobs).toEqual([]);
    const seen = await api<ThreadDetail>('sue', '/api/threads/t_bobs');
    expect(seen.status).toBe(200);
    expect(seen.body.audit).toEqual([]);
    expect((await api<ThreadDetail>('bob', '/api/threads/t_bobs')).body.audit).toBeUndefined();
  });
});

describe('assigning a thread to someone', () => {
  it('refuses an agent nobody knows with a 422, in the API and on the page, and the thread stays where it was', async () => {
    await seed(aThread({ id: 't_lost', contact: { handle: '31633333333', name: 'Lot' }, priority: 'P1' }));
    const res = await api<{ error: string; message: string }>('sue', '/api/threads/t_lost/assign', { method: 'POST', body: { assignee: 'made-up-sub' } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: 'unknown_agent', message: expect.stringContaining('"made-up-sub"') });
    const cookie = (
      await app.request('/login', {
        method: 'POST',
        body: new URLSearchParams({ sub: 'sue' }),
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const page = await app.request('/ui/threads/t_lost/assign', {
      method: 'POST',
      body: new URLSearchParams({ assignee: 'made-up-sub' }),
      headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
    });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('made-up-sub');
    expect((await store.getThread('t_lost'))!.assignee).toBeUndefined();
    expect((await store.getThreadDetail('t_lost'))!.audit).toEqual([]);
  });

  it('assigns to someone in the configured directory, and to anyone who once used Balie with a valid token', async () => {
    await seed(aThread({ id: 't_dir', contact: { handle: '31644444444', name: 'Dirk' } }));
    await seed(aThread({ id: 't_seen', contact: { handle: '31644444445', name: 'Sien' } }));
    expect((await api<{ thread: Thread }>('sue', '/api/threads/t_dir/assign', { method: 'POST', body: { assignee: 'bob' } })).body.thread.assignee).toBe('bob');
    const newcomer = await signLocalToken(privateJwk, { sub: 'cora-sub', name: 'Cora', role: 'agent' });
    expect((await api('sue', '/api/threads/t_seen/assign', { method: 'POST', body: { assignee: 'cora-sub' } })).status).toBe(422);
    expect((await app.request('/api/me', { headers: { authorization: `Bearer ${newcomer}` } })).status).toBe(200);
    expect((await api<{ thread: Thread }>('sue', '/api/threads/t_seen/assign', { method: 'POST', body: { assignee: 'cora-sub' } })).body.thread.assignee).toBe(
      'cora-sub',
    );
    expect(await new DynamoAgentDirectory(db.documents, 'balie').findAgent('cora-sub')).toMatchObject({ sub: 'cora-sub', name: 'Cora', role: 'agent' });
  });
});

describe('a new draft on request', () => {
  it('queues the request, and the worker replaces the draft once, however often the request is delivered', async () => {
    await seed(aThread({ id: 't_redo', contact: { handle: '31633333333', name: 'Fenna' }, category: 'order' }));
    const res = await api('ann', '/api/threads/t_redo/drafts/d_t_redo/redraft', { method: 'POST', body: {} });
    expect(res.status).toBe(202);
    const request = events.find((e) => e.type === 'redraft' && e.threadId === 't_redo');
    expect(request).toMatchObject({ type: 'redraft', draftId: 'd_t_redo', requestedBy: 'ann' });
    if (request?.type !== 'redraft') throw new Error('no redraft request');

    const engines = await triageEngines(loadKnowledgeBaseDir(DEMO_KNOWLEDGE_DIR), {});
    const deps = { store, ...engines, now: () => new Date() };
    const first = await redraft(deps, request);
    const again = await redraft(deps, request);
    expect(first).toMatchObject({ outcome: 'redrafted' });
    expect(again).toEqual(first);

    const detail = (await api<ThreadDetail>('ann', '/api/threads/t_redo')).body;
    expect(detail.drafts).toHaveLength(2);
    expect(detail.latestDraftId).toBe((first as { draftId: string }).draftId);
    expect(detail.drafts.find((d) => d.id === 'd_t_redo')).toMatchObject({ state: 'rejected', rejectReason: 'replaced by a new draft' });
    expect(detail.drafts.find((d) => d.id === detail.latestDraftId)).toMatchObject({
      state: 'proposed',
      reasons: expect.arrayContaining(['new draft asked for by ann']),
    });
    expect((await api('ann', '/api/threads/t_redo/drafts/d_t_redo/approve', { method: 'POST', body: { version: 1 } })).status).toBe(409);
  });
});

describe('the page: sign-in, session and form safety', () => {
  const cookieOf = (res: Response) => res.headers.get('set-cookie') ?? '';
  async function session(sub: string): Promise<string> {
    const res = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ sub }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(303);
    return cookieOf(res).split(';')[0]!;
  }

  it('sends a visitor without a session to the login page, and a script to a 401', async () => {
    const page = await app.request('/threads/t_free?view=mine');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fthreads%2Ft_free%3Fview%3Dmine');
    expect((await app.request('/ui/worklist', { headers: { 'x-balie-fragment': '1' } })).status).toBe(401);
    const login = await app.request('/login');
    expect(await login.text()).toContain('value="ann"');
  });

  it('keeps the session in an HttpOnly, SameSite cookie and never redirects off-site after sign-in', async () => {
    const res = await app.request('/login?next=%2F%2Fevil.example%2F', {
      method: 'POST',
      body: new URLSearchParams({ sub: 'ann' }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.headers.get('location')).toBe('/');
    expect(cookieOf(res)).toMatch(/^balie_session=[^;]+;.*HttpOnly/);
    expect(cookieOf(res)).toMatch(/SameSite=Lax/);
    const unknown = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ sub: 'mallory' }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unknown.status).toBe(400);
  });

  it('serves the worklist with a strict CSP, and shows what customers wrote as text', async () => {
    const res = await app.request('/', { headers: { cookie: await session('ann') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('James &lt;b&gt;Carter&lt;/b&gt;');
    expect(html).not.toContain('t_bobs');
  });

  it('refuses a form posted from another site', async () => {
    const res = await app.request('/ui/threads/t_free/notes', {
      method: 'POST',
      body: new URLSearchParams({ text: 'csrf' }),
      headers: { cookie: await session('ann'), origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(403);
    expect((await store.getThreadDetail('t_free'))!.notes).toEqual([]);
  });

  it('answers an in-page action with the re-rendered thread and a clear conflict when the draft was approved meanwhile', async () => {
    await seed(aThread({ id: 't_race', contact: { handle: '31644444444', name: 'Ruben' } }));
    const post = async (sub: string) =>
      app.request('/ui/threads/t_race/drafts/d_t_race/approve', {
        method: 'POST',
        body: new URLSearchParams({ version: '1', text: 'Hoi Ruben, het pakket komt morgen.' }),
        headers: { cookie: await session(sub), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
      });
    const [a, b] = await Promise.all([post('ann'), post('bob')]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.text()).toMatch(/already approved by (Ann|Bob)/);
    expect(jobs.filter((j) => j.threadId === 't_race')).toHaveLength(1);
  });

  it('refuses a next that browsers would turn into another site', async () => {
    for (const next of ['/\t/evil.example/', '/\\evil.example', '//evil.example', 'https://evil.example/', '/%2F/evil.example']) {
      const res = await app.request(`/login?next=${encodeURIComponent(next)}`, {
        method: 'POST',
        body: new URLSearchParams({ sub: 'ann' }),
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      });
      const location = res.headers.get('location')!;
      expect(new URL(location, 'http://localhost').origin, next).toBe('http://localhost');
      expect(location.startsWith('//'), next).toBe(false);
    }
    const fine = await app.request(`/login?next=${encodeURIComponent('/threads/t_free?view=mine')}`, {
      method: 'POST',
      body: new URLSearchParams({ sub: 'ann' }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(fine.headers.get('location')).toBe('/threads/t_free?view=mine');
  });

  it('shows a colleague’s thread as a message in the page, not an error page', async () => {
    const res = await app.request('/threads/t_bobs', { headers: { cookie: await session('ann') } });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('assigned to another agent');
    expect(html).toContain('id="worklist-items"');
  });

  it('refuses an emptied reply instead of sending the original draft', async () => {
    await seed(aThread({ id: 't_empty', contact: { handle: '31655555555', name: 'Els' } }));
    const res = await app.request('/ui/threads/t_empty/drafts/d_t_empty/approve', {
      method: 'POST',
      body: new URLSearchParams({ version: '1', text: '  \r\n ' }),
      headers: { cookie: await session('ann'), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
    });
    expect(res.status).toBe(400);
    expect(jobs.filter((j) => j.threadId === 't_empty')).toEqual([]);
  });

  it('does not call a draft edited when the browser only changed its line ends and edges', async () => {
    await seed(aThread({ id: 't_crlf', contact: { handle: '31666666666', name: 'Bas' } }));
    const res = await app.request('/ui/threads/t_crlf/drafts/d_t_crlf/approve', {
      method: 'POST',
      body: new URLSearchParams({ version: '1', text: '\r\nHoi, we kijken het na.\r\n' }),
      headers: { cookie: await session('ann'), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
    });
    expect(res.status).toBe(200);
    expect(await store.getDraft('t_crlf', 'd_t_crlf')).toMatchObject({ state: 'approved', edited: false, finalText: 'Hoi, we kijken het na.' });
  });

  it('keeps the triage form from recording a correction that changes nothing', async () => {
    await seed(aThread({ id: 't_same', contact: { handle: '31677777777', name: 'Mo' }, category: 'order', priority: 'P3' }));
    const res = await app.request('/ui/threads/t_same/triage', {
      method: 'POST',
      body: new URLSearchParams({ category: 'order', priority: 'P3' }),
      headers: { cookie: await session('ann'), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
    });
    expect(res.status).toBe(200);
    expect((await store.getThreadDetail('t_same'))!.audit).toEqual([]);
  });

  it("keeps a shop model's own category when the form posts it back, and refuses a correction to a category nobody defined", async () => {
    await seed(aThread({ id: 't_shop', contact: { handle: '31677777778', name: 'Noor' }, category: 'Retour & ruil', priority: 'P3' }));
    const form = async (fields: Record<string, string>) =>
      app.request('/ui/threads/t_shop/triage', {
        method: 'POST',
        body: new URLSearchParams(fields),
        headers: { cookie: await session('ann'), origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
      });
    expect((await form({ category: 'Retour & ruil', priority: 'P2' })).status).toBe(200);
    expect((await store.getThreadDetail('t_shop'))!.thread).toMatchObject({ category: 'Retour & ruil', priority: 'P2' });
    const typo = await api<{ message: string }>('ann', '/api/threads/t_shop/triage', { method: 'POST', body: { category: 'complain' } });
    expect([typo.status, typo.body.message]).toEqual([400, expect.stringMatching(/"complain" is not a category; choose one of complaint, order/)]);
    expect((await form({ category: 'billing', priority: 'P2' })).status).toBe(200);
    expect((await store.getThreadDetail('t_shop'))!.thread.category).toBe('billing');
  });

  it("offers and accepts the published model's categories, in the form and the API, once a shop's model is in the bucket", async () => {
    const shopBlobs = new Map<string, Uint8Array>([
      ['models/current.json', Buffer.from(JSON.stringify({ id: '0123456789abcdef', categories: ['Retour & ruil', 'Storing', 'Factuur'] }))],
    ]);
    const shopApp = createInboxApiApp({
      settings: new MemorySettingsStore(),
      cannedReplies: new MemoryCannedReplyStore(),
      store,
      jobs: { publish: async (job) => void jobs.push(job) },
      blobs: { ...blobStore, get: async (key) => shopBlobs.get(key) ?? Promise.reject(new NotFoundError(key)) },
      auth: { kind: 'local', keys: [publicJwkOf], issuer: ISSUER },
      logger: createLogger('test'),
      agents: new DynamoAgentDirectory(db.documents, 'balie'),
      web: { login: { kind: 'local', agents: AGENTS, sign: (a) => signLocalToken(privateJwk, a) }, directory: AGENTS },
    });
    await seed(aThread({ id: 't_shop2', contact: { handle: '31677777779', name: 'Sem' }, category: 'Factuur', priority: 'P3' }));
    const post = async (body: unknown) =>
      shopApp.request('/api/threads/t_shop2/triage', {
        method: 'POST',
        headers: { authorization: `Bearer ${await token('ann')}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const html = await (await shopApp.request('/threads/t_shop2', { headers: { cookie: await session('ann') } })).text();
    const options = [...html.slice(html.indexOf('name="category"')).matchAll(/<option value="([^"]+)"/g)].slice(0, 3).map((m) => m[1]);
    expect(options).toEqual(['Retour &amp; ruil', 'Storing', 'Factuur']);
    expect((await post({ category: 'Storing' })).status).toBe(200);
    expect((await store.getThreadDetail('t_shop2'))!.thread.category).toBe('Storing');
    const refused = await post({ category: 'billing' });
    expect([refused.status, ((await refused.json()) as { message: string }).message]).toEqual([
      400,
      '"billing" is not a category; choose one of Retour & ruil, Storing, Factuur',
    ]);
  });

  it('answers 400, not 500, to an id or an assignee longer than a table key can hold', async () => {
    const long = 'x'.repeat(3_000);
    expect((await api('sue', `/api/threads/${long}`)).status).toBe(400);
    expect((await api('sue', `/api/threads/t_free/drafts/${long}/approve`, { method: 'POST', body: { version: 1 } })).status).toBe(400);
    expect((await api('sue', '/api/threads/t_free/assign', { method: 'POST', body: { assignee: long } })).status).toBe(400);
    const cookie = (
      await app.request('/login', {
        method: 'POST',
        body: new URLSearchParams({ sub: 'sue' }),
        headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    expect((await app.request(`/threads/${long}`, { headers: { cookie } })).status).toBe(400);
    expect((await app.request(`/ui/threads/${long}`, { headers: { cookie, 'x-balie-fragment': '1' } })).status).toBe(400);
  });

  it('lets only one of two agents take the same thread at once', async () => {
    await seed(aThread({ id: 't_take', contact: { handle: '31688888888', name: 'Ida' } }));
    const [a, b] = await Promise.all([
      api('ann', '/api/threads/t_take/assign', { method: 'POST', body: {} }),
      api('bob', '/api/threads/t_take/assign', { method: 'POST', body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 403]);
    expect((await api('sue', '/api/threads/t_take/assign', { method: 'POST', body: { assignee: 'none' } })).status).toBe(400);
  });

  it('pages through the overdue view although its "now" moves between pages', async () => {
    for (let i = 0; i < 4; i++) await seed(aThread({ id: `t_late${i}`, contact: { handle: `3169999999${i}`, name: 'Laat' }, slaDueAt: iso(-60 - i) }));
    const first = await store.listThreads({ dueBefore: new Date().toISOString(), limit: 2 });
    expect(first.nextCursor).toBeDefined();
    await new Promise((r) => setTimeout(r, 5));
    const second = await store.listThreads({ dueBefore: new Date().toISOString(), limit: 2, cursor: first.nextCursor });
    expect(second.threads.length).toBeGreaterThan(0);
    expect(second.threads.map((t) => t.id)).not.toContain(first.threads[0]!.id);
  });

  it('serves a mail’s HTML only into our own sandboxed frame, and never a colleague’s', async () => {
    const email = {
      messageId: '<m1@example.com>',
      references: [],
      to: ['support@shop.example'],
      cc: [],
      rawKey: 'raw/1',
      remoteImagesBlocked: 0,
      truncated: false,
      html: '<p>Hallo <b>team</b></p>',
    };
    await seed(aThread({ id: 't_mail', channel: 'email', contact: { handle: 'eva@example.com', name: 'Eva' } }), {
      message: { channel: 'email', kind: 'email', email },
    });
    await seed(aThread({ id: 't_mail2', channel: 'email', assignee: 'bob', contact: { handle: 'ida@example.com', name: 'Ida' } }), {
      message: { channel: 'email', kind: 'email', email },
    });
    const cookie = await session('ann');
    const page = await (await app.request('/threads/t_mail', { headers: { cookie } })).text();
    expect(page).toContain('<iframe sandbox="" src="/ui/threads/t_mail/messages/m_t_mail/html"');
    const res = await app.request('/ui/threads/t_mail/messages/m_t_mail/html', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>Hallo <b>team</b></p>');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox");
    expect((await app.request('/ui/threads/t_mail2/messages/m_t_mail2/html', { headers: { cookie } })).status).toBe(403);
    expect((await app.request('/ui/threads/t_free/messages/m_t_free/html', { headers: { cookie } })).status).toBe(404);
  });

  it('takes the largest edited reply (100,000 characters) however it is encoded, and refuses bodies past the limits with a 413', async () => {
    await seed(aThread({ id: 't_long', contact: { handle: '31655555555', name: 'Lang' } }));
    // every character escaped (\u20ac, 6 bytes) as some JSON encoders do, and percent-encoded UTF-8 (9 bytes) in a form
    const escapedJson = `{"version":1,"text":"${'\\u20ac'.repeat(100_000)}"}`;
    const api = await app.request('/api/threads/t_long/drafts/d_t_long/approve', {
      method: 'POST',
      body: escapedJson,
      headers: { authorization: `Bearer ${await token('ann')}`, 'content-type': 'application/json' },
    });
    // read in full: WhatsApp's own limit on a text refuses it, not the body limit
    expect([api.status, ((await api.json()) as { error: string }).error]).toEqual([422, 'send_refused']);
    const cookie = await session('ann');
    const form = (text: string) =>
      app.request('/ui/threads/t_long/drafts/d_t_long/approve', {
        method: 'POST',
        body: new URLSearchParams({ version: '1', text }),
        headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded', 'x-balie-fragment': '1' },
      });
    expect((await form('€'.repeat(100_000))).status).toBe(422);
    const tooBig = await form('€'.repeat(200_000));
    expect([tooBig.status, ((await tooBig.json()) as { error: string }).error]).toEqual([413, 'too_large']);
    const login = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ sub: 'ann', pad: 'x'.repeat(64 * 1024) }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(login.status).toBe(413);
  });

  it('downloads an attachment only through the message that has it, as a download that cannot run', async () => {
    const cookie = await session('ann');
    const res = await app.request('/ui/threads/t_anns/messages/m_t_anns/attachments/0', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''invoice.pdf");
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF');
    expect((await app.request('/ui/threads/t_anns/messages/m_t_anns/attachments/1', { headers: { cookie } })).status).toBe(404);
    expect((await app.request('/ui/threads/t_anns/messages/m_t_anns/attachments/0', { headers: { cookie: await session('bob') } })).status).toBe(403);
  });

  it('says the original is gone, and how long originals are kept, when its object expired: a 404 in every form, never a 500', async () => {
    const expired = { key: 'mail/expired/attachments/0-bon.pdf', filename: 'bon.pdf', contentType: 'application/pdf', size: 4, inline: false };
    const email = { messageId: '<old@example.com>', references: [], to: ['support@shop.example'], cc: [], rawKey: 'raw/old', remoteImagesBlocked: 0 };
    await seed(aThread({ id: 't_old', channel: 'email', contact: { handle: 'oud@example.nl', name: 'Oud' } }), {
      message: { channel: 'email', kind: 'email', email: { ...email, truncated: true, htmlKey: 'mail/expired/body.html' }, attachments: [expired] },
    });
    const cookie = await session('ann');
    const attachment = '/ui/threads/t_old/messages/m_t_old/attachments/0';

    const json = await app.request(attachment, { headers: { cookie } });
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual({
      error: 'original_gone',
      message: 'The original is no longer available (kept 365 days).',
      details: { retentionDays: 365 },
    });
    // the page's script puts this beside the link
    const fragment = await app.request(attachment, { headers: { cookie: `${cookie}; balie_lang=nl`, 'x-balie-fragment': '1' } });
    expect([fragment.status, await fragment.text()]).toEqual([
      404,
      '<p class="flash error gone" role="alert">Het origineel is niet meer beschikbaar (bewaard 365 dagen).</p>',
    ]);
    // the mail's frame, and a link opened without the script, are pages that say it
    for (const path of ['/ui/threads/t_old/messages/m_t_old/html', attachment]) {
      const page = await app.request(path, { headers: { cookie, accept: 'text/html,application/xhtml+xml', 'accept-language': 'nl-NL,nl;q=0.9' } });
      expect(page.status, path).toBe(404);
      expect(page.headers.get('content-security-policy')).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox");
      expect(await page.text()).toContain('Het origineel is niet meer beschikbaar (bewaard 365 dagen).');
    }
    // an index the message does not have is still a plain 404, not "gone"
    expect(await (await app.request('/ui/threads/t_old/messages/m_t_old/attachments/3', { headers: { cookie } })).json()).toMatchObject({
      error: 'not_found',
    });
  });
});

describe('signing in with the Cognito hosted UI', () => {
  let jwks: Server;
  let cognitoApp: ReturnType<typeof createInboxApiApp>;
  let signIdToken: (claims: Record<string, unknown>) => Promise<string>;
  const exchanges: URLSearchParams[] = [];
  const DOMAIN = 'https://balie-test.auth.eu-west-1.amazoncognito.com';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'rs1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, res) => res.end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/pool';
    signIdToken = (claims) =>
      new SignJWT({ token_use: 'id', 'cognito:groups': ['agent'], name: 'Cora', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'rs1' })
        .setSubject('cora')
        .setIssuer(issuer)
        .setAudience('client-1')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(pair.privateKey);
    const fakeCognito: typeof fetch = async (url, init) => {
      expect(String(url)).toBe(`${DOMAIN}/oauth2/token`);
      const form = new URLSearchParams(String(init?.body));
      exchanges.push(form);
      if (form.get('code') !== 'good-code') return new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 });
      return new Response(JSON.stringify({ id_token: await signIdToken({}), expires_in: 3600, refresh_token: 'r1', token_type: 'Bearer' }));
    };
    cognitoApp = createInboxApiApp({
      settings: new MemorySettingsStore(),
      cannedReplies: new MemoryCannedReplyStore(),
      store,
      agents: new DynamoAgentDirectory(db.documents, 'balie'),
      jobs: { publish: async () => undefined },
      auth: { kind: 'jwks', jwksUri: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`, issuer, clientId: 'client-1' },
      logger: createLogger('test'),
      web: { login: { kind: 'cognito', domain: DOMAIN, clientId: 'client-1', fetch: fakeCognito } },
    });
  });
  afterAll(() => jwks?.close());

  it('sends the browser to the hosted UI with state and a PKCE challenge, and signs in with the code it brings back', async () => {
    const start = await cognitoApp.request('http://inbox.example/auth/start?next=%2Fthreads%2Ft_free');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'http://inbox.example/auth/callback',
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    const oauthCookie = start.headers.get('set-cookie')!.split(';')[0]!;

    const forged = await cognitoApp.request(`http://inbox.example/auth/callback?code=good-code&state=not-ours`, { headers: { cookie: oauthCookie } });
    expect(forged.status).toBe(400);

    const back = await cognitoApp.request(`http://inbox.example/auth/callback?code=good-code&state=${authorize.searchParams.get('state')}`, {
      headers: { cookie: oauthCookie },
    });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/threads/t_free');
    const exchange = exchanges.at(-1)!;
    expect(createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'));
    const session = back.headers.getSetCookie().find((c) => c.startsWith('balie_session='))!;
    expect(session).toMatch(/HttpOnly/);
    const page = await cognitoApp.request('http://inbox.example/', { headers: { cookie: session.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Cora');
  });

  it('shows the sign-in page with the reason when Cognito refuses the code', async () => {
    const start = await cognitoApp.request('http://inbox.example/auth/start');
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const res = await cognitoApp.request(`http://inbox.example/auth/callback?code=stale&state=${state}`, {
      headers: { cookie: start.headers.get('set-cookie')!.split(';')[0]! },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_grant');
  });

  it('shows the sign-in page, not an error, when Cognito cannot be reached', async () => {
    const down = createInboxApiApp({
      settings: new MemorySettingsStore(),
      cannedReplies: new MemoryCannedReplyStore(),
      store,
      agents: new DynamoAgentDirectory(db.documents, 'balie'),
      jobs: { publish: async () => undefined },
      auth: { kind: 'local', keys: [], issuer: 'x' },
      logger: createLogger('test'),
      web: { login: { kind: 'cognito', domain: DOMAIN, clientId: 'client-1', fetch: async () => Promise.reject(new TypeError('fetch failed')) } },
    });
    const start = await down.request('http://inbox.example/auth/start');
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const res = await down.request(`http://inbox.example/auth/callback?code=good-code&state=${state}`, {
      headers: { cookie: start.headers.get('set-cookie')!.split(';')[0]! },
    });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('did not answer');
  });

  it('logs out at Cognito too', async () => {
    const res = await cognitoApp.request('http://inbox.example/logout', { method: 'POST', headers: { origin: 'http://inbox.example' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${DOMAIN}/logout?client_id=client-1&logout_uri=http%3A%2F%2Finbox.example%2Flogin`);
  });
});
