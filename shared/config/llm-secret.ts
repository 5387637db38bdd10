import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { readJsonSecret } from './json-secret.js';

const llmSecretSchema = z.object({ apiKey: z.string().min(1) });

/**
 * The LLM API key from the LlmApiKeySecret (JSON {"apiKey": "..."}), as the OpenAI client's `apiKey` function: the
 * client asks before every request. A secret without a key fails that request by name (the engine then falls back
 * to the local one), never with the value.
 */
export function llmApiKeyFromSecret(secretArn: string, client?: SecretsManagerClient): () => Promise<string> {
  return async () => (await readJsonSecret(client, secretArn, llmSecretSchema, 'LLM API key secret', 'apiKey (a string)')).apiKey;
}
