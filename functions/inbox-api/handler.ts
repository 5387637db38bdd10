import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { handle } from 'hono/aws-lambda';
import { cognitoSource } from '../../shared/auth/middleware.js';
import { inboxApiShape, parseEnv } from '../../shared/config/env.js';
import { once } from '../../shared/config/once.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeInboxApi } from './compose.js';

const observability = createObservability('inbox-api');
const config = parseEnv(inboxApiShape);
if (!config.COGNITO_USER_POOL_ID) throw new Error('configuration error: COGNITO_USER_POOL_ID is required in AWS');

export const app = composeInboxApi({
  dynamo: new DynamoDBClient({}),
  // SQS loads with the first approval, S3 when an agent first opens a mail body or attachment: not at every cold start
  sqs: once(async () => new (await import('@aws-sdk/client-sqs')).SQSClient({})),
  s3: once(async () => new (await import('@aws-sdk/client-s3')).S3Client({})),
  tableName: config.TABLE_NAME,
  outboundQueueUrl: config.OUTBOUND_QUEUE_URL,
  inboundQueueUrl: config.INBOUND_QUEUE_URL,
  trainingQueueUrl: config.TRAINING_QUEUE_URL,
  mailBucket: config.MAIL_BUCKET,
  mailRetentionDays: config.MAIL_RETENTION_DAYS,
  templates: config.WHATSAPP_TEMPLATES,
  auth: cognitoSource(config.AWS_REGION, config.COGNITO_USER_POOL_ID, config.COGNITO_CLIENT_ID),
  web:
    config.COGNITO_DOMAIN && config.COGNITO_CLIENT_ID
      ? { login: { kind: 'cognito', domain: config.COGNITO_DOMAIN, clientId: config.COGNITO_CLIENT_ID, publicUrl: config.PUBLIC_URL } }
      : undefined,
  observability,
});

export const handler = instrumented(observability, handle(app));
