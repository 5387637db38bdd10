import { mulberry32 } from './random.js';

/**
 * A labelled history with any number of categories, for the trainer's tests and `npm run bench`: each category has
 * its own few content words, every message wraps one or two of them (sometimes misspelt) in ordinary Dutch or
 * English sentences that every category shares, and one message in eight borrows a word of another category. It
 * measures how the trainer scales with rows and labels, never the quality on real customers' words (that is the
 * independent set's job).
 */
const FILLER = {
  nl: 'hallo ik heb een vraag over mijn ik wil graag weten of jullie kunnen helpen met het volgende de klantenservice zei dat ik moest mailen alvast bedankt groet sinds gisteren vorige week nog steeds niet kunnen jullie dit oplossen'.split(
    ' ',
  ),
  en: 'hi there i have a question about my i would like to know if you can help with the following your support told me to write thanks in advance regards since yesterday last week still not can you please sort this out'.split(
    ' ',
  ),
};
const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'vos', 'tra', 'pel', 'dun', 'sir', 'bo', 'qua', 'zen', 'rit', 'mal', 'fe', 'gor'];

export interface SyntheticRow {
  text: string;
  category: string;
}

export function syntheticHistory(options: { labels: number; rows: number; seed?: number }): SyntheticRow[] {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  const vocab = Array.from({ length: options.labels }, () => Array.from({ length: 5 }, word));
  const names = vocab.map((words, i) => `${words[0]} ${['request', 'issue', 'question'][i % 3]} ${i + 1}`);
  const misspell = (w: string) => (random() < 0.15 && w.length > 4 ? w.slice(0, 2) + w.slice(3) : w);
  return Array.from({ length: options.rows }, (_, i) => {
    const label = i < options.labels ? i : Math.floor(random() * options.labels);
    const filler = random() < 0.5 ? FILLER.nl : FILLER.en;
    const words = Array.from({ length: 5 + Math.floor(random() * 20) }, () => pick(filler));
    const content = [pick(vocab[label]!), ...(random() < 0.5 ? [pick(vocab[label]!)] : [])];
    if (random() < 0.125) content.push(pick(pick(vocab)));
    for (const w of content) words.splice(Math.floor(random() * words.length), 0, misspell(w));
    return { text: words.join(' '), category: names[label]! };
  });
}

export function toCsv(rows: SyntheticRow[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['text,category', ...rows.map((r) => `${quote(r.text)},${quote(r.category)}`)].join('\n') + '\n';
}
