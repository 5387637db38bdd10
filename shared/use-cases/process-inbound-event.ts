import {
  ConflictError,
  higherPriority,
  slaDueAt,
  transition,
  type Classifier,
  type Draft,
  type Drafter,
  type InboundEvent,
  type InboundMessage,
  type Message,
  type StatusUpdate,
  type Thread,
  type ThreadStore,
  type TriageResult,
} from '../domain/index.js';
import { newThreadId, stableId } from './ids.js';
import { triageText } from './triage-text.js';

export interface ProcessInboundDeps {
  store: ThreadStore;
  classifier: Classifier;
  drafter: Drafter;
  now?: () => Date;
}

export type ProcessOutcome =
  | { outcome: 'stored'; threadId: string; messageId: string; draftId?: string }
  | { outcome: 'duplicate'; threadId: string }
  | { outcome: 'status_recorded' | 'status_orphaned' };

const THREAD_WRITE_ATTEMPTS = 8;

/**
 * The triage worker's use case. For a customer message: find or open the thread, classify, prioritise,
 * draft, store. Each write is conditional and keyed by the channel's message id, in an order a retry always
 * completes (reference → message → draft → thread → reference done), so redeliveries store nothing twice.
 */
export function createInboundEventProcessor(deps: ProcessInboundDeps): (event: InboundEvent) => Promise<ProcessOutcome> {
  const now = deps.now ?? (() => new Date());

  async function processStatus(update: StatusUpdate): Promise<ProcessOutcome> {
    const ref = await deps.store.findMessageRef(update.channel, update.externalId);
    if (!ref) {
      await deps.store.putOrphanStatus(update);
      return { outcome: 'status_orphaned' };
    }
    await deps.store.recordDeliveryStatus(ref, update);
    return { outcome: 'status_recorded' };
  }

  async function processMessage(inbound: InboundMessage): Promise<ProcessOutcome> {
    const known = await deps.store.findMessageRef(inbound.channel, inbound.externalId);
    if (known?.done) return { outcome: 'duplicate', threadId: known.threadId };
    const threadId = known?.threadId ?? (await resolveThreadId(inbound));
    const messageSk = `MSG#${inbound.sentAt}#${inbound.externalId}`;
    if (!known) await deps.store.putMessageRef(inbound.channel, inbound.externalId, { threadId, messageSk, done: false });

    const existing = await deps.store.getThread(threadId);
    const needsReply = inbound.kind !== 'reaction';
    const triage = needsReply ? await triageMessage(inbound, existing) : undefined;
    const message = toMessage(inbound, threadId, messageSk, triage);
    await deps.store.putMessageOnce(message);

    let draft: Draft | undefined;
    if (triage) {
      draft = await draftReply(inbound, threadId, message.id, triage);
      await deps.store.putDraftOnce(draft);
    }
    await updateThread(existing, threadId, inbound, message, triage, draft);
    await deps.store.putMessageRef(inbound.channel, inbound.externalId, { threadId, messageSk, done: true });
    return { outcome: 'stored', threadId, messageId: message.id, draftId: draft?.id };
  }

  async function resolveThreadId(inbound: InboundMessage): Promise<string> {
    const open = await deps.store.findOpenThreadId(inbound.channel, inbound.contact.handle);
    return open ?? deps.store.claimOpenThread(inbound.channel, inbound.contact.handle, newThreadId(now()));
  }

  function triageMessage(inbound: InboundMessage, thread: Thread | undefined): Promise<TriageResult> {
    return triageText(deps.classifier, { text: inbound.text, subject: inbound.subject, channel: inbound.channel }, { unansweredBefore: thread?.unanswered ?? 0 });
  }

  async function draftReply(inbound: InboundMessage, threadId: string, messageId: string, triage: TriageResult): Promise<Draft> {
    const proposal = await deps.drafter.draft({
      text: inbound.text,
      subject: inbound.subject,
      channel: inbound.channel,
      contact: inbound.contact,
      category: triage.category,
      language: triage.language,
    });
    return {
      threadId,
      id: stableId('d', inbound.channel, inbound.externalId),
      inReplyTo: messageId,
      state: 'proposed',
      text: proposal.text,
      language: triage.language,
      engine: proposal.engine,
      reasons: proposal.reasons,
      kbRefs: proposal.kbRefs,
      createdAt: now().toISOString(),
      version: 1,
    };
  }

  /** Change and write with the version read; another writer in between means read again. */
  async function updateThread(read: Thread | undefined, threadId: string, inbound: InboundMessage, message: Message, triage?: TriageResult, draft?: Draft): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = attempt === 1 ? read : await deps.store.getThread(threadId);
      if (current && current.lastInboundSk >= message.sk) return; // this message (or a newer one) is already in
      const next = nextThread(current, threadId, inbound, message, triage, draft);
      try {
        await deps.store.saveThread(next, current?.version ?? 0);
        return;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= THREAD_WRITE_ATTEMPTS) throw err;
      }
    }
  }

  function nextThread(current: Thread | undefined, id: string, inbound: InboundMessage, message: Message, triage?: TriageResult, draft?: Draft): Thread {
    const at = new Date(inbound.sentAt);
    let status = transition(current?.status ?? 'new', 'inbound');
    if (draft) status = transition(status, 'draft_ready');
    const unanswered = (current?.unanswered ?? 0) + (triage ? 1 : 0);
    const priority = triage ? (current && current.unanswered > 0 ? higherPriority(current.priority, triage.priority) : triage.priority) : (current?.priority ?? 'P4');
    const due = slaDueAt(priority, at);
    const keepDue = current && current.unanswered > 0 && current.slaDueAt < due;
    return {
      id,
      channel: inbound.channel,
      contact: { ...current?.contact, ...inbound.contact },
      businessId: inbound.businessId ?? current?.businessId,
      subject: current?.subject ?? inbound.subject,
      status,
      category: triage?.category ?? current?.category ?? 'other',
      priority,
      sentiment: triage?.sentiment ?? current?.sentiment ?? { label: 'neutral', score: 0 },
      language: triage?.language ?? current?.language ?? 'en',
      assignee: current?.assignee,
      slaDueAt: keepDue ? current.slaDueAt : due,
      createdAt: current?.createdAt ?? now().toISOString(),
      lastInboundAt: inbound.sentAt,
      lastInboundSk: message.sk,
      lastMessagePreview: preview(message),
      unanswered,
      latestDraftId: draft?.id ?? current?.latestDraftId,
      version: (current?.version ?? 0) + 1,
    };
  }

  return (event) => (event.type === 'status' ? processStatus(event) : processMessage(event));
}

function toMessage(inbound: InboundMessage, threadId: string, sk: string, triage?: TriageResult): Message {
  return {
    threadId,
    id: stableId('m', inbound.channel, inbound.externalId),
    sk,
    direction: 'inbound',
    channel: inbound.channel,
    externalId: inbound.externalId,
    kind: inbound.kind,
    text: inbound.text,
    subject: inbound.subject,
    media: inbound.media,
    location: inbound.location,
    replyToExternalId: inbound.replyToExternalId,
    sentAt: inbound.sentAt,
    ingestedAt: inbound.ingestedAt,
    triage,
    statuses: {},
    raw: inbound.raw,
  };
}

function preview(message: Message): string {
  const text = message.text || `[${message.kind}]`;
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
