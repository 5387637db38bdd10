import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import type { AutomatedKind } from '../../domain/index.js';
import { detectAutomated } from './automated.js';

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  contentId?: string;
  inline: boolean;
}

export interface ParsedEmail {
  messageId: string;
  /** True when the mail had no Message-ID and we derived one from its bytes. */
  messageIdDerived: boolean;
  inReplyTo?: string;
  references: string[];
  from?: { address: string; name?: string };
  replyTo?: string;
  to: string[];
  cc: string[];
  subject?: string;
  date?: Date;
  text: string;
  html?: string;
  attachments: ParsedAttachment[];
  automated?: AutomatedKind;
}

/** RFC 5322's longest line. A Subject is shown on one line and, normalised, is part of a thread's key. */
const MAX_SUBJECT_LENGTH = 998;
const MAX_NAME_LENGTH = 256;
const MAX_FILENAME_LENGTH = 255;
/** RFC 5321: an address is at most 254 octets. A longer one cannot be answered; it would also be a DynamoDB key. */
const MAX_ADDRESS_BYTES = 254;
/** Message-IDs are DynamoDB keys (`EMAILID#…`, and in a message's sort key); longer ones are replaced by their hash. */
const MAX_ID_BYTES = 250;
/** Kept per mail: To and Cc are shown to agents, References thread (we send the last 20 back). */
const MAX_RECIPIENTS = 100;
const MAX_REFERENCES = 50;

/**
 * mailparser (not postal-mime): it decodes charsets with iconv-lite. On Node 20, WHATWG TextDecoder maps
 * windows-1252 bytes 0x80–0x9F to C1 controls, so the € of a Dutch Outlook mail would be lost (checked here).
 */
export async function parseEmail(raw: Uint8Array): Promise<ParsedEmail> {
  const mail: ParsedMail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const from = firstAddress(mail.from);
  const replyTo = firstAddress(mail.replyTo)?.address;
  const derivedId = `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@balie.derived>`;
  const messageId = keyableId(normaliseId(mail.messageId));
  return {
    messageId: messageId ?? derivedId,
    messageIdDerived: !messageId,
    // some clients put several ids in In-Reply-To; the last one is the mail being answered
    inReplyTo: keyableId(splitIds(mail.inReplyTo).at(-1)),
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [])
      .flatMap(splitIds)
      .slice(-MAX_REFERENCES)
      .map((id) => keyableId(id)!),
    from,
    replyTo: replyTo && replyTo !== from?.address ? replyTo : undefined,
    to: addresses(mail.to).slice(0, MAX_RECIPIENTS),
    cc: addresses(mail.cc).slice(0, MAX_RECIPIENTS),
    // an encoded word can decode to CR/LF: a subject or name is one line, or it could inject headers into a reply
    subject: mail.subject === undefined ? undefined : oneLine(mail.subject, MAX_SUBJECT_LENGTH),
    date: dateHeader(mail),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : undefined,
    attachments: mail.attachments.map((a) => ({
      filename:
        oneLine(a.filename ?? '', MAX_FILENAME_LENGTH) ||
        `attachment.${(contentTypeOf(a.contentType).split('/')[1] ?? 'bin').replace(/[^a-z0-9]/gi, '').slice(0, 20)}`,
      contentType: contentTypeOf(a.contentType),
      content: a.content,
      contentId: normaliseId(a.cid),
      inline: a.contentDisposition === 'inline' || a.related === true,
    })),
    automated: detectAutomated(mail.headers, mail.headerLines, replyTo && replyTo !== from?.address ? undefined : from?.address),
  };
}

function splitIds(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map(normaliseId)
    .filter((id): id is string => !!id);
}

/** `<id@host>` always with brackets, so lookups match however the header was written. */
export function normaliseId(id: string | undefined): string | undefined {
  const bare = id
    ?.replace(/\p{Cc}/gu, '')
    .trim()
    .replace(/^<|>$/g, '')
    .trim();
  return bare ? `<${bare}>` : undefined;
}

/** The id itself, or for one too long to be a key, a hash of it: the same long id always maps to the same key. */
function keyableId(id: string | undefined): string | undefined {
  if (!id || Buffer.byteLength(id) <= MAX_ID_BYTES) return id;
  return `<${createHash('sha256').update(id).digest('hex').slice(0, 32)}@balie.long-id>`;
}

/**
 * One line of display text: control characters, C1 (NEL) and Unicode line separators become a space, so no CR/LF
 * reaches a stored subject or name (and from there a reply's headers); cut at `max` characters.
 */
export function oneLine(text: string, max: number): string {
  const line = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** An address we can store and answer: no spaces or control characters, at most 254 octets. */
function usableAddress(address: string | undefined): string | undefined {
  const a = address?.trim().toLowerCase();
  return a && Buffer.byteLength(a) <= MAX_ADDRESS_BYTES && !/[\s\p{Cc}]/u.test(a) ? a : undefined;
}

function contentTypeOf(value: string): string {
  return /^[\w.+-]{1,100}\/[\w.+-]{1,100}$/.test(value) ? value : 'application/octet-stream';
}

/** The mailboxes of a header, group members included (`Name: a@x;` is a group, also when an injected name says so). */
function mailboxes(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value).flatMap((v) => (v.group ? v.group : [v]));
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { address: string; name?: string } | undefined {
  for (const v of mailboxes(field)) {
    const address = usableAddress(v.address);
    if (address) return { address, name: oneLine(v.name ?? '', MAX_NAME_LENGTH) || undefined };
  }
  return undefined;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return mailboxes(field)
    .map((v) => usableAddress(v.address))
    .filter((a): a is string => !!a);
}

/**
 * mailparser fills in the current time for a missing or unreadable Date header; we want to know it was unreadable,
 * so the message falls back to the time SES received it, which is the same on every redelivery.
 */
function dateHeader(mail: ParsedMail): Date | undefined {
  const line = mail.headerLines.find((l) => l.key === 'date')?.line;
  const value = line?.slice(line.indexOf(':') + 1).trim();
  const parsed = value ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}
