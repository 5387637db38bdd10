import type { Logger } from '@aws-lambda-powertools/logger';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';
import { refreshing, type Refreshing } from './refreshing.js';

const metaSecretSchema = z.object({ appSecret: z.string().min(1), verifyToken: z.string().min(1) });
export type MetaSecret = z.infer<typeof metaSecretSchema>;

export interface MetaSecretConfig {
  META_SECRET_ARN?: string;
  META_APP_SECRET?: string;
  META_VERIFY_TOKEN?: string;
}

/**
 * The Meta app secret (X-Hub-Signature-256) and verify token: from env when set (local stack, tests), else from
 * the Secrets Manager secret, so it never sits in the function's configuration. A missing or malformed secret fails
 * by name, never with its value.
 */
export async function metaWebhookSecret(config: MetaSecretConfig, client?: SecretsManagerClient): Promise<MetaSecret> {
  if (config.META_APP_SECRET && config.META_VERIFY_TOKEN) return { appSecret: config.META_APP_SECRET, verifyToken: config.META_VERIFY_TOKEN };
  if (!config.META_SECRET_ARN) throw new Error('configuration error: set META_SECRET_ARN, or META_APP_SECRET and META_VERIFY_TOKEN');
  return readJsonSecret(client, config.META_SECRET_ARN, metaSecretSchema, 'Meta webhook secret', 'appSecret and verifyToken');
}

/**
 * The Meta secret as ingest-webhook holds it: read on the first request, again once it is SECRETS_MAX_AGE_SECONDS
 * old, and at once (at most once a minute) when a signature does not verify with it: a rotated App Secret works
 * without a redeploy and without waiting for the instance to die.
 */
export function metaSecretReader(
  config: MetaSecretConfig & { SECRETS_MAX_AGE_SECONDS: number },
  options: { logger?: Pick<Logger, 'warn'>; client?: SecretsManagerClient; now?: () => number } = {},
): Refreshing<MetaSecret> {
  return refreshing(() => metaWebhookSecret(config, options.client), {
    what: 'Meta webhook secret',
    maxAgeMs: config.SECRETS_MAX_AGE_SECONDS * 1000,
    logger: options.logger,
    now: options.now,
  });
}
