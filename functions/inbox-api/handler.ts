import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { handle } from 'hono/aws-lambda';
import { cognitoSource } from '../../shared/auth/middleware.js';
import * as z from 'zod';
import { createDocumentClient, createSqsClient } from '../../shared/config/clients.js';
import { SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import { authShape, common, parseEnv } from '../../shared/config/env.js';
import { createObservability, instrumented } from '../../shared/config/observability.js';
import { messageTemplateSchema } from '../../shared/domain/index.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { DynamoAgentDirectory, DynamoThreadStore, S3BlobStore } from '../../shared/store/index.js';
import { createInboxApiApp } from './app.js';

const observability = createObservability('inbox-api');
const { logger, metrics, tracer } = observability;
const config = parseEnv({
  ...common,
  ...authShape,
  OUTBOUND_QUEUE_URL: z.url('OUTBOUND_QUEUE_URL must be the outbound SQS queue URL'),
  /** Where a request for a new draft goes (the triage worker's queue). */
  INBOUND_QUEUE_URL: z.url('INBOUND_QUEUE_URL must be the inbound SQS queue URL').optional(),
  /** The Cognito hosted UI, https://<prefix>.auth.<region>.amazoncognito.com; without it only the JSON API is served. */
  COGNITO_DOMAIN: z.url('COGNITO_DOMAIN must be the hosted UI base URL').optional(),
  /** The page's public origin when a custom domain fronts the API (the OAuth redirect is built from it). */
  PUBLIC_URL: z.url('PUBLIC_URL must be an https URL').optional(),
  /** The bucket of email bodies, attachments and media. */
  MAIL_BUCKET: z.string().min(3).optional(),
  /** JSON list of approved WhatsApp templates: [{"name","language","body"}] (body with {{1}} placeholders). */
  WHATSAPP_TEMPLATES: z
    .string()
    .transform((raw, ctx) => {
      const parsed = z.array(messageTemplateSchema).safeParse(JSON.parse(raw));
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'WHATSAPP_TEMPLATES must be a JSON list of {name, language, body}' });
      return parsed.data ?? [];
    })
    .optional(),
});
if (!config.COGNITO_USER_POOL_ID) throw new Error('configuration error: COGNITO_USER_POOL_ID is required in AWS');

const sqs = tracer.captureAWSv3Client(createSqsClient());
const documents = createDocumentClient(tracer.captureAWSv3Client(new DynamoDBClient({})));
export const app = createInboxApiApp({
  store: new DynamoThreadStore(documents, config.TABLE_NAME),
  agents: new DynamoAgentDirectory(documents, config.TABLE_NAME),
  jobs: new SqsSendJobPublisher(sqs, config.OUTBOUND_QUEUE_URL),
  events: config.INBOUND_QUEUE_URL ? new SqsEventPublisher(sqs, config.INBOUND_QUEUE_URL) : undefined,
  blobs: config.MAIL_BUCKET ? new S3BlobStore(tracer.captureAWSv3Client(new S3Client({})), config.MAIL_BUCKET) : undefined,
  templates: config.WHATSAPP_TEMPLATES,
  auth: cognitoSource(config.AWS_REGION, config.COGNITO_USER_POOL_ID, config.COGNITO_CLIENT_ID),
  logger,
  metrics,
  web:
    config.COGNITO_DOMAIN && config.COGNITO_CLIENT_ID
      ? { login: { kind: 'cognito', domain: config.COGNITO_DOMAIN, clientId: config.COGNITO_CLIENT_ID, publicUrl: config.PUBLIC_URL } }
      : undefined,
});

export const handler = instrumented(observability, handle(app));
