import { assertCanWork, canSeeThread, type Agent } from '../auth/roles.js';
import {
  compareMessages,
  NotFoundError,
  type QueueCounts,
  type QueueStats,
  type ThreadPage,
  type ThreadQuery,
  type AuditEntry,
  type Note,
  type Draft,
  type Message,
  type Thread,
  type Threads,
  type Worklist,
  type TriageResult,
} from '../domain/index.js';

export interface ThreadDetail extends Thread {
  messages: Array<Omit<Message, 'raw'> & { raw?: unknown }>;
  drafts: Draft[];
  /** Who did what, oldest first; supervisors only. */
  audit?: AuditEntry[];
  /** Agents' private notes, oldest first. */
  notes: Note[];
  /** The triage of the newest customer message: what decided the thread's category and priority. */
  triage?: TriageResult;
  /** The customer's other conversations on this channel that the viewer may see, newest first. */
  earlierThreads: EarlierThread[];
}

export type EarlierThread = Pick<Thread, 'id' | 'status' | 'category' | 'priority' | 'subject' | 'lastMessagePreview' | 'createdAt' | 'lastInboundAt'>;

const EARLIER_THREADS = 10;

/**
 * The thread with its conversation in time order and its drafts newest first, as `viewer` may see it: an agent
 * gets a thread nobody has taken or their own, without the audit trail; a supervisor gets any thread with it.
 */
export async function getThreadDetail(store: Threads & Worklist, threadId: string, viewer: Agent): Promise<ThreadDetail> {
  const [detail, history] = await Promise.all([
    store.getThreadDetail(threadId),
    store.getThread(threadId).then((t) => (t ? store.listContactThreads(t.channel, t.contact.handle, EARLIER_THREADS + 1) : [])),
  ]);
  if (!detail) throw new NotFoundError(`no thread ${threadId}`);
  assertCanWork(viewer, detail.thread);
  const earlierThreads = history
    .filter((t) => t.id !== threadId && canSeeThread(viewer, t))
    .slice(0, EARLIER_THREADS)
    .map(({ id, status, category, priority, subject, lastMessagePreview, createdAt, lastInboundAt }) => ({
      id,
      status,
      category,
      priority,
      subject,
      lastMessagePreview,
      createdAt,
      lastInboundAt,
    }));
  const messages = [...detail.messages].sort(compareMessages);
  const drafts = [...detail.drafts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const triage = [...messages].reverse().find((m) => m.triage)?.triage;
  const audit = [...detail.audit].sort((a, b) => a.at.localeCompare(b.at));
  const notes = [...detail.notes].sort((a, b) => a.at.localeCompare(b.at));
  return { ...detail.thread, messages, drafts, ...(viewer.role === 'supervisor' ? { audit } : {}), notes, triage, earlierThreads };
}

export interface WorklistFilters extends Omit<ThreadQuery, 'visibleTo' | 'search' | 'assignee'> {
  /** An agent's sub, `me`, or `none` for threads nobody has taken. */
  assignee?: string;
  /** Free text: customer name or handle, subject, newest message. */
  q?: string;
}

/** The worklist as `viewer` may see it: agents get the threads nobody has taken and their own, supervisors all. */
export function listWorklist(store: Threads & Worklist, viewer: Agent, filters: WorklistFilters): Promise<ThreadPage> {
  const { q, assignee, ...rest } = filters;
  return store.listThreads({
    ...rest,
    search: q?.trim() || undefined,
    assignee: assignee === 'me' ? viewer.sub : assignee,
    visibleTo: viewer.role === 'supervisor' ? undefined : viewer.sub,
  });
}

/** The counts per view as `viewer` sees them, from the shared queue stats (agents: nobody's threads and their own). */
export function countsFor(stats: QueueStats, viewer: Agent): QueueCounts {
  const counts: QueueCounts = { open: 0, mine: 0, unassigned: 0, awaitingApproval: 0, overdue: 0, byPriority: {}, capped: stats.capped };
  for (const g of stats.groups) {
    if (!canSeeThread(viewer, g)) continue;
    counts.open += g.count;
    if (g.assignee === viewer.sub) counts.mine += g.count;
    if (!g.assignee) counts.unassigned += g.count;
    if (g.status === 'awaiting_approval') counts.awaitingApproval += g.count;
    if (g.overdue) counts.overdue += g.count;
    counts.byPriority[g.priority] = (counts.byPriority[g.priority] ?? 0) + g.count;
  }
  return counts;
}

export async function countWorklist(store: Threads & Worklist, viewer: Agent, now = new Date()): Promise<QueueCounts> {
  return countsFor(await store.openQueueStats(now), viewer);
}
