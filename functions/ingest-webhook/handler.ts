import { handle } from 'hono/aws-lambda';
import { createLogger } from '../../shared/config/logger.js';
import { createSqsClient } from '../../shared/config/clients.js';
import { parseEnv, webhookShape } from '../../shared/config/env.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { createWebhookApp } from './app.js';

const config = parseEnv(webhookShape);
const logger = createLogger('ingest-webhook');

export const app = createWebhookApp({
  appSecret: config.META_APP_SECRET,
  verifyToken: config.META_VERIFY_TOKEN,
  maxBodyBytes: config.MAX_WEBHOOK_BYTES,
  publisher: new SqsEventPublisher(createSqsClient(), config.INBOUND_QUEUE_URL),
  logger,
});

export const handler = handle(app);
