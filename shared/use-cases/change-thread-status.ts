import { ConflictError, InvalidTransitionError, transition, type Thread, type ThreadEvent, type Threads } from '../domain/index.js';

const ATTEMPTS = 10;

/**
 * Moves a thread by one state-machine event, re-reading on a version conflict. `adjust` may change other fields
 * of the thread in the same write. Answers the thread as written, or undefined if the event does not apply.
 */
export async function changeThreadStatus(
  store: Threads,
  threadId: string,
  events: ThreadEvent[],
  now: Date,
  adjust: (thread: Thread) => Partial<Thread> = () => ({}),
): Promise<Thread | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.getThread(threadId);
    if (!current) return undefined;
    let status = current.status;
    try {
      for (const event of events) status = transition(status, event);
    } catch (err) {
      if (err instanceof InvalidTransitionError) return undefined;
      throw err;
    }
    const next: Thread = { ...current, ...adjust(current), status, updatedAt: now.toISOString(), version: current.version + 1 };
    try {
      await store.saveThread(next, current.version);
      return next;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= ATTEMPTS) throw err;
    }
  }
}
