import { SQSClient } from '@aws-sdk/client-sqs';
import { handle } from 'hono/aws-lambda';
import { parseEnv, webhookShape } from '../../shared/config/env.js';
import { metaSecretReader } from '../../shared/config/meta-secret.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeIngestWebhook } from './compose.js';

const observability = createObservability('ingest-webhook');
const config = parseEnv(webhookShape);
if (!config.META_SECRET_ARN && !(config.META_APP_SECRET && config.META_VERIFY_TOKEN)) {
  throw new Error('configuration error: set META_SECRET_ARN, or META_APP_SECRET and META_VERIFY_TOKEN');
}

// Secrets Manager is read on the first request, not at init: its SDK client loads only then (and the Parameters and
// Secrets extension, should it replace the SDK here, answers in the invoke phase only); again every
// SECRETS_MAX_AGE_SECONDS, and when a signature does not verify with the secret in hand
const metaSecret = metaSecretReader(config, { logger: observability.logger });

export const app = composeIngestWebhook({
  sqs: new SQSClient({}),
  inboundQueueUrl: config.INBOUND_QUEUE_URL,
  secret: metaSecret,
  rereadSecret: metaSecret.reread,
  maxBodyBytes: config.MAX_WEBHOOK_BYTES,
  observability,
});

export const handler = instrumented(observability, handle(app));
