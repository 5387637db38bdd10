import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { createSqsClient } from '../../shared/config/clients.js';
import { parseEnv, sendShape } from '../../shared/config/env.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeSend } from './compose.js';

const observability = createObservability('send');
const config = parseEnv(sendShape);

export const handler = instrumented(
  observability,
  composeSend({
    dynamo: new DynamoDBClient({}),
    sqs: createSqsClient(),
    // no SDK retries: a retried SendEmail can reach the customer twice; the queue retries what surely failed
    ses: new SESv2Client({ maxAttempts: 1 }),
    tableName: config.TABLE_NAME,
    emailFrom: config.SUPPORT_EMAIL_FROM,
    credentials: { ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN)), graphApiBaseUrl: config.GRAPH_API_BASE_URL },
    observability,
  }),
);
