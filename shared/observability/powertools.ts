import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Context } from 'aws-lambda';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';

/** Powertools' three utilities for one Lambda function, created at cold start. */
export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /** Off outside Lambda by itself (no AWS_EXECUTION_ENV), and with POWERTOOLS_TRACE_ENABLED=false. */
  tracer: Tracer;
}

export function createObservability(serviceName: string): Observability {
  const logger = createLogger(serviceName);
  return { logger, metrics: createMetrics(serviceName, logger), tracer: new Tracer({ serviceName }) };
}

/**
 * What Powertools' injectLambdaContext, captureLambdaHandler and logMetrics middlewares do, without Middy: the
 * Lambda context on every log line, a `## handler` subsegment annotated with cold start and service, a ColdStart
 * metric, and the stored metrics flushed once per invocation, also when the handler throws. The response is not
 * put on the trace: it holds customer messages.
 */
export function instrumented<E, R>(
  observability: Observability,
  handler: (event: E, context: Context) => Promise<R>,
): (event: E, context: Context) => Promise<R> {
  const { logger, metrics, tracer } = observability;
  return async (event, context) => {
    logger.addContext(context);
    metrics.captureColdStartMetric(context.functionName);
    const segment = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
    if (subsegment) tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      return await handler(event, context);
    } catch (error) {
      tracer.addErrorAsMetadata(error as Error);
      throw error;
    } finally {
      subsegment?.close();
      if (segment) tracer.setSegment(segment);
      // Powertools warns on every empty flush; a webhook handshake or a page view has nothing to say
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
