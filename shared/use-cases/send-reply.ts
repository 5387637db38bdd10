import { replySubject } from '../channels/email/subject.js';
import { replyMessageId } from '../channels/email/compose-reply.js';
import {
  assertReplyable,
  compareMessages,
  ConflictError,
  NotFoundError,
  ProviderError,
  SendRefusedError,
  type Channel,
  type Draft,
  type Message,
  type MessageRef,
  type OutboundMessage,
  type SendJob,
  type Sender,
  type Thread,
  type Drafts,
  type InboundLedger,
  type ThreadJournal,
  type ThreadRoutes,
  type Threads,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';
import { newClaimId } from './ids.js';

export interface SendDeps {
  store: Threads & InboundLedger & Drafts & ThreadJournal & Pick<ThreadRoutes, 'putEmailRoute'>;
  senderFor: (channel: Channel) => Sender;
  /** The From of our email replies, e.g. `Demoshop Klantenservice <support@demoshop.nl>`. */
  emailFrom: string;
  now?: () => Date;
}

export type SendOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Delivers one approved draft, at most once to the customer: approved → sending is a conditional claim, so a
 * redelivered job finds the draft sending or sent and sends nothing. A claim left by a crashed attempt cannot tell
 * whether the provider took the message, so it is marked failed for an agent to check, never sent again blindly.
 * Refusals the provider says may pass (429, 5xx) hand the draft back to `approved` and throw, so SQS retries.
 */
export async function sendApprovedDraft(deps: SendDeps, job: SendJob): Promise<SendOutcome> {
  const now = () => (deps.now ?? (() => new Date()))();
  const draft = await deps.store.getDraft(job.threadId, job.draftId);
  if (!draft) throw new NotFoundError(`no draft ${job.draftId} in thread ${job.threadId}`);
  if (draft.state === 'sending') {
    await settle(
      deps,
      draft,
      { state: 'failed', failure: { code: 'outcome_unknown', message: 'an earlier send attempt stopped midway; check the conversation before sending again' } },
      now(),
    );
    return 'failed';
  }
  if (draft.state !== 'approved') return 'skipped';
  const detail = await deps.store.getThreadDetail(job.threadId);
  if (!detail) throw new NotFoundError(`no thread ${job.threadId}`);
  const answered = detail.messages.find((m) => m.id === draft.inReplyTo);
  // Time passes between approval and send: the window may have closed meanwhile.
  let tag: OutboundMessage['tag'];
  try {
    ({ tag } = assertReplyable(detail.thread, answered, draft.finalText ?? draft.text, now(), { template: !!draft.template }));
  } catch (err) {
    if (!(err instanceof SendRefusedError)) throw err;
    await settle(deps, draft, { state: 'failed', failure: { code: 'send_refused', message: err.message } }, now());
    return 'failed';
  }

  const sending: Draft = { ...draft, state: 'sending', sendingAt: now().toISOString(), claimId: newClaimId(), version: draft.version + 1 };
  try {
    await deps.store.updateDraft(sending, { version: draft.version, state: 'approved' });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    // DynamoDB may have applied our claim and lost its answer (a 500; the SDK's retry then fails the condition on our
    // own write). The claim id says whether the claim that stands is ours: then nobody else sends it, and we do.
    // Another worker's claim (the same job delivered twice) or a draft already sent: nothing to do here.
    const current = await deps.store.getDraft(job.threadId, job.draftId);
    if (!(current?.state === 'sending' && current.claimId === sending.claimId && current.version === sending.version)) return 'skipped';
  }
  await changeThreadStatus(deps.store, job.threadId, ['send_started'], now());

  const outbound = {
    ...outboundFor(detail.thread, sending, answered, deps.emailFrom),
    ...(tag ? { tag } : {}),
    ...(draft.template ? { template: draft.template } : {}),
  };
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await deps.senderFor(detail.thread.channel).send(outbound));
  } catch (err) {
    if (err instanceof ProviderError && err.retryable) {
      // back to approved for the retry, with the provider's answer kept for the agent (also if retries run out)
      const failure = { code: err.code, message: err.message };
      await deps.store.updateDraft({ ...sending, state: 'approved', failure, version: sending.version + 1 }, { version: sending.version, state: 'sending' });
      throw err;
    }
    const failure = err instanceof ProviderError ? { code: err.code, message: err.message } : { code: 'error', message: (err as Error).message };
    await settle(deps, sending, { state: 'failed', failure }, now());
    return 'failed';
  }
  await recordSent(deps, detail.thread, sending, outbound, providerMessageId, answered, now());
  return 'sent';
}

