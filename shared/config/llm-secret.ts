import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';
import { refreshing, type RefreshingOptions } from './refreshing.js';

const llmSecretSchema = z.object({ apiKey: z.string().min(1) });

/**
 * The LLM API key from the LlmApiKeySecret (JSON {"apiKey": "..."}), as the OpenAI client's `apiKey` function: the
 * client asks before every request, and gets the key in hand until it is `maxAgeMs` old, so a new key is used
 * without a redeploy. A secret without a key fails that request by name (the engine then falls back to the local
 * one), never with the value.
 */
export function llmApiKeyFromSecret(
  secretArn: string,
  options: Pick<RefreshingOptions, 'maxAgeMs' | 'logger' | 'now'> & { client?: SecretsManagerClient },
): () => Promise<string> {
  const key = refreshing(async () => (await readJsonSecret(options.client, secretArn, llmSecretSchema, 'LLM API key secret', 'apiKey (a string)')).apiKey, {
    what: 'LLM API key secret',
    maxAgeMs: options.maxAgeMs,
    logger: options.logger,
    now: options.now,
  });
  return () => key();
}
