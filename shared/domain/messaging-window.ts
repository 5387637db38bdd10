import type { Channel } from './channel.js';

const HOUR = 3_600_000;

export type WindowDecision = { open: true; tag?: 'HUMAN_AGENT' } | { open: false; reason: string; templateRequired: boolean };

/**
 * Whether free text may still be sent, counted from the customer's last message.
 * WhatsApp: 24 hours, then only an approved template. Messenger and Instagram: 24 hours, then up to 7 days with the
 * HUMAN_AGENT tag (a person answering), then not at all. Email has no window.
 */
export function messagingWindow(channel: Channel, lastInboundAt: string, now: Date): WindowDecision {
  const hours = (now.getTime() - Date.parse(lastInboundAt)) / HOUR;
  const ago = `${Math.floor(hours)} h ${Math.floor((hours % 1) * 60)} min ago`;
  if (channel === 'email' || hours <= 24) return { open: true };
  if (channel === 'whatsapp') {
    return {
      open: false,
      templateRequired: true,
      reason: `WhatsApp allows free text only within 24 hours of the customer's last message (${ago}); send an approved template instead`,
    };
  }
  if (hours <= 24 * 7) return { open: true, tag: 'HUMAN_AGENT' };
  return { open: false, templateRequired: false, reason: `${channel} allows a reply at most 7 days after the customer's last message (${ago})` };
}
