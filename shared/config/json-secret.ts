import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { z } from 'zod';

/**
 * A Secrets Manager secret holding JSON, validated with `schema`. Values live in memory only; a missing, non-JSON or
 * wrongly shaped secret fails with `what` and `expected`, never a value. The SDK client is loaded here, when a secret
 * is first read (a default client when none is given), not by every function that imports this module.
 */
export async function readJsonSecret<S extends z.ZodType>(
  client: SecretsManagerClient | undefined,
  secretArn: string,
  schema: S,
  what: string,
  expected: string,
): Promise<z.infer<S>> {
  const sdk = await import('@aws-sdk/client-secrets-manager');
  const out = await (client ?? new sdk.SecretsManagerClient({})).send(new sdk.GetSecretValueCommand({ SecretId: secretArn }));
  let json: unknown;
  try {
    json = JSON.parse(out.SecretString ?? '');
  } catch {
    throw new Error(`configuration error: the ${what} is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`configuration error: the ${what} must hold ${expected}`);
  return parsed.data;
}
