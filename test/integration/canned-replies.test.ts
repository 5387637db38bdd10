import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, placeholdersOf, type CannedReply, type CannedReplyStore } from '../../shared/domain/index.js';
import { DynamoCannedReplyStore } from '../../shared/store/index.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { MemoryCannedReplyStore } from '../helpers/memory-canned-replies.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
beforeAll(async () => {
  db = await startDynaliteStore('balie-canned-test');
});
afterAll(() => db?.stop());

const aReply = (id: string, version = 1): CannedReply => ({
  id,
  title: 'Waar is mijn bestelling',
  language: 'nl',
  body: 'Hoi {{first_name}}, je bestelling {{order_number}} is onderweg. Groet, {{agent_name}}',
  category: 'order',
  examples: ['waar blijft mijn pakket'],
  version,
  updatedAt: '2026-12-03T10:00:00.000Z',
  updatedBy: 'sue',
});

describe.each<[string, () => CannedReplyStore]>([
  ['DynamoDB (dynalite)', () => new DynamoCannedReplyStore(db.documents, 'balie-canned-test')],
  ['in memory (the in-process tests’ fake)', () => new MemoryCannedReplyStore()],
])('the canned reply store, %s', (_name, make) => {
  const id = () => `cr_${Math.random().toString(36).slice(2)}`;

  it('stores, reads, lists, replaces with the version read, and deletes', async () => {
    const store = make();
    const a = id();
    await store.putCannedReply(aReply(a), 0);
    expect(await store.getCannedReply(a)).toEqual(aReply(a));
    expect((await store.listCannedReplies()).map((r) => r.id)).toContain(a);
    await store.putCannedReply({ ...aReply(a, 2), title: 'Bestelling onderweg' }, 1);
    expect(await store.getCannedReply(a)).toMatchObject({ title: 'Bestelling onderweg', version: 2 });
    await store.deleteCannedReply(a);
    expect(await store.getCannedReply(a)).toBeUndefined();
    await expect(store.deleteCannedReply(a)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a stale version and a second create, and keeps what is stored', async () => {
    const store = make();
    const a = id();
    await store.putCannedReply(aReply(a), 0);
    await expect(store.putCannedReply(aReply(a), 0)).rejects.toBeInstanceOf(ConflictError);
    await store.putCannedReply({ ...aReply(a, 2), title: 'Ann' }, 1);
    await expect(store.putCannedReply({ ...aReply(a, 2), title: 'Bob' }, 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getCannedReply(a))?.title).toBe('Ann');
  });
});

describe('placeholders', () => {
  it.each([
    ['Hoi {{first_name}}, order {{ order_number }} en {{first_name}}', { placeholders: ['first_name', 'order_number'] }],
    ['Geen placeholders', { placeholders: [] }],
    ['Hoi {{ordernummer}}', { problem: expect.stringMatching(/^\{\{ordernummer\}\} is not a placeholder; the placeholders are \{\{first_name\}\}/) }],
    ['Hoi {{first_name}', { problem: '"{{" at character 5 is not closed with "}}": write placeholders as {{first_name}}' }],
    ['Hoi {{first_name {{agent_name}}', { problem: '"{{" at character 5 is not closed with "}}": write placeholders as {{first_name}}' }],
    ['Hoi first_name}} en', { problem: '"}}" at character 15 closes nothing: write placeholders as {{first_name}}' }],
  ])('reads %j', (body, expected) => {
    expect(placeholdersOf(body)).toEqual(expected);
  });
});

describe('GET/POST/PUT/DELETE /api/canned-replies on the local stack', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(() => t?.close());

  const call = async <T>(method: string, path: string, role: 'agent' | 'supervisor', body?: unknown) => {
    const res = await fetch(`${t.stack.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await t.token(role)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  };
  const reply = { title: 'Bestelling onderweg', language: 'nl', body: 'Hoi {{first_name}}, {{order_number}} is onderweg.', category: 'order' };

  it('lets supervisors write and everyone read, filtered by language', async () => {
    expect((await call('POST', '/api/canned-replies', 'agent', reply)).status).toBe(403);
    const created = await call<{ cannedReply: CannedReply }>('POST', '/api/canned-replies', 'supervisor', reply);
    expect(created).toMatchObject({ status: 201, body: { cannedReply: { ...reply, examples: [], version: 1, updatedBy: 'test-supervisor' } } });
    const id = created.body.cannedReply.id;
    await call('POST', '/api/canned-replies', 'supervisor', { ...reply, title: 'Order on its way', language: 'en', body: 'Hi {{first_name}}' });
    const nl = await call<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies?language=nl', 'agent');
    expect(nl.body.cannedReplies.map((r) => r.title)).toEqual(['Bestelling onderweg']);

    const updated = await call<{ cannedReply: CannedReply }>('PUT', `/api/canned-replies/${id}`, 'supervisor', {
      ...reply,
      title: 'Pakket onderweg',
      version: 1,
    });
    expect(updated).toMatchObject({ status: 200, body: { cannedReply: { id, title: 'Pakket onderweg', version: 2 } } });
    expect((await call('PUT', `/api/canned-replies/${id}`, 'supervisor', { ...reply, version: 1 })).status).toBe(409);
    expect((await call('DELETE', `/api/canned-replies/${id}`, 'agent')).status).toBe(403);
    expect((await call('DELETE', `/api/canned-replies/${id}`, 'supervisor')).status).toBe(204);
    expect((await call('DELETE', `/api/canned-replies/${id}`, 'supervisor')).status).toBe(404);
    expect((await call('PUT', `/api/canned-replies/${id}`, 'supervisor', { ...reply, version: 2 })).status).toBe(404);
  });

  it.each([
    ['an unknown placeholder', { ...reply, body: 'Hoi {{voornaam}}' }, /\{\{voornaam\}\} is not a placeholder/],
    ['unbalanced braces', { ...reply, body: 'Hoi {{first_name}' }, /is not closed with/],
    ['an empty body', { ...reply, body: '  ' }, /the body is empty/],
    ['no language', { title: 'x', body: 'y' }, /language/],
  ])('refuses %s with a 400 that says why, and stores nothing', async (_name, body, why) => {
    const before = (await call<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies', 'agent')).body.cannedReplies.length;
    const refused = await call<{ error: string; details: unknown }>('POST', '/api/canned-replies', 'supervisor', body);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.details)).toMatch(why);
    expect((await call<{ cannedReplies: CannedReply[] }>('GET', '/api/canned-replies', 'agent')).body.cannedReplies).toHaveLength(before);
  });
});
