import { describe, expect, it } from 'vitest';
import type { Draft, InboundMessage, Message, Priority, Thread, TriageResult } from '../../shared/domain/index.js';
import { applyInbound, type InboundChange } from '../../shared/use-cases/apply-inbound.js';
import { aDraft, aMessage, aTriage } from '../helpers/threads.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');

/** One customer message as the worker hands it to applyInbound: the message, its triage and draft (if it needs a reply). */
function change(
  n: number,
  sentAt: string,
  over: { priority?: Priority; category?: TriageResult['category']; reply?: boolean; flags?: string[]; externalId?: string } = {},
): InboundChange {
  const externalId = over.externalId ?? `wamid.${n}`;
  const inbound: InboundMessage = {
    type: 'message',
    channel: 'whatsapp',
    externalId,
    contact: { handle: '31611111111', name: `Klant ${n}` },
    kind: 'text',
    text: `bericht ${n}`,
    sentAt,
    ingestedAt: sentAt,
    raw: {},
  };
  const reply = over.reply ?? true;
  const triage = reply
    ? aTriage({
        priority: over.priority ?? 'P3',
        category: over.category ?? 'order',
        sentiment: { label: n % 2 ? 'negative' : 'neutral', score: n % 2 ? -0.5 : 0 },
      })
    : undefined;
  const message: Message = aMessage({ threadId: 't_perm', id: `m_${n}`, externalId, text: inbound.text, sentAt, kind: reply ? 'text' : 'reaction', triage });
  const draft: Draft | undefined = reply ? aDraft({ threadId: 't_perm', id: `d_${n}`, inReplyTo: message.id }) : undefined;
  return { threadId: 't_perm', inbound, message, triage, draft, flags: over.flags ?? [], now: NOW };
}

/** Applies the messages in this order, as the worker would (each write based on the thread it read). */
function applyAll(changes: InboundChange[]): Thread {
  let thread: Thread | undefined;
  for (const c of changes) thread = applyInbound(thread, c) ?? thread;
  return thread!;
}

/** What must not depend on the order messages arrived in. */
function outcome(thread: Thread) {
  const { updatedAt: _u, appliedInboundIds, flags, ...rest } = thread;
  return { ...rest, appliedInboundIds: [...appliedInboundIds].sort(), flags: [...flags].sort() };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const SETS: Record<string, InboundChange[]> = {
  'three messages, one urgent in the middle': [
    change(1, '2026-11-25T09:00:00.000Z'),
    change(2, '2026-11-25T09:01:00.000Z', { priority: 'P1', category: 'complaint' }),
    change(3, '2026-11-25T09:02:00.000Z', { category: 'billing' }),
  ],
  'four messages, two in the same second whose ids sort against their arrival': [
    change(1, '2026-11-25T09:00:00.000Z', { externalId: 'wamid.Z' }),
    change(2, '2026-11-25T09:00:00.000Z', { externalId: 'wamid.B', priority: 'P2' }),
    change(3, '2026-11-25T09:05:00.000Z', { flags: ['prompt_injection'] }),
    change(4, '2026-11-25T09:03:00.000Z', { priority: 'P4', category: 'other' }),
  ],
  'five messages with a reaction among them (stored, no triage, no draft)': [
    change(1, '2026-11-25T09:00:00.000Z', { priority: 'P2', category: 'technical' }),
    change(2, '2026-11-25T09:01:00.000Z', { reply: false }),
    change(3, '2026-11-25T09:02:00.000Z', { category: 'complaint', priority: 'P1' }),
    change(4, '2026-11-25T09:03:00.000Z'),
    change(5, '2026-11-25T09:04:00.000Z', { category: 'billing', flags: ['dmarc_fail'] }),
  ],
  'five messages, the newest a reaction': [
    change(1, '2026-11-25T09:00:00.000Z', { category: 'billing' }),
    change(2, '2026-11-25T09:01:00.000Z'),
    change(3, '2026-11-25T09:02:00.000Z', { priority: 'P2' }),
    change(4, '2026-11-25T09:03:00.000Z', { category: 'complaint' }),
    change(5, '2026-11-25T09:04:00.000Z', { reply: false }),
  ],
};

describe('applyInbound, in every order', () => {
  for (const [name, changes] of Object.entries(SETS)) {
    it(`ends the same whatever order they arrive in: ${name}`, () => {
      const orders = permutations(changes);
      const first = outcome(applyAll(orders[0]!));
      for (const order of orders.slice(1)) expect(outcome(applyAll(order)), order.map((c) => c.message.id).join(' → ')).toEqual(first);
    });
  }

  it('counts every message once, takes the most urgent priority and the earliest SLA, and shows the newest', () => {
    const changes = SETS['three messages, one urgent in the middle']!;
    for (const order of permutations(changes)) {
      const thread = applyAll(order);
      expect(thread.unanswered).toBe(3);
      expect(thread.version).toBe(3);
      expect(thread.priority).toBe('P1');
      expect(thread.slaDueAt).toBe('2026-11-25T10:01:00.000Z'); // P1: one hour from the urgent message
      expect([thread.lastInboundId, thread.lastMessagePreview, thread.category, thread.latestDraftId]).toEqual(['wamid.3', 'bericht 3', 'billing', 'd_3']);
      expect(thread.contact.name).toBe('Klant 3');
      expect(thread.status).toBe('awaiting_approval');
    }
  });

  it('orders two messages of one second by their ids, whichever arrived first', () => {
    const [z, b] = SETS['four messages, two in the same second whose ids sort against their arrival']!;
    expect(applyAll([z!, b!]).lastInboundId).toBe('wamid.Z');
    expect(applyAll([b!, z!]).lastInboundId).toBe('wamid.Z');
  });

  it('takes the triage and draft of the newest message that had them when the newest is a reaction', () => {
    for (const order of permutations(SETS['five messages, the newest a reaction']!)) {
      const thread = applyAll(order);
      expect([thread.category, thread.latestDraftId, thread.lastMessagePreview, thread.unanswered]).toEqual(['complaint', 'd_4', 'bericht 5', 4]);
    }
  });

  it('changes nothing when a message it already counted comes again, in any position', () => {
    const changes = SETS['five messages with a reaction among them (stored, no triage, no draft)']!;
    for (const again of changes) {
      const thread = applyAll(changes);
      expect(applyInbound(thread, { ...again, now: new Date(NOW.getTime() + 60_000) })).toBeUndefined();
    }
  });
});
