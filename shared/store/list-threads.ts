import type { DynamoDBDocumentClient, NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isOpen, type QueueStats, type Thread, type ThreadPage, type ThreadQuery } from '../domain/index.js';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.js';
import { translateDynamoError } from './errors.js';
import { threadFromItem } from './items.js';
import { foldForSearch, QUEUE_CLOSED, QUEUE_OPEN } from './keys.js';

type Item = Record<string, NativeAttributeValue>;

/** A sparse filter may need many queries to fill a page; past this, the page is returned short with a cursor. */
const MAX_QUERIES_PER_PAGE = 25;

/**
 * The worklist: GSI1, open partition (then closed for `status=all`), most urgent first. Priority narrows the
 * key condition; status, category, channel, language, assignee, visibility and search are filters, so a page may
 * take several queries to fill.
 */
export async function listThreadPage(db: DynamoDBDocumentClient, tableName: string, query: ThreadQuery): Promise<ThreadPage> {
  const partitions = worklistPartitions(query);
  const fingerprint = worklistFingerprint(query);
  const cursor = query.cursor ? decodeCursor(query.cursor, partitions.length, fingerprint) : { partition: 0, key: undefined };
  const filter = buildFilter(query);
  const threads: Thread[] = [];
  let { partition } = cursor;
  let startKey: Item | undefined = cursor.key;
  for (let calls = 0; calls < MAX_QUERIES_PER_PAGE && partition < partitions.length; calls++) {
    const wanted = query.limit - threads.length;
    const out = await run(
      () =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: query.priority ? 'gsi1pk = :p AND begins_with(gsi1sk, :prio)' : 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': partitions[partition], ...(query.priority ? { ':prio': `${query.priority}#` } : {}), ...filter.values },
            ...(filter.expression ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
            // Limit counts items read before the filter: a filtered page reads a window that grows 4× per query and
            // stops at the last item it keeps, so a dense filter (an agent's own view) reads about a page, and a
            // sparse one (a search over thousands of threads) is a few queries, not hundreds.
            Limit: filter.expression ? Math.min(MAX_FILTERED_WINDOW, wanted * 2 * 4 ** calls) : wanted,
            ExclusiveStartKey: startKey,
          }),
        ),
      'list threads',
    );
    const items = out.Items ?? [];
    if (items.length > wanted) {
      const kept = items.slice(0, wanted);
      threads.push(...kept.map((item) => threadFromItem(item)));
      return { threads, nextCursor: encodeCursor({ partition, key: indexKeyOf(kept[kept.length - 1]!) }, fingerprint) };
    }
    threads.push(...items.map((item) => threadFromItem(item)));
    startKey = out.LastEvaluatedKey;
    if (!startKey) {
      partition += 1;
      if (threads.length >= query.limit && partition < partitions.length)
        return { threads, nextCursor: encodeCursor({ partition, key: undefined }, fingerprint) };
    }
    if (threads.length >= query.limit) break;
  }
  const more = partition < partitions.length;
  return { threads, nextCursor: more ? encodeCursor({ partition, key: startKey }, fingerprint) : undefined };
}

/** Which GSI1 partitions a query reads, in order: the open worklist, the closed one, or both (`status=all`). */
export function worklistPartitions(query: Pick<ThreadQuery, 'status'>): Array<typeof QUEUE_OPEN | typeof QUEUE_CLOSED> {
  if (query.status === 'all') return [QUEUE_OPEN, QUEUE_CLOSED];
  return [query.status === 'closed' || (query.status && !isOpen(query.status)) ? QUEUE_CLOSED : QUEUE_OPEN];
}

/** The filters a worklist cursor is bound to. */
export function worklistFingerprint(query: ThreadQuery): string {
  return queryFingerprint({
    status: query.status,
    priority: query.priority,
    category: query.category,
    channel: query.channel,
    language: query.language,
    assignee: query.assignee,
    search: query.search,
    // not dueBefore: the overdue view moves it to "now" on every page, and a cursor must survive that
    overdueView: query.dueBefore ? 'yes' : undefined,
    visibleTo: query.visibleTo,
  });
}

/** The most items one filtered query reads: about 1 MB of threads, DynamoDB's own page size. */
const MAX_FILTERED_WINDOW = 1000;

/** A GSI1 ExclusiveStartKey: the index key and the table key of the last item returned. */
function indexKeyOf(item: Item): Item {
  return { pk: item.pk, sk: item.sk, gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk };
}

async function run<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateDynamoError(err, what);
  }
}

function buildFilter(query: ThreadQuery): { expression?: string; names: Record<string, string>; values: Item } {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Item = {};
  const add = (field: 'status' | 'category' | 'channel' | 'language' | 'assignee', value: string | undefined) => {
    if (!value || value === 'all' || value === 'closed') return;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    parts.push(`#${field} = :${field}`);
  };
  add('status', query.status);
  add('category', query.category);
  add('channel', query.channel);
  add('language', query.language);
  if (query.assignee === 'none') {
    names['#assignee'] = 'assignee';
    parts.push('attribute_not_exists(#assignee)');
  } else add('assignee', query.assignee);
  if (query.dueBefore) {
    names['#due'] = 'slaDueAt';
    values[':due'] = query.dueBefore;
    parts.push('#due < :due');
  }
  if (query.visibleTo) {
    names['#assignee'] = 'assignee';
    values[':viewer'] = query.visibleTo;
    parts.push('(attribute_not_exists(#assignee) OR #assignee = :viewer)');
  }
  const words = foldForSearch(query.search ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  if (words.length) names['#search'] = 'searchText';
  words.forEach((word, i) => {
    values[`:w${i}`] = word;
    parts.push(`contains(#search, :w${i})`);
  });
  return { expression: parts.length ? parts.join(' AND ') : undefined, names, values };
}

const COUNT_LIMIT = 10_000;

/**
 * The open partition of GSI1 read with a small projection and grouped. It reads every open thread, so callers
 * cache it for a few seconds and share it between viewers; past COUNT_LIMIT threads the stats say they are capped.
 */
export async function openQueueStats(db: DynamoDBDocumentClient, tableName: string, now: Date): Promise<QueueStats> {
  const groups = new Map<string, QueueStats['groups'][number]>();
  const nowIso = now.toISOString();
  let startKey: Item | undefined;
  let seen = 0;
  let capped = false;
  do {
    const out = await run(
      () =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': QUEUE_OPEN },
            ProjectionExpression: '#s, priority, assignee, slaDueAt',
            ExpressionAttributeNames: { '#s': 'status' },
            ExclusiveStartKey: startKey,
          }),
        ),
      'count threads',
    );
    for (const item of out.Items ?? []) {
      seen += 1;
      const group = {
        assignee: item.assignee as string | undefined,
        status: String(item.status),
        priority: String(item.priority),
        overdue: typeof item.slaDueAt === 'string' && item.slaDueAt < nowIso,
      };
      const key = JSON.stringify(group);
      const current = groups.get(key) ?? { ...group, count: 0 };
      current.count += 1;
      groups.set(key, current);
    }
    startKey = out.LastEvaluatedKey;
    if (seen >= COUNT_LIMIT && startKey) capped = true;
  } while (startKey && !capped);
  return { groups: [...groups.values()], capped };
}
