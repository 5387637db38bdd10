import { cleanReplyText, cutForTriage } from '../channels/email/clean-text.js';
import { parseEmail, type ParsedEmail } from '../channels/email/parse-email.js';
import { sanitizeEmailHtml } from '../channels/email/sanitize.js';
import { stripUndefined } from '../channels/json.js';
import { inboundMessageSchema, type AttachmentRef, type BlobStore, type EmailMeta, type EventPublisher, type InboundMessage } from '../domain/index.js';
import { SQS_MAX_BYTES } from '../queue/errors.js';

/** What SES (or the local stand-in) tells us about one received mail. */
export interface ReceivedMail {
  /** SES's id; the raw MIME is at `rawKey` in the object store. */
  sesMessageId: string;
  rawKey: string;
  envelopeFrom?: string;
  receivedAt: string;
  verdicts?: EmailMeta['verdicts'];
}

export interface IngestEmailDeps {
  blobs: BlobStore;
  publisher: EventPublisher;
  now?: () => Date;
  /** The MIME parser; replaceable so a test can make it fail the way a truly broken mail would. */
  parse?: (raw: Uint8Array) => Promise<ParsedEmail>;
}

/** Characters of clean text given to triage; the full text stays with the message. */
export const TRIAGE_TEXT_LIMIT = 8_000;
/** Bodies up to this size travel inline (SQS 256 KB, DynamoDB 400 KB); bigger ones go to the object store. */
export const INLINE_BODY_LIMIT = 32 * 1024;
/**
 * HTML sanitized and kept for agents: sanitize-html takes quadratic time in nesting depth (200,000 nested divs: half a
 * minute), so a longer HTML body is cut here and marked `[…]`; the whole mail stays in the raw MIME.
 */
export const HTML_SANITIZE_LIMIT = 256 * 1024;

/**
 * SES stored the raw MIME; read it, parse it, keep attachments and big bodies in the object store, and queue
 * one normalised message. A mail the parser cannot read is still queued, as `unparseable`, so nothing is lost; so is
 * one that parses into a message the queue or the table cannot take (a thousand attachments). Only a retryable
 * error (the object store or the queue unavailable) is thrown, for Lambda to try again.
 */
export async function ingestEmail(deps: IngestEmailDeps, mail: ReceivedMail): Promise<InboundMessage> {
  const raw = await deps.blobs.get(mail.rawKey);
  let message: InboundMessage | undefined;
  let reason = 'unknown parser error';
  let parsed: ParsedEmail | undefined;
  try {
    parsed = await (deps.parse ?? parseEmail)(raw);
  } catch (err) {
    if ((err as { retryable?: boolean }).retryable) throw err;
    reason = err instanceof Error ? err.message : String(err);
  }
  if (parsed) {
    // outside the parser's try: an object store that refuses a write (an IAM mistake, a 403) is an error to see in
    // the DLQ and redrive after the fix, not a reason to keep a well-formed mail as unparseable
    const candidate = await fromParsed(deps.blobs, mail, parsed);
    const refused = unqueueable(candidate);
    if (refused) reason = refused;
    else message = candidate;
  }
  message ??= unparseable(mail, reason.slice(0, 1_000), (deps.now ?? (() => new Date()))());
  await deps.publisher.publish([message]);
  return message;
}

const ATTRIBUTE_ALLOWANCE = 1024;

