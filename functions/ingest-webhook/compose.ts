import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Hono } from 'hono';
import type { MetaSecret } from '../../shared/config/meta-secret.js';
import type { Observability } from '../../shared/observability/powertools.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { createWebhookApp } from './app.js';

export interface IngestWebhookWiring {
  sqs: SQSClient;
  inboundQueueUrl: string;
  /** The Meta app secret (X-Hub-Signature-256) and the handshake's verify token, read when first needed. */
  secret: () => Promise<MetaSecret>;
  /** The secret read again now (rate-limited): a signature made with a just-rotated App Secret. Without it, never. */
  rereadSecret?: () => Promise<MetaSecret>;
  maxBodyBytes: number;
  observability: Observability;
}

/** ingest-webhook as it runs: the Lambda entry and the local stack both build it here. */
export function composeIngestWebhook(wiring: IngestWebhookWiring): Hono {
  const { logger, metrics, tracer } = wiring.observability;
  return createWebhookApp({
    secret: wiring.secret,
    rereadSecret: wiring.rereadSecret,
    maxBodyBytes: wiring.maxBodyBytes,
    publisher: new SqsEventPublisher(tracer.captureAWSv3Client(wiring.sqs), wiring.inboundQueueUrl),
    logger,
    metrics,
  });
}
