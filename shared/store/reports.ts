import type { DynamoDBDocumentClient, NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { feedbackSchema, type Feedback, type TriageResult, type TriageUsage } from '../domain/index.js';
import { isConditionFailed, translateDynamoError } from './errors.js';
import { FEEDBACK_PARTITION, keys, TRIAGE_USAGE_PARTITION } from './keys.js';

type Item = Record<string, NativeAttributeValue>;

/** Agents' feedback and triage usage: small partitions written a trickle at a time, read by reports. */
export async function putFeedbackItem(db: DynamoDBDocumentClient, tableName: string, feedback: Feedback): Promise<void> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.feedback(feedback.at, feedback.threadId, feedback.kind), entity: 'feedback', ...feedback },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    if (!isConditionFailed(err)) throw translateDynamoError(err, 'put feedback');
  }
}

/** Newest first. One partition: feedback is a trickle (a few per agent per hour), far below its write limit. */
export async function listFeedbackItems(db: DynamoDBDocumentClient, tableName: string, limit: number): Promise<Feedback[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const out = await run(
      () =>
        db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': FEEDBACK_PARTITION },
            ScanIndexForward: false,
            ExclusiveStartKey: startKey,
            Limit: limit - items.length,
          }),
        ),
      'list feedback',
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey && items.length < limit);
  return items.map((i) => feedbackSchema.parse(i));
}

/** One item per day, mode and engine, with atomic counters (ADD): messages, LLM calls, fallbacks, tokens, cost. */
export async function addTriageUsageItem(db: DynamoDBDocumentClient, tableName: string, day: string, mode: string, triage: TriageResult): Promise<void> {
  const llm = triage.llm;
  await run(
    () =>
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.triageUsage(day, mode, triage.engine),
          UpdateExpression:
            'SET entity = :e, #day = :day, #mode = :mode, engine = :engine ADD messages :one, llmCalls :called, fallbacks :fb, inputTokens :in, outputTokens :out, costMicroUsd :cost',
          ExpressionAttributeNames: { '#day': 'day', '#mode': 'mode' },
          ExpressionAttributeValues: {
            ':e': 'triageUsage',
            ':day': day,
            ':mode': mode,
            ':engine': triage.engine,
            ':one': 1,
            ':called': llm && !llm.fallback ? 1 : 0,
            ':fb': llm?.fallback ? 1 : 0,
            ':in': llm?.inputTokens ?? 0,
            ':out': llm?.outputTokens ?? 0,
            ':cost': Math.round((llm?.costUsd ?? 0) * 1e6),
          },
        }),
      ),
    'add triage usage',
  );
}

export async function listTriageUsageItems(db: DynamoDBDocumentClient, tableName: string, fromDay: string): Promise<TriageUsage[]> {
  const out = await run(
    () =>
      db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          ExpressionAttributeValues: { ':pk': TRIAGE_USAGE_PARTITION, ':from': fromDay },
        }),
      ),
    'list triage usage',
  );
  return (out.Items ?? []).map((i) => ({
    day: i.day,
    mode: i.mode,
    engine: i.engine,
    messages: i.messages ?? 0,
    llmCalls: i.llmCalls ?? 0,
    fallbacks: i.fallbacks ?? 0,
    inputTokens: i.inputTokens ?? 0,
    outputTokens: i.outputTokens ?? 0,
    costUsd: (i.costMicroUsd ?? 0) / 1e6,
  }));
}

async function run<T>(call: () => Promise<T>, what: string): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw translateDynamoError(err, what);
  }
}