/** Why the triage worker could not take this message from the queue, or undefined when it can. */
function unqueueable(message: InboundMessage): string | undefined {
  // room for the message attributes the publisher adds (the correlation id)
  const bytes = Buffer.byteLength(JSON.stringify(message)) + ATTRIBUTE_ALLOWANCE;
  if (bytes > SQS_MAX_BYTES) return `the parsed mail is ${bytes} bytes, over the queue's ${SQS_MAX_BYTES}`;
  const checked = inboundMessageSchema.safeParse(message);
  return checked.success
    ? undefined
    : `the parsed mail does not fit the inbound schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

async function fromParsed(blobs: BlobStore, mail: ReceivedMail, parsed: ParsedEmail): Promise<InboundMessage> {
  const prefix = `mail/${mail.sesMessageId}`;
  const attachments = await storeAttachments(blobs, prefix, parsed);
  const inlineImages = new Map(attachments.filter((a) => a.contentId).map((a) => [a.contentId!.slice(1, -1), a.key]));
  const sanitized = parsed.html ? sanitizeEmailHtml(parsed.html.slice(0, HTML_SANITIZE_LIMIT), inlineImages) : undefined;
  if (sanitized && parsed.html!.length > HTML_SANITIZE_LIMIT) sanitized.html += '<p>[…]</p>';
  const clean = cleanReplyText(parsed.text);
  const forTriage = cutForTriage(clean.text, TRIAGE_TEXT_LIMIT);
  const html = sanitized ? await inlineOrStored(blobs, `${prefix}/body.html`, sanitized.html, 'text/html; charset=utf-8') : {};
  const fullText = await inlineOrStored(blobs, `${prefix}/body.txt`, parsed.text, 'text/plain; charset=utf-8');
  const verdicts = mail.verdicts;
  const quarantined = verdicts?.virus === 'FAIL' ? 'SES virus verdict FAIL' : verdicts?.spam === 'FAIL' ? 'SES spam verdict FAIL' : undefined;
  const email: EmailMeta = {
    messageId: parsed.messageId,
    from: parsed.from,
    replyTo: parsed.replyTo,
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    to: parsed.to,
    cc: parsed.cc,
    rawKey: mail.rawKey,
    html: html.inline,
    htmlKey: html.key,
    fullText: fullText.inline,
    fullTextKey: fullText.key,
    remoteImagesBlocked: sanitized?.remoteImagesBlocked ?? 0,
    automated: parsed.automated,
    verdicts,
    quarantined,
    dmarcFail: verdicts?.dmarc === 'FAIL' || undefined,
    truncated: forTriage.truncated,
  };
  return {
    type: 'message',
    channel: 'email',
    // Message-IDs are only unique per sender in practice (some servers reuse <123@localhost>)
    externalId: `${parsed.messageId}#${parsed.from?.address || envelopeSender(mail) || 'unknown'}`,
    contact: { handle: parsed.from?.address || envelopeSender(mail) || 'unknown@invalid', name: parsed.from?.name },
    kind: 'email',
    text: forTriage.text,
    subject: parsed.subject,
    attachments,
    email: stripUndefined(email),
    sentAt: sentAt(parsed.date, mail.receivedAt),
    ingestedAt: mail.receivedAt,
    raw: { sesMessageId: mail.sesMessageId, messageIdDerived: parsed.messageIdDerived || undefined },
  };
}

async function storeAttachments(blobs: BlobStore, prefix: string, parsed: ParsedEmail): Promise<AttachmentRef[]> {
  return Promise.all(
    parsed.attachments.map(async (a, i) => {
      const key = `${prefix}/attachments/${i}-${safeName(a.filename)}`;
      await blobs.put(key, a.content, a.contentType);
      return stripUndefined({ key, filename: a.filename, contentType: a.contentType, size: a.content.length, contentId: a.contentId, inline: a.inline });
    }),
  );
}

async function inlineOrStored(blobs: BlobStore, key: string, body: string, contentType: string): Promise<{ inline?: string; key?: string }> {
  if (Buffer.byteLength(body) <= INLINE_BODY_LIMIT) return { inline: body };
  await blobs.put(key, body, contentType);
  return { key };
}

function unparseable(mail: ReceivedMail, reason: string, now: Date): InboundMessage {
  return {
    type: 'message',
    channel: 'email',
    externalId: `<${mail.sesMessageId}@ses.unparseable>`,
    contact: { handle: envelopeSender(mail) || 'unknown@invalid' },
    kind: 'unparseable',
    text: '',
    email: {
      messageId: `<${mail.sesMessageId}@ses.unparseable>`,
      references: [],
      to: [],
      cc: [],
      rawKey: mail.rawKey,
      remoteImagesBlocked: 0,
      truncated: false,
      unparseable: reason,
    },
    sentAt: mail.receivedAt,
    ingestedAt: now.toISOString(),
    raw: { sesMessageId: mail.sesMessageId },
  };
}

/** The envelope sender, when there is a usable one: a bounce's is empty (`MAIL FROM:<>`), and a handle must not be. */
function envelopeSender(mail: ReceivedMail): string | undefined {
  const sender = mail.envelopeFrom?.trim().toLowerCase();
  return sender && Buffer.byteLength(sender) <= 254 && !/[\s\p{Cc}]/u.test(sender) ? sender : undefined;
}

/**
 * The Date header unless it is missing or absurd (more than a day in the future, or before 1970: the year -5000 has
 * no ISO date the queue accepts); then when SES received it.
 */
function sentAt(date: Date | undefined, receivedAt: string): string {
  if (!date || date.getTime() < 0 || date.getTime() > Date.parse(receivedAt) + 86_400_000) return receivedAt;
  return date.toISOString();
}

function safeName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '_')
      .slice(-100) || 'attachment'
  );
}
