import { replySubject } from '../channels/email/subject.js';
import { replyMessageId } from '../channels/email/compose-reply.js';
import {
  assertReplyable,
  ConflictError,
  NotFoundError,
  ProviderError,
  SendRefusedError,
  TransientError,
  type Channel,
  type Draft,
  type Message,
  type OutboundMessage,
  type SendJob,
  type Sender,
  type Thread,
  type ThreadStore,
} from '../domain/index.js';
import { changeThreadStatus } from './change-thread-status.js';

export interface SendDeps {
  store: ThreadStore;
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
    await settle(deps, draft, { state: 'failed', failure: { code: 'outcome_unknown', message: 'an earlier send attempt stopped midway; check the conversation before sending again' } }, now());
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

  const sending: Draft = { ...draft, state: 'sending', sendingAt: now().toISOString(), version: draft.version + 1 };
  try {
    await deps.store.updateDraft(sending, { version: draft.version, state: 'approved' });
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
    // DynamoDB may have applied our claim and lost its answer (a 500; the SDK's retry then fails the condition on our
    // own write). Skipping would leave the draft `sending` for ever, unsent. A claim cannot tell whose it is (another
    // worker may have claimed in the same millisecond), so it is not sent from here: SQS delivers the job again, and
    // the redelivery settles a claim nobody finished for an agent (outcome_unknown).
    const current = await deps.store.getDraft(job.threadId, job.draftId);
    if (current?.state === 'sending' && current.sendingAt === sending.sendingAt) {
      throw new TransientError(`the claim of draft ${draft.id} may be ours; leaving it to the redelivery`, { cause: err });
    }
    return 'skipped';
  }
  await changeThreadStatus(deps.store, job.threadId, ['send_started'], now());

  const outbound = { ...outboundFor(detail.thread, sending, answered, deps.emailFrom), ...(tag ? { tag } : {}), ...(draft.template ? { template: draft.template } : {}) };
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
  const to = thread.channel === 'email' && mailTo ? { handle: mailTo, name: answered?.email?.replyTo ? undefined : answered?.email?.from?.name } : thread.contact;
  const base = { channel: thread.channel, to, text, businessId: thread.businessId };
  if (thread.channel !== 'email') return base;
  const customerId = answered?.email?.messageId;
  const chain = [...(answered?.email?.references ?? []), ...(customerId ? [customerId] : [])];
  return {
    ...base,
    email: { subject: replySubject(thread.subject), messageId: replyMessageId(draft.id, emailFrom), inReplyTo: customerId, references: [...new Set(chain)].slice(-20) },
  };
}

async function recordSent(deps: SendDeps, thread: Thread, sending: Draft, outbound: OutboundMessage, providerMessageId: string, answered: Message | undefined, at: Date): Promise<void> {
  const sentAt = at.toISOString();
  // Meta's echo of this very send can be processed first: then the message is stored already, under its own key
  const echoed = await deps.store.findMessageRef(thread.channel, providerMessageId);
  const sk = echoed?.messageSk ?? `MSG#${sentAt}#${providerMessageId}`;
  if (!echoed) await deps.store.putMessageRef(thread.channel, providerMessageId, { threadId: thread.id, messageSk: sk, done: true });
  if (!echoed) await deps.store.putMessageOnce({
    threadId: thread.id,
    id: `m_out_${sending.id}`,
    sk,
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
  // A receipt can beat us here (Meta sends "sent" as soon as it accepts): apply what was kept for this id.
  const ref = { threadId: thread.id, messageSk: sk };
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
  const waiting = (detail?.messages ?? []).filter((m) => m.direction === 'inbound' && m.triage && answered && m.sk > answered.sk).length;
  await changeThreadStatus(deps.store, thread.id, waiting > 0 ? ['sent', 'inbound', 'draft_ready'] : ['sent', 'await_customer'], at, () => ({ unanswered: waiting }));
  await deps.store.putAudit({ threadId: thread.id, at: sentAt, actor: 'balie', action: 'send', draftId: sending.id, detail: providerMessageId });
}

async function settle(deps: SendDeps, draft: Draft, change: Pick<Draft, 'state' | 'failure'>, at: Date): Promise<void> {
  await deps.store.updateDraft({ ...draft, ...change, version: draft.version + 1 }, { version: draft.version, state: draft.state });
  await changeThreadStatus(deps.store, draft.threadId, ['send_failed'], at);
  await deps.store.putAudit({ threadId: draft.threadId, at: at.toISOString(), actor: 'balie', action: 'send_failed', draftId: draft.id, detail: `${change.failure?.code}: ${change.failure?.message}` });
}
