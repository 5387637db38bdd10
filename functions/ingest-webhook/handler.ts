import { handle } from 'hono/aws-lambda';
import { createSqsClient } from '../../shared/config/clients.js';
import { parseEnv, webhookShape } from '../../shared/config/env.js';
import { metaWebhookSecret } from '../../shared/config/meta-secret.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeIngestWebhook } from './compose.js';

const observability = createObservability('ingest-webhook');
const config = parseEnv(webhookShape);

export const app = composeIngestWebhook({
  sqs: createSqsClient(),
  inboundQueueUrl: config.INBOUND_QUEUE_URL,
  secret: await metaWebhookSecret(config),
  maxBodyBytes: config.MAX_WEBHOOK_BYTES,
  observability,
});

export const handler = instrumented(observability, handle(app));
