import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BalieError, TransientError } from '../domain/errors.js';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

export function isConditionFailed(err: unknown): boolean {
  return err instanceof ConditionalCheckFailedException || (err as { name?: string })?.name === 'ConditionalCheckFailedException';
}

/** SDK errors become domain errors here and nowhere else: retryable or not, said once. */
export function translateDynamoError(err: unknown, what: string): Error {
  if (err instanceof BalieError) return err;
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown; code?: string };
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if (TRANSIENT_NAMES.has(e?.name ?? '') || status >= 500 || e?.$retryable || e?.code === 'ECONNREFUSED' || e?.code === 'ECONNRESET') {
    return new TransientError(`DynamoDB ${what} failed and may pass on retry: ${e?.name ?? 'unknown'}`, { cause: err });
  }
  return new BalieError(`DynamoDB ${what} failed: ${e?.name ?? String(err)}`, { cause: err });
}
