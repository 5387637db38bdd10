import type { Thread } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';

/** A stored thread with plausible defaults; tests override what they are about. */
export function aThread(over: Partial<Thread> = {}): Thread {
  return {
    id: 't_1',
    channel: 'whatsapp',
    contact: { handle: '31600000000' },
    status: 'awaiting_approval',
    category: 'other',
    priority: 'P4',
    sentiment: { label: 'neutral', score: 0 },
    language: 'nl',
    slaDueAt: '2026-11-25T10:00:00.000Z',
    createdAt: '2026-11-25T09:00:00.000Z',
    lastInboundAt: '2026-11-25T09:00:00.000Z',
    lastInboundSk: 'MSG#2026-11-25T09:00:00.000Z#w',
    lastMessagePreview: 'hoi',
    unanswered: 1,
    flags: [],
    appliedInboundIds: [],
    updatedAt: '2026-11-25T09:00:00.000Z',
    version: 1,
    ...over,
  };
}

/**
 * Whether the thread has counted this message. Triage stores a customer's message, then its draft, and only then
 * writes the thread that counts it (status, unanswered, flags…): a message in the detail says nothing yet about those.
 */
export function counted(detail: ThreadDetail, message: { id: string }): boolean {
  return detail.appliedInboundIds.includes(message.id);
}
