import { handle } from 'hono/aws-lambda';
import { cognitoSource } from '../../shared/auth/middleware.js';
import { z } from 'zod';
import { createDocumentClient, createSqsClient } from '../../shared/config/clients.js';
import { SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import { authShape, common, parseEnv } from '../../shared/config/env.js';
import { createLogger } from '../../shared/config/logger.js';
import { messageTemplateSchema } from '../../shared/domain/index.js';
import { DynamoThreadStore } from '../../shared/store/index.js';
import { createInboxApiApp } from './app.js';

const config = parseEnv({
  ...common,
  ...authShape,
  OUTBOUND_QUEUE_URL: z.url('OUTBOUND_QUEUE_URL must be the outbound SQS queue URL'),
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

export const app = createInboxApiApp({
  store: new DynamoThreadStore(createDocumentClient(), config.TABLE_NAME),
  jobs: new SqsSendJobPublisher(createSqsClient(), config.OUTBOUND_QUEUE_URL),
  templates: config.WHATSAPP_TEMPLATES,
  auth: cognitoSource(config.AWS_REGION, config.COGNITO_USER_POOL_ID, config.COGNITO_CLIENT_ID),
  logger: createLogger('inbox-api'),
});

export const handler = handle(app);
