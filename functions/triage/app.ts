import type { Logger } from '@aws-lambda-powertools/logger';
import { createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import { inboundEventSchema, type InboundEvent } from '../../shared/domain/index.js';
import type { ProcessOutcome } from '../../shared/use-cases/process-inbound-event.js';

/** The triage worker: one inbound event per SQS record, failures reported per record. */
export function createTriageHandler(deps: { processEvent: (event: InboundEvent) => Promise<ProcessOutcome>; logger: Logger }) {
  return createSqsBatchHandler(inboundEventSchema, async (event, record) => {
    try {
      const result = await deps.processEvent(event);
      deps.logger.info('inbound event processed', { sqsMessageId: record.messageId, type: event.type, ...(event.type === 'redraft' ? {} : { channel: event.channel }), ...result });
      return result;
    } catch (error) {
      deps.logger.error('inbound event failed; SQS will deliver it again', {
        sqsMessageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: error as Error,
      });
      throw error;
    }
  });
}
