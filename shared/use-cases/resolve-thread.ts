import { normaliseSubject } from '../channels/email/subject.js';
import type { InboundMessage, ThreadRoutes, Threads } from '../domain/index.js';
import { newThreadId } from './ids.js';

/** A reply without threading headers joins an open thread with the same sender and subject only this recently. */
export const SUBJECT_THREADING_DAYS = 14;

/**
 * Which thread a new customer message belongs to.
 * Email: a Message-ID in In-Reply-To or References that we have seen or sent → that thread; else the same sender
 * with the same normalised subject within 14 days → that open thread; else a new one.
 * Chat channels: the contact's open thread, else a new one.
 */
export async function resolveThreadId(store: Threads & ThreadRoutes, inbound: InboundMessage, now: Date): Promise<string> {
  if (inbound.email) {
    const ids = [inbound.email.inReplyTo, ...[...inbound.email.references].reverse()].filter((id): id is string => !!id);
    const byHeaders = ids.length ? await store.findThreadByEmailIds(ids) : undefined;
    if (byHeaders) return byHeaders;
  }
  const handle = routeHandle(inbound);
  const open = await store.findOpenThreadId(inbound.channel, handle);
  if (!open) return store.claimOpenThread(inbound.channel, handle, newThreadId(now));
  if (inbound.channel !== 'email') return open;
  const thread = await store.getThread(open);
  const cutoff = Date.parse(inbound.sentAt) - SUBJECT_THREADING_DAYS * 86_400_000;
  // a route claimed by a message still being stored names a thread not written yet: that thread is the current
  // one (treating it as stale split two mails of one conversation, and stored a mail delivered twice in both)
  if (!thread || Date.parse(thread.lastInboundAt) >= cutoff) return open;
  return store.replaceOpenThread(inbound.channel, handle, open, newThreadId(now));
}

/** Chat: the customer's handle. Email: the sender plus the normalised subject, so separate questions stay separate. */
export function routeHandle(inbound: InboundMessage): string {
  return inbound.channel === 'email' ? `${inbound.contact.handle}#${normaliseSubject(inbound.subject)}` : inbound.contact.handle;
}
