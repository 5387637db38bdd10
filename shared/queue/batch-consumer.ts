import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { PoisonMessageError } from './errors.js';

/**
 * An SQS Lambda handler that parses each record with `schema`, processes it on its own and reports only the failed
 * ones (ReportBatchItemFailures), so one bad message never holds back its batch. A record that keeps failing is
 * moved to the DLQ by the queue's redrive policy.
 */
export function createSqsBatchHandler<S extends z.ZodType>(
  schema: S,
  handle: (body: z.infer<S>, record: SQSRecord) => Promise<unknown>,
): (event: SQSEvent, context: Context) => Promise<SQSBatchResponse> {
  const recordHandler = async (record: SQSRecord) => handle(parseBody(schema, record), record);
  // One processor per batch: a BatchProcessor keeps the batch's failures on itself, so one shared by batches handled
  // at the same time (the local poller runs several) reports another batch's failures, and the failed records of
  // this one are deleted as if they had succeeded (lost). Lambda handles one batch at a time per instance.
  return (event, context) => processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false });
}

export function parseBody<S extends z.ZodType>(schema: S, record: SQSRecord): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    throw new PoisonMessageError(`queue message ${record.messageId} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new PoisonMessageError(`queue message ${record.messageId} does not fit its queue: ${parsed.error.message}`);
  return parsed.data;
}

/** The id of the request that queued this record (the `correlationId` message attribute), if it had one. */
export function correlationIdOf(record: SQSRecord): string | undefined {
  return record.messageAttributes?.correlationId?.stringValue || undefined;
}
