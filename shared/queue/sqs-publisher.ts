import type { MessageAttributeValue, SendMessageBatchRequestEntry, SQSClient } from '@aws-sdk/client-sqs';
import type { EventPublisher, InboundEvent, PublishOptions } from '../domain/index.js';
import { MessageTooLargeError, QueueUnavailableError, SQS_MAX_BYTES } from './errors.js';

const MAX_ENTRIES = 10;
const ATTEMPTS = 3;

/**
 * Publishes events in batches of at most 10 entries and 256 KB, as SQS requires.
 * Entries SQS refuses inside a batch are sent again; what still fails raises a retryable error,
 * so the caller (the webhook) answers 5xx and Meta delivers again. The client may be given as a function that makes
 * it, and the SDK's command is imported on first use (the inbox API publishes only when an agent asks a new draft).
 */
export class SqsEventPublisher implements EventPublisher {
  private readonly client: () => Promise<SQSClient>;

  constructor(
    sqs: SQSClient | (() => Promise<SQSClient>),
    private readonly queueUrl: string,
  ) {
    this.client = typeof sqs === 'function' ? sqs : async () => sqs;
  }

  async publish(events: InboundEvent[], options: PublishOptions = {}): Promise<void> {
    const attributes = messageAttributes(options);
    // SQS counts attribute names, types and values toward the 256 KB of a message
    const attributeBytes = attributesSize(attributes);
    const bodies = events.map((e) => JSON.stringify(e));
    for (const body of bodies) {
      const bytes = Buffer.byteLength(body) + attributeBytes;
      if (bytes > SQS_MAX_BYTES) throw new MessageTooLargeError(bytes);
    }
    for (const batch of splitBatches(bodies, attributeBytes)) await this.sendBatch(batch, attributes);
  }

  private async sendBatch(bodies: string[], attributes: Record<string, MessageAttributeValue> | undefined): Promise<void> {
    const [sqs, { SendMessageBatchCommand }] = await Promise.all([this.client(), import('@aws-sdk/client-sqs')]);
    let pending: SendMessageBatchRequestEntry[] = bodies.map((MessageBody, i) => ({
      Id: String(i),
      MessageBody,
      ...(attributes ? { MessageAttributes: attributes } : {}),
    }));
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
      let failedIds: Set<string>;
      try {
        const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
        failedIds = new Set((out.Failed ?? []).map((f) => f.Id ?? ''));
      } catch (err) {
        if (attempt === ATTEMPTS) throw new QueueUnavailableError(`SQS refused a batch of ${pending.length} events`, { cause: err });
        failedIds = new Set(pending.map((e) => e.Id ?? ''));
      }
      pending = pending.filter((e) => failedIds.has(e.Id ?? ''));
      if (pending.length > 0 && attempt < ATTEMPTS) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
    if (pending.length > 0) throw new QueueUnavailableError(`SQS did not take ${pending.length} events after ${ATTEMPTS} tries`);
  }
}

/** The message attributes every queue message carries: the correlation id, when there is one. */
export function messageAttributes(options: PublishOptions = {}): Record<string, MessageAttributeValue> | undefined {
  return options.correlationId ? { correlationId: { DataType: 'String', StringValue: options.correlationId } } : undefined;
}

function attributesSize(attributes: Record<string, MessageAttributeValue> | undefined): number {
  return Object.entries(attributes ?? {}).reduce(
    (n, [name, v]) => n + Buffer.byteLength(name) + Buffer.byteLength(v.DataType ?? '') + Buffer.byteLength(v.StringValue ?? ''),
    0,
  );
}

/**
 * Groups bodies into batches that respect both the entry count and the total size limit; `perEntryBytes` is what
 * each entry adds besides its body (its attributes).
 */
export function splitBatches(bodies: string[], perEntryBytes = 0): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const body of bodies) {
    const bytes = Buffer.byteLength(body) + perEntryBytes;
    if (current.length === MAX_ENTRIES || (current.length > 0 && size + bytes > SQS_MAX_BYTES)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(body);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
