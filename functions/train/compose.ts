import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { createDocumentClient } from '../../shared/config/clients.js';
import type { Observability } from '../../shared/observability/powertools.js';
import { DynamoSettingsStore } from '../../shared/store/dynamo-settings.js';
import { DynamoThreadStore } from '../../shared/store/dynamo-thread-store.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { TrainingJobs } from '../../shared/triage/local/training-jobs.js';
import { runTrainingJob } from '../../training/lib/training-job.js';
import { createTrainHandler } from './app.js';

export interface TrainWiring {
  dynamo: DynamoDBClient;
  s3: S3Client;
  tableName: string;
  modelBucket: string;
  modelPrefix: string;
  observability: Observability;
}

/** The training worker as it runs: the Lambda entry and the local stack (in a child process) both build it here. */
export function composeTrain(wiring: TrainWiring): ReturnType<typeof createTrainHandler> {
  const { logger, tracer } = wiring.observability;
  const documents = createDocumentClient(tracer.captureAWSv3Client(wiring.dynamo));
  const store = new DynamoThreadStore(documents, wiring.tableName);
  const blobs = new S3BlobStore(tracer.captureAWSv3Client(wiring.s3), wiring.modelBucket);
  return createTrainHandler({
    run: (request) =>
      runTrainingJob(
        {
          blobs,
          prefix: wiring.modelPrefix,
          jobs: new TrainingJobs(blobs, wiring.modelPrefix),
          settings: new DynamoSettingsStore(documents, wiring.tableName),
          feedback: () => store.listFeedback(),
          logger,
        },
        request,
      ),
    logger,
  });
}
