import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError, type Priority, type Thread, type ThreadStatus } from '../../shared/domain/index.js';
import { DynamoThreadStore, ensureTable } from '../../shared/store/index.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { aThread } from '../helpers/threads.js';

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
let store: DynamoThreadStore;

beforeAll(async () => {
  db = await startDynaliteStore('balie-store-test');
  await ensureTable(db.client, 'balie-store-test'); // a second start finds it and goes on
  store = db.store;
  const threads: Array<[string, Priority, string, ThreadStatus, Thread['category'], Thread['channel']]> = [
    ['a', 'P3', '2026-11-26T09:00:00.000Z', 'awaiting_approval', 'order', 'whatsapp'],
    ['b', 'P1', '2026-11-25T11:00:00.000Z', 'awaiting_approval', 'complaint', 'whatsapp'],
    ['c', 'P1', '2026-11-25T10:00:00.000Z', 'escalated', 'complaint', 'email'],
    ['d', 'P2', '2026-11-25T13:00:00.000Z', 'new', 'billing', 'messenger'],
    ['e', 'P4', '2026-11-28T09:00:00.000Z', 'resolved', 'other', 'whatsapp'],
    ['f', 'P2', '2026-11-25T12:00:00.000Z', 'waiting_customer', 'technical', 'instagram'],
  ];
  for (const [id, priority, slaDueAt, status, category, channel] of threads) {
    await store.saveThread(thread({ id, priority, slaDueAt, status, category, channel }), 0);
  }
});
afterAll(() => db?.stop());

const thread = (over: Partial<Thread>) => aThread({ id: 'x', ...over });

const ids = (threads: Thread[]) => threads.map((t) => t.id);

