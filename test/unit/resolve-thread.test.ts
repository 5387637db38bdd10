import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../shared/domain/index.js';
import { resolveThreadId, routeHandle, SUBJECT_THREADING_DAYS } from '../../shared/use-cases/resolve-thread.js';
import { MemoryThreadStore } from '../helpers/memory-store.js';
import { aThread } from '../helpers/threads.js';

const DAY = 86_400_000;
const FIRST = '2026-11-02T09:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(FIRST) + ms).toISOString();

function mail(sentAt: string, over: { subject?: string; from?: string; inReplyTo?: string; references?: string[] } = {}): InboundMessage {
  const from = over.from ?? 'sanne@example.nl';
  return {
    type: 'message',
    channel: 'email',
    externalId: `<${sentAt}@example.nl>`,
    contact: { handle: from, name: 'Sanne' },
    kind: 'email',
    text: 'Mijn bestelling is nog niet binnen.',
    subject: over.subject ?? 'Bestelling 10482',
    sentAt,
    ingestedAt: sentAt,
    raw: {},
    email: {
      messageId: `<${sentAt}@example.nl>`,
      from: { address: from },
      to: [],
      cc: [],
      references: over.references ?? [],
      inReplyTo: over.inReplyTo,
      rawKey: `raw/${sentAt}`,
      remoteImagesBlocked: 0,
      truncated: false,
    },
  };
}

function whatsapp(sentAt: string): InboundMessage {
  return {
    type: 'message',
    channel: 'whatsapp',
    externalId: `wamid.${sentAt}`,
    contact: { handle: '31612345678' },
    kind: 'text',
    text: 'Hallo?',
    sentAt,
    ingestedAt: sentAt,
    raw: {},
  };
}

let store: MemoryThreadStore;

/** The first mail of a conversation: its thread opened, stored with the time the customer last wrote. */
async function opened(message: InboundMessage): Promise<string> {
  const id = await resolveThreadId(store, message, new Date(message.sentAt));
  await store.saveThread(aThread({ id, channel: message.channel, contact: message.contact, subject: message.subject, lastInboundAt: message.sentAt }), 0);
  return id;
}

beforeEach(() => {
  store = new MemoryThreadStore();
});

describe(`resolveThreadId: a mail without threading headers joins the sender's open thread on that subject for ${SUBJECT_THREADING_DAYS} days`, () => {
  it('joins the open thread with the same sender and subject (Re: and Fwd: ignored) a day later', async () => {
    const first = await opened(mail(FIRST));
    expect(await resolveThreadId(store, mail(after(DAY), { subject: 'RE: Bestelling 10482' }), new Date(after(DAY)))).toBe(first);
  });

  it(`still joins at exactly ${SUBJECT_THREADING_DAYS} days after the customer last wrote`, async () => {
    const first = await opened(mail(FIRST));
    const at = after(SUBJECT_THREADING_DAYS * DAY);
    expect(await resolveThreadId(store, mail(at), new Date(at))).toBe(first);
  });

  it(`opens a new thread one second past ${SUBJECT_THREADING_DAYS} days, and routes the next mail to the new one`, async () => {
    const first = await opened(mail(FIRST));
    const at = after(SUBJECT_THREADING_DAYS * DAY + 1000);
    const second = await resolveThreadId(store, mail(at), new Date(at));
    expect(second).not.toBe(first);
    expect(await store.findOpenThreadId('email', routeHandle(mail(at)))).toBe(second);
    expect(await resolveThreadId(store, mail(after(SUBJECT_THREADING_DAYS * DAY + 2000)), new Date(at))).toBe(second);
  });

  it('counts the 14 days from when the customer last wrote, not from when the thread began', async () => {
    const first = await opened(mail(FIRST));
    const thread = (await store.getThread(first))!;
    await store.saveThread({ ...thread, lastInboundAt: after(10 * DAY), version: 2 }, 1);
    const at = after(20 * DAY);
    expect(await resolveThreadId(store, mail(at), new Date(at))).toBe(first);
  });

  it('follows In-Reply-To or References to a thread of any age', async () => {
    const first = await opened(mail(FIRST));
    await store.putEmailRoute(`<${FIRST}@example.nl>`, first);
    const at = after(90 * DAY);
    expect(await resolveThreadId(store, mail(at, { subject: 'iets anders', inReplyTo: `<${FIRST}@example.nl>` }), new Date(at))).toBe(first);
    expect(await resolveThreadId(store, mail(at, { subject: 'iets anders', references: [`<${FIRST}@example.nl>`, '<unknown@x>'] }), new Date(at))).toBe(first);
  });

  it('keeps another subject or another sender apart, however recent', async () => {
    const first = await opened(mail(FIRST));
    expect(await resolveThreadId(store, mail(after(60_000), { subject: 'Factuur' }), new Date(after(60_000)))).not.toBe(first);
    expect(await resolveThreadId(store, mail(after(60_000), { from: 'piet@example.nl' }), new Date(after(60_000)))).not.toBe(first);
  });

  it('treats a route whose thread is not written yet as the current thread (a mail still being stored)', async () => {
    const claimed = await resolveThreadId(store, mail(FIRST), new Date(FIRST));
    const at = after(30 * DAY);
    expect(await resolveThreadId(store, mail(at), new Date(at))).toBe(claimed);
  });

  it('never splits a chat conversation by age: WhatsApp joins the contact’s open thread after any pause', async () => {
    const first = await opened(whatsapp(FIRST));
    const at = after(60 * DAY);
    expect(await resolveThreadId(store, whatsapp(at), new Date(at))).toBe(first);
  });
});
