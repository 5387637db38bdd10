import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { EventPublisher, InboundEvent } from '../domain/index.js';
import { MessageTooLargeError, QueueUnavailableError, SQS_MAX_BYTES } from './errors.js';

const MAX_ENTRIES = 10;
const ATTEMPTS = 3;

/**
 * Publishes events in batches of at most 10 entries and 256 KB, as SQS requires.
 * Entries SQS refuses inside a batch are sent again; what still fails raises a retryable error,
 * so the caller (the webhook) answers 5xx and Meta delivers again.
 */
export class SqsEventPublisher implements EventPublisher {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async publish(events: InboundEvent[]): Promise<void> {
    const bodies = events.map((e) => JSON.stringify(e));
    for (const body of bodies) {
      const bytes = Buffer.byteLength(body);
      if (bytes > SQS_MAX_BYTES) throw new MessageTooLargeError(bytes);
    }
    for (const batch of splitBatches(bodies)) await this.sendBatch(batch);
  }

  private async sendBatch(bodies: string[]): Promise<void> {
    let pending: SendMessageBatchRequestEntry[] = bodies.map((MessageBody, i) => ({ Id: String(i), MessageBody }));
    for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
      let failedIds: Set<string>;
      try {
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
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

/** Groups bodies into batches that respect both the entry count and the total size limit. */
export function splitBatches(bodies: string[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const body of bodies) {
    const bytes = Buffer.byteLength(body);
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
