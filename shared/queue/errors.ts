import { BalieError, TransientError } from '../domain/errors.js';

/** One event is larger than SQS accepts (256 KB) even on its own. */
export class MessageTooLargeError extends BalieError {
  constructor(readonly bytes: number) {
    super(`an event of ${bytes} bytes is over the SQS limit of ${SQS_MAX_BYTES} bytes`);
  }
}

/** A queue message whose body is not an event we understand: it can never succeed, so it is left for the DLQ. */
export class PoisonMessageError extends BalieError {}

export class QueueUnavailableError extends TransientError {}

export const SQS_MAX_BYTES = 256 * 1024;
