import {
  compareMessages,
  ConflictError,
  isOpen,
  threadSchema,
  type AuditEntry,
  type Channel,
  type Draft,
  type Feedback,
  type Message,
  type MessageRef,
  type Note,
  type QueueStats,
  type StatusUpdate,
  type Thread,
  type ThreadDetailItems,
  type ThreadPage,
  type ThreadQuery,
  type ThreadStore,
  type TriageResult,
  type TriageUsage,
} from '../../shared/domain/index.js';
import { decodeCursor, encodeCursor } from '../../shared/store/cursor.js';
import { worklistFingerprint, worklistPartitions } from '../../shared/store/list-threads.js';
import { foldForSearch, QUEUE_OPEN, threadIndexKeys } from '../../shared/store/keys.js';

/**
 * The whole ThreadStore in memory, for the fast unit layer. It passes the same contract suite as the DynamoDB store
 * (test/contract/thread-store.contract.ts), so a use case tested against it meets the same rules: conditional writes,
 * version checks, first-writer-wins routes, most-urgent-first pages with cursors. Values are copied in and out, as
 * they would be by a database.
 */
export class MemoryThreadStore implements ThreadStore {
  private readonly threads = new Map<string, Thread>();
  private readonly contactRoutes = new Map<string, string>();
  private readonly contactHistory = new Map<string, Set<string>>();
  private readonly emailRoutes = new Map<string, string>();
  private readonly messages = new Map<string, Message>();
  private readonly refs = new Map<string, MessageRef>();
  private readonly orphans = new Map<string, StatusUpdate>();
  private readonly drafts = new Map<string, Draft>();
  private readonly audit = new Map<string, AuditEntry>();
  private readonly notes = new Map<string, Note>();
  private readonly feedback = new Map<string, Feedback>();
  private readonly usage = new Map<string, TriageUsage>();

  async findOpenThreadId(channel: Channel, handle: string): Promise<string | undefined> {
    return this.contactRoutes.get(`${channel}#${handle}`);
  }

  async claimOpenThread(channel: Channel, handle: string, threadId: string): Promise<string> {
    const key = `${channel}#${handle}`;
    if (!this.contactRoutes.has(key)) this.contactRoutes.set(key, threadId);
    return this.contactRoutes.get(key)!;
  }

  async replaceOpenThread(channel: Channel, handle: string, staleThreadId: string, threadId: string): Promise<string> {
    const key = `${channel}#${handle}`;
    const current = this.contactRoutes.get(key);
    // the stale route moves; a route that vanished meanwhile is claimed (as the DynamoDB store does)
    if (current === staleThreadId || current === undefined) this.contactRoutes.set(key, threadId);
    return this.contactRoutes.get(key)!;
  }

  async findThreadByEmailIds(messageIds: string[]): Promise<string | undefined> {
    for (const id of messageIds) {
      const threadId = this.emailRoutes.get(id);
      if (threadId) return threadId;
    }
    return undefined;
  }

  async putEmailRoute(messageId: string, threadId: string): Promise<void> {
    if (!this.emailRoutes.has(messageId)) this.emailRoutes.set(messageId, threadId);
  }

  async getThread(threadId: string): Promise<Thread | undefined> {
    return copy(this.threads.get(threadId));
  }

  async saveThread(thread: Thread, expectedVersion: number): Promise<void> {
    const current = this.threads.get(thread.id);
    if (expectedVersion === 0) {
      const history = `${thread.channel}#${thread.contact.handle}`;
      this.contactHistory.set(history, (this.contactHistory.get(history) ?? new Set()).add(thread.id));
      if (current) throw new ConflictError(`thread ${thread.id} changed since version 0`);
    } else if (current?.version !== expectedVersion) {
      throw new ConflictError(`thread ${thread.id} changed since version ${expectedVersion}`);
    }
    this.threads.set(thread.id, threadSchema.parse(copy(thread)));
  }

