import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSRecord } from 'aws-lambda';
import { correlatedLogger } from '../../shared/observability/correlation.js';
import { recordSendOutcome } from '../../shared/observability/metrics.js';
import { ProviderError, sendJobSchema, type SendJob } from '../../shared/domain/index.js';
import { correlationIdOf, createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import type { SendOutcome } from '../../shared/use-cases/send-reply.js';

export interface SendHandlerDeps {
  send: (job: SendJob) => Promise<SendOutcome>;
  /** Pushes a record's next delivery back (exponential back-off); answers the delay in seconds. */
  retryLater: (record: SQSRecord) => Promise<number>;
  logger: Logger;
  /** SendsSucceeded / SendsFailed; flushed by the Lambda entry once per invocation. */
  metrics?: Metrics;
}

/**
 * The send worker: one approved draft per SQS record, failures reported per record. A provider that answered
 * 429 or 5xx is asked again after a back-off, not at once; other refusals were settled on the draft already.
 */
export function createSendHandler(deps: SendHandlerDeps) {
  return createSqsBatchHandler(sendJobSchema, async (job, record) => {
    const logger = correlatedLogger(deps.logger, correlationIdOf(record));
    try {
      const outcome = await deps.send(job);
      if (deps.metrics) recordSendOutcome(deps.metrics, outcome);
      logger.info('send job done', { sqsMessageId: record.messageId, ...job, outcome });
      return outcome;
    } catch (error) {
      if (deps.metrics) recordSendOutcome(deps.metrics, 'retry');
      const delay = error instanceof ProviderError && error.retryable ? await deps.retryLater(record).catch(() => undefined) : undefined;
      logger.warn('send job failed; SQS will deliver it again', { sqsMessageId: record.messageId, ...job, retryInSeconds: delay, error: error as Error });
      throw error;
    }
  });
}
