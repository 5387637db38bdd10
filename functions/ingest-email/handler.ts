import { S3Client } from '@aws-sdk/client-s3';
import { createSqsClient } from '../../shared/config/clients.js';
import { emailShape, parseEnv } from '../../shared/config/env.js';
import { createLogger } from '../../shared/config/logger.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { S3BlobStore } from '../../shared/store/index.js';
import { createIngestEmailHandler } from './app.js';

const config = parseEnv(emailShape);

export const handler = createIngestEmailHandler({
  blobs: new S3BlobStore(new S3Client({}), config.MAIL_BUCKET),
  publisher: new SqsEventPublisher(createSqsClient(), config.INBOUND_QUEUE_URL),
  rawPrefix: config.RAW_MAIL_PREFIX,
  logger: createLogger('ingest-email'),
});
