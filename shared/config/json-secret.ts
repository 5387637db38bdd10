import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { z } from 'zod';

/**
 * A Secrets Manager secret holding JSON, validated with `schema`, read once per cold start. Values live in memory
 * only; a missing, non-JSON or wrongly shaped secret fails the cold start with `what` and `expected`, never a value.
 */
export async function readJsonSecret<S extends z.ZodType>(client: SecretsManagerClient, secretArn: string, schema: S, what: string, expected: string): Promise<z.infer<S>> {
  const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
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
