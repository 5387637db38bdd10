import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
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
  const messageId = normaliseId(mail.messageId);
  return {
    messageId: messageId ?? derivedId,
    messageIdDerived: !messageId,
    // some clients put several ids in In-Reply-To; the last one is the mail being answered
    inReplyTo: splitIds(mail.inReplyTo).at(-1),
    references: (Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []).flatMap(splitIds),
    from,
    replyTo: replyTo && replyTo !== from?.address ? replyTo : undefined,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    subject: mail.subject,
    date: dateHeader(mail),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : undefined,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? `attachment.${(a.contentType.split('/')[1] ?? 'bin').replace(/[^a-z0-9]/gi, '')}`,
      contentType: a.contentType,
      content: a.content,
      contentId: normaliseId(a.cid),
      inline: a.contentDisposition === 'inline' || a.related === true,
    })),
    automated: detectAutomated(mail.headers, mail.headerLines, replyTo && replyTo !== from?.address ? undefined : from?.address),
  };
}

function splitIds(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).map(normaliseId).filter((id): id is string => !!id);
}

/** `<id@host>` always with brackets, so lookups match however the header was written. */
export function normaliseId(id: string | undefined): string | undefined {
  const bare = id?.trim().replace(/^<|>$/g, '').trim();
  return bare ? `<${bare}>` : undefined;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { address: string; name?: string } | undefined {
  const first = (Array.isArray(field) ? field : field ? [field] : []).flatMap((f) => f.value)[0];
  if (!first?.address) return undefined;
  return { address: first.address.toLowerCase(), name: first.name || undefined };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((f) => f.value)
    .map((v) => v.address?.toLowerCase())
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
