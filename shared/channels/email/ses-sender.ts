import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { ProviderError, type OutboundMessage, type Sender } from '../../domain/index.js';
import { networkOutcome } from '../network-outcome.js';
import { composeReplyMime } from './compose-reply.js';

/**
 * Sends our composed MIME with SES v2 (raw content), so our threading headers go out exactly as written. Give it a
 * client with `maxAttempts: 1`: the SDK's own retries could send one reply twice; retries are the queue's job.
 * The client may be given as a function that makes it: the SES SDK then loads with the first email reply, not at
 * every cold start of the send worker (most replies go to chat channels).
 */
export class SesEmailSender implements Sender {
  private readonly client: () => Promise<SESv2Client>;

  constructor(
    ses: SESv2Client | (() => Promise<SESv2Client>),
    private readonly from: string,
  ) {
    this.client = typeof ses === 'function' ? ses : async () => ses;
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const raw = await composeReplyMime(message, this.from);
    const [ses, { SendEmailCommand }] = await Promise.all([this.client(), import('@aws-sdk/client-sesv2')]);
    let sesId: string | undefined;
    try {
      sesId = (await ses.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }))).MessageId;
    } catch (err) {
      const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode ?? 0;
      if (status === 0 && networkOutcome(err) === 'unknown') {
        throw new ProviderError(`no answer from SES (${e.name}); it may have been sent`, 'outcome_unknown', false, { cause: err });
      }
      const retryable = status === 429 || status >= 500 || e.name === 'TooManyRequestsException' || status === 0;
      throw new ProviderError(`SES refused the reply: ${e.name}: ${e.message}`, e.name ?? 'unknown', retryable, { cause: err });
    }
    // SES replaces our Message-ID with <its id@region.amazonses.com> and keeps In-Reply-To and References; the
    // customer's reply will name the SES id, so that is the one to remember.
    if (!sesId) return { providerMessageId: message.email!.messageId };
    return { providerMessageId: `<${sesId}@${await ses.config.region()}.amazonses.com>` };
  }
}
