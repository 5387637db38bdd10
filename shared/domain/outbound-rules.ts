import type { Channel } from './channel.js';
import { SendRefusedError } from './errors.js';
import { messagingWindow } from './messaging-window.js';
import type { Thread } from './thread.js';

/** Longest text each channel takes in one message. */
export const MAX_TEXT_LENGTH: Record<Channel, number> = { whatsapp: 4096, messenger: 2000, instagram: 1000, email: 100_000 };

/**
 * Machines, quarantined and unreadable mail are never answered (a reply could start a mail loop or reach a spammer);
 * chat channels only within their messaging window. Answers the tag the send needs, if any.
 */
export function assertReplyable(thread: Thread, text: string, now: Date): { tag?: 'HUMAN_AGENT' } {
  const blocking = thread.flags.filter((f) => f === 'quarantined' || f === 'unparseable' || f.startsWith('automated:'));
  if (blocking.length > 0) throw new SendRefusedError(`this thread is never answered (${blocking.join(', ')})`);
  if (!text.trim()) throw new SendRefusedError('the reply is empty');
  if (text.length > MAX_TEXT_LENGTH[thread.channel]) {
    throw new SendRefusedError(`${thread.channel} takes at most ${MAX_TEXT_LENGTH[thread.channel]} characters; this reply has ${text.length}`);
  }
  const window = messagingWindow(thread.channel, thread.lastInboundAt, now);
  if (!window.open) throw new SendRefusedError(window.reason, { templateRequired: window.templateRequired, lastInboundAt: thread.lastInboundAt });
  return window.tag ? { tag: window.tag } : {};
}
