import type { Channel } from './channel.js';
import type { Contact, InboundEvent, InboundMessage, MediaRef, StatusUpdate } from './inbound.js';
import type { ThreadStatus } from './thread-status.js';
import type { AuditEntry, Draft, Feedback, Message, Note, SendJob, Thread } from './thread.js';
import type { CannedReply } from './canned-replies.js';
import type { Category, Classification, Priority, TriageResult } from './triage.js';

/** Classifies one customer message. Must be safe to call twice with the same input. */
export interface Classifier {
  classify(input: { text: string; subject?: string; channel: Channel; contactName?: string }): Promise<Classification>;
}

export interface DraftRequest {
  text: string;
  subject?: string;
  channel: Channel;
  contact: Contact;
  category: Category;
  language: string;
}

export interface DraftProposal {
  text: string;
  engine: string;
  reasons: string[];
  kbRefs: string[];
}

export interface Drafter {
  draft(request: DraftRequest): Promise<DraftProposal>;
}

/** One customer message to triage and answer. */
export interface AssessRequest {
  text: string;
  subject?: string;
  channel: Channel;
  contact: Contact;
  /** An agent's category for this message (a new draft after a correction): the draft answers that. */
  category?: Category;
  /** The draft's language when it is already known (a new draft keeps the old one's). */
  language?: string;
}

/** What an engine says about one message: its classification (before priority rules) and the draft reply. */
export interface Assessment {
  classification: Classification;
  draft: DraftProposal;
}

/**
 * The triage port: classification and draft of one message in one call, so an engine that writes both at once
 * (an LLM) needs no memory between calls. The local engine, or an LLM engine behind a fallback policy.
 */
export interface TriageEngine {
  assess(request: AssessRequest): Promise<Assessment>;
}

export interface ThreadQuery {
  /** One status; `closed` for every status off the worklist; `all` for both. Absent: the open worklist. */
  status?: ThreadStatus | 'all' | 'closed';
  priority?: Priority;
  category?: Category;
  channel?: Channel;
  /** Language code of the thread (nl, en, …). */
  language?: string;
  /** An agent's sub, or `none` for threads nobody has taken. */
  assignee?: string;
  /** Words that must all appear in the customer's name or handle, the subject or the newest message. */
  search?: string;
  /** Only threads whose SLA is due before this time (the overdue view). */
  dueBefore?: string;
  /** An agent (not a supervisor): only threads nobody has taken and threads assigned to this sub. */
  visibleTo?: string;
  limit: number;
  cursor?: string;
}

/** The open queue grouped by who has it, status, priority and whether it is overdue: what every view's count is made from. */
export interface QueueStats {
  groups: Array<{ assignee?: string; status: string; priority: string; overdue: boolean; count: number }>;
  /** True when the queue had more threads than were counted. */
  capped: boolean;
}

/** How many open threads each worklist view holds, for one viewer. */
export interface QueueCounts {
  open: number;
  mine: number;
  unassigned: number;
  awaitingApproval: number;
  overdue: number;
  byPriority: Record<string, number>;
  /** True when the queue had more threads than were counted. */
  capped: boolean;
}

export interface ThreadPage {
  threads: Thread[];
  nextCursor?: string;
}

/** Threads by id: read one (alone or with everything in it), create one, replace one with the version read. */
export interface Threads {
  getThread(threadId: string): Promise<Thread | undefined>;
  /** Creates the thread when `expectedVersion` is 0, else replaces it if its version is still `expectedVersion`. */
  saveThread(thread: Thread, expectedVersion: number): Promise<void>;
  /** The thread with its messages, drafts, audit trail and notes, read consistently. */
  getThreadDetail(threadId: string): Promise<ThreadDetailItems | undefined>;
}

