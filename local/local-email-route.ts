import { randomBytes } from 'node:crypto';
import type { SESEvent, SESReceiptStatus } from 'aws-lambda';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { looksLikeMail } from '../shared/channels/email/looks-like-mail.js';
import type { BlobStore } from '../shared/domain/index.js';
import { ValidationError } from '../shared/domain/index.js';

/** SES accepts messages up to 40 MB, headers and attachments included. */
export const SES_MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

const VERDICTS = ['spam', 'virus', 'dmarc', 'spf', 'dkim'] as const;

/**
 * POST /local/email: one raw RFC 5322 message takes the path SES takes in AWS: the raw MIME is written to the
 * bucket under the raw prefix, then the ingest-email handler is invoked with an SES event for it.
 * `?spam=FAIL&virus=FAIL&dmarc=FAIL` set the receipt verdicts SES would have given.
 */
export function createLocalEmailRoute(deps: { blobs: BlobStore; rawPrefix: string; ingest: (event: SESEvent) => Promise<void> }): Hono {
  const app = new Hono();
  app.post(
    '/local/email',
    bodyLimit({
      maxSize: SES_MAX_MESSAGE_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: `a mail is at most ${SES_MAX_MESSAGE_BYTES} bytes (the SES limit)` });
      },
    }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      if (raw.length === 0) throw new ValidationError('the body is empty: send one raw RFC 5322 message');
      if (!looksLikeMail(raw))
        throw new ValidationError('the body is not a mail: no RFC 5322 header section (From:, Subject:, Message-ID: …) before the first empty line');
      const sesMessageId = randomBytes(20).toString('hex');
      await deps.blobs.put(`${deps.rawPrefix}${sesMessageId}`, raw, 'message/rfc822');
      const verdict = (name: (typeof VERDICTS)[number]): SESReceiptStatus => {
        const v = c.req.query(name)?.toUpperCase();
        return { status: v === 'FAIL' || v === 'GRAY' || v === 'PROCESSING_FAILED' ? v : 'PASS' };
      };
      await deps.ingest(sesEvent(sesMessageId, verdict));
      return c.json({ sesMessageId, accepted: true }, 202);
    },
  );
  return app;
}

function sesEvent(messageId: string, verdict: (name: (typeof VERDICTS)[number]) => SESReceiptStatus): SESEvent {
  const now = new Date().toISOString();
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: now,
            source: 'local@localhost',
            messageId,
            destination: ['support@localhost'],
            headersTruncated: false,
            headers: [],
            commonHeaders: { returnPath: 'local@localhost', from: [], to: [], date: now, messageId, subject: '' },
          },
          receipt: {
            timestamp: now,
            processingTimeMillis: 0,
            recipients: ['support@localhost'],
            spamVerdict: verdict('spam'),
            virusVerdict: verdict('virus'),
            spfVerdict: verdict('spf'),
            dkimVerdict: verdict('dkim'),
            dmarcVerdict: verdict('dmarc'),
            dmarcPolicy: 'none',
            action: { type: 'Lambda', functionArn: 'arn:aws:lambda:local:000000000000:function:ingest-email', invocationType: 'Event' },
          },
        },
      },
    ],
  };
}
