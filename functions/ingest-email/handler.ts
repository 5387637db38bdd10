import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { emailShape, parseEnv } from '../../shared/config/env.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeIngestEmail } from './compose.js';

const observability = createObservability('ingest-email');
const config = parseEnv(emailShape);

export const handler = instrumented(
  observability,
  composeIngestEmail({
    s3: new S3Client({}),
    sqs: new SQSClient({}),
    mailBucket: config.MAIL_BUCKET,
    rawPrefix: config.RAW_MAIL_PREFIX,
    inboundQueueUrl: config.INBOUND_QUEUE_URL,
    observability,
  }),
);
