import { describe, expect, it } from 'vitest';
import { ProviderError, type InboundMessage, type OutboundMessage, type Sender } from '../../shared/domain/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { LocalEngine } from '../../shared/triage/local/local-engine.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { approveDraft } from '../../shared/use-cases/review-draft.js';
import { sendApprovedDraft } from '../../shared/use-cases/send-reply.js';
import { MemoryThreadStore } from '../helpers/memory-store.js';
import { anInboundText } from '../helpers/threads.js';

const store = new MemoryThreadStore();
const agent = { sub: 'agent-1', name: 'Anna', role: 'agent' as const };
const noJobs = { publish: async () => undefined };

const process = () => createInboundEventProcessor({ store, engine: new LocalEngine(new RuleClassifier(), new TemplateDrafter()) });
const message = anInboundText;

/** A thread with one approved draft, ready for the send worker. */
async function approvedThread(handle: string) {
  const outcome = await process()(message(handle, `wamid.${handle}.1`, 'Waar is mijn pakket?', minutesAgo(30)));
  if (outcome.outcome !== 'stored') throw new Error('not stored');
  await approveDraft({ store, jobs: noJobs }, { threadId: outcome.threadId, draftId: outcome.draftId!, version: 1, agent });
  return { threadId: outcome.threadId, draftId: outcome.draftId! };
}

/** Message times relative to now: approval checks the messaging window against the real clock. */
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const sender = (send: (m: OutboundMessage) => Promise<{ providerMessageId: string }>): Sender => ({ send });
const deps = (s: Sender) => ({ store, senderFor: () => s, emailFrom: 'Shop <support@shop.nl>' });

describe('the send worker', () => {
  it('hands a draft back to approved and throws on a 429, so SQS retries it, then sends it', async () => {
    const job = await approvedThread('31670000001');
    const limited = sender(() => Promise.reject(new ProviderError('(#130429) Rate limit hit', '130429', true)));
    await expect(sendApprovedDraft(deps(limited), job)).rejects.toMatchObject({ code: '130429' });
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'approved' });
    expect(await sendApprovedDraft(deps(sender(async () => ({ providerMessageId: 'wamid.out.1' }))), job)).toBe('sent');
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'sent', providerMessageId: 'wamid.out.1' });
  });

  it("marks the draft failed with the provider's code on a refusal that will not pass, and puts the thread back to work", async () => {
    const job = await approvedThread('31670000002');
    const refused = sender(() => Promise.reject(new ProviderError('(#131047) Re-engagement message', '131047', false)));
    expect(await sendApprovedDraft(deps(refused), job)).toBe('failed');
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'failed', failure: { code: '131047' } });
    expect(await store.getThread(job.threadId)).toMatchObject({ status: 'awaiting_approval' });
  });

  it('never sends a draft left "sending" by a crashed attempt: it is marked outcome_unknown for an agent', async () => {
    const job = await approvedThread('31670000003');
    let calls = 0;
    const crashing = sender(async () => {
      calls += 1;
      throw new Error('process killed');
    });
    // a plain Error is not a provider answer: it is treated as a failure, so simulate the crash by claiming by hand
    const draft = (await store.getDraft(job.threadId, job.draftId))!;
    await store.updateDraft({ ...draft, state: 'sending', version: draft.version + 1 }, { version: draft.version, state: 'approved' });
    expect(await sendApprovedDraft(deps(crashing), job)).toBe('failed');
    expect(calls).toBe(0);
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'failed', failure: { code: 'outcome_unknown' } });
  });

  it('skips a job for a draft that was already sent', async () => {
    const job = await approvedThread('31670000004');
    let calls = 0;
    const counting = sender(async () => ({ providerMessageId: `wamid.out.${++calls}` }));
    expect(await sendApprovedDraft(deps(counting), job)).toBe('sent');
    expect(await sendApprovedDraft(deps(counting), job)).toBe('skipped');
    expect(calls).toBe(1);
  });

  it('keeps the thread in the worklist when the customer wrote again while the reply was going out', async () => {
    const job = await approvedThread('31670000005');
    const slow = sender(async () => {
      await process()(message('31670000005', 'wamid.31670000005.2', 'En kan ik ook ruilen?', minutesAgo(25)));
      return { providerMessageId: 'wamid.out.late' };
    });
    expect(await sendApprovedDraft(deps(slow), job)).toBe('sent');
    expect(await store.getThread(job.threadId)).toMatchObject({ status: 'awaiting_approval', unanswered: 1 });
  });
});

