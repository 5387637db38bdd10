import { handle } from 'hono/aws-lambda';
import { createSqsClient } from '../../shared/config/clients.js';
import { parseEnv, webhookShape } from '../../shared/config/env.js';
import { metaWebhookSecret } from '../../shared/config/meta-secret.js';
import { createObservability, instrumented } from '../../shared/config/observability.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { createWebhookApp } from './app.js';

const observability = createObservability('ingest-webhook');
const { logger, metrics, tracer } = observability;
const config = parseEnv(webhookShape);
const secret = await metaWebhookSecret(config);

export const app = createWebhookApp({
  appSecret: secret.appSecret,
  verifyToken: secret.verifyToken,
  maxBodyBytes: config.MAX_WEBHOOK_BYTES,
  publisher: new SqsEventPublisher(tracer.captureAWSv3Client(createSqsClient()), config.INBOUND_QUEUE_URL),
  logger,
  metrics,
});

export const handler = instrumented(observability, handle(app));
