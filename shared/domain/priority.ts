import type { Channel } from './channel.js';
import { isDefaultCategory, type Classification, type DefaultCategory, type Priority } from './triage.js';

/** First-response targets per priority; an agent should answer before `slaDueAt`. */
export const SLA_MINUTES: Record<Priority, number> = { P1: 60, P2: 4 * 60, P3: 24 * 60, P4: 72 * 60 };

const RANK: Record<Priority, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function higherPriority(a: Priority, b: Priority): Priority {
  return RANK[a] <= RANK[b] ? a : b;
}

export function slaDueAt(priority: Priority, from: Date): string {
  return new Date(from.getTime() + SLA_MINUTES[priority] * 60_000).toISOString();
}

export interface PriorityContext {
  channel: Channel;
  /** How many earlier inbound messages this thread has had without an answer from us. */
  unansweredBefore: number;
}

/**
 * Priority from what the classifier saw, with the reason for every step so an agent can check it.
 * Starts from the category, then raises for strong negative sentiment, urgency cues and repeat contact.
 */
export function decidePriority(c: Classification, ctx: PriorityContext): { priority: Priority; reasons: string[] } {
  const base: Record<DefaultCategory, Priority> = {
    complaint: 'P2',
    billing: 'P2',
    technical: 'P3',
    order: 'P3',
    other: 'P4',
  };
  // a shop's own category starts where most service questions do, and rises on the same cues
  let priority = isDefaultCategory(c.category) ? base[c.category] : 'P3';
  const steps: string[] = [c.category];
  let raise = 0;
  // Strong negative raises a complaint or a message with urgency cues; a calm "please refund the double charge" reads
  // negative to the model too, and must not jump the queue on tone alone.
  if (c.sentiment.label === 'negative' && c.sentiment.score <= -0.5 && (c.category === 'complaint' || c.urgencyCues.length > 0)) {
    raise += 1;
    steps.push('strong negative');
  }
  const serious = c.urgencyCues.filter((cue) => SERIOUS_CUES.has(cue));
  if (serious.length > 0) {
    raise += 1;
    steps.push(serious.map((cue) => CUE_WORDS[cue] ?? cue).join(', '));
  } else if (c.urgencyCues.length > 0) {
    raise += 1;
    steps.push(c.urgencyCues.map((cue) => CUE_WORDS[cue] ?? cue).join(', '));
  }
  if (ctx.unansweredBefore >= 1) {
    raise += 1;
    steps.push(`repeat contact (${ctx.unansweredBefore + 1} messages unanswered)`);
  }
  if (serious.length > 0 && c.category === 'complaint') raise += 1;
  for (let i = 0; i < raise; i++) priority = raiseOne(priority);
  return { priority, reasons: [`${steps.join(', ')} → ${priority}`] };
}

function raiseOne(p: Priority): Priority {
  return p === 'P4' ? 'P3' : p === 'P3' ? 'P2' : 'P1';
}

const SERIOUS_CUES = new Set(['legal_threat', 'cancellation', 'outage', 'safety']);

const CUE_WORDS: Record<string, string> = {
  legal_threat: 'threatens legal action',
  cancellation: 'threatens to cancel',
  outage: 'reports an outage',
  safety: 'safety issue',
  deadline: 'has a deadline',
  repeat_contact: 'says they wrote before',
  urgent: 'asks for urgency',
};
