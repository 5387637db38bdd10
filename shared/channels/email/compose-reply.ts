import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutboundMessage } from '../../domain/index.js';

/**
 * Our reply as raw MIME (nodemailer's composer): our own Message-ID, In-Reply-To the customer's mail and
 * References its chain, so Gmail, Outlook and Apple Mail show one conversation.
 */
export async function composeReplyMime(message: OutboundMessage, from: string): Promise<Buffer> {
  if (!message.email) throw new Error('an email reply needs its email headers');
  const { messageId, inReplyTo, references } = message.email;
  // threads stored before subjects and names were read as one line may still hold CR/LF (header injection)
  const subject = oneLine(message.email.subject);
  const name = oneLine(message.to.name ?? '');
  const composer = new MailComposer({
    from,
    to: name ? { name, address: message.to.handle } : message.to.handle,
    subject,
    text: message.text,
    messageId,
    inReplyTo,
    references: references.length ? references : undefined,
    headers: { 'X-Balie-Reply': 'approved' },
  });
  return composer.compile().build();
}

/** `<balie.<draft id>@<domain>>`: one per draft, so every copy of one reply carries the same id. */
export function replyMessageId(draftId: string, fromAddress: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(fromAddress)?.[1] ?? 'balie.local';
  return `<balie.${draftId}@${domain}>`;
}

function oneLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}