/** Which thread a customer's next message joins: the contact's open thread, and the email Message-IDs we know. */
export interface ThreadRoutes {
  findOpenThreadId(channel: Channel, handle: string): Promise<string | undefined>;
  /** Claims the contact route for a new thread; answers the thread id that won when another writer was first. */
  claimOpenThread(channel: Channel, handle: string, threadId: string): Promise<string>;
  /** Moves the contact route from a stale thread to a new one; answers the thread id that won a race. */
  replaceOpenThread(channel: Channel, handle: string, staleThreadId: string, threadId: string): Promise<string>;
  /** The thread of the newest of these email Message-IDs that we have seen or sent, in the order given. */
  findThreadByEmailIds(messageIds: string[]): Promise<string | undefined>;
  putEmailRoute(messageId: string, threadId: string): Promise<void>;
}

/**
 * Every message in and out of a thread, stored once under the channel's own id, with its delivery receipts.
 * The ledger is what makes a redelivered webhook or queue message change nothing twice.
 */
export interface InboundLedger {
  /** Stores the message unless it is stored already (same thread, time and channel id); answers whether it was new. */
  putMessageOnce(message: Message): Promise<boolean>;
  /** Which thread and message an external id (wamid, mid, Message-ID) was stored as, if it was. */
  findMessageRef(channel: Channel, externalId: string): Promise<MessageRef | undefined>;
  putMessageRef(channel: Channel, ref: MessageRef): Promise<void>;
  recordDeliveryStatus(ref: MessageRef, update: StatusUpdate): Promise<void>;
  /** Keeps a receipt for a message we do not know (yet), so it is never dropped. */
  putOrphanStatus(update: StatusUpdate): Promise<void>;
  /** Receipts that arrived before the message they name was stored. */
  findOrphanStatuses(channel: Channel, externalId: string): Promise<StatusUpdate[]>;
}

export interface Drafts {
  getDraft(threadId: string, draftId: string): Promise<Draft | undefined>;
  /** Stores the draft unless one with its id exists; answers whether it was new. */
  putDraftOnce(draft: Draft): Promise<boolean>;
  /** Replaces the draft if it still has `expected.version` and `expected.state`; ConflictError otherwise. */
  updateDraft(draft: Draft, expected: { version: number; state: Draft['state'] }): Promise<void>;
}

/** What people did on a thread: the audit trail, private notes, and the labelled examples their corrections make. */
export interface ThreadJournal {
  putAudit(entry: AuditEntry): Promise<void>;
  putNote(note: Note): Promise<void>;
  putFeedback(feedback: Feedback): Promise<void>;
}

/** The agents' worklist: threads by urgency with filters, the counts of each view, a contact's history. */
export interface Worklist {
  listThreads(query: ThreadQuery): Promise<ThreadPage>;
  /** The open queue in groups, for the counts per worklist view (one read serves every viewer). */
  openQueueStats(now: Date): Promise<QueueStats>;
  /** The contact's threads on one channel, newest first (earlier conversations with the same customer). */
  listContactThreads(channel: Channel, handle: string, limit: number): Promise<Thread[]>;
}

/** Figures for supervisors and for training: triage usage per day, mode and engine, and agents' feedback. */
export interface Reports {
  /** Adds one triaged message to the day's usage of its mode and engine (LLM calls, tokens, cost). */
  addTriageUsage(day: string, mode: string, triage: TriageResult): Promise<void>;
  listTriageUsage(fromDay: string): Promise<TriageUsage[]>;
  /** Newest first. */
  listFeedback(limit?: number): Promise<Feedback[]>;
}

/**
 * Everything the single table holds; the DynamoDB store (and the in-memory one the unit tests use) implement it
 * whole. Use cases ask for the narrow ports above that they touch, so a reader sees what each one reads and writes.
 */
export type ThreadStore = Threads & ThreadRoutes & InboundLedger & Drafts & ThreadJournal & Worklist & Reports;

