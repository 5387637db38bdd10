import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { ProviderError, sendJobSchema, type SendJob } from '../../shared/domain/index.js';
import { createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import type { SendOutcome } from '../../shared/use-cases/send-reply.js';

export interface SendHandlerDeps {
  send: (job: SendJob) => Promise<SendOutcome>;
  /** Pushes a record's next delivery back (exponential back-off); answers the delay in seconds. */
  retryLater: (record: SQSRecord) => Promise<number>;
  logger: Logger;
}

/**
 * The send worker: one approved draft per SQS record, failures reported per record. A provider that answered
 * 429 or 5xx is asked again after a back-off, not at once; other refusals were settled on the draft already.
 */
export function createSendHandler(deps: SendHandlerDeps) {
  return createSqsBatchHandler(sendJobSchema, async (job, record) => {
    try {
      const outcome = await deps.send(job);
      deps.logger.info('send job done', { sqsMessageId: record.messageId, ...job, outcome });
      return outcome;
    } catch (error) {
      const delay = error instanceof ProviderError && error.retryable ? await deps.retryLater(record).catch(() => undefined) : undefined;
      deps.logger.warn('send job failed; SQS will deliver it again', { sqsMessageId: record.messageId, ...job, retryInSeconds: delay, error: error as Error });
      throw error;
    }
  });
}
