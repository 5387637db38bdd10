import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { SESEvent, SESReceipt } from 'aws-lambda';
import { correlatedEvents, withCorrelationId } from '../../shared/observability/correlation.js';
import { recordMessagesIn } from '../../shared/observability/metrics.js';
import type { BlobStore, EmailMeta, EventPublisher } from '../../shared/domain/index.js';
import { ingestEmail } from '../../shared/use-cases/ingest-email.js';

export interface IngestEmailHandlerDeps {
  blobs: BlobStore;
  publisher: EventPublisher;
  /** Where the SES receipt rule's S3 action writes: `<prefix><SES message id>`. */
  rawPrefix: string;
  logger: Logger;
  /** MessagesIn (channel email), emitted as each mail reaches the queue. */
  metrics?: Metrics;
}

/**
 * Invoked by the SES receipt rule (asynchronously) after its S3 action stored the raw MIME. A throw makes Lambda
 * retry the invocation and then send it to the function's on-failure queue; a mail that cannot be parsed is not a
 * throw, it is queued as `unparseable`. SES's message id is the mail's correlation id.
 */
export function createIngestEmailHandler(deps: IngestEmailHandlerDeps) {
  const { metrics } = deps;
  const publisher = correlatedEvents(deps.publisher, metrics && ((events) => recordMessagesIn(metrics, events)));
  return async (event: SESEvent): Promise<void> => {
    for (const record of event.Records) {
      const { mail, receipt } = record.ses;
      const message = await withCorrelationId(mail.messageId, () =>
        ingestEmail(
          { blobs: deps.blobs, publisher },
          {
            sesMessageId: mail.messageId,
            rawKey: `${deps.rawPrefix}${mail.messageId}`,
            envelopeFrom: mail.source,
            receivedAt: new Date(Date.parse(mail.timestamp) || Date.now()).toISOString(),
            verdicts: verdictsOf(receipt),
          },
        ),
      );
      deps.logger.info('email accepted', {
        correlation_id: mail.messageId,
        sesMessageId: mail.messageId,
        kind: message.kind,
        automated: message.email?.automated,
        quarantined: message.email?.quarantined,
        attachments: message.attachments?.length ?? 0,
      });
    }
  };
}

function verdictsOf(receipt: SESReceipt): EmailMeta['verdicts'] {
  return {
    spam: receipt.spamVerdict?.status,
    virus: receipt.virusVerdict?.status,
    dmarc: receipt.dmarcVerdict?.status,
    spf: receipt.spfVerdict?.status,
    dkim: receipt.dkimVerdict?.status,
  };
}
