import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import type { ChannelCredentials } from './senders.js';

const secretSchema = z.object({
  whatsappAccessToken: z.string().optional(),
  pageAccessToken: z.string().optional(),
  instagramAccessToken: z.string().optional(),
});

/**
 * Channel tokens from a Secrets Manager secret (JSON), read once per cold start. They live in memory only and are
 * never logged; a secret of the wrong shape fails the cold start with a message that names no value.
 */
export async function readChannelCredentials(secretArn: string | undefined, client = new SecretsManagerClient({})): Promise<ChannelCredentials> {
  if (!secretArn) return {};
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  let json: unknown;
  try {
    json = JSON.parse(out.SecretString ?? '{}');
  } catch {
    throw new Error('configuration error: the channel secret is not JSON');
  }
  const parsed = secretSchema.safeParse(json);
  if (!parsed.success) throw new Error('configuration error: the channel secret must hold whatsappAccessToken, pageAccessToken, instagramAccessToken (strings)');
  return parsed.data;
}
