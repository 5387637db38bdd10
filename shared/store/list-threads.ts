import type { DynamoDBDocumentClient, NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isOpen, threadSchema, type Thread, type ThreadPage, type ThreadQuery } from '../domain/index.js';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.js';
import { translateDynamoError } from './errors.js';
import { QUEUE_CLOSED, QUEUE_OPEN } from './keys.js';

type Item = Record<string, NativeAttributeValue>;

/** A sparse filter may need many queries to fill a page; past this, the page is returned short with a cursor. */
const MAX_QUERIES_PER_PAGE = 25;

/**
 * The worklist: GSI1, open partition (then closed for `status=all`), most urgent first. Priority narrows the
 * key condition; status, category and channel are filters, so a page may take several queries to fill.
 */
export async function listThreadPage(db: DynamoDBDocumentClient, tableName: string, query: ThreadQuery): Promise<ThreadPage> {
  const partitions = query.status === 'all' ? [QUEUE_OPEN, QUEUE_CLOSED] : [query.status && !isOpen(query.status) ? QUEUE_CLOSED : QUEUE_OPEN];
  const fingerprint = queryFingerprint({ status: query.status, priority: query.priority, category: query.category, channel: query.channel });
  const cursor = query.cursor ? decodeCursor(query.cursor, partitions.length, fingerprint) : { partition: 0, key: undefined };
  const filter = buildFilter(query);
  const threads: Thread[] = [];
  let { partition } = cursor;
  let startKey: Item | undefined = cursor.key;
  for (let calls = 0; calls < MAX_QUERIES_PER_PAGE && partition < partitions.length; calls++) {
    const out = await run(
      () =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: query.priority ? 'gsi1pk = :p AND begins_with(gsi1sk, :prio)' : 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': partitions[partition], ...(query.priority ? { ':prio': `${query.priority}#` } : {}), ...filter.values },
            ...(filter.expression ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names } : {}),
            Limit: query.limit - threads.length,
            ExclusiveStartKey: startKey,
          }),
        ),
      'list threads',
    );
    threads.push(...(out.Items ?? []).map((item) => threadSchema.parse(item)));
    startKey = out.LastEvaluatedKey;
    if (!startKey) {
      partition += 1;
      if (threads.length >= query.limit && partition < partitions.length) return { threads, nextCursor: encodeCursor({ partition, key: undefined }, fingerprint) };
    }
    if (threads.length >= query.limit) break;
  }
  const more = partition < partitions.length;
  return { threads, nextCursor: more ? encodeCursor({ partition, key: startKey }, fingerprint) : undefined };
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
  const add = (field: 'status' | 'category' | 'channel', value: string | undefined) => {
    if (!value || value === 'all') return;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    parts.push(`#${field} = :${field}`);
  };
  add('status', query.status);
  add('category', query.category);
  add('channel', query.channel);
  return { expression: parts.length ? parts.join(' AND ') : undefined, names, values };
}
