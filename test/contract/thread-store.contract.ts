import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ValidationError,
  type Draft,
  type Message,
  type Priority,
  type StatusUpdate,
  type Thread,
  type ThreadStatus,
  type ThreadStore,
} from '../../shared/domain/index.js';
import { aDraft, aMessage, aThread, aTriage } from '../helpers/threads.js';

/** A store to run the contract against, and how to let go of it. */
export interface StoreUnderTest {
  store: ThreadStore;
  stop(): Promise<void>;
}

const ids = (threads: Thread[]) => threads.map((t) => t.id);

/**
 * What every ThreadStore promises the use cases, whatever it is made of. The DynamoDB store runs it against dynalite
 * (test/integration), the in-memory store in the unit layer: a use case tested against the fake meets the same rules.
 */
export function describeThreadStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name}: the ThreadStore contract`, () => {
    let under: StoreUnderTest;
    let store: ThreadStore;

    beforeAll(async () => {
      under = await open();
      store = under.store;
      const threads: Array<[string, Priority, string, ThreadStatus, Thread['category'], Thread['channel']]> = [
        ['a', 'P3', '2026-11-26T09:00:00.000Z', 'awaiting_approval', 'order', 'whatsapp'],
        ['b', 'P1', '2026-11-25T11:00:00.000Z', 'awaiting_approval', 'complaint', 'whatsapp'],
        ['c', 'P1', '2026-11-25T10:00:00.000Z', 'escalated', 'complaint', 'email'],
        ['d', 'P2', '2026-11-25T13:00:00.000Z', 'new', 'billing', 'messenger'],
        ['e', 'P4', '2026-11-28T09:00:00.000Z', 'resolved', 'other', 'whatsapp'],
        ['f', 'P2', '2026-11-25T12:00:00.000Z', 'waiting_customer', 'technical', 'instagram'],
      ];
      for (const [id, priority, slaDueAt, status, category, channel] of threads) {
        await store.saveThread(aThread({ id, priority, slaDueAt, status, category, channel, contact: { handle: `h_${id}` } }), 0);
      }
    });
    afterAll(() => under?.stop());

    describe('worklist', () => {
      it('lists open threads most urgent first: priority, then SLA due time', async () => {
        expect(ids((await store.listThreads({ limit: 25 })).threads)).toEqual(['c', 'b', 'd', 'a']);
      });

      it('lists every status, open ones first, with status=all', async () => {
        expect(ids((await store.listThreads({ status: 'all', limit: 25 })).threads)).toEqual(['c', 'b', 'd', 'a', 'f', 'e']);
      });

      it('lists only the closed threads with status=closed', async () => {
        expect(ids((await store.listThreads({ status: 'closed', limit: 25 })).threads)).toEqual(['f', 'e']);
      });

      it('filters by status, priority, category, channel and language', async () => {
        expect(ids((await store.listThreads({ status: 'escalated', limit: 25 })).threads)).toEqual(['c']);
        expect(ids((await store.listThreads({ status: 'resolved', limit: 25 })).threads)).toEqual(['e']);
        expect(ids((await store.listThreads({ priority: 'P1', limit: 25 })).threads)).toEqual(['c', 'b']);
        expect(ids((await store.listThreads({ category: 'complaint', channel: 'whatsapp', limit: 25 })).threads)).toEqual(['b']);
        expect(ids((await store.listThreads({ language: 'de', limit: 25 })).threads)).toEqual([]);
      });

      it('shows only threads due before a time in the overdue view', async () => {
        expect(ids((await store.listThreads({ dueBefore: '2026-11-25T12:30:00.000Z', limit: 25 })).threads)).toEqual(['c', 'b']);
      });

      it('pages with a cursor without skipping or repeating a thread, across open and closed', async () => {
        for (const limit of [1, 2, 4]) {
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await store.listThreads({ status: 'all', limit, cursor });
            expect(page.threads.length).toBeLessThanOrEqual(limit);
            seen.push(...ids(page.threads));
            cursor = page.nextCursor;
          } while (cursor);
          expect(seen).toEqual(['c', 'b', 'd', 'a', 'f', 'e']);
        }
      });

      it('pages through a filter that matches few threads', async () => {
        const first = await store.listThreads({ channel: 'whatsapp', limit: 1 });
        expect(ids(first.threads)).toEqual(['b']);
        const second = await store.listThreads({ channel: 'whatsapp', limit: 1, cursor: first.nextCursor });
        expect(ids(second.threads)).toEqual(['a']);
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

      it('finds threads by every search word in name, handle, subject or newest message, ignoring accents and case', async () => {
        await store.saveThread(aThread({ id: 'z1', contact: { handle: 'z1', name: 'Zoë de Vries' }, lastMessagePreview: 'Mijn pakket is kapot' }), 0);
        await store.saveThread(aThread({ id: 'z2', contact: { handle: 'z2', name: 'Zoe Jansen' }, lastMessagePreview: 'Factuur klopt niet' }), 0);
        expect(ids((await store.listThreads({ search: 'ZOE', limit: 25 })).threads).sort()).toEqual(['z1', 'z2']);
        expect(ids((await store.listThreads({ search: 'zoe pakket', limit: 25 })).threads)).toEqual(['z1']);
        expect(ids((await store.listThreads({ search: 'zoe onbekend', limit: 25 })).threads)).toEqual([]);
      });

      it('pages through a search that keeps part of each window, in order, without skipping or repeating a thread', async () => {
        for (let i = 0; i < 90; i++) {
          const at = new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString();
          await store.saveThread(
            aThread({
              id: `s${String(i).padStart(2, '0')}`,
              priority: 'P4',
              slaDueAt: at,
              contact: { handle: `316${i}`, name: i % 3 === 0 ? `Yaël ${i}` : `Klant ${i}` },
            }),
            0,
          );
        }
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listThreads({ search: 'yael', limit: 7, cursor });
          seen.push(...ids(page.threads));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 20);
        expect(seen).toEqual(Array.from({ length: 30 }, (_, k) => `s${String(k * 3).padStart(2, '0')}`));
      });

      it('shows an agent only the threads nobody has taken and their own', async () => {
        await store.saveThread(aThread({ id: 'v1', assignee: 'ann', contact: { handle: 'v1', name: 'Vera' } }), 0);
        await store.saveThread(aThread({ id: 'v2', assignee: 'bob', contact: { handle: 'v2', name: 'Vera' } }), 0);
        await store.saveThread(aThread({ id: 'v3', contact: { handle: 'v3', name: 'Vera' } }), 0);
        expect(ids((await store.listThreads({ search: 'vera', visibleTo: 'ann', limit: 25 })).threads).sort()).toEqual(['v1', 'v3']);
        expect(ids((await store.listThreads({ search: 'vera', assignee: 'none', limit: 25 })).threads)).toEqual(['v3']);
        expect(ids((await store.listThreads({ search: 'vera', assignee: 'bob', limit: 25 })).threads)).toEqual(['v2']);
      });

      it('groups the open queue by assignee, status, priority and whether it is overdue', async () => {
        const stats = await store.openQueueStats(new Date('2026-11-25T12:30:00.000Z'));
        expect(stats.capped).toBe(false);
        const count = (match: Partial<(typeof stats.groups)[number]>) =>
          stats.groups.filter((g) => Object.entries(match).every(([k, v]) => g[k as keyof typeof g] === v)).reduce((n, g) => n + g.count, 0);
        expect(count({ priority: 'P1', overdue: true })).toBe(2);
        expect(count({ status: 'resolved' })).toBe(0);
        expect(count({ assignee: 'ann' })).toBe(1);
      });

      it('lists a contact’s threads on one channel, newest first', async () => {
        await store.saveThread(aThread({ id: 't_0001', contact: { handle: '31699' }, status: 'resolved' }), 0);
        await store.saveThread(aThread({ id: 't_0002', contact: { handle: '31699' } }), 0);
        await store.saveThread(aThread({ id: 't_0003', contact: { handle: '31698' } }), 0);
        await store.saveThread(aThread({ id: 't_0004', channel: 'messenger', contact: { handle: '31699' } }), 0);
        expect(ids(await store.listContactThreads('whatsapp', '31699', 10))).toEqual(['t_0002', 't_0001']);
        expect(ids(await store.listContactThreads('whatsapp', '31699', 1))).toEqual(['t_0002']);
      });
    });

    describe('threads', () => {
      it('creates a thread once: a second create is a conflict', async () => {
        await store.saveThread(aThread({ id: 'once', contact: { handle: 'once' } }), 0);
        await expect(store.saveThread(aThread({ id: 'once', contact: { handle: 'once' }, priority: 'P1' }), 0)).rejects.toBeInstanceOf(ConflictError);
        expect((await store.getThread('once'))?.priority).toBe('P4');
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

      it('answers nothing for a thread it does not have', async () => {
        expect(await store.getThread('nope')).toBeUndefined();
        expect(await store.getThreadDetail('nope')).toBeUndefined();
      });

      it('keeps what it was given: changing the object afterwards changes nothing stored', async () => {
        const thread = aThread({ id: 'copy', contact: { handle: 'copy' } });
        await store.saveThread(thread, 0);
        thread.priority = 'P1';
        const read = (await store.getThread('copy'))!;
        read.status = 'resolved';
        expect(await store.getThread('copy')).toMatchObject({ priority: 'P4', status: 'awaiting_approval' });
      });

      it('reads a thread with its messages in the order they were sent, its drafts, audit trail and notes', async () => {
        await store.saveThread(aThread({ id: 'det', contact: { handle: 'det' } }), 0);
        const late = aMessage({ threadId: 'det', id: 'm_late', externalId: 'w2', sentAt: '2026-11-25T09:05:00.000Z' });
        const early = aMessage({ threadId: 'det', id: 'm_early', externalId: 'w1', sentAt: '2026-11-25T09:00:00.000Z' });
        const sameSecond = aMessage({ threadId: 'det', id: 'm_same', externalId: 'w0', sentAt: '2026-11-25T09:05:00.000Z' });
        for (const m of [late, early, sameSecond]) expect(await store.putMessageOnce(m)).toBe(true);
        await store.putDraftOnce(aDraft({ threadId: 'det', id: 'd_1', inReplyTo: 'm_early' }));
        await store.putAudit({ threadId: 'det', at: '2026-11-25T09:10:00.000Z', actor: 'ann', action: 'assign', detail: 'ann' });
        await store.putNote({ threadId: 'det', at: '2026-11-25T09:11:00.000Z', author: 'ann', authorName: 'Ann', text: 'Belt morgen terug' });
        await store.putMessageOnce(aMessage({ threadId: 'other', id: 'm_other', externalId: 'w9' }));
        const detail = (await store.getThreadDetail('det'))!;
        expect(detail.thread.id).toBe('det');
        expect(detail.messages.map((m) => m.id)).toEqual(['m_early', 'm_same', 'm_late']);
        expect(detail.drafts.map((d) => d.id)).toEqual(['d_1']);
        expect(detail.audit).toEqual([{ threadId: 'det', at: '2026-11-25T09:10:00.000Z', actor: 'ann', action: 'assign', detail: 'ann' }]);
        expect(detail.notes.map((n) => n.text)).toEqual(['Belt morgen terug']);
      });
    });

    describe('routes', () => {
      it('gives the contact route to the first claimer only', async () => {
        const [x, y] = await Promise.all([store.claimOpenThread('whatsapp', '3161', 't_x'), store.claimOpenThread('whatsapp', '3161', 't_y')]);
        expect(x).toBe(y);
        expect(await store.findOpenThreadId('whatsapp', '3161')).toBe(x);
        expect(await store.findOpenThreadId('messenger', '3161')).toBeUndefined();
      });

      it('moves a stale route to a new thread once: the second mover gets the first mover’s thread', async () => {
        await store.claimOpenThread('email', 'a@b.nl#vraag', 't_old');
        expect(await store.replaceOpenThread('email', 'a@b.nl#vraag', 't_old', 't_new1')).toBe('t_new1');
        expect(await store.replaceOpenThread('email', 'a@b.nl#vraag', 't_old', 't_new2')).toBe('t_new1');
        expect(await store.findOpenThreadId('email', 'a@b.nl#vraag')).toBe('t_new1');
      });

      it('finds the thread of the first email Message-ID it knows, in the order asked', async () => {
        await store.putEmailRoute('<one@x>', 't_one');
        await store.putEmailRoute('<two@x>', 't_two');
        await store.putEmailRoute('<one@x>', 't_other'); // the first route stays
        expect(await store.findThreadByEmailIds(['<none@x>', '<two@x>', '<one@x>'])).toBe('t_two');
        expect(await store.findThreadByEmailIds(['<one@x>'])).toBe('t_one');
        expect(await store.findThreadByEmailIds(['<none@x>'])).toBeUndefined();
        expect(await store.findThreadByEmailIds([])).toBeUndefined();
      });
    });

    describe('inbound ledger', () => {
      const message: Message = aMessage({ threadId: 'led', id: 'm_1', externalId: 'wamid.out', direction: 'outbound', sentAt: '2026-11-25T09:00:00.000Z' });
      const receipt: Omit<StatusUpdate, 'at'> = { type: 'status', channel: 'whatsapp', externalId: 'wamid.out', status: 'delivered', raw: {} };

      it('stores a message once, however often it is put', async () => {
        expect(await store.putMessageOnce(message)).toBe(true);
        expect(await store.putMessageOnce({ ...message, text: 'changed' })).toBe(false);
        await store.saveThread(aThread({ id: 'led', contact: { handle: 'led' } }), 0);
        expect((await store.getThreadDetail('led'))!.messages.map((m) => m.text)).toEqual([message.text]);
      });

      it('remembers where a channel id was stored, and whether it was finished', async () => {
        expect(await store.findMessageRef('whatsapp', 'wamid.out')).toBeUndefined();
        await store.putMessageRef('whatsapp', { threadId: 'led', externalId: 'wamid.out', sentAt: message.sentAt, done: false });
        expect(await store.findMessageRef('whatsapp', 'wamid.out')).toEqual({ threadId: 'led', externalId: 'wamid.out', sentAt: message.sentAt, done: false });
        await store.putMessageRef('whatsapp', { threadId: 'led', externalId: 'wamid.out', sentAt: message.sentAt, done: true });
        expect((await store.findMessageRef('whatsapp', 'wamid.out'))?.done).toBe(true);
        expect(await store.findMessageRef('messenger', 'wamid.out')).toBeUndefined();
      });

      it('keeps the first time of each delivery receipt when Meta repeats it', async () => {
        const ref = (await store.findMessageRef('whatsapp', 'wamid.out'))!;
        await store.recordDeliveryStatus(ref, { ...receipt, at: '2026-11-25T09:01:00.000Z' });
        await store.recordDeliveryStatus(ref, { ...receipt, at: '2026-11-25T09:05:00.000Z' });
        await store.recordDeliveryStatus(ref, { ...receipt, status: 'read', at: '2026-11-25T09:06:00.000Z' });
        const detail = await store.getThreadDetail('led');
        expect(detail?.messages[0]?.statuses).toEqual({ delivered: '2026-11-25T09:01:00.000Z', read: '2026-11-25T09:06:00.000Z' });
      });

      it('keeps a receipt for a message it does not have, to apply when the message comes', async () => {
        const unknown = { threadId: 'led', externalId: 'wamid.later', sentAt: '2026-11-25T09:30:00.000Z' };
        await store.recordDeliveryStatus(unknown, { ...receipt, externalId: 'wamid.later', status: 'read', at: '2026-11-25T09:32:00.000Z' });
        await store.putOrphanStatus({ ...receipt, externalId: 'wamid.later', at: '2026-11-25T09:31:00.000Z' });
        const orphans = await store.findOrphanStatuses('whatsapp', 'wamid.later');
        expect(orphans.map((o) => `${o.at} ${o.status}`)).toEqual(['2026-11-25T09:31:00.000Z delivered', '2026-11-25T09:32:00.000Z read']);
        expect(await store.findOrphanStatuses('whatsapp', 'wamid.none')).toEqual([]);
      });
    });

    describe('drafts', () => {
      const draft: Draft = aDraft({ threadId: 'dr', id: 'd_dr' });

      it('stores a draft once', async () => {
        expect(await store.putDraftOnce(draft)).toBe(true);
        expect(await store.putDraftOnce({ ...draft, text: 'other' })).toBe(false);
        expect((await store.getDraft('dr', 'd_dr'))?.text).toBe(draft.text);
        expect(await store.getDraft('dr', 'd_none')).toBeUndefined();
      });

      it('replaces a draft only from the version and state it was read in', async () => {
        const approved: Draft = { ...draft, state: 'approved', approvedBy: 'ann', version: 2 };
        await store.updateDraft(approved, { version: 1, state: 'proposed' });
        await expect(store.updateDraft({ ...draft, state: 'rejected', version: 2 }, { version: 1, state: 'proposed' })).rejects.toBeInstanceOf(ConflictError);
        await expect(store.updateDraft({ ...approved, state: 'sending', version: 3 }, { version: 2, state: 'proposed' })).rejects.toBeInstanceOf(ConflictError);
        await expect(store.updateDraft({ ...draft, id: 'd_missing' }, { version: 1, state: 'proposed' })).rejects.toBeInstanceOf(ConflictError);
        expect(await store.getDraft('dr', 'd_dr')).toMatchObject({ state: 'approved', approvedBy: 'ann', version: 2 });
      });
    });

    describe('journal and reports', () => {
      it('writes an audit entry or a note once, however often it is put', async () => {
        await store.saveThread(aThread({ id: 'jr', contact: { handle: 'jr' } }), 0);
        const entry = { threadId: 'jr', at: '2026-11-25T10:00:00.000Z', actor: 'ann', action: 'resolve' as const };
        await store.putAudit(entry);
        await store.putAudit({ ...entry, detail: 'again' });
        const note = { threadId: 'jr', at: '2026-11-25T10:01:00.000Z', author: 'ann', authorName: 'Ann', text: 'eerste' };
        await store.putNote(note);
        await store.putNote({ ...note, text: 'tweede' });
        const detail = (await store.getThreadDetail('jr'))!;
        expect(detail.audit).toEqual([entry]);
        expect(detail.notes.map((n) => n.text)).toEqual(['eerste']);
      });

      it('lists agents’ feedback newest first, each once', async () => {
        const base = {
          kind: 'correction' as const,
          threadId: 'jr',
          agent: 'ann',
          channel: 'whatsapp' as const,
          language: 'nl',
          text: 'x',
          category: 'order' as const,
          sentiment: 'neutral' as const,
        };
        await store.putFeedback({ ...base, at: '2026-11-25T10:00:00.000Z' });
        await store.putFeedback({ ...base, at: '2026-11-25T11:00:00.000Z' });
        await store.putFeedback({ ...base, at: '2026-11-25T11:00:00.000Z', text: 'repeat' });
        const listed = await store.listFeedback();
        expect(listed.map((f) => `${f.at} ${f.text}`)).toEqual(['2026-11-25T11:00:00.000Z x', '2026-11-25T10:00:00.000Z x']);
        expect(await store.listFeedback(1)).toHaveLength(1);
      });

      it('adds up triage usage per day, mode and engine', async () => {
        const local = aTriage();
        const llm = aTriage({ engine: 'openai', llm: { model: 'gpt-4o-mini', inputTokens: 100, outputTokens: 20, costUsd: 0.000027 } });
        await store.addTriageUsage('2026-11-24', 'hybrid', local);
        await store.addTriageUsage('2026-11-25', 'hybrid', local);
        await store.addTriageUsage('2026-11-25', 'hybrid', llm);
        await store.addTriageUsage('2026-11-25', 'hybrid', llm);
        const usage = await store.listTriageUsage('2026-11-25');
        expect(usage).toEqual([
          { day: '2026-11-25', mode: 'hybrid', engine: 'local', messages: 1, llmCalls: 0, fallbacks: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 },
          {
            day: '2026-11-25',
            mode: 'hybrid',
            engine: 'openai',
            messages: 2,
            llmCalls: 2,
            fallbacks: 0,
            inputTokens: 200,
            outputTokens: 40,
            costUsd: 0.000054,
          },
        ]);
      });
    });
  });
}
