import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { SQS_MAX_BYTES } from './errors.js';

const MAX_ENTRIES = 10;

export interface RedriveOptions {
  /** The DLQ to take messages from. */
  readonly from: string;
  /** The queue to put them back on: normally the one whose redrive policy names `from`. */
  readonly to: string;
  /** Take at most this many messages from the DLQ. @default all of them */
  readonly max?: number;
  /** Count what would move and move nothing; the messages counted are visible again when it returns. */
  readonly dryRun?: boolean;
  /**
   * How long a message taken from the DLQ stays invisible there: long enough to send and delete it, and it is how
   * long a message that could not be sent waits before it shows in the DLQ again. @default 60
   */
  readonly visibilityTimeoutSeconds?: number;
  /** Long poll of each receive; SQS then asks all its servers, so an empty answer means an empty queue. @default 1 */
  readonly waitTimeSeconds?: number;
  /** Redrive even though `to` sends its failures to another DLQ than `from` (a likely mix-up of URLs). */
  readonly force?: boolean;
}

export interface RedriveFailure {
  readonly messageId: string;
  readonly code: string;
  readonly message?: string;
}

export interface RedriveResult {
  readonly dryRun: boolean;
  /** Messages taken from the DLQ (in a dry run: counted). */
  received: number;
  /** Sent to `to` and deleted from the DLQ. */
  moved: number;
  /** Not taken by SendMessageBatch: still in the DLQ, visible again after the visibility timeout. */
  readonly failed: RedriveFailure[];
  /** Sent, but the DLQ refused to delete them: they are on both queues now and may be processed twice. */
  readonly notDeleted: RedriveFailure[];
  /** Why the run stopped before the DLQ was empty or `max` was reached (a whole request failed). */
  stoppedBy?: string;
}

/** Refused before anything moved: bad options, a missing queue, or `to` does not feed `from`. */
export class RedriveRefusedError extends Error {}

/**
 * Moves messages from a DLQ back to the queue they failed on, as SQS's StartMessageMoveTask does in AWS, but with
 * plain receive, send and delete calls, so it also works against the local emulator: receive up to 10, send them
 * with SendMessageBatch (body and message attributes kept), delete from the DLQ only the ones SQS took. A message
 * SQS refused stays in the DLQ. Stops when the DLQ is empty, `max` messages were taken, or a whole request failed.
 *
 * At least once, like SQS itself: a message sent whose delete then fails is on both queues (`notDeleted`).
 * Standard queues only (Balie has no FIFO queues).
 */
export async function redrive(sqs: SQSClient, options: RedriveOptions): Promise<RedriveResult> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max > 0)))
    throw new RedriveRefusedError(`max must be a positive whole number, got ${max}`);
  if (options.from === options.to) throw new RedriveRefusedError('from and to are the same queue');
  if (options.to.endsWith('.fifo') || options.from.endsWith('.fifo')) throw new RedriveRefusedError('FIFO queues are not supported');
  await checkPair(sqs, options);

  const result: RedriveResult = { dryRun: options.dryRun ?? false, received: 0, moved: 0, failed: [], notDeleted: [] };
  await drain(sqs, options, result, async (fresh) => {
    await moveBatch(sqs, options, fresh, result);
    return result.stoppedBy === undefined;
  });
  return result;
}

/** What drain needs of a run's options. */
type DrainOptions = Pick<RedriveOptions, 'from' | 'max' | 'dryRun' | 'visibilityTimeoutSeconds' | 'waitTimeSeconds'>;

/**
 * Receives from `options.from` up to 10 at a time until it is empty or `max` messages were taken, and hands each
 * batch of fresh messages to `handle` (which says whether to go on); in a dry run it only counts them, and gives
 * them back at the end.
 */
async function drain(sqs: SQSClient, options: DrainOptions, result: { received: number }, handle: (fresh: Message[]) => Promise<boolean>): Promise<void> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const visibilityTimeout = options.visibilityTimeoutSeconds ?? 60;
  // Every message taken this run. One seen again is a message that could not be handled (or, in a dry run, was
  // counted) whose visibility timeout ran out: it is not taken twice, and a receive of only such messages ends the run.
  const seen = new Set<string>();
  const counted: Message[] = [];

  try {
    while (result.received < max) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.from,
          MaxNumberOfMessages: Math.min(MAX_ENTRIES, max - result.received),
          MessageAttributeNames: ['All'],
          VisibilityTimeout: visibilityTimeout,
          WaitTimeSeconds: options.waitTimeSeconds ?? 1,
        }),
      );
      // One answer never holds a message twice in SQS, but the emulator's can (its long poll outlasts a short
      // visibility timeout); keep the last copy, whose receipt handle is the current one.
      const fresh = [...new Map(Messages.filter((m) => !seen.has(m.MessageId!)).map((m) => [m.MessageId!, m])).values()];
      if (fresh.length === 0) break;
      for (const m of fresh) seen.add(m.MessageId!);
      result.received += fresh.length;
      if (options.dryRun) counted.push(...fresh);
      else if (!(await handle(fresh))) break;
    }
  } finally {
    // a dry run gives back what it counted at once, rather than after the visibility timeout
    if (counted.length > 0) await release(sqs, options.from, counted);
  }
}

