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

const stamps = new Int32Array(1 << FEATURE_BITS);
let generation = 0;

const TOKEN = /[\p{L}\p{N}€$£]+(?:['’][\p{L}]+)?/gu;

/**
 * Word unigrams and bigrams (with digits collapsed, so order numbers generalise) plus character 3–5-grams inside
 * word boundaries, which carry typos, Dutch compounds and inflections ("bestelling", "bestellingen", "besteling").
 */
export function extractFeatures(text: string, folded = fold(text)): Features {
  const words = (folded.match(TOKEN) ?? []).map((w) => w.replace(/\d/g, '0'));
  // dedupe with a generation stamp per bucket instead of a Set: no allocation per feature
  generation = (generation + 1) | 0 || 1;
  const seen: number[] = [];
  const keep = (index: number): boolean => {
    if (stamps[index] === generation) return false;
    stamps[index] = generation;
    seen.push(index);
    return true;
  };
  const readable: Array<{ text: string; index: number }> = [];
  const add = (feature: string, show?: string) => {
    const index = hash(feature);
    if (keep(index) && show) readable.push({ text: show, index });
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(`w:${w}`, w);
    if (i > 0) add(`b:${words[i - 1]} ${w}`, `${words[i - 1]} ${w}`);
    const padded = `<${w}>`;
    for (let n = 3; n <= 5; n++) {
      for (let j = 0; j + n <= padded.length; j++) keep(hashRange(CHAR_PREFIX, padded, j, j + n));
    }
  }
  if (words.length === 0) add('empty');
  return { indices: Uint32Array.from(seen), value: 1 / Math.sqrt(seen.length), words: readable };
}

/** FNV-1a, 32-bit, folded into the feature space. */
export function hash(s: string): number {
  return (fnv(0x811c9dc5, s, 0, s.length) >>> 0) & MASK;
}

function fnv(start: number, s: string, from: number, to: number): number {
  let h = start;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The FNV state after "c:", so a character n-gram hashes exactly like `hash('c:' + gram)` without building it. */
const CHAR_PREFIX = fnv(0x811c9dc5, 'c:', 0, 2);

function hashRange(prefix: number, s: string, from: number, to: number): number {
  return (fnv(prefix, s, from, to) >>> 0) & MASK;
}
