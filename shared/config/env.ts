import * as z from 'zod';
import { messageTemplateSchema } from '../domain/templates.js';

/** Parses the environment with a schema once; a missing or bad variable fails at cold start, by name. */
export function parseEnv<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`configuration error: ${problems}`);
  }
  return result.data;
}

export const logLevelSchema = z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']);

/** Meta's webhooks are small; 1 MiB leaves room for a batch and refuses anything that is not a webhook. */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1024 * 1024;

export const common = {
  TABLE_NAME: z.string().min(3, 'TABLE_NAME must name the DynamoDB table'),
  LOG_LEVEL: logLevelSchema.default('INFO'),
};

export const authShape = {
  COGNITO_USER_POOL_ID: z.string().optional(),
  COGNITO_CLIENT_ID: z.string().optional(),
  AWS_REGION: z.string().default('eu-west-1'),
};

/** How long a Lambda instance uses a secret it read before it reads it again: rotating one needs no redeploy. */
export const DEFAULT_SECRETS_MAX_AGE_SECONDS = 300;

export const secretsShape = {
  SECRETS_MAX_AGE_SECONDS: z.coerce
    .number('SECRETS_MAX_AGE_SECONDS must be a number of seconds')
    .int()
    .min(1)
    .max(86_400)
    .default(DEFAULT_SECRETS_MAX_AGE_SECONDS),
};

export const webhookShape = {
  ...secretsShape,
  INBOUND_QUEUE_URL: z.url('INBOUND_QUEUE_URL must be the inbound SQS queue URL'),
  /** In AWS: a Secrets Manager secret (JSON appSecret, verifyToken), read on the first request. */
  META_SECRET_ARN: z.string().min(1).optional(),
  /** Locally (and in tests): the values themselves. */
  META_APP_SECRET: z.string().min(1).optional(),
  META_VERIFY_TOKEN: z.string().min(1).optional(),
  MAX_WEBHOOK_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_WEBHOOK_BYTES),
};

export const emailShape = {
  INBOUND_QUEUE_URL: z.url('INBOUND_QUEUE_URL must be the inbound SQS queue URL'),
  MAIL_BUCKET: z.string().min(3, 'MAIL_BUCKET must name the bucket SES writes raw mail to'),
  RAW_MAIL_PREFIX: z.string().default('raw/'),
};

export const inboxApiShape = {
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
  /** How long mail parts and media are kept there (the lifecycle rule, context mailRetentionDays): the page says so when one is gone. */
  MAIL_RETENTION_DAYS: z.coerce.number('MAIL_RETENTION_DAYS must be a number of days').int().positive().optional(),
  /** The training worker's queue: an uploaded history or a retrain goes there (the page's Model section). */
  TRAINING_QUEUE_URL: z.url('TRAINING_QUEUE_URL must be the training SQS queue URL').optional(),
  /** JSON list of approved WhatsApp templates: [{"name","language","body"}] (body with {{1}} placeholders). */
  WHATSAPP_TEMPLATES: z
    .string()
    .transform((raw, ctx) => {
      const parsed = z.array(messageTemplateSchema).safeParse(JSON.parse(raw));
      if (!parsed.success) ctx.addIssue({ code: 'custom', message: 'WHATSAPP_TEMPLATES must be a JSON list of {name, language, body}' });
      return parsed.data ?? [];
    })
    .optional(),
};

export const triageWorkerShape = {
  ...common,
  ...secretsShape,
  MEDIA_BUCKET: z.string().optional(),
  CHANNEL_SECRET_ARN: z.string().optional(),
  GRAPH_API_BASE_URL: z.url().optional(),
  /** Knowledge articles (markdown) under this prefix of MEDIA_BUCKET; the demo shop's ship with the code otherwise. */
  KNOWLEDGE_PREFIX: z.string().default('knowledge/'),
  /** Published triage models (`npm run publish-model`) under this prefix of MEDIA_BUCKET; the shipped model otherwise. */
  MODEL_PREFIX: z.string().default('models/'),
  /** How often triage reads the bucket's models/current.json again, so a newly published model is used without a redeploy. */
  MODEL_CHECK_SECONDS: z.coerce.number().int().positive().default(300),
};

export const trainingWorkerShape = {
  ...common,
  /** The bucket the models, their jobs and the uploaded histories are in (the mail bucket). */
  MODEL_BUCKET: z.string().min(3, 'MODEL_BUCKET must be the bucket the models are in'),
  MODEL_PREFIX: z.string().default('models/'),
};

export const sendShape = {
  ...common,
  SUPPORT_EMAIL_FROM: z.string().min(3, 'SUPPORT_EMAIL_FROM must be the From of replies, e.g. "Shop <support@shop.nl>"'),
  GRAPH_API_BASE_URL: z.url().optional(),
  /** A Secrets Manager secret (JSON) with whatsappAccessToken, pageAccessToken, instagramAccessToken. */
  CHANNEL_SECRET_ARN: z.string().optional(),
  ...secretsShape,
};
