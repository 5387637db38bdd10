import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobStore, Category } from '../../domain/index.js';
import { fold, words } from '../local/text.js';

export interface Passage {
  articleId: string;
  title: string;
  heading: string;
  text: string;
  language: string;
  intents: string[];
}

export interface Hit {
  passage: Passage;
  score: number;
  /** `<article id>#<heading>`: what the draft lists as its source. */
  ref: string;
}

/** Markdown with a small front matter (id, title, language, intents); each `##` section is one passage. */
export function parseArticle(markdown: string, fallbackId: string): Passage[] {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  const meta = Object.fromEntries((front?.[1] ?? '').split('\n').map((l) => l.split(/:\s*/, 2)).filter((kv) => kv.length === 2)) as Record<string, string>;
  const body = front ? markdown.slice(front[0].length) : markdown;
  const base = { articleId: meta.id ?? fallbackId, title: meta.title ?? fallbackId, language: meta.language ?? 'en', intents: (meta.intents ?? '').split(/\s+/).filter(Boolean) };
  return body
    .split(/^##\s+/m)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((section) => {
      const [heading, ...rest] = section.split('\n');
      return { ...base, heading: heading!.trim(), text: rest.join(' ').replace(/\s+/g, ' ').trim() };
    })
    .filter((p) => p.text);
}

/** In AWS the articles are objects under a prefix of the bucket (`knowledge/` by default), read at cold start. */
export async function loadKnowledgeBaseFromBlobs(blobs: BlobStore, prefix: string): Promise<KnowledgeBase> {
  const keys = (await blobs.list(prefix)).filter((k) => k.endsWith('.md')).sort();
  const articles = await Promise.all(keys.map(async (key) => parseArticle(Buffer.from(await blobs.get(key)).toString('utf8'), key.slice(prefix.length).replace(/\.md$/, ''))));
  return new KnowledgeBase(articles.flat());
}

/** Articles from a folder; a missing folder is an empty knowledge base (drafts then quote nothing). */
export function loadKnowledgeBaseDir(dir: string): KnowledgeBase {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return new KnowledgeBase([]);
  }
  const passages = files
    .filter((f) => f.endsWith('.md'))
    .sort()
    .flatMap((f) => parseArticle(readFileSync(join(dir, f), 'utf8'), f.replace(/\.md$/, '')));
  return new KnowledgeBase(passages);
}

const K1 = 1.2;
const B = 0.75;

/**
 * Lexical retrieval (BM25) over passages, with crude stemming (the first five letters of a word also count) so
 * "bestelling"/"bestellen" and "refund"/"refunded" meet. Passages in the customer's language only, when there
 * are any; those written for the message's category rank a little higher.
 */
export class KnowledgeBase {
  private readonly docs: Array<{ passage: Passage; terms: Map<string, number>; length: number }>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(readonly passages: Passage[]) {
    this.docs = passages.map((passage) => {
      const terms = countTerms(`${passage.title} ${passage.heading} ${passage.text}`);
      for (const term of terms.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      return { passage, terms, length: [...terms.values()].reduce((a, b) => a + b, 0) };
    });
    this.averageLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  search(query: string, options: { language: string; category?: Category; k?: number; minScore?: number }): Hit[] {
    const languages = new Set(this.passages.map((p) => p.language));
    const language = languages.has(options.language) ? options.language : 'en';
    const queryTerms = [...countTerms(query).keys()];
    const n = this.docs.length;
    return this.docs
      .filter((d) => d.passage.language === language)
      .map((d) => {
        let score = 0;
        for (const term of queryTerms) {
          const tf = d.terms.get(term);
          if (!tf) continue;
          const df = this.documentFrequency.get(term)!;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / this.averageLength)));
        }
        if (options.category && d.passage.intents.includes(options.category)) score *= 1.3;
        return { passage: d.passage, score: Math.round(score * 100) / 100, ref: `${d.passage.articleId}#${d.passage.heading}` };
      })
      .filter((h) => h.score >= (options.minScore ?? 1.5))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.k ?? 2);
  }
}

const STOP = new Set(['de', 'het', 'een', 'en', 'van', 'is', 'ik', 'mijn', 'je', 'u', 'the', 'a', 'an', 'and', 'of', 'to', 'is', 'i', 'my', 'you', 'it', 'in', 'on', 'for', 'met', 'op', 'te', 'dat', 'die', 'der', 'und', 'le', 'la', 'les', 'et']);

function countTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(fold(text))) {
    if (STOP.has(w) || w.length < 2) continue;
    for (const term of w.length > 5 ? [w, `${w.slice(0, 5)}*`] : [w]) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** The demo shop's articles, shipped in the repository: what `npm start` drafts from. */
export const DEMO_KNOWLEDGE_DIR = new URL('./demo-shop/', import.meta.url).pathname;