export interface ReplayOptions extends DrainOptions {
  /**
   * Invokes the function again with the event it failed on (synchronously); resolves with an error text when the
   * invocation failed, undefined when it succeeded.
   */
  readonly invoke: (payload: unknown, functionArn: string) => Promise<string | undefined>;
}

export interface ReplayResult {
  readonly dryRun: boolean;
  /** Messages taken from the DLQ (in a dry run: counted). */
  received: number;
  /** Invoked successfully and deleted from the DLQ. */
  replayed: number;
  /** Not replayed (not an invocation record, or the invocation failed): still in the DLQ. */
  readonly failed: RedriveFailure[];
  /** Replayed, but the DLQ refused to delete them: a later replay invokes them again. */
  readonly notDeleted: RedriveFailure[];
}

/**
 * Replays a Lambda on-failure destination (ingest-email's DLQ): each message is Lambda's invocation record, whose
 * `requestPayload` is the event the function failed on (for ingest-email the SES event; the raw mail is still in
 * the bucket). Invokes the function named in the record with that event, one at a time, and deletes the record only
 * when the invocation succeeded; anything else stays in the DLQ. Redriving such a record to a queue would hand a
 * consumer an event it cannot read, so this is the only way back for them.
 */
export async function replayFailedInvocations(sqs: SQSClient, options: ReplayOptions): Promise<ReplayResult> {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max > 0)))
    throw new RedriveRefusedError(`max must be a positive whole number, got ${max}`);
  const result: ReplayResult = { dryRun: options.dryRun ?? false, received: 0, replayed: 0, failed: [], notDeleted: [] };
  // records are invoked one at a time, each for up to the function's timeout (ingest-email: 60 s): a batch of 10 stays
  // hidden long enough that none shows again (and ends the run) before its turn
  await drain(sqs, { visibilityTimeoutSeconds: 15 * 60, ...options }, result, async (fresh) => {
    for (const m of fresh) {
      const record = invocationRecordOf(m.Body);
      if (!record) {
        result.failed.push({ messageId: m.MessageId!, code: 'NotAnInvocationRecord', message: 'no requestPayload and requestContext.functionArn' });
        continue;
      }
      const error = await options.invoke(record.requestPayload, record.functionArn).catch((err: Error) => `${err.name}: ${err.message}`);
      if (error) {
        result.failed.push({ messageId: m.MessageId!, code: 'InvocationFailed', message: error });
        continue;
      }
      try {
        await sqs.send(new DeleteMessageCommand({ QueueUrl: options.from, ReceiptHandle: m.ReceiptHandle! }));
        result.replayed++;
      } catch (err) {
        result.notDeleted.push({ messageId: m.MessageId!, code: (err as Error).name, message: (err as Error).message });
      }
    }
    return true;
  });
  return result;
}

/** Lambda's on-failure record: `{requestContext: {functionArn, …}, requestPayload, responsePayload, …}`. */
function invocationRecordOf(body: string | undefined): { requestPayload: unknown; functionArn: string } | undefined {
  try {
    const parsed = JSON.parse(body ?? '') as { requestPayload?: unknown; requestContext?: { functionArn?: unknown } };
    const functionArn = parsed.requestContext?.functionArn;
    return parsed.requestPayload !== undefined && typeof functionArn === 'string' ? { requestPayload: parsed.requestPayload, functionArn } : undefined;
  } catch {
    return undefined;
  }
}

