import type { Category, Channel, Classification, Classifier } from '../../domain/index.js';
import { detectLanguage } from './language.js';
import { CATEGORY_CUES, MIN_CATEGORY_SCORE } from './lexicon.js';
import { scoreSentiment } from './sentiment.js';
import { fold, matchCues } from './text.js';
import { detectUrgency } from './urgency.js';

export const RULES_ENGINE = 'local-rules-v1';

const TAGS: Array<[string, (matched: Set<string>, urgency: string[]) => boolean]> = [
  ['refund', (m) => m.has('refund')],
  ['double_charge', (m) => m.has('charged twice') && (m.has('charged') || m.has('payment'))],
  ['delivery_delay', (m, u) => (m.has('delivery') || m.has('parcel') || m.has('order')) && (m.has('still not') || u.includes('repeat_contact'))],
  ['return', (m) => m.has('return') || m.has('exchange')],
  ['cancellation', (m, u) => m.has('cancel') || u.includes('cancellation')],
  ['login', (m) => m.has('login') || m.has('password') || m.has('locked out')],
  ['invoice', (m) => m.has('invoice') || m.has('receipt or VAT')],
  ['legal_threat', (_m, u) => u.includes('legal_threat')],
];

/**
 * Scored rules: each category has weighted cues in four languages; the best score wins if it passes a
 * floor, otherwise `other`. Every result says which cues it counted. Deterministic and in-process.
 */
export class RuleClassifier implements Classifier {
  async classify(input: { text: string; subject?: string; channel: Channel }): Promise<Classification> {
    return classifyText(input.subject ? `${input.subject}\n${input.text}` : input.text);
  }
}

export function classifyText(text: string): Classification {
  const folded = fold(text);
  const matched = new Set<string>();
  const scored = (Object.keys(CATEGORY_CUES) as Array<keyof typeof CATEGORY_CUES>).map((category) => {
    const hits = matchCues(folded, CATEGORY_CUES[category]);
    for (const h of hits) matched.add(h.label);
    return { category, score: hits.reduce((s, h) => s + h.weight, 0), hits: hits.map((h) => h.label) };
  });
  const { sentiment, cues: sentimentCues } = scoreSentiment(folded, text);
  // Strong anger about anything is a complaint first: the customer needs to be heard before the detail.
  const complaint = scored.find((s) => s.category === 'complaint')!;
  if (sentiment.score <= -0.5) complaint.score += 1.5;
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored as [(typeof scored)[number], (typeof scored)[number]];
  const category: Category = best.score >= MIN_CATEGORY_SCORE ? best.category : 'other';
  const confidence =
    category === 'other' ? otherConfidence(best.score) : 0.4 + 0.6 * (1 - Math.exp(-best.score / 3)) * ((best.score - second.score) / best.score);
  const urgencyCues = detectUrgency(folded);
  const { language } = detectLanguage(folded);
  const reasons = [
    category === 'other'
      ? best.score > 0
        ? `no category scored ${MIN_CATEGORY_SCORE} or more (best: ${best.category} ${best.score})`
        : 'no category cues found'
      : `${category}: ${best.hits.map((h) => `"${h}"`).join(', ') || 'strong negative sentiment'} (score ${best.score}${second.score > 0 ? ` vs ${second.category} ${second.score}` : ''})`,
    `sentiment ${sentiment.label} (${sentiment.score})${sentimentCues.length ? `: ${sentimentCues.join(', ')}` : ''}`,
  ];
  if (urgencyCues.length) reasons.push(`urgency: ${urgencyCues.join(', ')}`);
  const tags = TAGS.filter(([, test]) => test(matched, urgencyCues)).map(([tag]) => tag);
  return { category, confidence: round(confidence), sentiment, language, urgencyCues, tags, reasons, engine: RULES_ENGINE };
}

function otherConfidence(bestScore: number): number {
  return Math.max(0.3, 0.8 - bestScore * 0.3);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
