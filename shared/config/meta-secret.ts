import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';

const metaSecretSchema = z.object({ appSecret: z.string().min(1), verifyToken: z.string().min(1) });
export type MetaSecret = z.infer<typeof metaSecretSchema>;

/**
 * The Meta app secret (X-Hub-Signature-256) and verify token: from env when set (local stack, tests), else from
 * the Secrets Manager secret (the Lambda entry reads it on the first request, once), so rotating it needs no
 * redeploy and it never sits in the function's configuration. A missing or malformed secret fails by name, never
 * with its value.
 */
export async function metaWebhookSecret(
  config: { META_SECRET_ARN?: string; META_APP_SECRET?: string; META_VERIFY_TOKEN?: string },
  client?: SecretsManagerClient,
): Promise<MetaSecret> {
  if (config.META_APP_SECRET && config.META_VERIFY_TOKEN) return { appSecret: config.META_APP_SECRET, verifyToken: config.META_VERIFY_TOKEN };
  if (!config.META_SECRET_ARN) throw new Error('configuration error: set META_SECRET_ARN, or META_APP_SECRET and META_VERIFY_TOKEN');
  return readJsonSecret(client, config.META_SECRET_ARN, metaSecretSchema, 'Meta webhook secret', 'appSecret and verifyToken');
}