/** A setting as stored: its value and the version a change must name (0 = never written). */
export interface StoredSetting<T> {
  value: T;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Settings supervisors write (category definitions; later teams' hours and service levels): one small item each,
 * written with the version read, so two supervisors editing at once cannot overwrite each other unseen.
 */
export interface SettingsStore {
  getSetting(name: string): Promise<StoredSetting<unknown> | undefined>;
  /** Writes version `expectedVersion + 1`; ConflictError when the stored version is not `expectedVersion`. */
  putSetting(name: string, value: unknown, expectedVersion: number, by: string, now?: Date): Promise<StoredSetting<unknown>>;
}

/** The shop's canned replies: a handful to a few hundred, read whole by the page and the drafter. */
export interface CannedReplyStore {
  listCannedReplies(): Promise<CannedReply[]>;
  getCannedReply(id: string): Promise<CannedReply | undefined>;
  /** Creates it when `expectedVersion` is 0, else replaces it if its version is still that; ConflictError otherwise. */
  putCannedReply(reply: CannedReply, expectedVersion: number): Promise<void>;
  /** NotFoundError when there is none. */
  deleteCannedReply(id: string): Promise<void>;
}

/** Someone who used Balie with a valid token: who a thread may be assigned to. */
export interface AgentProfile {
  /** The token's `sub` (a Cognito user's id; locally the demo person's id). */
  sub: string;
  name: string;
  /** `agent` or `supervisor`, as the token said when last seen. */
  role: string;
  /** When the profile was last written (ISO 8601). */
  lastSeenAt: string;
}

/**
 * The agents Balie knows, kept apart from the thread store: each one who used the API or the page with a valid token.
 * (The seam for listing agents with their availability.)
 */
export interface AgentDirectory {
  /** Writes the profile unless a newer one is stored: idempotent, and the order of concurrent writes does not matter. */
  rememberAgent(profile: AgentProfile): Promise<void>;
  findAgent(sub: string): Promise<AgentProfile | undefined>;
}

export interface ThreadDetailItems {
  thread: Thread;
  messages: Message[];
  drafts: Draft[];
  audit: AuditEntry[];
  notes: Note[];
}

export interface TriageUsage {
  day: string;
  mode: string;
  engine: string;
  messages: number;
  llmCalls: number;
  fallbacks: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Where a message with a channel id was stored: its thread, and its place there (the channel's time and id). */
export interface MessageRef {
  threadId: string;
  externalId: string;
  sentAt: string;
  /** Set once the message went through triage completely; a later delivery of it is then skipped at once. */
  done?: boolean;
}

/** What travels with a queue message besides its body. */
export interface PublishOptions {
  /** The id of the request that caused the message (webhook, SES mail, API call), for following it in the logs. */
  correlationId?: string;
}

/** Puts normalised events on the inbound queue. */
export interface EventPublisher {
  publish(events: InboundEvent[], options?: PublishOptions): Promise<void>;
}

export type { InboundMessage };

/** Object storage for raw mail, attachments and big bodies: S3 in AWS, an S3 emulator locally. */
export interface BlobStore {
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** Throws NotFoundError when there is no object at `key`. */
  get(key: string): Promise<Uint8Array>;
  /** Keys under a prefix (up to `max`). */
  list(prefix: string, max?: number): Promise<string[]>;
  /** A short-lived URL that downloads the object as an attachment named `filename` (S3: presigned GET); NotFoundError when there is none. */
  downloadUrl?(key: string, options: { filename: string; expiresInSeconds: number }): Promise<string>;
}

/** What a sender needs to deliver one reply on the customer's channel. */
export interface OutboundMessage {
  channel: Channel;
  to: Contact;
  text: string;
  /** The business account to send from (WhatsApp phone-number id, page id). */
  businessId?: string;
  /** Messenger/Instagram message tag, when the 24-hour window has passed (HUMAN_AGENT, up to 7 days). */
  tag?: 'HUMAN_AGENT';
  /** WhatsApp: send this approved template instead of free text (outside the 24-hour window). */
  template?: { name: string; language: string; parameters: string[] };
  email?: {
    subject: string;
    messageId: string;
    inReplyTo?: string;
    references: string[];
  };
}

export interface Sender {
  /** Delivers one message; answers the channel's id for it. Throws ProviderError on refusal. */
  send(message: OutboundMessage): Promise<{ providerMessageId: string }>;
}

export interface SendJobPublisher {
  publish(job: SendJob, options?: PublishOptions): Promise<void>;
}

/** Copies a customer's media from the channel into our object store; answers the reference with its key. */
export interface MediaArchive {
  archive(channel: Channel, media: MediaRef): Promise<MediaRef>;
}
