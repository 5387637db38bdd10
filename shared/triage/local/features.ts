import { fold } from './text.js';

/** Size of the hashed feature space: 2^20 buckets keeps collisions rare for a few hundred thousand n-grams. */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

export interface Features {
  /** Hashed bucket of every feature, deduplicated. */
  indices: Uint32Array;
  /** The same value for each feature: 1/sqrt(count), so long mails do not outweigh short chats. */
  value: number;
  /** The readable word features, for reasons ("because of 'refund', 'charged twice'"). */
  words: Array<{ text: string; index: number }>;
}

const TOKEN = /[\p{L}\p{N}€$£]+(?:['’][\p{L}]+)?/gu;

/**
 * Word unigrams and bigrams (with digits collapsed, so order numbers generalise) plus character 3–5-grams inside
 * word boundaries, which carry typos, Dutch compounds and inflections ("bestelling", "bestellingen", "besteling").
 */
export function extractFeatures(text: string): Features {
  const words = (fold(text).match(TOKEN) ?? []).map((w) => w.replace(/\d/g, '0'));
  const seen = new Set<number>();
  const readable: Array<{ text: string; index: number }> = [];
  const add = (feature: string, show?: string) => {
    const index = hash(feature);
    if (seen.has(index)) return;
    seen.add(index);
    if (show) readable.push({ text: show, index });
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(`w:${w}`, w);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, `${words[i - 1]} ${w}`);
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) {
      for (let j = 0; j + n <= padded.length; j++) add(`c:${padded.slice(j, j + n)}`);
    }
  }
  if (words.length === 0) add('empty');
  return { indices: Uint32Array.from(seen), value: 1 / Math.sqrt(seen.size), words: readable };
}

/** FNV-1a, 32-bit, folded into the feature space. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}
