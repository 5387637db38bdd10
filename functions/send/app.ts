import type { Logger } from '@aws-lambda-powertools/logger';
import { sendJobSchema, type SendJob } from '../../shared/domain/index.js';
import { createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import type { SendOutcome } from '../../shared/use-cases/send-reply.js';

/** The send worker: one approved draft per SQS record, failures reported per record. */
export function createSendHandler(deps: { send: (job: SendJob) => Promise<SendOutcome>; logger: Logger }) {
  return createSqsBatchHandler(sendJobSchema, async (job, record) => {
    try {
      const outcome = await deps.send(job);
      deps.logger.info('send job done', { sqsMessageId: record.messageId, ...job, outcome });
      return outcome;
    } catch (error) {
      deps.logger.warn('send job failed; SQS will deliver it again', { sqsMessageId: record.messageId, ...job, error: error as Error });
      throw error;
    }
  });
}
