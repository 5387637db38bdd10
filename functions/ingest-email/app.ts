import type { Logger } from '@aws-lambda-powertools/logger';
import type { SESEvent, SESReceipt } from 'aws-lambda';
import type { BlobStore, EmailMeta, EventPublisher } from '../../shared/domain/index.js';
import { ingestEmail } from '../../shared/use-cases/ingest-email.js';

export interface IngestEmailHandlerDeps {
  blobs: BlobStore;
  publisher: EventPublisher;
  /** Where the SES receipt rule's S3 action writes: `<prefix><SES message id>`. */
  rawPrefix: string;
  logger: Logger;
}

/**
 * Invoked by the SES receipt rule (asynchronously) after its S3 action stored the raw MIME. A throw makes Lambda
 * retry the invocation and then send it to the function's on-failure queue; a mail that cannot be parsed is not a
 * throw, it is queued as `unparseable`.
 */
export function createIngestEmailHandler(deps: IngestEmailHandlerDeps) {
  return async (event: SESEvent): Promise<void> => {
    for (const record of event.Records) {
      const { mail, receipt } = record.ses;
      const message = await ingestEmail(
        { blobs: deps.blobs, publisher: deps.publisher },
        {
          sesMessageId: mail.messageId,
          rawKey: `${deps.rawPrefix}${mail.messageId}`,
          envelopeFrom: mail.source,
          receivedAt: new Date(Date.parse(mail.timestamp) || Date.now()).toISOString(),
          verdicts: verdictsOf(receipt),
        },
      );
      deps.logger.info('email accepted', {
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
