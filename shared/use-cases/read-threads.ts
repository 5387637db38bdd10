import { NotFoundError, type AuditEntry, type Note, type Draft, type Message, type Thread, type ThreadStore, type TriageResult } from '../domain/index.js';

export interface ThreadDetail extends Thread {
  messages: Array<Omit<Message, 'raw'> & { raw?: unknown }>;
  drafts: Draft[];
  /** Who did what, oldest first. */
  audit: AuditEntry[];
  /** Agents' private notes, oldest first. */
  notes: Note[];
  /** The triage of the newest customer message: what decided the thread's category and priority. */
  triage?: TriageResult;
}

/** The thread with its conversation in time order, its drafts newest first and its audit trail. */
export async function getThreadDetail(store: ThreadStore, threadId: string): Promise<ThreadDetail> {
  const detail = await store.getThreadDetail(threadId);
  if (!detail) throw new NotFoundError(`no thread ${threadId}`);
  const messages = [...detail.messages].sort((a, b) => a.sk.localeCompare(b.sk));
  const drafts = [...detail.drafts].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const triage = [...messages].reverse().find((m) => m.triage)?.triage;
  const audit = [...detail.audit].sort((a, b) => a.at.localeCompare(b.at));
  const notes = [...detail.notes].sort((a, b) => a.at.localeCompare(b.at));
  return { ...detail.thread, messages, drafts, audit, notes, triage };
}
