import type { Logger } from '@aws-lambda-powertools/logger';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';
import { refreshing, type Refreshing } from './refreshing.js';
import type { ChannelCredentials } from './senders.js';

const secretSchema = z.object({
  whatsappAccessToken: z.string().optional(),
  pageAccessToken: z.string().optional(),
  instagramAccessToken: z.string().optional(),
});

/** Channel tokens from a Secrets Manager secret (JSON); none when no secret is named. */
export async function readChannelCredentials(secretArn: string | undefined, client?: SecretsManagerClient): Promise<ChannelCredentials> {
  if (!secretArn) return {};
  return readJsonSecret(client, secretArn, secretSchema, 'channel secret', 'whatsappAccessToken, pageAccessToken, instagramAccessToken (strings)');
}

/**
 * The channel tokens as send and triage hold them: read when a path first needs them, again once they are
 * SECRETS_MAX_AGE_SECONDS old, so a rotated WhatsApp or page token is used without a redeploy.
 */
export function channelCredentialsReader(
  config: { CHANNEL_SECRET_ARN?: string; GRAPH_API_BASE_URL?: string; SECRETS_MAX_AGE_SECONDS: number },
  options: { logger?: Pick<Logger, 'warn'>; client?: SecretsManagerClient; now?: () => number } = {},
): Refreshing<ChannelCredentials> {
  return refreshing(
    async () => ({ ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN, options.client)), graphApiBaseUrl: config.GRAPH_API_BASE_URL }),
    {
      what: 'channel secret',
      maxAgeMs: config.SECRETS_MAX_AGE_SECONDS * 1000,
      logger: options.logger,
      now: options.now,
    },
  );
}
