import * as z from 'zod';
import { InvalidTransitionError } from './errors.js';

export const threadStatusSchema = z.enum(['new', 'awaiting_approval', 'approved', 'sending', 'sent', 'waiting_customer', 'resolved', 'escalated', 'rejected']);
export type ThreadStatus = z.infer<typeof threadStatusSchema>;

export type ThreadEvent =
  'inbound' | 'draft_ready' | 'approve' | 'reject' | 'send_started' | 'sent' | 'send_failed' | 'await_customer' | 'escalate' | 'resolve' | 'reopen';

/**
 * Every allowed move of a thread, in one place. A missing entry is a refused move.
 * A new customer message never interrupts a send in flight (approved, sending): the send finishes first.
 */
const TRANSITIONS: Record<ThreadStatus, Partial<Record<ThreadEvent, ThreadStatus>>> = {
  new: { inbound: 'new', draft_ready: 'awaiting_approval', escalate: 'escalated', resolve: 'resolved' },
  awaiting_approval: {
    inbound: 'awaiting_approval',
    draft_ready: 'awaiting_approval',
    approve: 'approved',
    reject: 'rejected',
    escalate: 'escalated',
    resolve: 'resolved',
    // a send given up for lost (a redelivery found it unfinished) that went out after all
    sent: 'sent',
  },
  approved: { inbound: 'approved', draft_ready: 'approved', send_started: 'sending', send_failed: 'awaiting_approval' },
  sending: { inbound: 'sending', draft_ready: 'sending', sent: 'sent', send_failed: 'awaiting_approval' },
  sent: { inbound: 'new', await_customer: 'waiting_customer', resolve: 'resolved' },
  waiting_customer: { inbound: 'new', resolve: 'resolved', escalate: 'escalated' },
  resolved: { inbound: 'new', reopen: 'new' },
  escalated: {
    inbound: 'escalated',
    draft_ready: 'escalated',
    approve: 'approved',
    reject: 'rejected',
    resolve: 'resolved',
  },
  rejected: { inbound: 'new', draft_ready: 'awaiting_approval', escalate: 'escalated', resolve: 'resolved' },
};

export function transition(from: ThreadStatus, event: ThreadEvent): ThreadStatus {
  const to = TRANSITIONS[from][event];
  if (!to) throw new InvalidTransitionError(from, event);
  return to;
}

/** Statuses an agent still has to act on; they make up the worklist. */
export const OPEN_STATUSES: readonly ThreadStatus[] = ['new', 'awaiting_approval', 'escalated', 'rejected', 'approved', 'sending'];

export function isOpen(status: ThreadStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
