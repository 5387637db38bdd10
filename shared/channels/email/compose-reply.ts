import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { OutboundMessage } from '../../domain/index.js';

/**
 * Our reply as raw MIME (nodemailer's composer): our own Message-ID, In-Reply-To the customer's mail and
 * References its chain, so Gmail, Outlook and Apple Mail show one conversation.
 */
export async function composeReplyMime(message: OutboundMessage, from: string): Promise<Buffer> {
  if (!message.email) throw new Error('an email reply needs its email headers');
  const { subject, messageId, inReplyTo, references } = message.email;
  const composer = new MailComposer({
    from,
    to: message.to.name ? { name: message.to.name, address: message.to.handle } : message.to.handle,
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
