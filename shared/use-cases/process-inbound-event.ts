import {
  ConflictError,
  type Draft,
  type DraftProposal,
  type TriageEngine,
  type InboundEvent,
  type InboundMessage,
  type MediaArchive,
  type MediaRef,
  type Message,
  type MessageRef,
  type StatusUpdate,
  type Thread,
  type Drafts,
  type InboundLedger,
  type Reports,
  type ThreadJournal,
  type ThreadRoutes,
  type Threads,
  type TriageResult,
  UNSURE_BELOW,
  UNSURE_FLAG,
} from '../domain/index.js';
import { looksLikePromptInjection } from '../triage/safety.js';
import { applyInbound, type InboundChange } from './apply-inbound.js';
import { changeThreadStatus } from './change-thread-status.js';
import { stableId } from './ids.js';
import { saysNothing } from './nothing-to-answer.js';
import { redraft, type RedraftOutcome } from './redraft.js';
import { resolveThreadId } from './resolve-thread.js';
import { assessMessage } from './triage-text.js';

export interface ProcessInboundDeps {
  store: Threads & ThreadRoutes & InboundLedger & Drafts & ThreadJournal & Pick<Reports, 'addTriageUsage'>;
  /** Triage and draft of each customer message, in one call. */
  engine: TriageEngine;
  /** Copies customer media into the object store; without it media stays a reference. */
  media?: MediaArchive;
  /** The triage mode (local, llm, hybrid), recorded with each message's usage. */
  mode?: string;
  now?: () => Date;
}

export type ProcessOutcome =
  /** `llm`: what the LLM used for this message, on the one delivery that counted it (metrics record it from here). */
  | { outcome: 'stored'; threadId: string; messageId: string; draftId?: string; llm?: LlmUsage }
  | { outcome: 'duplicate'; threadId: string }
  | { outcome: 'status_recorded' | 'status_orphaned' }
  | RedraftOutcome;

export type LlmUsage = NonNullable<TriageResult['llm']>;

const THREAD_WRITE_ATTEMPTS = 25;

/**
 * The triage worker's use case. For a customer message: find or open the thread, classify, prioritise,
 * draft, store. Each write is conditional and keyed by the channel's message id, in an order a retry always
 * completes (reference → message → draft → thread → reference done), so redeliveries store nothing twice.
 */
