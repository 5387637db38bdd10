import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';
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
