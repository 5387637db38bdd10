import {
  compareMessages,
  higherPriority,
  slaDueAt,
  transition,
  UNSURE_FLAG,
  type Draft,
  type InboundMessage,
  type Message,
  type Thread,
  type TriageResult,
} from '../domain/index.js';

/** How many applied message ids a thread remembers; far more than a burst from one customer. */
const APPLIED_IDS_KEPT = 100;

export interface InboundChange {
  threadId: string;
  inbound: InboundMessage;
  message: Message;
  /** Absent when the message needs no reply (a reaction, a machine's mail, a quarantined mail). */
  triage?: TriageResult;
  draft?: Draft;
  flags: string[];
  now: Date;
}

/**
 * The thread after one more customer message, or undefined when that message is already counted.
 * Order-independent: messages of one customer may be applied in any order (parallel batch records, same-second
 * timestamps, late redeliveries) and the thread ends the same: every message counted once, the highest
 * priority and earliest SLA of what is unanswered, the newest message's preview, triage and draft.
 */
export function applyInbound(current: Thread | undefined, change: InboundChange): Thread | undefined {
  const { inbound, message, triage, draft, now } = change;
  if (current?.appliedInboundIds.includes(message.id)) return undefined;
  const newest = !current || compareMessages(message, { sentAt: current.lastInboundAt, externalId: current.lastInboundId }) > 0;
  let status = transition(current?.status ?? 'new', 'inbound');
  if (draft) status = transition(status, 'draft_ready');
  const pending = current && current.unanswered > 0;
  const at = new Date(inbound.sentAt);
  let priority = current?.priority ?? 'P4';
  let due = current?.slaDueAt ?? slaDueAt('P4', at);
  if (triage) {
    const ownDue = slaDueAt(triage.priority, at);
    priority = pending ? higherPriority(current.priority, triage.priority) : triage.priority;
    due = pending && current.slaDueAt < ownDue ? current.slaDueAt : ownDue;
  }
  // what the thread shows comes from the newest message that was triaged, whatever order they arrive in
  const newestTriaged = !!triage && (!current?.triagedFrom || compareMessages(message, current.triagedFrom) > 0);
  return {
    id: change.threadId,
    channel: inbound.channel,
    contact: { ...current?.contact, ...(newest ? inbound.contact : {}), handle: current?.contact.handle ?? inbound.contact.handle },
    businessId: current?.businessId ?? inbound.businessId,
    subject: current?.subject ?? inbound.subject,
    status,
    category: (newestTriaged ? triage.category : current?.category) ?? 'other',
    priority,
    sentiment: (newestTriaged ? triage.sentiment : current?.sentiment) ?? { label: 'neutral', score: 0 },
    language: (newestTriaged ? triage.language : current?.language) ?? 'en',
    assignee: current?.assignee,
    slaDueAt: due,
    createdAt: current?.createdAt ?? now.toISOString(),
    lastInboundAt: newest ? inbound.sentAt : current.lastInboundAt,
    lastInboundId: newest ? message.externalId : current.lastInboundId,
    lastMessagePreview: newest ? preview(message) : current.lastMessagePreview,
    unanswered: (current?.unanswered ?? 0) + (triage ? 1 : 0),
    triagedFrom: newestTriaged ? { sentAt: message.sentAt, externalId: message.externalId } : current?.triagedFrom,
    latestDraftId: (newestTriaged ? draft?.id : undefined) ?? current?.latestDraftId,
    // unsure belongs to the triage the thread shows: a newer triaged message sets or clears it, an older one never
    flags: [
      ...new Set([
        ...(current?.flags ?? []).filter((f) => !(newestTriaged && f === UNSURE_FLAG)),
        ...change.flags.filter((f) => f !== UNSURE_FLAG || newestTriaged),
      ]),
    ],
    appliedInboundIds: [...(current?.appliedInboundIds ?? []), message.id].slice(-APPLIED_IDS_KEPT),
    updatedAt: now.toISOString(),
    version: (current?.version ?? 0) + 1,
  };
}

function preview(message: Message): string {
  const text = (message.subject && message.channel === 'email' ? `${message.subject} — ${message.text}` : message.text) || `[${message.kind}]`;
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
