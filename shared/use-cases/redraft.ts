import { assertCanWork, type Agent } from '../auth/roles.js';
import {
  ConflictError,
  NotFoundError,
  type TriageEngine,
  type Draft,
  type EventPublisher,
  type RedraftRequest,
  type Drafts,
  type ThreadJournal,
  type Threads,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';
import { stableId } from './ids.js';

const REDRAFTABLE: ReadonlyArray<Draft['state']> = ['proposed', 'rejected', 'failed'];

/**
 * An agent asks for a new draft. The API only queues the request: the triage worker holds the engines (and the
 * LLM's longer timeout), so the new draft is written where every draft is written, and appears in the thread.
 */
export async function requestRedraft(
  deps: { store: Threads & Drafts & ThreadJournal; events: EventPublisher },
  input: { threadId: string; draftId: string; agent: Agent },
  now = new Date(),
): Promise<void> {
  const [thread, draft] = await Promise.all([deps.store.getThread(input.threadId), deps.store.getDraft(input.threadId, input.draftId)]);
  if (!thread || !draft) throw new NotFoundError(`no draft ${input.draftId} in thread ${input.threadId}`);
  assertCanWork(input.agent, thread);
  if (thread.latestDraftId !== draft.id)
    throw new ConflictError('a newer draft answers this thread already; reload it', { latestDraftId: thread.latestDraftId });
  if (!REDRAFTABLE.includes(draft.state)) throw new ConflictError(`the draft is ${draft.state}; it cannot be replaced now`, { state: draft.state });
  await deps.events.publish([{ type: 'redraft', threadId: thread.id, draftId: draft.id, requestedBy: input.agent.sub, requestedAt: now.toISOString() }]);
  await deps.store.putAudit({ threadId: thread.id, at: now.toISOString(), actor: input.agent.sub, action: 'redraft', draftId: draft.id });
}

export type RedraftOutcome = { outcome: 'redrafted'; threadId: string; draftId: string } | { outcome: 'redraft_skipped'; threadId: string; reason: string };

/**
 * The worker's half: ask the engines again about the message the old draft answered, with the thread's category
 * (an agent may have corrected it), then retire the old draft and point the thread at the new one. Every step is
 * conditional or keyed by the request, so a redelivered request changes nothing twice.
 */
export async function redraft(
  deps: { store: Threads & Drafts & ThreadJournal; engine: TriageEngine; now: () => Date },
  request: RedraftRequest,
): Promise<RedraftOutcome> {
  const skipped = (reason: string): RedraftOutcome => ({ outcome: 'redraft_skipped', threadId: request.threadId, reason });
  const id = stableId('d', 'redraft', request.draftId, request.requestedAt);
  const detail = await deps.store.getThreadDetail(request.threadId);
  if (!detail) return skipped('no such thread');
  const { thread } = detail;
  if (thread.latestDraftId === id) return { outcome: 'redrafted', threadId: thread.id, draftId: id };
  if (thread.latestDraftId !== request.draftId) return skipped('the thread has another draft now');
  const old = detail.drafts.find((d) => d.id === request.draftId);
  if (!old || !REDRAFTABLE.includes(old.state)) return skipped(`the draft is ${old?.state ?? 'gone'}`);
  const answered = detail.messages.find((m) => m.id === old.inReplyTo);
  if (!answered) return skipped('the answered message is gone');

  // the thread's category (an agent may have corrected it) and the old draft's language; an LLM writes afresh
  const { draft: proposal } = await deps.engine.assess({
    text: answered.text,
    subject: answered.subject,
    channel: thread.channel,
    contact: thread.contact,
    category: thread.category,
    language: old.language,
  });
  const next: Draft = {
    threadId: thread.id,
    id,
    inReplyTo: old.inReplyTo,
    state: 'proposed',
    text: proposal.text,
    language: old.language,
    engine: proposal.engine,
    reasons: [...proposal.reasons, `new draft asked for by ${request.requestedBy}`],
    kbRefs: proposal.kbRefs,
    createdAt: deps.now().toISOString(),
    version: 1,
  };
  await deps.store.putDraftOnce(next);
  if (old.state === 'proposed') {
    try {
      await deps.store.updateDraft(
        { ...old, state: 'rejected', rejectedBy: request.requestedBy, rejectReason: 'replaced by a new draft', version: old.version + 1 },
        { version: old.version, state: 'proposed' },
      );
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      const now = await deps.store.getDraft(old.threadId, old.id);
      // approved in the meantime: that reply goes out and the new draft stays unused
      if (now?.state !== 'rejected') return skipped(`the draft was ${now?.state ?? 'changed'} meanwhile`);
    }
  }
  const moved = await changeThreadStatus(deps.store, thread.id, ['draft_ready'], deps.now(), (t) =>
    t.latestDraftId === request.draftId ? { latestDraftId: id } : {},
  );
  if (!moved) return skipped(`the thread is ${thread.status}`);
  return { outcome: 'redrafted', threadId: thread.id, draftId: id };
}
