import type { Channel, Thread } from '../domain/index.js';
import { isOpen } from '../domain/index.js';

/** Every key shape of the single table, in one place (see docs/DESIGN.md, Data model). */
export const keys = {
  thread: (id: string) => ({ pk: `THREAD#${id}`, sk: 'META' }),
  /** Messages sort by the channel's time, then its id: the thread's conversation in one ordered range. */
  message: (threadId: string, sentAt: string, externalId: string) => ({ pk: `THREAD#${threadId}`, sk: `MSG#${sentAt}#${externalId}` }),
  draft: (threadId: string, draftId: string) => ({ pk: `THREAD#${threadId}`, sk: `DRAFT#${draftId}` }),
  messageRef: (channel: Channel, externalId: string) => ({ pk: `DEDUPE#${channel}#${externalId}`, sk: 'DEDUPE' }),
  audit: (threadId: string, at: string, action: string) => ({ pk: `THREAD#${threadId}`, sk: `AUDIT#${at}#${action}` }),
  feedback: (at: string, threadId: string, kind: string) => ({ pk: FEEDBACK_PARTITION, sk: `${at}#${threadId}#${kind}` }),
  triageUsage: (day: string, mode: string, engine: string) => ({ pk: TRIAGE_USAGE_PARTITION, sk: `${day}#${mode}#${engine}` }),
  /** The local stack's outbox (replies the local senders delivered), newest last by sort key. */
  localOutbox: (at: string, id: string) => ({ pk: LOCAL_OUTBOX_PARTITION, sk: `${at}#${id}` }),
  note: (threadId: string, at: string, author: string) => ({ pk: `THREAD#${threadId}`, sk: `NOTE#${at}#${author}` }),
  emailRoute: (messageId: string) => ({ pk: `EMAILID#${messageId}`, sk: 'EMAILID' }),
  contactRoute: (channel: Channel, handle: string) => ({ pk: `CONTACT#${channel}#${handle}`, sk: 'OPEN' }),
  /** One per thread the contact ever had on the channel; thread ids are time-ordered, so the sk sorts by age. */
  contactThread: (channel: Channel, handle: string, threadId: string) => ({ pk: `CONTACT#${channel}#${handle}`, sk: `THREAD#${threadId}` }),
  /** One per person who used Balie with a valid token. */
  agent: (sub: string) => ({ pk: `AGENT#${sub}`, sk: 'PROFILE' }),
  /** The shop's canned replies, all in one small partition (read whole by the page and the drafter). */
  cannedReply: (id: string) => ({ pk: CANNED_REPLY_PARTITION, sk: id }),
  /** One per setting (category definitions, …), versioned. */
  setting: (name: string) => ({ pk: `SETTING#${name}`, sk: 'SETTING' }),
  orphanStatus: (channel: Channel, externalId: string, at: string, status: string) => ({
    pk: `STATUS#${channel}#${externalId}`,
    sk: `${at}#${status}`,
  }),
};

export const FEEDBACK_PARTITION = 'FEEDBACK';
export const CANNED_REPLY_PARTITION = 'CANNED';
export const TRIAGE_USAGE_PARTITION = 'STATS#triage';
export const LOCAL_OUTBOX_PARTITION = 'LOCAL#OUTBOX';

export const QUEUE_OPEN = 'QUEUE#open';
export const QUEUE_CLOSED = 'QUEUE#closed';

/** GSI1 keys: open threads in one partition, sorted most urgent first (priority, then SLA due time). */
export function threadIndexKeys(thread: Thread): Record<string, string> {
  const index: Record<string, string> = {
    gsi1pk: isOpen(thread.status) ? QUEUE_OPEN : QUEUE_CLOSED,
    gsi1sk: `${thread.priority}#${thread.slaDueAt}#${thread.id}`,
  };
  index.searchText = searchTextOf(thread);
  if (thread.assignee) {
    index.gsi2pk = `ASSIGNEE#${thread.assignee}`;
    index.gsi2sk = `${thread.status}#${thread.lastInboundAt}`;
  }
  return index;
}

/** Lower case without accents, so "Zoë" is found by "zoe" and DynamoDB's case-sensitive `contains` still matches. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the worklist search looks in: customer name and handle, subject, newest message (bounded, it is on every thread write). */
function searchTextOf(thread: Thread): string {
  return foldForSearch([thread.contact.name, thread.contact.handle, thread.subject, thread.lastMessagePreview].filter(Boolean).join(' | ')).slice(0, 1200);
}

/** Days a message reference (and so the dedupe of redelivered webhooks) is kept. Meta retries for up to 7 days. */
export const MESSAGE_REF_TTL_DAYS = 30;

export function ttlFrom(now: Date, days: number): number {
  return Math.floor(now.getTime() / 1000) + days * 86_400;
}
