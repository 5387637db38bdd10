import { BalieError } from '../domain/errors.js';

/** The request did not come from Meta: missing or wrong `X-Hub-Signature-256`. */
export class SignatureError extends BalieError {}

/** The body is signed but is not a payload we can read. */
export class PayloadError extends BalieError {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
