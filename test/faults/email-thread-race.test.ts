import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage, ThreadStore } from '../../shared/domain/index.js';
import type { DynamoThreadStore } from '../../shared/store/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { LocalEngine } from '../../shared/triage/local/local-engine.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';

// Found by test/load: under load, some email contacts got two threads. Two mails of one sender and subject handled at
// the same time (one SQS batch, or two pollers): the first claims the contact route and is still triaging, so its
// thread item is not written yet; the second finds the route, reads no thread, takes that for a stale route and moves
// the route to a new thread (resolve-thread.ts: `if (thread && …) return open` treats "not written yet" as "old").
// The fix (checked against both tests here): `if (!thread || Date.parse(thread.lastInboundAt) >= cutoff) return open;`
// — a route whose thread item is not written yet is a thread being opened right now (or by an attempt that crashed and
// will be redelivered into it), never a stale one.

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
let store: DynamoThreadStore;
beforeAll(async () => {
  db = await startDynaliteStore('balie-email-race');
  store = db.store;
});
afterAll(() => db?.stop());

const mail = (n: number, sentAt: string, inReplyTo?: string): InboundMessage => ({
  type: 'message',
  channel: 'email',
  externalId: `<race-${n}@klant.nl>#klant@klant.nl`,
  contact: { handle: 'klant@klant.nl', name: 'Klant' },
  kind: 'email',
  text: `Vraag ${n} over bestelling 77`,
  subject: n === 1 ? 'Bestelling 77' : 'Re: Bestelling 77',
  sentAt,
  ingestedAt: sentAt,
  raw: {},
  email: {
    messageId: `<race-${n}@klant.nl>`,
    inReplyTo,
    references: inReplyTo ? [inReplyTo] : [],
    to: ['support@shop.nl'],
    cc: [],
    rawKey: 'raw/x',
    remoteImagesBlocked: 0,
    truncated: false,
    from: { address: 'klant@klant.nl' },
  },
});

/** The store, with `before` awaited before each call of `method` and `after` called once it returned. */
const hold = <K extends keyof ThreadStore>(method: K, before?: () => Promise<void>, after?: () => void) =>
  new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        await before?.();
        const out = await value.apply(target, args);
        after?.();
        return out;
      };
    },
  }) as ThreadStore;
const processor = (s: ThreadStore) => createInboundEventProcessor({ store: s, engine: new LocalEngine(new RuleClassifier(), new TemplateDrafter()) });
const routeExists = async (routeHandle: string) => {
  while (!(await store.findOpenThreadId('email', routeHandle))) await new Promise((r) => setTimeout(r, 5));
};

// Found by the fault tests: resolve-thread.ts took a routed thread whose item was not written yet for a stale one.
describe('email threading under concurrency', () => {
  it('puts two mails of one sender and subject, processed at the same time, in one thread', async () => {
    // the first mail has claimed the contact route and waits before its next write; the second (a "Re:" without
    // threading headers, as some clients send) resolves its thread meanwhile
    let secondResolved!: () => void;
    const resolved = new Promise<void>((r) => (secondResolved = r));
    const first = processor(hold('putMessageRef', () => resolved))(mail(1, '2026-11-25T09:00:00.000Z'));
    await routeExists('klant@klant.nl#bestelling 77');
    const second = processor(hold('putMessageRef', async () => secondResolved()))(mail(2, '2026-11-25T09:01:00.000Z')).finally(secondResolved);
    const outcomes = await Promise.all([first, second]);
    const threadIds = outcomes.map((o) => ('threadId' in o ? o.threadId : undefined));
    expect(new Set(threadIds).size).toBe(1);
    const detail = (await store.getThreadDetail(threadIds[0]!))!;
    expect([detail.messages.length, detail.thread.unanswered]).toEqual([2, 2]);
  });

  // Found by the 10,000-message load run: the same race with one mail delivered twice (SES/Meta redelivery, or two
  // SQS deliveries) stores it twice, once in each thread, each with a draft: two agents could answer it twice.
  it('stores one mail delivered twice at the same time once', async () => {
    const handle = 'dubbel@klant.nl';
    const once = { ...mail(9, '2026-11-25T10:00:00.000Z'), externalId: `<race-9@klant.nl>#${handle}`, contact: { handle }, subject: 'Retour 12' };
    let secondResolved!: () => void;
    const resolved = new Promise<void>((r) => (secondResolved = r));
    // the first delivery has claimed the contact route and waits before writing its message reference
    const first = processor(hold('putMessageRef', () => resolved))(once);
    await routeExists(`${handle}#retour 12`);
    // the second finds no reference, finds the route, finds no thread item yet, and (the bug) moves the route
    const second = processor(hold('putMessageRef', async () => secondResolved()))(once).finally(secondResolved);
    await Promise.all([first, second]);
    const threads = await store.listContactThreads('email', handle, 10);
    const messages = (await Promise.all(threads.map((t) => store.getThreadDetail(t.id)))).flatMap((d) => d?.messages ?? []);
    expect(messages.map((m) => m.externalId)).toEqual([once.externalId]);
  });
});