export function createInboundEventProcessor(deps: ProcessInboundDeps): (event: InboundEvent) => Promise<ProcessOutcome> {
  const now = deps.now ?? (() => new Date());

  async function processStatus(update: StatusUpdate): Promise<ProcessOutcome> {
    if (update.watermark) return recordWatermark(update, update.watermark);
    const ref = await deps.store.findMessageRef(update.channel, update.externalId);
    if (!ref) {
      await deps.store.putOrphanStatus(update);
      return { outcome: 'status_orphaned' };
    }
    await deps.store.recordDeliveryStatus(ref, update);
    return { outcome: 'status_recorded' };
  }

  /** Messenger says "read up to T" without naming messages: the receipt is kept, and the thread remembers T. */
  async function recordWatermark(update: StatusUpdate, watermark: string): Promise<ProcessOutcome> {
    await deps.store.putOrphanStatus(update);
    const threadId = update.recipient ? await deps.store.findOpenThreadId(update.channel, update.recipient) : undefined;
    if (!threadId) return { outcome: 'status_orphaned' };
    await changeThreadStatus(deps.store, threadId, [], now(), (t) => ({
      customerReadAt: t.customerReadAt && t.customerReadAt > watermark ? t.customerReadAt : watermark,
    }));
    return { outcome: 'status_recorded' };
  }

  /**
   * What the business sent, told back by the channel. Our own sends are already stored under their id; a reply an
   * agent typed in Meta's own inbox is stored as an outbound message of the customer's thread. Never triaged.
   */
  async function recordEcho(inbound: InboundMessage): Promise<ProcessOutcome> {
    const threadId = await resolveThreadId(deps.store, inbound, now());
    const message: Message = { ...toMessage(inbound, threadId), direction: 'outbound', statuses: { sent: inbound.sentAt } };
    await deps.store.putMessageOnce(message);
    if (!(await deps.store.getThread(threadId))) {
      // the business wrote first (from Meta's inbox): the conversation waits for the customer
      const opened = applyInbound(undefined, { threadId, inbound, message, flags: [], now: now() })!;
      await deps.store.saveThread({ ...opened, status: 'waiting_customer' }, 0).catch((err) => {
        if (!(err instanceof ConflictError)) throw err;
      });
    }
    await deps.store.putMessageRef(inbound.channel, { ...refOf(inbound, threadId), done: true });
    return { outcome: 'stored', threadId, messageId: message.id };
  }

  async function processMessage(inbound: InboundMessage): Promise<ProcessOutcome> {
    const known = await deps.store.findMessageRef(inbound.channel, inbound.externalId);
    if (known?.done) return { outcome: 'duplicate', threadId: known.threadId };
    if (inbound.echo) return recordEcho(inbound);
    const threadId = known?.threadId ?? (await resolveThreadId(deps.store, inbound, now()));
    if (!known) await deps.store.putMessageRef(inbound.channel, { ...refOf(inbound, threadId), done: false });

    const existing = await deps.store.getThread(threadId);
    const assessed = needsReply(inbound) ? await assessMessage(deps.engine, requestOf(inbound), { unansweredBefore: existing?.unanswered ?? 0 }) : undefined;
    const triage = assessed?.triage;
    const message = { ...toMessage(inbound, threadId, triage), media: await archiveMedia(inbound) };
    await deps.store.putMessageOnce(message);
    const draft = assessed ? draftOf(inbound, threadId, message.id, assessed.triage, assessed.draft) : undefined;
    if (draft) await deps.store.putDraftOnce(draft);
    if (inbound.email) await deps.store.putEmailRoute(inbound.email.messageId, threadId);
    const counted = await updateThread(existing, { threadId, inbound, message, triage, draft, flags: flagsOf(inbound, triage), now: now() });
    // usage counts once per message: the delivery that counted it in the thread
    if (counted && triage) await deps.store.addTriageUsage(now().toISOString().slice(0, 10), deps.mode ?? 'local', triage);
    await deps.store.putMessageRef(inbound.channel, { ...refOf(inbound, threadId), done: true });
    // A redelivery that finishes an interrupted attempt is the one that counts the message; a concurrent copy is not.
    if (!counted) return { outcome: 'duplicate', threadId };
    return { outcome: 'stored', threadId, messageId: message.id, draftId: draft?.id, ...(triage?.llm ? { llm: triage.llm } : {}) };
  }

  /** Best effort: a failed download keeps the reference and says why; it never loses the message. */
  async function archiveMedia(inbound: InboundMessage): Promise<MediaRef | undefined> {
    // Meta's policy: story mention media must not be stored, only its CDN URL
    if (!inbound.media || !deps.media || inbound.kind === 'story_mention') return inbound.media;
    try {
      return await deps.media.archive(inbound.channel, inbound.media);
    } catch (err) {
      return { ...inbound.media, fetchError: err instanceof Error ? err.message : String(err) };
    }
  }

  function requestOf(inbound: InboundMessage) {
    return { text: inbound.text, subject: inbound.subject, channel: inbound.channel, contact: inbound.contact };
  }

  function draftOf(inbound: InboundMessage, threadId: string, messageId: string, triage: TriageResult, proposal: DraftProposal): Draft {
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

  /**
   * Change and write with the version read; another writer in between means read again and re-apply.
   * Answers whether this call counted the message (false: it was already in the thread).
   */
  async function updateThread(read: Thread | undefined, change: InboundChange): Promise<boolean> {
    let current = read;
    for (let attempt = 1; ; attempt++) {
      const next = applyInbound(current, { ...change, now: now() });
      if (!next) return false;
      try {
        await deps.store.saveThread(next, current?.version ?? 0);
        return true;
      } catch (err) {
        if (!(err instanceof ConflictError) || attempt >= THREAD_WRITE_ATTEMPTS) throw err;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      current = await deps.store.getThread(change.threadId);
    }
  }

  return (event) => {
    if (event.type === 'status') return processStatus(event);
    if (event.type === 'redraft') return redraft({ ...deps, now }, event);
    return processMessage(event);
  };
}

/** A reaction, a machine's mail, a quarantined or unreadable mail, an empty text is stored, but gets no triage and no draft. */
export function needsReply(inbound: InboundMessage): boolean {
  if (inbound.echo || inbound.kind === 'reaction' || inbound.kind === 'unparseable' || saysNothing(inbound)) return false;
  return !inbound.email?.automated && !inbound.email?.quarantined;
}

function flagsOf(inbound: InboundMessage, triage?: TriageResult): string[] {
  const flags: string[] = [];
  if (inbound.email?.quarantined) flags.push('quarantined');
  if (inbound.email?.dmarcFail) flags.push('dmarc_fail');
  if (inbound.email?.automated) flags.push(`automated:${inbound.email.automated}`);
  if (inbound.kind === 'unparseable') flags.push('unparseable');
  if (triage?.injectionSuspected || looksLikePromptInjection(`${inbound.subject ?? ''} ${inbound.text}`)) flags.push('prompt_injection');
  if (triage && triage.confidence < UNSURE_BELOW) flags.push(UNSURE_FLAG);
  return flags;
}

function refOf(inbound: InboundMessage, threadId: string): MessageRef {
  return { threadId, externalId: inbound.externalId, sentAt: inbound.sentAt };
}

function toMessage(inbound: InboundMessage, threadId: string, triage?: TriageResult): Message {
  return {
    threadId,
    id: stableId('m', inbound.channel, inbound.externalId),
    direction: 'inbound',
    channel: inbound.channel,
    externalId: inbound.externalId,
    kind: inbound.kind,
    text: inbound.text,
    subject: inbound.subject,
    media: inbound.media,
    location: inbound.location,
    replyToExternalId: inbound.replyToExternalId,
    attachments: inbound.attachments,
    email: inbound.email,
    sentAt: inbound.sentAt,
    ingestedAt: inbound.ingestedAt,
    triage,
    statuses: {},
    raw: inbound.raw,
  };
}