describe('receipts that arrive before the send is recorded', () => {
  it('are applied to the sent message once it is stored', async () => {
    const job = await approvedThread('31670000006');
    const early = sender(async () => {
      // Meta's "delivered" webhook is processed while our send call is still returning
      await process()({ type: 'status', channel: 'whatsapp', externalId: 'wamid.out.early', status: 'delivered', at: '2026-11-25T08:00:05.000Z', raw: {} });
      return { providerMessageId: 'wamid.out.early' };
    });
    expect(await sendApprovedDraft(deps(early), job)).toBe('sent');
    const detail = (await store.getThreadDetail(job.threadId))!;
    expect(detail.messages.find((m) => m.direction === 'outbound')?.statuses).toMatchObject({ delivered: '2026-11-25T08:00:05.000Z' });
  });
});

describe('review fixes (flows)', () => {
  const mail = (
    handle: string,
    id: string,
    text: string,
    sentAt: string,
    extra: Partial<InboundMessage['email']> = {},
    from?: { address: string; name?: string },
  ): InboundMessage => ({
    type: 'message',
    channel: 'email',
    externalId: `<${id}>#${from?.address ?? handle}`,
    contact: { handle: from?.address ?? handle, name: from?.name },
    kind: 'email',
    text,
    subject: 'Bestelling 77',
    sentAt,
    ingestedAt: sentAt,
    raw: {},
    email: {
      messageId: `<${id}>`,
      references: [],
      to: ['support@shop.nl'],
      cc: [],
      rawKey: 'raw/x',
      remoteImagesBlocked: 0,
      truncated: false,
      from: from ?? { address: handle },
      ...extra,
    },
  });
  const capture = () => {
    const sent: OutboundMessage[] = [];
    return { sent, sender: sender(async (m) => (sent.push(m), { providerMessageId: `<out-${sent.length}@shop.nl>` })) };
  };

  it("answers the person who wrote the mail a draft answers: a Cc'd colleague who replied, at their address", async () => {
    await process()(
      mail('alice@klant.nl', 'alice-1@klant.nl', 'Waar is onze bestelling 77?', '2026-11-25T08:00:00.000Z', {}, { address: 'alice@klant.nl', name: 'Alice' }),
    );
    const bob = await process()(
      mail(
        'alice@klant.nl',
        'bob-1@klant.nl',
        'Aanvulling: het gaat om de levering in Utrecht.',
        '2026-11-25T08:10:00.000Z',
        { inReplyTo: '<alice-1@klant.nl>' },
        { address: 'bob@klant.nl', name: 'Bob' },
      ),
    );
    if (bob.outcome !== 'stored') throw new Error('not stored');
    await approveDraft({ store, jobs: noJobs }, { threadId: bob.threadId, draftId: bob.draftId!, version: 1, agent });
    const { sent, sender: s } = capture();
    await sendApprovedDraft(deps(s), { threadId: bob.threadId, draftId: bob.draftId! });
    expect(sent[0]!.to).toEqual({ handle: 'bob@klant.nl', name: 'Bob' });
  });

  it("lets the customer's next real mail be answered after an auto-reply joined the thread", async () => {
    const first = await process()(mail('carla@klant.nl', 'carla-1@klant.nl', 'Mijn pakket is kapot aangekomen', '2026-11-25T08:00:00.000Z'));
    if (first.outcome !== 'stored') throw new Error('not stored');
    await process()(
      mail('carla@klant.nl', 'carla-ooo@klant.nl', 'Ik ben afwezig tot maandag', '2026-11-25T08:05:00.000Z', {
        automated: 'auto_reply',
        inReplyTo: '<carla-1@klant.nl>',
      }),
    );
    const next = await process()(
      mail('carla@klant.nl', 'carla-2@klant.nl', 'Ik ben terug: wanneer krijg ik een nieuwe?', '2026-11-25T09:00:00.000Z', { inReplyTo: '<carla-1@klant.nl>' }),
    );
    if (next.outcome !== 'stored') throw new Error('not stored');
    expect((await store.getThread(next.threadId))?.flags).toContain('automated:auto_reply');
    await expect(approveDraft({ store, jobs: noJobs }, { threadId: next.threadId, draftId: next.draftId!, version: 1, agent })).resolves.toMatchObject({
      draft: { state: 'approved' },
      written: true,
    });
  });

  it('refuses to approve an older draft once a newer one answers the thread', async () => {
    const a = await process()(message('31670000020', 'wamid.old.1', 'Waar is mijn pakket?', '2026-11-25T08:00:00.000Z'));
    await process()(message('31670000020', 'wamid.old.2', 'Hallo??', '2026-11-25T08:05:00.000Z'));
    if (a.outcome !== 'stored') throw new Error('not stored');
    await expect(approveDraft({ store, jobs: noJobs }, { threadId: a.threadId, draftId: a.draftId!, version: 1, agent })).rejects.toThrow(/newer draft/);
  });

  it("keeps the provider's answer on a draft that goes back for a retry", async () => {
    const job = await approvedThread('31670000021');
    await expect(sendApprovedDraft(deps(sender(() => Promise.reject(new ProviderError('(#130429) Rate limit hit', '130429', true)))), job)).rejects.toThrow();
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'approved', failure: { code: '130429' } });
  });

  it("stores our reply once when Meta's echo of it is processed before the send is recorded", async () => {
    const job = await approvedThread('31670000022');
    const echoFirst = sender(async () => {
      await process()({ ...message('31670000022', 'wamid.echo.once', 'Hoi! We kijken het na.', minutesAgo(29)), echo: true });
      return { providerMessageId: 'wamid.echo.once' };
    });
    expect(await sendApprovedDraft(deps(echoFirst), job)).toBe('sent');
    const outbound = (await store.getThreadDetail(job.threadId))!.messages.filter((m) => m.direction === 'outbound');
    expect(outbound.map((m) => m.externalId)).toEqual(['wamid.echo.once']);
  });
});