/** Refuses a `to` whose redrive policy names another DLQ: its messages would fail again on the wrong consumer. */
async function checkPair(sqs: SQSClient, options: RedriveOptions): Promise<void> {
  const attributes = async (url: string, names: ('QueueArn' | 'RedrivePolicy')[]) => {
    try {
      return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: names }))).Attributes ?? {};
    } catch (err) {
      throw new RedriveRefusedError(`cannot read queue ${url}: ${(err as Error).name}: ${(err as Error).message}`, { cause: err });
    }
  };
  const [from, to] = await Promise.all([attributes(options.from, ['QueueArn']), attributes(options.to, ['QueueArn', 'RedrivePolicy'])]);
  const target = to.RedrivePolicy ? (JSON.parse(to.RedrivePolicy) as { deadLetterTargetArn?: string }).deadLetterTargetArn : undefined;
  if (target && target !== from.QueueArn && !options.force) {
    throw new RedriveRefusedError(`${options.to} sends its failures to ${target}, not to ${from.QueueArn ?? options.from}; check the URLs, or pass force`);
  }
}

async function moveBatch(sqs: SQSClient, options: RedriveOptions, messages: Message[], result: RedriveResult): Promise<void> {
  const byId = new Map(messages.map((m, i) => [String(i), m]));
  const sent: Message[] = [];
  for (const entries of splitBySize(messages.map((m, i) => entryOf(String(i), m)))) {
    try {
      const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: options.to, Entries: entries }));
      for (const ok of out.Successful ?? []) sent.push(byId.get(ok.Id!)!);
      for (const failed of out.Failed ?? [])
        result.failed.push({ messageId: byId.get(failed.Id!)!.MessageId!, code: failed.Code ?? 'Unknown', message: failed.Message });
    } catch (err) {
      for (const entry of entries)
        result.failed.push({ messageId: byId.get(entry.Id!)!.MessageId!, code: (err as Error).name, message: (err as Error).message });
      result.stoppedBy = `SendMessageBatch to ${options.to} failed: ${(err as Error).name}: ${(err as Error).message}`;
    }
  }
  if (sent.length === 0) return;

  const handles = new Map(sent.map((m, i) => [String(i), m]));
  try {
    const out = await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: options.from, Entries: [...handles].map(([Id, m]) => ({ Id, ReceiptHandle: m.ReceiptHandle! })) }),
    );
    result.moved += out.Successful?.length ?? 0;
    for (const failed of out.Failed ?? [])
      result.notDeleted.push({ messageId: handles.get(failed.Id!)!.MessageId!, code: failed.Code ?? 'Unknown', message: failed.Message });
  } catch (err) {
    for (const m of sent) result.notDeleted.push({ messageId: m.MessageId!, code: (err as Error).name, message: (err as Error).message });
    result.stoppedBy = `DeleteMessageBatch on ${options.from} failed: ${(err as Error).name}: ${(err as Error).message}`;
  }
}

/** The same body and message attributes; SQS gives the copy a new message id and a receive count of 0. */
function entryOf(id: string, m: Message): SendMessageBatchRequestEntry {
  const attributes = Object.entries(m.MessageAttributes ?? {}).map(([name, v]): [string, MessageAttributeValue] => [
    name,
    {
      DataType: v.DataType,
      ...(v.StringValue !== undefined ? { StringValue: v.StringValue } : {}),
      ...(v.BinaryValue !== undefined ? { BinaryValue: v.BinaryValue } : {}),
    },
  ]);
  return { Id: id, MessageBody: m.Body ?? '', ...(attributes.length > 0 ? { MessageAttributes: Object.fromEntries(attributes) } : {}) };
}

/** SendMessageBatch takes at most 10 entries and 256 KB in all (bodies, attribute names, types and values). */
function splitBySize(entries: SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] {
  const batches: SendMessageBatchRequestEntry[][] = [];
  let current: SendMessageBatchRequestEntry[] = [];
  let size = 0;
  for (const entry of entries) {
    const bytes = sizeOf(entry);
    if (current.length > 0 && size + bytes > SQS_MAX_BYTES) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function sizeOf(entry: SendMessageBatchRequestEntry): number {
  let bytes = Buffer.byteLength(entry.MessageBody ?? '');
  for (const [name, v] of Object.entries(entry.MessageAttributes ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(v.DataType ?? '') + Buffer.byteLength(v.StringValue ?? '') + (v.BinaryValue?.byteLength ?? 0);
  }
  return bytes;
}

/** Makes messages visible again at once (ChangeMessageVisibility to 0), 10 at a time. */
async function release(sqs: SQSClient, queueUrl: string, messages: Message[]): Promise<void> {
  for (let i = 0; i < messages.length; i += MAX_ENTRIES) {
    const batch = messages.slice(i, i + MAX_ENTRIES);
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 })),
      }),
    );
  }
}
