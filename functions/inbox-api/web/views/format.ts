import type { Channel } from '../../../../shared/domain/index.js';
import type { Dictionary } from '../i18n.js';

export const CHANNEL_LABEL: Record<Channel, string> = { whatsapp: 'WhatsApp', messenger: 'Messenger', instagram: 'Instagram', email: 'Email' };
export const CHANNEL_ICON: Record<Channel, string> = { whatsapp: 'WA', messenger: 'FB', instagram: 'IG', email: '✉' };

/** "in 25 min" or "overdue by 3 h": the SLA countdown the worklist and the thread show. */
export function slaText(slaDueAt: string, now: Date, t: Dictionary): { text: string; overdue: boolean; soon: boolean } {
  const ms = new Date(slaDueAt).getTime() - now.getTime();
  const span = duration(Math.abs(ms), t);
  if (ms < 0) return { text: `${t.overdueBy} ${span}`, overdue: true, soon: false };
  return { text: `${t.dueIn} ${span}`, overdue: false, soon: ms < 30 * 60_000 };
}

export function duration(ms: number, t: Dictionary): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} ${t.minutes}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${t.hours}${minutes % 60 ? ` ${minutes % 60} ${t.minutes}` : ''}`;
  return `${Math.floor(hours / 24)} ${t.days}`;
}

/** Local wall-clock time in the page's language, e.g. "25 nov 10:31". */
export function when(iso: string, lang: 'nl' | 'en'): string {
  return new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  });
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
