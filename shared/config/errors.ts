import { BalieError } from '../domain/errors.js';

/**
 * A secret that could not be read, or does not hold what it should. The message names the secret (what it is and
 * its ARN) and, for an SDK failure, the SDK's error name; never the value. The SDK's error stays as `cause`.
 */
export class SecretReadError extends BalieError {}
