/** Base of every error Balie raises on purpose. `retryable` says whether trying the same thing again can help. */
export class BalieError extends Error {
  readonly retryable: boolean = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends BalieError {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class NotFoundError extends BalieError {}

/**
 * A message's stored original (mail body, attachment, media) is no longer in the bucket: mail parts and media expire
 * after the retention days (the bucket's lifecycle rule) while the thread stays. `details` says how long they are kept.
 */
export class OriginalGoneError extends NotFoundError {
  constructor(
    message: string,
    readonly details: { retentionDays?: number },
  ) {
    super(message);
  }
}

export class InvalidTransitionError extends BalieError {
  constructor(
    readonly from: string,
    readonly event: string,
  ) {
    super(`a thread in status "${from}" cannot take "${event}"`);
  }
}

/** Someone else changed the item since we read it. */
export class ConflictError extends BalieError {
  constructor(
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** A dependency failed in a way that may pass: throttling, timeouts, 5xx. */
export class TransientError extends BalieError {
  override readonly retryable = true;
}

/** A channel provider refused a send. `retryable` for 429 and 5xx; the code and text are kept for the agent. */
export class ProviderError extends BalieError {
  constructor(
    message: string,
    readonly code: string,
    override readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A send is not allowed: a machine's mail, a quarantined thread, a closed messaging window. */
export class SendRefusedError extends BalieError {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The agent may not do this (an agent assigning a thread to someone else). */
export class ForbiddenError extends BalieError {}

/** A thread assigned to someone Balie does not know would vanish from every worklist. */
export class UnknownAgentError extends BalieError {}
