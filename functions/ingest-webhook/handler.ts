import { handle } from 'hono/aws-lambda';
import { createLogger } from '../../shared/config/logger.js';
import { createSqsClient } from '../../shared/config/clients.js';
import { parseEnv, webhookShape } from '../../shared/config/env.js';
import { metaWebhookSecret } from '../../shared/config/meta-secret.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { createWebhookApp } from './app.js';

const config = parseEnv(webhookShape);
const secret = await metaWebhookSecret(config);

export const app = createWebhookApp({
  appSecret: secret.appSecret,
  verifyToken: secret.verifyToken,
  maxBodyBytes: config.MAX_WEBHOOK_BYTES,
  publisher: new SqsEventPublisher(createSqsClient(), config.INBOUND_QUEUE_URL),
  logger: createLogger('ingest-webhook'),
});

export const handler = handle(app);
