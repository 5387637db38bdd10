import type { InboundMessage } from '../domain/index.js';

/**
 * A text or a mail in which the customer said nothing: only whitespace, or a mail with an empty body, no attachment
 * and no question in the subject of its own (a reply's subject is ours). Stored like any message, but no draft
 * answers it. Media, locations, contact cards and the like are what the customer said, and keep their draft.
 */
export function saysNothing(inbound: InboundMessage): boolean {
  if (inbound.text.trim() !== '') return false;
  if (inbound.kind === 'text') return true;
  if (inbound.kind !== 'email') return false;
  const ownSubject = !inbound.email?.inReplyTo && (inbound.subject ?? '').trim() !== '';
  return !ownSubject && !inbound.attachments?.length;
}
