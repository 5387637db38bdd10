import { S3Client } from '@aws-sdk/client-s3';
import { createSqsClient } from '../../shared/config/clients.js';
import { emailShape, parseEnv } from '../../shared/config/env.js';
import { createObservability, instrumented } from '../../shared/config/observability.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { S3BlobStore } from '../../shared/store/index.js';
import { createIngestEmailHandler } from './app.js';

const observability = createObservability('ingest-email');
const { logger, metrics, tracer } = observability;
const config = parseEnv(emailShape);

export const handler = instrumented(
  observability,
  createIngestEmailHandler({
    blobs: new S3BlobStore(tracer.captureAWSv3Client(new S3Client({})), config.MAIL_BUCKET),
    publisher: new SqsEventPublisher(tracer.captureAWSv3Client(createSqsClient()), config.INBOUND_QUEUE_URL),
    rawPrefix: config.RAW_MAIL_PREFIX,
    logger,
    metrics,
  }),
);
