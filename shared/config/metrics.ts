import type { Logger } from '@aws-lambda-powertools/logger';
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import type { Draft, InboundEvent, ThreadStore, TriageResult } from '../domain/index.js';
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
 * LLM tokens and cost, counted where the store counts a triaged message's usage: once per message, on the delivery
 * that put it in its thread, so SQS redeliveries do not count twice.
 */
export function countTriageUsage(store: ThreadStore, metrics: Metrics): ThreadStore {
  return withOverrides(store, {
    async addTriageUsage(day: string, mode: string, triage: TriageResult) {
      await store.addTriageUsage(day, mode, triage);
      if (!triage.llm) return;
      metrics.addMetric('LlmTokens', MetricUnit.Count, triage.llm.inputTokens + triage.llm.outputTokens);
      metrics.addMetric('LlmCostUsd', MetricUnit.NoUnit, triage.llm.costUsd);
    },
  });
}

/**
 * Approvals and rejections, counted where the draft's conditional write succeeds: the JSON API and the agents' page
 * count alike, a lost race counts nothing, and neither does an agent repeating an approval that already went through.
 */
export function countDraftReviews(store: ThreadStore, metrics: Metrics): ThreadStore {
  return withOverrides(store, {
    async updateDraft(draft: Draft, expected: { version: number; state: Draft['state'] }) {
      await store.updateDraft(draft, expected);
      if (expected.state !== 'proposed') return;
      if (draft.state === 'approved') {
        metrics.addMetric('DraftsApproved', MetricUnit.Count, 1);
        if (draft.edited) metrics.addMetric('DraftsEdited', MetricUnit.Count, 1);
      }
      if (draft.state === 'rejected') metrics.addMetric('DraftsRejected', MetricUnit.Count, 1);
    },
  });
}

/** The store with some methods replaced; every other call goes to the store itself. */
function withOverrides(store: ThreadStore, overrides: Partial<ThreadStore>): ThreadStore {
  return new Proxy(store, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof ThreadStore];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
