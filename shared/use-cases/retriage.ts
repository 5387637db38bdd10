import { assertCanWork, type Agent } from '../auth/roles.js';
import {
  compareMessages,
  DEFAULT_CATEGORIES,
  UNSURE_FLAG,
  NotFoundError,
  slaDueAt,
  ValidationError,
  type Category,
  type Priority,
  type Thread,
  type Threads,
  type ThreadJournal,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';

/**
 * An agent corrects the category or priority. The thread changes (the SLA follows the new priority, counted from
 * the oldest unanswered message), the audit trail says who, and the correction is kept as a labelled example for
 * the next `npm run train`.
 */
export async function retriageThread(
  store: Threads & ThreadJournal,
  input: {
    threadId: string;
    category?: Category;
    priority?: Priority;
    agent: Agent;
    /** The categories agents may choose from: the published model's; the defaults otherwise. */
    categories?: readonly string[];
  },
  now: Date = new Date(),
): Promise<Thread> {
  if (!input.category && !input.priority) throw new ValidationError('give a category, a priority or both');
  const detail = await store.getThreadDetail(input.threadId);
  if (!detail) throw new NotFoundError(`no thread ${input.threadId}`);
  const before = detail.thread;
  assertCanWork(input.agent, before);
  // a form posts both fields: only what differs is a correction (no SLA reset, audit line or training example)
  if (input.category === before.category) input = { ...input, category: undefined };
  if (input.priority === before.priority) input = { ...input, priority: undefined };
  if (!input.category && !input.priority) return before;
  // a correction goes to a category the model in use knows (a shop's own once its model is published), so it can
  // be learned from; the thread's own category can always be posted back unchanged (handled above)
  const allowed = input.categories ?? DEFAULT_CATEGORIES;
  if (input.category && !allowed.includes(input.category))
    throw new ValidationError(`"${input.category}" is not a category; choose one of ${allowed.join(', ')}`);
  const inbound = detail.messages.filter((m) => m.direction === 'inbound' && m.triage).sort(compareMessages);
  const firstUnanswered = inbound.at(-Math.max(1, before.unanswered)) ?? inbound.at(-1);
  const updated = await changeThreadStatus(store, input.threadId, [], now, (t) => ({
    category: input.category ?? t.category,
    // an agent chose the category: the engine's doubt no longer applies
    ...(input.category ? { flags: t.flags.filter((f) => f !== UNSURE_FLAG) } : {}),
    priority: input.priority ?? t.priority,
    slaDueAt: input.priority && firstUnanswered ? slaDueAt(input.priority, new Date(firstUnanswered.sentAt)) : t.slaDueAt,
  }));
  if (!updated) throw new NotFoundError(`no thread ${input.threadId}`);
  const latest = inbound.at(-1);
  const detailText = [input.category && `category ${before.category} → ${input.category}`, input.priority && `priority ${before.priority} → ${input.priority}`]
    .filter(Boolean)
    .join(', ');
  await store.putAudit({ threadId: input.threadId, at: now.toISOString(), actor: input.agent.sub, action: 'retriage', detail: detailText });
  if (latest) {
    await store.putFeedback({
      at: now.toISOString(),
      kind: 'correction',
      threadId: input.threadId,
      agent: input.agent.sub,
      channel: before.channel,
      language: before.language,
      text: latest.text,
      subject: latest.subject,
      category: updated.category,
      sentiment: before.sentiment.label,
      priority: updated.priority,
      previous: { category: before.category, priority: before.priority },
    });
  }
  return updated;
}
