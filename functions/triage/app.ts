import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { correlatedLogger } from '../../shared/observability/correlation.js';
import { recordLlmUsage, recordTriageLatency } from '../../shared/observability/metrics.js';
import { correlationIdOf, createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import { inboundEventSchema, type InboundEvent } from '../../shared/domain/index.js';
import type { ProcessOutcome } from '../../shared/use-cases/process-inbound-event.js';

export interface TriageHandlerDeps {
  processEvent: (event: InboundEvent) => Promise<ProcessOutcome>;
  logger: Logger;
  /** TriageLatency per stored message, LlmTokens and LlmCostUsd from its outcome; flushed by the Lambda entry once per invocation. */
  metrics?: Metrics;
}

/** The triage worker: one inbound event per SQS record, failures reported per record. */
export function createTriageHandler(deps: TriageHandlerDeps) {
  return createSqsBatchHandler(inboundEventSchema, async (event, record) => {
    const logger = correlatedLogger(deps.logger, correlationIdOf(record));
    const started = performance.now();
    try {
      const result = await deps.processEvent(event);
      if (deps.metrics && event.type === 'message' && result.outcome === 'stored') {
        recordTriageLatency(deps.metrics, performance.now() - started);
        if (result.llm) recordLlmUsage(deps.metrics, result.llm);
      }
      logger.info('inbound event processed', {
        sqsMessageId: record.messageId,
        type: event.type,
        ...(event.type === 'redraft' ? {} : { channel: event.channel }),
        ...result,
      });
      return result;
    } catch (error) {
      logger.error('inbound event failed; SQS will deliver it again', {
        sqsMessageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  });
}
