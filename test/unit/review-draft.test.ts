import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError, type InboundMessage, type SendJob } from '../../shared/domain/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { LocalEngine } from '../../shared/triage/local/local-engine.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { approveDraft, rejectDraft } from '../../shared/use-cases/review-draft.js';
import { assignThread } from '../../shared/use-cases/work-thread.js';
import { MemoryThreadStore } from '../helpers/memory-store.js';

const store = new MemoryThreadStore();
const anna = { sub: 'agent-anna', name: 'Anna', role: 'agent' as const };
const bram = { sub: 'agent-bram', name: 'Bram', role: 'agent' as const };
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
let handles = 0;

/** A customer message through the real worker: a thread with one proposed draft. Answers the jobs the reviews publish. */
async function proposed(text = 'Waar blijft mijn pakket? Bestelling 10482.') {
  const handle = `3168${String(++handles).padStart(7, '0')}`;
  const process = createInboundEventProcessor({ store, engine: new LocalEngine(new RuleClassifier(), new TemplateDrafter()) });
  const inbound: InboundMessage = {
    type: 'message',
    channel: 'whatsapp',
    externalId: `wamid.review.${handle}`,
    contact: { handle, name: 'Sanne' },
    kind: 'text',
    text,
    sentAt: minutesAgo(20),
    ingestedAt: minutesAgo(20),
    raw: {},
  };
  const outcome = await process(inbound);
  if (outcome.outcome !== 'stored' || !outcome.draftId) throw new Error('no draft');
  const jobs: SendJob[] = [];
  return { threadId: outcome.threadId, draftId: outcome.draftId, jobs, deps: { store, jobs: { publish: async (job: SendJob) => void jobs.push(job) } } };
}

describe('reviewing a draft (in-memory store)', () => {
  it('approves the draft as proposed: one send job, the thread approved, an audit entry and a training example', async () => {
    const t = await proposed();
    const { draft, written } = await approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna });
    expect(written).toBe(true);
    expect(draft).toMatchObject({ state: 'approved', approvedBy: 'agent-anna', edited: false, version: 2 });
    expect(t.jobs).toEqual([{ threadId: t.threadId, draftId: t.draftId }]);
    const detail = (await store.getThreadDetail(t.threadId))!;
    expect(detail.thread.status).toBe('approved');
    expect(detail.audit.map((a) => a.action)).toEqual(['approve']);
    expect((await store.listFeedback()).find((f) => f.threadId === t.threadId)).toMatchObject({ kind: 'approved_reply', reply: draft.finalText });
  });

  it('counts a real edit as edited, and what a browser does to a textarea (CRLF, outer whitespace) as no edit', async () => {
    const t = await proposed();
    const original = (await store.getDraft(t.threadId, t.draftId))!.text;
    const { draft: same } = await approveDraft(t.deps, {
      threadId: t.threadId,
      draftId: t.draftId,
      version: 1,
      text: `\n${original.replace(/\n/g, '\r\n')}  `,
      agent: anna,
    });
    expect([same.edited, same.finalText]).toEqual([false, original]);
    const u = await proposed();
    const { draft: edited } = await approveDraft(u.deps, {
      threadId: u.threadId,
      draftId: u.draftId,
      version: 1,
      text: 'Hoi Sanne,\r\nje pakket komt morgen.',
      agent: anna,
    });
    expect([edited.edited, edited.finalText]).toEqual([true, 'Hoi Sanne,\nje pakket komt morgen.']);
  });

  it('refuses an empty reply', async () => {
    const t = await proposed();
    await expect(approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, text: '  \n ', agent: anna })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await store.getDraft(t.threadId, t.draftId))!.state).toBe('proposed');
  });

  it('answers the same agent repeating an approval (a lost response) with the same draft and the job again; the sender sends once', async () => {
    const t = await proposed();
    const first = await approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna });
    const again = await approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna });
    expect(again).toEqual({ draft: first.draft, written: false });
    expect(t.jobs).toHaveLength(2);
    expect((await store.getThreadDetail(t.threadId))!.audit).toHaveLength(1);
  });

  it('lets one of two agents approve and tells the other who did', async () => {
    const t = await proposed();
    const results = await Promise.allSettled([
      approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna }),
      approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: bram }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect((lost.reason as Error).message).toMatch(/^already approved by (Anna|Bram)/);
    expect(t.jobs).toHaveLength(1);
  });

  it('refuses an approval based on a version the agent did not see', async () => {
    const t = await proposed();
    await expect(approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 3, agent: anna })).rejects.toBeInstanceOf(ConflictError);
  });

  it('rejects with a reason, moves the thread to rejected, and refuses a later approval by saying who rejected', async () => {
    const t = await proposed();
    const { draft: rejected } = await rejectDraft({ store }, { threadId: t.threadId, draftId: t.draftId, version: 1, reason: 'verkeerde toon', agent: bram });
    expect(rejected).toMatchObject({ state: 'rejected', rejectedBy: 'agent-bram', rejectReason: 'verkeerde toon' });
    expect((await store.getThread(t.threadId))!.status).toBe('rejected');
    await expect(approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna })).rejects.toThrow('already rejected by agent-bram');
    expect(t.jobs).toEqual([]);
  });

  it('does not let an agent approve a thread a colleague has taken', async () => {
    const t = await proposed();
    await assignThread({ store, agents: { isKnown: async () => true } }, { threadId: t.threadId, agent: bram });
    await expect(approveDraft(t.deps, { threadId: t.threadId, draftId: t.draftId, version: 1, agent: anna })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
