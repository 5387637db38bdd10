import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { SesEmailSender } from '../../shared/channels/email/ses-sender.js';
import { createDocumentClient, createSqsClient } from '../../shared/config/clients.js';
import { queueUrlFromArn, sqsRetryLater } from '../../shared/queue/retry-later.js';
import { common, parseEnv } from '../../shared/config/env.js';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { createObservability, instrumented } from '../../shared/config/observability.js';
import { sendersFor } from '../../shared/config/senders.js';
import { ProviderError } from '../../shared/domain/index.js';
import { DynamoThreadStore } from '../../shared/store/index.js';
import { sendApprovedDraft } from '../../shared/use-cases/send-reply.js';
import { createSendHandler } from './app.js';

const observability = createObservability('send');
const { logger, metrics, tracer } = observability;
const config = parseEnv({
  ...common,
  SUPPORT_EMAIL_FROM: z.string().min(3, 'SUPPORT_EMAIL_FROM must be the From of replies, e.g. "Shop <support@shop.nl>"'),
  GRAPH_API_BASE_URL: z.url().optional(),
  /** A Secrets Manager secret (JSON) with whatsappAccessToken, pageAccessToken, instagramAccessToken. */
  CHANNEL_SECRET_ARN: z.string().optional(),
});

const store = new DynamoThreadStore(createDocumentClient(tracer.captureAWSv3Client(new DynamoDBClient({}))), config.TABLE_NAME);
const senderFor = sendersFor(
  { ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN)), graphApiBaseUrl: config.GRAPH_API_BASE_URL },
  // no SDK retries: a retried SendEmail can reach the customer twice; the queue retries what surely failed
  new SesEmailSender(tracer.captureAWSv3Client(new SESv2Client({ maxAttempts: 1 })), config.SUPPORT_EMAIL_FROM),
  // a channel without a token fails visibly on the draft instead of disappearing
  (channel) => ({ send: () => Promise.reject(new ProviderError(`no ${channel} access token is configured`, 'no_credentials', false)) }),
);

export const handler = instrumented(
  observability,
  createSendHandler({
    send: (job) => sendApprovedDraft({ store, senderFor, emailFrom: config.SUPPORT_EMAIL_FROM }, job),
    retryLater: sqsRetryLater(tracer.captureAWSv3Client(createSqsClient()), (record) => queueUrlFromArn(record.eventSourceARN)),
    logger,
    metrics,
  }),
);