function outboundFor(thread: Thread, draft: Draft, answered: Message | undefined, emailFrom: string): OutboundMessage {
  const text = draft.finalText ?? draft.text;
  // email answers whoever wrote the mail (a Cc'd person may reply-all), at their Reply-To if they gave one
  const mailTo = answered?.email?.replyTo ?? answered?.email?.from?.address;
  const to =
    thread.channel === 'email' && mailTo ? { handle: mailTo, name: answered?.email?.replyTo ? undefined : answered?.email?.from?.name } : thread.contact;
  const base = { channel: thread.channel, to, text, businessId: thread.businessId };
  if (thread.channel !== 'email') return base;
  const customerId = answered?.email?.messageId;
  const chain = [...(answered?.email?.references ?? []), ...(customerId ? [customerId] : [])];
  return {
    ...base,
    email: {
      subject: replySubject(thread.subject),
      messageId: replyMessageId(draft.id, emailFrom),
      inReplyTo: customerId,
      references: [...new Set(chain)].slice(-20),
    },
  };
}

async function recordSent(
  deps: SendDeps,
  thread: Thread,
  sending: Draft,
  outbound: OutboundMessage,
  providerMessageId: string,
  answered: Message | undefined,
  at: Date,
): Promise<void> {
  const sentAt = at.toISOString();
  // Meta's echo of this very send can be processed first: then the message is stored already, under the echo's time
  const echoed = await deps.store.findMessageRef(thread.channel, providerMessageId);
  const ref: MessageRef = echoed ?? { threadId: thread.id, externalId: providerMessageId, sentAt, done: true };
  if (!echoed) {
    await deps.store.putMessageRef(thread.channel, ref);
    await deps.store.putMessageOnce({
      threadId: thread.id,
      id: `m_out_${sending.id}`,
      direction: 'outbound',
      channel: thread.channel,
      externalId: providerMessageId,
      kind: thread.channel === 'email' ? 'email' : 'text',
      text: outbound.text,
      subject: outbound.email?.subject,
      sentAt,
      ingestedAt: sentAt,
      statuses: { sent: sentAt },
      raw: { draftId: sending.id, approvedBy: sending.approvedBy },
    });
  }
  // A receipt can beat us here (Meta sends "sent" as soon as it accepts): apply what was kept for this id.
  for (const early of await deps.store.findOrphanStatuses(thread.channel, providerMessageId)) await deps.store.recordDeliveryStatus(ref, early);
  if (outbound.email) {
    await deps.store.putEmailRoute(providerMessageId, thread.id);
    await deps.store.putEmailRoute(outbound.email.messageId, thread.id);
  }
  const sent: Draft = { ...sending, state: 'sent', sentAt, providerMessageId, version: sending.version + 1 };
  try {
    await deps.store.updateDraft(sent, { version: sending.version, state: 'sending' });
  } catch (err) {
    // our write may have landed with its answer lost (the SDK's retry then fails the condition): the provider's id
    // on the draft says it is ours, and the thread still has to leave `sending`
    const current = err instanceof ConflictError ? await deps.store.getDraft(sending.threadId, sending.id) : undefined;
    if (current?.state === 'failed' && current.failure?.code === 'outcome_unknown') {
      // a redelivery took our claim for an abandoned one while we were still sending; we know now that it went out,
      // and a draft left "check before sending again" would invite an agent to send it twice
      await deps.store.updateDraft({ ...sent, failure: undefined, version: current.version + 1 }, { version: current.version, state: 'failed' });
    } else if (current?.state !== 'sent' || current.providerMessageId !== providerMessageId) throw err;
  }
  // Customer messages that arrived after the one this draft answers still wait: the thread goes back to work.
  const detail = await deps.store.getThreadDetail(thread.id);
  const waiting = (detail?.messages ?? []).filter((m) => m.direction === 'inbound' && m.triage && answered && compareMessages(m, answered) > 0).length;
  await changeThreadStatus(deps.store, thread.id, waiting > 0 ? ['sent', 'inbound', 'draft_ready'] : ['sent', 'await_customer'], at, () => ({
    unanswered: waiting,
  }));
  await deps.store.putAudit({ threadId: thread.id, at: sentAt, actor: 'balie', action: 'send', draftId: sending.id, detail: providerMessageId });
}

async function settle(deps: SendDeps, draft: Draft, change: Pick<Draft, 'state' | 'failure'>, at: Date): Promise<void> {
  await deps.store.updateDraft({ ...draft, ...change, version: draft.version + 1 }, { version: draft.version, state: draft.state });
  await changeThreadStatus(deps.store, draft.threadId, ['send_failed'], at);
  await deps.store.putAudit({
    threadId: draft.threadId,
    at: at.toISOString(),
    actor: 'balie',
    action: 'send_failed',
    draftId: draft.id,
    detail: `${change.failure?.code}: ${change.failure?.message}`,
  });
}
