import type { Logger } from '@aws-lambda-powertools/logger';
import { correlatedLogger } from '../../shared/observability/correlation.js';
import { correlationIdOf, createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import { trainingRequestSchema, type TrainingJob, type TrainingRequest } from '../../shared/triage/local/training-jobs.js';

export interface TrainHandlerDeps {
  run: (request: TrainingRequest) => Promise<TrainingJob | undefined>;
  logger: Logger;
}

/** The training worker: one request per SQS record (an upload, a retrain asked for, or the schedule's retrain). */
export function createTrainHandler(deps: TrainHandlerDeps) {
  return createSqsBatchHandler(trainingRequestSchema, async (request, record) => {
    const logger = correlatedLogger(deps.logger, correlationIdOf(record));
    try {
      const job = await deps.run(request);
      logger.info('training request handled', { sqsMessageId: record.messageId, jobId: job?.id, status: job?.status ?? 'nothing to do' });
      return job;
    } catch (error) {
      logger.error('training request failed; SQS will deliver it again', {
        sqsMessageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  });
}
