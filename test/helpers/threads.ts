import type { Draft, InboundMessage, Message, Thread, TriageResult } from '../../shared/domain/index.js';
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
    lastInboundId: 'w',
    lastMessagePreview: 'hoi',
    unanswered: 1,
    flags: [],
    appliedInboundIds: [],
    updatedAt: '2026-11-25T09:00:00.000Z',
    version: 1,
    ...over,
  };
}

/** A stored customer message (WhatsApp text) with plausible defaults. */
export function aMessage(over: Partial<Message> = {}): Message {
  const sentAt = over.sentAt ?? '2026-11-25T09:00:00.000Z';
  return {
    threadId: 't_1',
    id: 'm_1',
    direction: 'inbound',
    channel: 'whatsapp',
    externalId: 'wamid.1',
    kind: 'text',
    text: 'Waar blijft mijn bestelling 10482?',
    sentAt,
    ingestedAt: sentAt,
    statuses: {},
    raw: {},
    ...over,
  };
}

/** A customer's WhatsApp text as the webhook hands it to the triage worker. */
export function anInboundText(handle: string, externalId: string, text: string, sentAt = '2026-11-25T09:00:00.000Z'): InboundMessage {
  return { type: 'message', channel: 'whatsapp', externalId, contact: { handle, name: 'Klant' }, kind: 'text', text, sentAt, ingestedAt: sentAt, raw: {} };
}

/** A proposed draft with plausible defaults. */
export function aDraft(over: Partial<Draft> = {}): Draft {
  return {
    threadId: 't_1',
    id: 'd_1',
    inReplyTo: 'm_1',
    state: 'proposed',
    text: 'Hoi, we kijken het na.',
    language: 'nl',
    engine: 'test',
    reasons: ['test'],
    kbRefs: [],
    createdAt: '2026-11-25T09:00:01.000Z',
    version: 1,
    ...over,
  };
}

/** A triage result of the local engine with plausible defaults. */
export function aTriage(over: Partial<TriageResult> = {}): TriageResult {
  return {
    category: 'order',
    confidence: 0.9,
    sentiment: { label: 'neutral', score: 0 },
    language: 'nl',
    urgencyCues: [],
    tags: [],
    priority: 'P3',
    reasons: ['order'],
    engine: 'local',
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
