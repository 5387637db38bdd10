import type { Channel } from './channel.js';
import { SendRefusedError } from './errors.js';
import { messagingWindow } from './messaging-window.js';
import type { Message, Thread } from './thread.js';

/** Longest text each channel takes in one message. */
export const MAX_TEXT_LENGTH: Record<Channel, number> = { whatsapp: 4096, messenger: 2000, instagram: 1000, email: 100_000 };

/**
 * A machine's mail, a quarantined or an unreadable mail is never answered (a reply could start a mail loop or reach
 * a spammer); that is decided by the message a draft answers, so one auto-reply in a thread does not block the
 * customer's next real mail. Chat channels only within their messaging window. Answers the tag the send needs.
 */
export function assertReplyable(
  thread: Thread,
  answered: Message | undefined,
  text: string,
  now: Date,
  options: { template?: boolean } = {},
): { tag?: 'HUMAN_AGENT' } {
  if (!answered) throw new SendRefusedError('the message this draft answers is not in the thread');
  const blocking = [
    answered.email?.automated && `automated:${answered.email.automated}`,
    answered.email?.quarantined && 'quarantined',
    answered.kind === 'unparseable' && 'unparseable',
  ].filter(Boolean);
  if (blocking.length > 0) throw new SendRefusedError(`the message this draft answers is never answered (${blocking.join(', ')})`);
  if (!text.trim()) throw new SendRefusedError('the reply is empty');
  if (text.length > MAX_TEXT_LENGTH[thread.channel]) {
    throw new SendRefusedError(`${thread.channel} takes at most ${MAX_TEXT_LENGTH[thread.channel]} characters; this reply has ${text.length}`);
  }
  // an approved WhatsApp template may go at any time: that is what templates are for
  if (options.template && thread.channel === 'whatsapp') return {};
  const window = messagingWindow(thread.channel, thread.lastInboundAt, now);
  if (!window.open) throw new SendRefusedError(window.reason, { templateRequired: window.templateRequired, lastInboundAt: thread.lastInboundAt });
  return window.tag ? { tag: window.tag } : {};
}