describe('DynamoDB thread store (dynalite)', () => {
  it('lists open threads most urgent first: priority, then SLA due time', async () => {
    expect(ids((await store.listThreads({ limit: 25 })).threads)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('serves the first worklist page with one DynamoDB query', async () => {
    let commands = 0;
    db.client.middlewareStack.add((next) => async (args) => ((commands += 1), next(args)), { step: 'initialize', name: 'countForTest' });
    await store.listThreads({ limit: 3 });
    db.client.middlewareStack.remove('countForTest');
    expect(commands).toBe(1);
  });

  it('lists every status, open ones first, with status=all', async () => {
    expect(ids((await store.listThreads({ status: 'all', limit: 25 })).threads)).toEqual(['c', 'b', 'd', 'a', 'f', 'e']);
  });

  it('filters by status, priority, category and channel', async () => {
    expect(ids((await store.listThreads({ status: 'escalated', limit: 25 })).threads)).toEqual(['c']);
    expect(ids((await store.listThreads({ status: 'resolved', limit: 25 })).threads)).toEqual(['e']);
    expect(ids((await store.listThreads({ priority: 'P1', limit: 25 })).threads)).toEqual(['c', 'b']);
    expect(ids((await store.listThreads({ category: 'complaint', channel: 'whatsapp', limit: 25 })).threads)).toEqual(['b']);
  });

  it('pages with a cursor without skipping or repeating a thread, across open and closed', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listThreads({ status: 'all', limit: 4, cursor });
      expect(page.threads.length).toBeLessThanOrEqual(4);
      seen.push(...ids(page.threads));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['c', 'b', 'd', 'a', 'f', 'e']);
  });

  it('pages through a filter that matches few threads', async () => {
    const first = await store.listThreads({ channel: 'whatsapp', limit: 1 });
    expect(ids(first.threads)).toEqual(['b']);
    const second = await store.listThreads({ channel: 'whatsapp', limit: 1, cursor: first.nextCursor });
    expect(ids(second.threads)).toEqual(['a']);
  });

  it('pages through a search that keeps part of each window, in order, without skipping or repeating a thread', async () => {
    for (let i = 0; i < 90; i++) {
      const at = new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString();
      await store.saveThread(thread({ id: `s${String(i).padStart(2, '0')}`, priority: 'P4', slaDueAt: at, contact: { handle: `316${i}`, name: i % 3 === 0 ? `Zoë ${i}` : `Klant ${i}` } }), 0);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.listThreads({ search: 'zoe', limit: 7, cursor });
      seen.push(...ids(page.threads));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    const expected = Array.from({ length: 30 }, (_, k) => `s${String(k * 3).padStart(2, '0')}`);
    expect(seen).toEqual(expected);
  });

  it('shows an agent only the threads nobody has taken and their own', async () => {
    await store.saveThread(thread({ id: 'v1', assignee: 'ann', contact: { handle: 'v1', name: 'Vera' } }), 0);
    await store.saveThread(thread({ id: 'v2', assignee: 'bob', contact: { handle: 'v2', name: 'Vera' } }), 0);
    await store.saveThread(thread({ id: 'v3', contact: { handle: 'v3', name: 'Vera' } }), 0);
    expect(ids((await store.listThreads({ search: 'vera', visibleTo: 'ann', limit: 25 })).threads).sort()).toEqual(['v1', 'v3']);
    expect(ids((await store.listThreads({ search: 'vera', assignee: 'none', limit: 25 })).threads)).toEqual(['v3']);
  });

  it('lists a contact’s earlier threads, newest first', async () => {
    await store.saveThread(thread({ id: 't_0001', contact: { handle: '31699' }, status: 'resolved' }), 0);
    await store.saveThread(thread({ id: 't_0002', contact: { handle: '31699' } }), 0);
    await store.saveThread(thread({ id: 't_0003', contact: { handle: '31698' } }), 0);
    expect(ids(await store.listContactThreads('whatsapp', '31699', 10))).toEqual(['t_0002', 't_0001']);
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(store.listThreads({ limit: 5, cursor: 'bm9wZQ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(store.listThreads({ limit: 5, cursor: Buffer.from('{"p":7,"k":null}').toString('base64url') })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a cursor from a list with other filters', async () => {
    const page = await store.listThreads({ priority: 'P1', limit: 1 });
    expect(page.nextCursor).toBeDefined();
    await expect(store.listThreads({ priority: 'P3', limit: 1, cursor: page.nextCursor })).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses a thread write based on a version someone else already changed', async () => {
    const current = (await store.getThread('a'))!;
    await store.saveThread({ ...current, priority: 'P2', version: 2 }, 1);
    await expect(store.saveThread({ ...current, status: 'resolved', version: 2 }, 1)).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getThread('a')).toMatchObject({ priority: 'P2', status: 'awaiting_approval', version: 2 });
  });

  it('moves a thread between the open and closed worklists when its status changes', async () => {
    const d = (await store.getThread('d'))!;
    await store.saveThread({ ...d, status: 'resolved', version: 2 }, 1);
    expect(ids((await store.listThreads({ limit: 25 })).threads)).not.toContain('d');
    expect(ids((await store.listThreads({ status: 'resolved', limit: 25 })).threads)).toContain('d');
  });

  it('gives the contact route to the first claimer only', async () => {
    const [x, y] = await Promise.all([store.claimOpenThread('whatsapp', '3161', 't_x'), store.claimOpenThread('whatsapp', '3161', 't_y')]);
    expect(x).toBe(y);
    expect(await store.findOpenThreadId('whatsapp', '3161')).toBe(x);
  });

  it('keeps the first time of each delivery receipt when Meta repeats it', async () => {
    const message = {
      threadId: 'a', id: 'm_1', sk: 'MSG#2026-11-25T09:00:00.000Z#wamid.out', direction: 'outbound' as const, channel: 'whatsapp' as const,
      externalId: 'wamid.out', kind: 'text' as const, text: 'hi', sentAt: '2026-11-25T09:00:00.000Z', ingestedAt: '2026-11-25T09:00:00.000Z', statuses: {}, raw: {},
    };
    expect(await store.putMessageOnce(message)).toBe(true);
    expect(await store.putMessageOnce(message)).toBe(false);
    const ref = { threadId: 'a', messageSk: message.sk };
    const receipt = { type: 'status' as const, channel: 'whatsapp' as const, externalId: 'wamid.out', status: 'delivered' as const, raw: {} };
    await store.recordDeliveryStatus(ref, { ...receipt, at: '2026-11-25T09:01:00.000Z' });
    await store.recordDeliveryStatus(ref, { ...receipt, at: '2026-11-25T09:05:00.000Z' });
    const detail = await store.getThreadDetail('a');
    expect(detail?.messages[0]?.statuses).toEqual({ delivered: '2026-11-25T09:01:00.000Z' });
  });
});
