import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context, MiddlewareHandler } from 'hono';
import type { EventPublisher, InboundEvent, SendJobPublisher } from '../domain/index.js';

/**
 * One id follows a customer message from the webhook (or SES) through triage, and an approval from the API call to
 * the send worker: it rides on queue messages as the SQS message attribute `correlationId` and appears in the
 * logs as Powertools' `correlation_id`. Within a request it is held in async context, so the queue publishers
 * handed to the use cases tag what they publish without the use cases knowing about it.
 */
const scope = new AsyncLocalStorage<string>();

/** Ids from outside are taken only when they look like ids (they end up in logs and queue attributes). */
const SAFE_ID = /^[\w.:@/+=-]{1,128}$/;

export const CORRELATION_HEADER = 'x-correlation-id';

export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}

export function withCorrelationId<T>(correlationId: string | undefined, fn: () => T): T {
  return correlationId ? scope.run(correlationId, fn) : fn();
}

/** API Gateway's request id, else the caller's `x-request-id`, else a new id. */
export function requestCorrelationId(c: Context): string {
  const lambda = c.env as { requestContext?: { requestId?: string } } | undefined;
  const candidates = [lambda?.requestContext?.requestId, c.req.header('x-request-id')];
  return candidates.find((id): id is string => !!id && SAFE_ID.test(id)) ?? randomUUID();
}

/** Opens the request's correlation scope and tells the caller its id. */
export function correlation(): MiddlewareHandler {
  return async (c, next) => {
    const correlationId = requestCorrelationId(c);
    c.header(CORRELATION_HEADER, correlationId);
    await scope.run(correlationId, next);
  };
}

/** Events published in a correlation scope carry its id; `onPublished` sees what the queue took. */
export function correlatedEvents(publisher: EventPublisher, onPublished?: (events: InboundEvent[]) => void): EventPublisher {
  return {
    async publish(events, options) {
      await publisher.publish(events, { ...options, correlationId: options?.correlationId ?? currentCorrelationId() });
      onPublished?.(events);
    },
  };
}

export function correlatedJobs(jobs: SendJobPublisher): SendJobPublisher {
  return { publish: (job, options) => jobs.publish(job, { ...options, correlationId: options?.correlationId ?? currentCorrelationId() }) };
}

/** A child logger whose every line carries `correlation_id` (records of one batch run concurrently, so no appendKeys). */
export function correlatedLogger(logger: Logger, correlationId: string | undefined): Logger {
  return correlationId ? logger.createChild({ persistentKeys: { correlation_id: correlationId } }) : logger;
}
