import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { channelCredentialsReader } from '../../shared/config/channel-credentials.js';
import { parseEnv, sendShape } from '../../shared/config/env.js';
import { once } from '../../shared/config/once.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeSend } from './compose.js';

const observability = createObservability('send');
const config = parseEnv(sendShape);

// SQS, SES and the channel secret are each loaded by the first job that needs them, not at every cold start (the
// secret is read again once SECRETS_MAX_AGE_SECONDS old)
export const handler = instrumented(
  observability,
  composeSend({
    dynamo: new DynamoDBClient({}),
    sqs: once(async () => new (await import('@aws-sdk/client-sqs')).SQSClient({})),
    // no SDK retries: a retried SendEmail can reach the customer twice; the queue retries what surely failed
    ses: once(async () => new (await import('@aws-sdk/client-sesv2')).SESv2Client({ maxAttempts: 1 })),
    tableName: config.TABLE_NAME,
    emailFrom: config.SUPPORT_EMAIL_FROM,
    credentials: channelCredentialsReader(config, { logger: observability.logger }),
    observability,
  }),
);
