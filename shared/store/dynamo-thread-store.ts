import type { DynamoDBDocumentClient, NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  auditEntrySchema,
  ConflictError,
  draftSchema,
  messageSchema,
  noteSchema,
  statusUpdateSchema,
  type AuditEntry,
  type Channel,
  type Draft,
  type Feedback,
  type Message,
  type MessageRef,
  type Note,
  type StatusUpdate,
  type Thread,
  type ThreadDetailItems,
  type QueueStats,
  type ThreadPage,
  type ThreadQuery,
  type ThreadStore,
  type TriageResult,
  type TriageUsage,
} from '../domain/index.js';
import { isConditionFailed, translateDynamoError } from './errors.js';
import { keys, MESSAGE_REF_TTL_DAYS, threadIndexKeys, ttlFrom } from './keys.js';
import { messageRefFromItem, threadFromItem } from './items.js';
import { listThreadPage, openQueueStats } from './list-threads.js';
import { addTriageUsageItem, listFeedbackItems, listTriageUsageItems, putFeedbackItem } from './reports.js';

type Item = Record<string, NativeAttributeValue>;

/** The single-table repository. Each write is one conditional, idempotent item write; no transactions. */
export class DynamoThreadStore implements ThreadStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async findOpenThreadId(channel: Channel, handle: string): Promise<string | undefined> {
    const item = await this.get(keys.contactRoute(channel, handle), 'find open thread');
    return item?.threadId as string | undefined;
  }

  async claimOpenThread(channel: Channel, handle: string, threadId: string): Promise<string> {
    const created = await this.putIfAbsent({ ...keys.contactRoute(channel, handle), entity: 'contactRoute', threadId }, 'claim contact route');
    if (created) return threadId;
    const winner = await this.findOpenThreadId(channel, handle);
    if (!winner) throw new ConflictError(`contact route for ${channel} vanished while claiming it`);
    return winner;
  }

  async replaceOpenThread(channel: Channel, handle: string, staleThreadId: string, threadId: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.contactRoute(channel, handle), entity: 'contactRoute', threadId },
          ConditionExpression: 'threadId = :stale',
          ExpressionAttributeValues: { ':stale': staleThreadId },
        }),
      );
      return threadId;
    } catch (err) {
      if (!isConditionFailed(err)) throw translateDynamoError(err, 'replace contact route');
      return (await this.findOpenThreadId(channel, handle)) ?? this.claimOpenThread(channel, handle, threadId);
    }
  }

  async findThreadByEmailIds(messageIds: string[]): Promise<string | undefined> {
    const unique = [...new Set(messageIds)].slice(0, 100);
    if (unique.length === 0) return undefined;
    const found = new Map<string, string>();
    let pending: Item[] | undefined = unique.map((id) => keys.emailRoute(id));
    for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
      const request: Item[] = pending;
      const out = await this.run(
        () => this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: request, ConsistentRead: true } } })),
        'find thread by email ids',
      );
      for (const item of out.Responses?.[this.tableName] ?? []) found.set(item.pk as string, item.threadId as string);
      pending = out.UnprocessedKeys?.[this.tableName]?.Keys;
    }
    for (const id of unique) {
      const threadId = found.get(keys.emailRoute(id).pk);
      if (threadId) return threadId;
    }
    return undefined;
  }

  async putEmailRoute(messageId: string, threadId: string): Promise<void> {
    await this.putIfAbsent({ ...keys.emailRoute(messageId), entity: 'emailRoute', threadId }, 'put email route');
  }

  async getThread(threadId: string): Promise<Thread | undefined> {
    const item = await this.get(keys.thread(threadId), 'get thread');
    return item ? threadFromItem(item) : undefined;
  }

  async saveThread(thread: Thread, expectedVersion: number): Promise<void> {
    if (expectedVersion === 0) {
      // the contact's history entry first: a crash between the two leaves an entry without a thread, which readers skip
      const history = keys.contactThread(thread.channel, thread.contact.handle, thread.id);
      await this.run(
        () => this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...history, entity: 'contact-thread', threadId: thread.id } })),
        'put contact history',
      );
    }
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#v = :expected', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.thread(thread.id), entity: 'thread', ...threadIndexKeys(thread), ...thread },
          ...condition,
        }),
      );
    } catch (err) {
      if (isConditionFailed(err)) throw new ConflictError(`thread ${thread.id} changed since version ${expectedVersion}`);
      throw translateDynamoError(err, 'save thread');
    }
  }

  putMessageOnce(message: Message): Promise<boolean> {
    return this.putIfAbsent({ ...keys.message(message.threadId, message.sentAt, message.externalId), entity: 'message', ...message }, 'put message');
  }

  putDraftOnce(draft: Draft): Promise<boolean> {
    return this.putIfAbsent({ ...keys.draft(draft.threadId, draft.id), entity: 'draft', ...draft }, 'put draft');
  }

  async findMessageRef(channel: Channel, externalId: string): Promise<MessageRef | undefined> {
    const item = await this.get(keys.messageRef(channel, externalId), 'find message ref');
    return item ? messageRefFromItem(item, externalId) : undefined;
  }

  async putMessageRef(channel: Channel, ref: MessageRef): Promise<void> {
    const item = { ...keys.messageRef(channel, ref.externalId), entity: 'messageRef', ...ref, ttl: ttlFrom(this.now(), MESSAGE_REF_TTL_DAYS) };
    await this.run(() => this.db.send(new PutCommand({ TableName: this.tableName, Item: item })), 'put message ref');
  }

  async recordDeliveryStatus(ref: MessageRef, update: StatusUpdate): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.message(ref.threadId, ref.sentAt, ref.externalId),
          // Keeps the first time each receipt was seen, so Meta's retries change nothing.
          UpdateExpression: 'SET statuses.#s = if_not_exists(statuses.#s, :at)' + (update.errors ? ', deliveryErrors = :errors' : ''),
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#s': update.status },
          ExpressionAttributeValues: { ':at': update.at, ...(update.errors ? { ':errors': update.errors } : {}) },
        }),
      );
    } catch (err) {
      if (isConditionFailed(err)) return this.putOrphanStatus(update);
      throw translateDynamoError(err, 'record delivery status');
    }
  }

  async putOrphanStatus(update: StatusUpdate): Promise<void> {
    const item = {
      ...keys.orphanStatus(update.channel, update.externalId, update.at, update.status),
      entity: 'orphanStatus',
      ...update,
      ttl: ttlFrom(this.now(), MESSAGE_REF_TTL_DAYS),
    };
    await this.run(() => this.db.send(new PutCommand({ TableName: this.tableName, Item: item })), 'put orphan status');
  }

  async putNote(note: Note): Promise<void> {
    await this.putIfAbsent({ ...keys.note(note.threadId, note.at, note.author), entity: 'note', ...note }, 'put note');
  }

  putFeedback(feedback: Feedback): Promise<void> {
    return putFeedbackItem(this.db, this.tableName, feedback);
  }

  listFeedback(limit = 5000): Promise<Feedback[]> {
    return listFeedbackItems(this.db, this.tableName, limit);
  }

  addTriageUsage(day: string, mode: string, triage: TriageResult): Promise<void> {
    return addTriageUsageItem(this.db, this.tableName, day, mode, triage);
  }

  listTriageUsage(fromDay: string): Promise<TriageUsage[]> {
    return listTriageUsageItems(this.db, this.tableName, fromDay);
  }

  async findOrphanStatuses(channel: Channel, externalId: string): Promise<StatusUpdate[]> {
    const items = await this.queryPartition(keys.orphanStatus(channel, externalId, '', '').pk, 'find orphan statuses');
    return items.map((item) => statusUpdateSchema.parse(item));
  }

  listThreads(query: ThreadQuery): Promise<ThreadPage> {
    return listThreadPage(this.db, this.tableName, query);
  }

  openQueueStats(now: Date): Promise<QueueStats> {
    return openQueueStats(this.db, this.tableName, now);
  }

  async listContactThreads(channel: Channel, handle: string, limit: number): Promise<Thread[]> {
    const { pk } = keys.contactRoute(channel, handle);
    const out = await this.run(
      () =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
            ExpressionAttributeValues: { ':pk': pk, ':t': 'THREAD#' },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      'list contact threads',
    );
    const ids = (out.Items ?? []).map((item) => String(item.threadId));
    if (!ids.length) return [];
    const found: Item[] = [];
    let pending: Item[] | undefined = ids.map((id) => keys.thread(id));
    for (let attempt = 0; pending?.length && attempt < 3; attempt++) {
      const request: Item[] = pending;
      const got = await this.run(() => this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: request } } })), 'get contact threads');
      found.push(...(got.Responses?.[this.tableName] ?? []));
      pending = got.UnprocessedKeys?.[this.tableName]?.Keys;
    }
    // a history entry written just before a thread creation that then failed names no thread; it is skipped
    const byId = new Map(found.map((item) => [String(item.id), threadFromItem(item)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async getDraft(threadId: string, draftId: string): Promise<Draft | undefined> {
    const item = await this.get(keys.draft(threadId, draftId), 'get draft');
    return item ? draftSchema.parse(item) : undefined;
  }

  async updateDraft(draft: Draft, expected: { version: number; state: Draft['state'] }): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.draft(draft.threadId, draft.id), entity: 'draft', ...draft },
          ConditionExpression: '#v = :v AND #s = :s',
          ExpressionAttributeNames: { '#v': 'version', '#s': 'state' },
          ExpressionAttributeValues: { ':v': expected.version, ':s': expected.state },
        }),
      );
    } catch (err) {
      if (isConditionFailed(err)) throw new ConflictError(`draft ${draft.id} is no longer ${expected.state} at version ${expected.version}`);
      throw translateDynamoError(err, 'update draft');
    }
  }

  async putAudit(entry: AuditEntry): Promise<void> {
    await this.putIfAbsent({ ...keys.audit(entry.threadId, entry.at, entry.action), entity: 'audit', ...entry }, 'put audit entry');
  }

  async getThreadDetail(threadId: string): Promise<ThreadDetailItems | undefined> {
    const items = await this.queryPartition(keys.thread(threadId).pk, 'get thread detail');
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return undefined;
    return {
      thread: threadFromItem(meta),
      messages: items.filter((i) => i.entity === 'message').map((i) => messageSchema.parse(i)),
      drafts: items.filter((i) => i.entity === 'draft').map((i) => draftSchema.parse(i)),
      audit: items.filter((i) => i.entity === 'audit').map((i) => auditEntrySchema.parse(i)),
      notes: items.filter((i) => i.entity === 'note').map((i) => noteSchema.parse(i)),
    };
  }

  /** Every item of one partition, page after page, read consistently. */
  private async queryPartition(pk: string, what: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const out = await this.run(
        () =>
          this.db.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': pk },
              ExclusiveStartKey: startKey,
              ConsistentRead: true,
            }),
          ),
        what,
      );
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  private async get(key: Item, what: string): Promise<Item | undefined> {
    const out = await this.run(() => this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true })), what);
    return out.Item;
  }

  private async putIfAbsent(item: Item, what: string): Promise<boolean> {
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (err) {
      if (isConditionFailed(err)) return false;
      throw translateDynamoError(err, what);
    }
  }

  private async run<T>(call: () => Promise<T>, what: string): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw translateDynamoError(err, what);
    }
  }
}