describe('the send worker under concurrency and time', () => {
  it('sends once when two workers get the same job at the same moment', async () => {
    const job = await approvedThread('31670000030');
    let calls = 0;
    const slow = sender(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { providerMessageId: `wamid.concurrent.${calls}` };
    });
    const outcomes = await Promise.all([sendApprovedDraft(deps(slow), job), sendApprovedDraft(deps(slow), job)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    expect(calls).toBe(1);
  });

  it('finishes the thread when a redelivery gave the send up for lost while it was still going out', async () => {
    const job = await approvedThread('31670000032');
    let release!: () => void;
    const slow = sender(() => new Promise((resolve) => (release = () => resolve({ providerMessageId: 'wamid.late-but-sent' }))));
    const first = sendApprovedDraft(deps(slow), job);
    await new Promise((r) => setTimeout(r, 20)); // the first attempt is waiting for the provider
    // SQS delivers the job again (the visibility timeout passed): the claim looks abandoned
    expect(await sendApprovedDraft(deps(slow), job)).toBe('failed');
    expect((await store.getThread(job.threadId))!.status).toBe('awaiting_approval');
    release();
    expect(await first).toBe('sent');
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({ state: 'sent', providerMessageId: 'wamid.late-but-sent', failure: undefined });
    expect(await store.getThread(job.threadId)).toMatchObject({ status: 'waiting_customer', unanswered: 0 });
  });

  it('refuses at send time when the window closed after the approval', async () => {
    const job = await approvedThread('31670000031');
    let calls = 0;
    const later = { ...deps(sender(async () => ({ providerMessageId: `wamid.late.${++calls}` }))), now: () => new Date(Date.now() + 24 * 3_600_000) };
    expect(await sendApprovedDraft(later, job)).toBe('failed');
    expect(calls).toBe(0);
    expect(await store.getDraft(job.threadId, job.draftId)).toMatchObject({
      state: 'failed',
      failure: { code: 'send_refused', message: expect.stringContaining('24 hours') },
    });
  });
});
