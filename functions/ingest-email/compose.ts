import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Observability } from '../../shared/observability/powertools.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { createIngestEmailHandler } from './app.js';

export interface IngestEmailWiring {
  s3: S3Client;
  sqs: SQSClient;
  /** The bucket SES's receipt rule writes raw mail to (attachments and long bodies go there too). */
  mailBucket: string;
  /** Where SES writes: `<prefix><SES message id>`. */
  rawPrefix: string;
  inboundQueueUrl: string;
  observability: Observability;
}

/** ingest-email as it runs: the Lambda entry and the local stack (behind POST /local/email) both build it here. */
export function composeIngestEmail(wiring: IngestEmailWiring) {
  const { logger, metrics, tracer } = wiring.observability;
  return createIngestEmailHandler({
    blobs: new S3BlobStore(tracer.captureAWSv3Client(wiring.s3), wiring.mailBucket),
    publisher: new SqsEventPublisher(tracer.captureAWSv3Client(wiring.sqs), wiring.inboundQueueUrl),
    rawPrefix: wiring.rawPrefix,
    logger,
    metrics,
  });
}
