import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Draft, InboundEvent } from '../domain/index.js';
import type { SendOutcome } from '../use-cases/send-reply.js';

/** The CloudWatch namespace of every Balie metric; each function adds the dimension `service=<function>`. */
export const METRICS_NAMESPACE = 'Balie';

/**
 * One Powertools Metrics instance per function, created at cold start. EMF lines only mean something to CloudWatch;
 * anywhere else (the local stack, tests that load a handler) they would flood stdout. Like the tracer, metrics are
 * therefore off outside Lambda unless POWERTOOLS_METRICS_DISABLED=false says otherwise. The variable, not an
 * option, because Powertools reads it again for every `singleMetric()`.
 */
export function createMetrics(serviceName: string, logger?: Logger): Metrics {
  if (!process.env.AWS_EXECUTION_ENV) process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName, logger });
}

/** Customer messages that reached the inbound queue, per channel (echoes of our own replies are not counted). */
export function recordMessagesIn(metrics: Metrics, events: InboundEvent[]): void {
  const perChannel = new Map<string, number>();
  for (const event of events) {
    if (event.type === 'message' && !event.echo) perChannel.set(event.channel, (perChannel.get(event.channel) ?? 0) + 1);
  }
  // a metric of its own per channel: the dimension never leaks into another metric or a concurrent request
  for (const [channel, count] of perChannel) {
    const single = metrics.singleMetric();
    single.addDimension('channel', channel);
    single.addMetric('MessagesIn', MetricUnit.Count, count);
  }
}

/** Time the triage worker spent on one customer message: thread, classification, draft and writes. */
export function recordTriageLatency(metrics: Metrics, milliseconds: number): void {
  metrics.addMetric('TriageLatency', MetricUnit.Milliseconds, milliseconds);
}

/**
 * SendsFailed is a reply that will not go out without an agent (a final refusal, or an outcome nobody can know):
 * what the alarm is for. An attempt SQS will make again (429, 5xx, a timeout before the claim) is SendsRetried,
 * so a provider's short throttling does not page anyone; the age-of-oldest-message alarm catches a long one.
 */
export function recordSendOutcome(metrics: Metrics, outcome: SendOutcome | 'retry'): void {
  if (outcome === 'sent') metrics.addMetric('SendsSucceeded', MetricUnit.Count, 1);
  if (outcome === 'failed') metrics.addMetric('SendsFailed', MetricUnit.Count, 1);
  if (outcome === 'retry') metrics.addMetric('SendsRetried', MetricUnit.Count, 1);
}

/**
 * LLM tokens and cost of one message's triage. The triage worker records them from the outcome of the delivery
 * that put the message in its thread (`llm` is on that outcome only), so SQS redeliveries count nothing twice.
 */
export function recordLlmUsage(metrics: Metrics, llm: { inputTokens: number; outputTokens: number; costUsd: number }): void {
  metrics.addMetric('LlmTokens', MetricUnit.Count, llm.inputTokens + llm.outputTokens);
  metrics.addMetric('LlmCostUsd', MetricUnit.NoUnit, llm.costUsd);
}

/**
 * An approval or rejection, recorded by the JSON API and the agents' page alike from what the use case answers:
 * `written` is true only when this call's conditional write moved the draft, so a lost race counts nothing, and
 * neither does an agent repeating an approval that already went through.
 */
export function recordDraftReview(metrics: Metrics, review: { draft: Draft; written: boolean }): void {
  if (!review.written) return;
  if (review.draft.state === 'approved') {
    metrics.addMetric('DraftsApproved', MetricUnit.Count, 1);
    if (review.draft.edited) metrics.addMetric('DraftsEdited', MetricUnit.Count, 1);
  }
  if (review.draft.state === 'rejected') metrics.addMetric('DraftsRejected', MetricUnit.Count, 1);
}
