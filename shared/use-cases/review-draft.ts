import { assertCanWork, type Agent } from '../auth/roles.js';
import {
  assertReplyable,
  ConflictError,
  DEFAULT_TEMPLATES,
  renderTemplate,
  SendRefusedError,
  type MessageTemplate,
  NotFoundError,
  ValidationError,
  type Draft,
  type Message,
  type SendJobPublisher,
  type Thread,
  type Threads,
  type Drafts,
  type ThreadJournal,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';

export interface ReviewDeps {
  store: Threads & Drafts & ThreadJournal;
  jobs: SendJobPublisher;
  now?: () => Date;
  /** Approved WhatsApp templates, for replies outside the 24-hour window. */
  templates?: MessageTemplate[];
}

export interface ApproveInput {
  threadId: string;
  draftId: string;
  /** The draft version the agent saw; a different one means someone changed it since. */
  version: number;
  /** The agent's edit; absent means the draft as proposed. */
  text?: string;
  /** WhatsApp outside the 24-hour window: send this approved template instead of the text. */
  template?: { name: string; language: string; parameters: string[] };
  agent: Agent;
}

/**
 * What a review answers: the draft as it now is, and whether this call's conditional write moved it (false when the
 * same agent repeats an approval that already went through). Metrics count the written ones.
 */
export interface Review {
  draft: Draft;
  written: boolean;
}

/**
 * Approve (optionally edited): a conditional change proposed → approved at the version the agent saw, then one
 * send job. Two agents at once: one wins, the other gets a ConflictError that says who approved. The same agent
 * retrying the same approval (a lost response) gets the same answer and the job again; the sender sends once.
 */
export async function approveDraft(deps: ReviewDeps, input: ApproveInput): Promise<Review> {
  const now = (deps.now ?? (() => new Date()))();
  const { thread, draft } = await load(deps.store, input.threadId, input.draftId, input.agent);
  const templates = deps.templates ?? DEFAULT_TEMPLATES;
  if (input.text !== undefined && !input.template && !input.text.trim()) throw new ValidationError('the reply is empty');
  // what a browser does to a textarea (CRLF line ends, a dropped leading newline, trailing space) is no edit
  const edited = input.text !== undefined && normalise(input.text) !== normalise(draft.text);
  const finalText = input.template ? renderTemplate(templates, input.template) : edited ? input.text!.replace(/\r\n/g, '\n').trim() : draft.text;
  if (draft.state === 'approved' && draft.approvedBy === input.agent.sub && draft.version === input.version + 1 && draft.finalText === finalText) {
    await deps.jobs.publish({ threadId: draft.threadId, draftId: draft.id });
    return { draft, written: false };
  }
  if (draft.state !== 'proposed' || draft.version !== input.version) throw conflict(draft, input.version);
  // an older draft answers a conversation that has moved on; sending it too would give the customer two replies
  if (thread.latestDraftId && thread.latestDraftId !== draft.id) {
    throw new ConflictError('a newer draft answers this thread; review that one', { latestDraftId: thread.latestDraftId });
  }
  const detail = await deps.store.getThreadDetail(thread.id);
  const answered = detail?.messages.find((m) => m.id === draft.inReplyTo);
  try {
    assertReplyable(thread, answered, finalText, now, { template: !!input.template });
  } catch (err) {
    // the refusal offers the way that is open: the approved templates for this thread's channel
    if (err instanceof SendRefusedError && (err.details as { templateRequired?: boolean })?.templateRequired) {
      throw new SendRefusedError(err.message, {
        ...(err.details as object),
        templates: templates.map(({ name, language, body }) => ({ name, language, body })),
      });
    }
    throw err;
  }
  const approved: Draft = {
    ...draft,
    state: 'approved',
    approvedBy: input.agent.sub,
    approvedByName: input.agent.name,
    approvedAt: now.toISOString(),
    finalText,
    edited: !!input.template || edited,
    ...(input.template ? { template: input.template } : {}),
    version: draft.version + 1,
  };
  await guarded(deps.store, approved, { version: draft.version, state: 'proposed' }, input.version);
  // the thread moves before the job exists, so the send worker always finds it approved
  await changeThreadStatus(deps.store, thread.id, ['approve'], now);
  await deps.jobs.publish({ threadId: draft.threadId, draftId: draft.id });
  await deps.store.putAudit({
    threadId: thread.id,
    at: now.toISOString(),
    actor: input.agent.sub,
    action: 'approve',
    draftId: draft.id,
    detail: approved.edited ? 'edited' : undefined,
  });
  await rememberApprovedReply(deps.store, thread, answered, approved, now);
  return { draft: approved, written: true };
}

export async function rejectDraft(
  deps: Omit<ReviewDeps, 'jobs'>,
  input: { threadId: string; draftId: string; version: number; reason: string; agent: Agent },
): Promise<Review> {
  const now = (deps.now ?? (() => new Date()))();
  const { thread, draft } = await load(deps.store, input.threadId, input.draftId, input.agent);
  if (draft.state !== 'proposed' || draft.version !== input.version) throw conflict(draft, input.version);
  const rejected: Draft = { ...draft, state: 'rejected', rejectedBy: input.agent.sub, rejectReason: input.reason, version: draft.version + 1 };
  await guarded(deps.store, rejected, { version: draft.version, state: 'proposed' }, input.version);
  if (thread.latestDraftId === draft.id) await changeThreadStatus(deps.store, thread.id, ['reject'], now);
  await deps.store.putAudit({ threadId: thread.id, at: now.toISOString(), actor: input.agent.sub, action: 'reject', draftId: draft.id, detail: input.reason });
  return { draft: rejected, written: true };
}

async function load(store: Threads & Drafts & ThreadJournal, threadId: string, draftId: string, agent: Agent): Promise<{ thread: Thread; draft: Draft }> {
  const [thread, draft] = await Promise.all([store.getThread(threadId), store.getDraft(threadId, draftId)]);
  if (!thread || !draft) throw new NotFoundError(`no draft ${draftId} in thread ${threadId}`);
  assertCanWork(agent, thread);
  return { thread, draft };
}

function normalise(text: string): string {
  return text.replace(/\r\n/g, '\n').trim();
}

/** The conditional write; if another agent got there between our read and write, say who. */
async function guarded(
  store: Threads & Drafts & ThreadJournal,
  next: Draft,
  expected: { version: number; state: Draft['state'] },
  seen: number,
): Promise<void> {
  try {
    await store.updateDraft(next, expected);
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    const current = await store.getDraft(next.threadId, next.id);
    throw current ? conflict(current, seen) : err;
  }
}

function conflict(draft: Draft, seen: number): ConflictError {
  const details = {
    state: draft.state,
    version: draft.version,
    approvedBy: draft.approvedByName ?? draft.approvedBy,
    approvedAt: draft.approvedAt,
    rejectedBy: draft.rejectedBy,
  };
  if (draft.state === 'approved' || draft.state === 'sending' || draft.state === 'sent') {
    return new ConflictError(`already approved by ${details.approvedBy} at ${draft.approvedAt}`, details);
  }
  if (draft.state === 'rejected') return new ConflictError(`already rejected by ${draft.rejectedBy}`, details);
  return new ConflictError(`the draft changed since version ${seen} (now ${draft.version}); reload it`, details);
}

/** The reply an agent approved, with the message it answers: a labelled example for training. */
async function rememberApprovedReply(
  store: Threads & Drafts & ThreadJournal,
  thread: Thread,
  answered: Message | undefined,
  draft: Draft,
  now: Date,
): Promise<void> {
  if (!answered?.triage) return;
  await store.putFeedback({
    at: now.toISOString(),
    kind: 'approved_reply',
    threadId: thread.id,
    agent: draft.approvedBy ?? 'unknown',
    channel: thread.channel,
    language: answered.triage.language,
    text: answered.text,
    subject: answered.subject,
    category: thread.category,
    sentiment: answered.triage.sentiment.label,
    reply: draft.finalText,
  });
}
