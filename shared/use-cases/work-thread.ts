import { assertCanWork, type Agent } from '../auth/roles.js';
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnknownAgentError,
  ValidationError,
  type Note,
  type Thread,
  type ThreadJournal,
  type Threads,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';
import type { KnownAgents } from './known-agents.js';

const RESERVED_ASSIGNEES = ['me', 'none', 'all'];

/** Take a thread (agents: only for themselves; supervisors: for anyone Balie knows). */
export async function assignThread(
  deps: { store: Threads & ThreadJournal; agents: KnownAgents },
  input: { threadId: string; assignee?: string; agent: Agent },
  now = new Date(),
): Promise<Thread> {
  const { store } = deps;
  const assignee = input.assignee ?? input.agent.sub;
  // the worklist's filter words, never a person
  if (RESERVED_ASSIGNEES.includes(assignee)) throw new ValidationError(`"${assignee}" cannot be an assignee`);
  if (assignee !== input.agent.sub && input.agent.role !== 'supervisor') throw new ForbiddenError('only supervisors assign threads to others');
  // a made-up sub would take the thread off every worklist: no agent would ever see it
  if (assignee !== input.agent.sub && !(await deps.agents.isKnown(assignee))) {
    throw new UnknownAgentError(`no agent "${assignee}" is known: assign to someone who has signed in to Balie`);
  }
  const current = await store.getThread(input.threadId);
  if (!current) throw new NotFoundError(`no thread ${input.threadId}`);
  assertCanWork(input.agent, current);
  // checked again on the version written: two agents taking the same thread at once, the second is refused
  const thread = await changeThreadStatus(store, input.threadId, [], now, (t) => {
    assertCanWork(input.agent, t);
    return { assignee };
  });
  if (!thread) throw new NotFoundError(`no thread ${input.threadId}`);
  await store.putAudit({ threadId: input.threadId, at: now.toISOString(), actor: input.agent.sub, action: 'assign', detail: assignee });
  return thread;
}

/** Resolve or reopen, through the state machine; a move it does not allow is a 409. */
export async function moveThread(
  store: Threads & ThreadJournal,
  input: { threadId: string; action: 'resolve' | 'reopen'; agent: Agent },
  now = new Date(),
): Promise<Thread> {
  const current = await store.getThread(input.threadId);
  if (!current) throw new NotFoundError(`no thread ${input.threadId}`);
  assertCanWork(input.agent, current);
  const thread = await changeThreadStatus(store, input.threadId, [input.action], now, () => (input.action === 'resolve' ? { unanswered: 0 } : {}));
  if (!thread) throw new InvalidTransitionError(current.status, input.action);
  await store.putAudit({ threadId: input.threadId, at: now.toISOString(), actor: input.agent.sub, action: input.action });
  return thread;
}

export async function addNote(store: Threads & ThreadJournal, input: { threadId: string; text: string; agent: Agent }, now = new Date()): Promise<Note> {
  const thread = await store.getThread(input.threadId);
  if (!thread) throw new NotFoundError(`no thread ${input.threadId}`);
  assertCanWork(input.agent, thread);
  const note: Note = { threadId: input.threadId, at: now.toISOString(), author: input.agent.sub, authorName: input.agent.name, text: input.text };
  await store.putNote(note);
  await store.putAudit({ threadId: input.threadId, at: now.toISOString(), actor: input.agent.sub, action: 'note' });
  return note;
}