  async getThreadDetail(threadId: string): Promise<ThreadDetailItems | undefined> {
    const thread = this.threads.get(threadId);
    if (!thread) return undefined;
    const of = <T extends { threadId: string }>(items: Map<string, T>) =>
      [...items.entries()]
        .filter(([, v]) => v.threadId === threadId)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, v]) => copy(v));
    return {
      thread: copy(thread),
      messages: of(this.messages).sort(compareMessages),
      drafts: of(this.drafts),
      audit: of(this.audit),
      notes: of(this.notes),
    };
  }

  async putMessageOnce(message: Message): Promise<boolean> {
    return putIfAbsent(this.messages, `${message.threadId}#${message.sentAt}#${message.externalId}`, message);
  }

  async findMessageRef(channel: Channel, externalId: string): Promise<MessageRef | undefined> {
    return copy(this.refs.get(`${channel}#${externalId}`));
  }

  async putMessageRef(channel: Channel, ref: MessageRef): Promise<void> {
    this.refs.set(`${channel}#${ref.externalId}`, copy(ref));
  }

  async recordDeliveryStatus(ref: MessageRef, update: StatusUpdate): Promise<void> {
    const message = this.messages.get(`${ref.threadId}#${ref.sentAt}#${ref.externalId}`);
    if (!message) return this.putOrphanStatus(update);
    message.statuses = { ...message.statuses, [update.status]: message.statuses[update.status] ?? update.at };
    if (update.errors) Object.assign(message, { deliveryErrors: copy(update.errors) });
  }

  async putOrphanStatus(update: StatusUpdate): Promise<void> {
    this.orphans.set(`${update.channel}#${update.externalId}#${update.at}#${update.status}`, copy(update));
  }

  async findOrphanStatuses(channel: Channel, externalId: string): Promise<StatusUpdate[]> {
    return [...this.orphans.entries()]
      .filter(([, u]) => u.channel === channel && u.externalId === externalId)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, u]) => copy(u));
  }

  async getDraft(threadId: string, draftId: string): Promise<Draft | undefined> {
    return copy(this.drafts.get(`${threadId}#${draftId}`));
  }

  async putDraftOnce(draft: Draft): Promise<boolean> {
    return putIfAbsent(this.drafts, `${draft.threadId}#${draft.id}`, draft);
  }

  async updateDraft(draft: Draft, expected: { version: number; state: Draft['state'] }): Promise<void> {
    const key = `${draft.threadId}#${draft.id}`;
    const current = this.drafts.get(key);
    if (current?.version !== expected.version || current.state !== expected.state) {
      throw new ConflictError(`draft ${draft.id} is no longer ${expected.state} at version ${expected.version}`);
    }
    this.drafts.set(key, copy(draft));
  }

  async putAudit(entry: AuditEntry): Promise<void> {
    putIfAbsent(this.audit, `${entry.threadId}#${entry.at}#${entry.action}`, entry);
  }

  async putNote(note: Note): Promise<void> {
    putIfAbsent(this.notes, `${note.threadId}#${note.at}#${note.author}`, note);
  }

  async putFeedback(feedback: Feedback): Promise<void> {
    putIfAbsent(this.feedback, `${feedback.at}#${feedback.threadId}#${feedback.kind}`, feedback);
  }

  async listFeedback(limit = 5000): Promise<Feedback[]> {
    return [...this.feedback.entries()]
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .slice(0, limit)
      .map(([, f]) => copy(f));
  }

  async addTriageUsage(day: string, mode: string, triage: TriageResult): Promise<void> {
    const key = `${day}#${mode}#${triage.engine}`;
    const current = this.usage.get(key) ?? {
      day,
      mode,
      engine: triage.engine,
      messages: 0,
      llmCalls: 0,
      fallbacks: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
    };
    const llm = triage.llm;
    this.usage.set(key, {
      ...current,
      messages: current.messages + 1,
      llmCalls: current.llmCalls + (llm && !llm.fallback ? 1 : 0),
      fallbacks: current.fallbacks + (llm?.fallback ? 1 : 0),
      inputTokens: current.inputTokens + (llm?.inputTokens ?? 0),
      outputTokens: current.outputTokens + (llm?.outputTokens ?? 0),
      // the table keeps micro-dollars as integers
      costUsd: (Math.round(current.costUsd * 1e6) + Math.round((llm?.costUsd ?? 0) * 1e6)) / 1e6,
    });
  }

  async listTriageUsage(fromDay: string): Promise<TriageUsage[]> {
    return [...this.usage.entries()]
      .filter(([key]) => key >= fromDay)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, u]) => ({ ...u }));
  }

  async listThreads(query: ThreadQuery): Promise<ThreadPage> {
    const partitions = worklistPartitions(query).map((p) => p === QUEUE_OPEN);
    const fingerprint = worklistFingerprint(query);
    const cursor = query.cursor ? decodeCursor(query.cursor, partitions.length, fingerprint) : { partition: 0, key: undefined };
    const words = foldForSearch(query.search ?? '')
      .split(' ')
      .filter(Boolean)
      .slice(0, 8);
    const matches = (t: Thread, index: Record<string, string>) =>
      (!query.status || ['all', 'closed'].includes(query.status) || t.status === query.status) &&
      (!query.priority || t.priority === query.priority) &&
      (!query.category || t.category === query.category) &&
      (!query.channel || t.channel === query.channel) &&
      (!query.language || t.language === query.language) &&
      (query.assignee === undefined || (query.assignee === 'none' ? !t.assignee : t.assignee === query.assignee)) &&
      (!query.dueBefore || t.slaDueAt < query.dueBefore) &&
      (!query.visibleTo || !t.assignee || t.assignee === query.visibleTo) &&
      words.every((w) => index.searchText!.includes(w));
    const rows = partitions.flatMap((open, partition) =>
      [...this.threads.values()]
        .map((t) => ({ t, index: threadIndexKeys(t), partition }))
        .filter(({ t, index }) => isOpen(t.status) === open && matches(t, index))
        .sort((a, b) => (a.index.gsi1sk! < b.index.gsi1sk! ? -1 : 1)),
    );
    const after = (r: (typeof rows)[number]) =>
      r.partition > cursor.partition || (r.partition === cursor.partition && (!cursor.key || r.index.gsi1sk! > cursor.key.gsi1sk!));
    const start = rows.findIndex(after);
    const page = start < 0 ? [] : rows.slice(start, start + query.limit);
    const last = page[page.length - 1];
    const more = start >= 0 && start + query.limit < rows.length;
    return {
      threads: page.map((r) => copy(r.t)),
      nextCursor: more && last ? encodeCursor({ partition: last.partition, key: { gsi1sk: last.index.gsi1sk! } }, fingerprint) : undefined,
    };
  }

  async openQueueStats(now: Date): Promise<QueueStats> {
    const groups = new Map<string, QueueStats['groups'][number]>();
    for (const t of this.threads.values()) {
      if (!isOpen(t.status)) continue;
      const group = { assignee: t.assignee, status: t.status, priority: t.priority, overdue: t.slaDueAt < now.toISOString() };
      const key = JSON.stringify(group);
      groups.set(key, { ...group, count: (groups.get(key)?.count ?? 0) + 1 });
    }
    return { groups: [...groups.values()], capped: false };
  }

  async listContactThreads(channel: Channel, handle: string, limit: number): Promise<Thread[]> {
    const ids = [...(this.contactHistory.get(`${channel}#${handle}`) ?? [])].sort().reverse().slice(0, limit);
    return ids.flatMap((id) => (this.threads.has(id) ? [copy(this.threads.get(id)!)] : []));
  }
}

function putIfAbsent<T>(items: Map<string, T>, key: string, value: T): boolean {
  if (items.has(key)) return false;
  items.set(key, copy(value));
  return true;
}

function copy<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}
