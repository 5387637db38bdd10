import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { inboundEventSchema, type InboundEvent } from '../domain/index.js';
import { PoisonMessageError } from './errors.js';

export type EventHandler = (event: InboundEvent, record: SQSRecord) => Promise<unknown>;

/**
 * An SQS Lambda handler that processes each record on its own and reports only the failed ones
 * (ReportBatchItemFailures), so one bad message never holds back its batch. A record that keeps
 * failing is moved to the DLQ by the queue's redrive policy.
 */
export function createSqsBatchHandler(handle: EventHandler): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const processor = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord) => handle(parseEvent(record), record);
  return (event, context) => processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
}

export function parseEvent(record: SQSRecord): InboundEvent {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(`queue message ${record.messageId} is not JSON`);
  }
  const parsed = inboundEventSchema.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`queue message ${record.messageId} is not an inbound event: ${parsed.error.message}`);
  return parsed.data;
}
