import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { z } from 'zod';
import { SecretReadError } from './errors.js';
import { once } from './once.js';

/** Made when a function first reads a secret, then kept: a refresh every few minutes must not build a client each time. */
const defaultClient = once(async () => new (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient({}));

/**
 * A Secrets Manager secret holding JSON, validated with `schema`. Values live in memory only; an unreadable, non-JSON
 * or wrongly shaped secret fails with `what`, the ARN and `expected`, never a value. The SDK is loaded here, when a
 * secret is first read, not by every function that imports this module.
 */
export async function readJsonSecret<S extends z.ZodType>(
  client: SecretsManagerClient | undefined,
  secretArn: string,
  schema: S,
  what: string,
  expected: string,
): Promise<z.infer<S>> {
  const [sdk, secrets] = await Promise.all([import('@aws-sdk/client-secrets-manager'), client ?? defaultClient()]);
  let text: string | undefined;
  try {
    text = (await secrets.send(new sdk.GetSecretValueCommand({ SecretId: secretArn }))).SecretString;
  } catch (error) {
    throw new SecretReadError(`could not read the ${what} (${secretArn}): ${(error as Error).name ?? 'unknown error'}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    // JSON.parse's message quotes the start of the text: not a word of it here
    throw new SecretReadError(`configuration error: the ${what} (${secretArn}) is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new SecretReadError(`configuration error: the ${what} (${secretArn}) must hold ${expected}`);
  return parsed.data;
}
