import { readFileSync } from 'node:fs';
import type { Category, Channel, Classification, Classifier } from '../../domain/index.js';
import { extractFeatures, FEATURE_BITS, type Features } from './features.js';
import { isFunctionWord } from './language.js';
import { identifyLanguage } from './language-id.js';
import { withPrior } from './prior.js';
import { LinearModel, type SerializedModel } from './linear-model.js';
import { scoreSentiment } from './sentiment.js';
import { fold } from './text.js';
import { detectUrgency } from './urgency.js';
import { suggestTags } from './tags.js';
import { CATEGORY_LABELS, SENTIMENT_LABELS } from './labels.js';

export { CATEGORY_LABELS, SENTIMENT_LABELS };

export const MODEL_ENGINE = 'local-model-v1';

/**
 * Where `npm run train` writes the models: `model/` next to this module. In the Lambda bundle `import.meta.url` is
 * the bundle's own file, and the triage function's runtimeFiles copy the folder there (infra/lib/triage.ts), so
 * the ~0.5 MB of weights are read at cold start instead of being inlined into the bundle's JavaScript.
 */
export const MODEL_DIR = new URL('./model/', import.meta.url);

/** A category model and a sentiment model, ready to score. */
export type TriageModels = { categories: LinearModel; sentiments: LinearModel; prior?: LinearModel };
type Models = TriageModels;
const loaded = new Map<string, Models>();

/** Both models of a folder, read and spread into their lookup tables once per process (the first ModelClassifier does it). */
function loadedModels(dir: URL): Models {
  let models = loaded.get(dir.href);
  if (!models) {
    const categories = loadModel(dir, 'category');
    models = { categories, sentiments: loadModel(dir, 'sentiment'), ...(categories.model.prior ? { prior: loadModel(dir, 'prior') } : {}) };
    loaded.set(dir.href, models);
  }
  return models;
}

type ModelFile = 'category' | 'sentiment' | 'prior';

function loadModel(dir: URL, name: ModelFile): LinearModel {
  const file = new URL(`${name}.json`, dir);
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`the local triage model ${file.pathname} is missing: run npm run train, or copy shared/triage/local/model next to the bundle`, {
      cause: err,
    });
  }
  return parseModel(json, file.pathname, name);
}

/** One model file's text, checked; a corrupt or foreign file throws, naming `source`. */
export function parseModel(json: string, source: string, name: ModelFile): LinearModel {
  try {
    return new LinearModel(checkModel(JSON.parse(json), name));
  } catch (err) {
    throw new Error(`the local triage model ${source} is not a model npm run train wrote: ${(err as Error).message}`, { cause: err });
  }
}

/** Enough of a model file's shape to trust it: a corrupt or foreign file fails here, at cold start, naming itself. */
function checkModel(value: unknown, name: ModelFile): SerializedModel {
  const m = value as Partial<SerializedModel> | null;
  if (!m || m.kind !== 'softmax-ftrl-v1') throw new Error('unknown kind');
  if (!Array.isArray(m.labels) || m.labels.length < 2 || m.labels.some((l) => typeof l !== 'string' || !l.trim() || l !== l.trim() || l.length > 80))
    throw new Error('no labels, or a label that is empty, padded or longer than 80 characters');
  if (new Set(m.labels).size !== m.labels.length) throw new Error('a label appears twice');
  if (name === 'sentiment' && m.labels.join() !== SENTIMENT_LABELS.join()) throw new Error(`sentiment labels must be ${SENTIMENT_LABELS.join(', ')}`);
  if (!Array.isArray(m.bias) || m.bias.length !== m.labels.length || m.bias.some((b) => typeof b !== 'number' || !Number.isFinite(b)))
    throw new Error('bias does not match the labels');
  if (typeof m.featureBits !== 'number' || m.featureBits !== FEATURE_BITS) throw new Error(`feature bits ${m.featureBits}, expected ${FEATURE_BITS}`);
  if (
    m.prior !== undefined &&
    (name !== 'category' || m.prior.file !== 'prior.json' || !(Number.isInteger(m.prior.weight) && m.prior.weight >= 1 && m.prior.weight <= 100))
  )
    throw new Error('a prior that is not prior.json with a weight from 1 to 100');
  if (typeof m.scale !== 'number' || !Number.isFinite(m.scale) || !(m.scale > 0) || typeof m.buckets !== 'string' || typeof m.weights !== 'string')
    throw new Error('no weights');
  const bucketBytes = Buffer.from(m.buckets, 'base64');
  const weights = Buffer.from(m.weights, 'base64').length / 2;
  if (bucketBytes.length % 4 !== 0 || weights !== (bucketBytes.length / 4) * m.labels.length) throw new Error('weights do not match the buckets and labels');
  // buckets strictly increasing and inside the feature space: an out-of-range one would be dropped without a word
  let previous = -1;
  for (let at = 0; at < bucketBytes.length; at += 4) {
    const bucket = bucketBytes.readUInt32LE(at);
    if (bucket <= previous || bucket >= 1 << FEATURE_BITS) throw new Error('a bucket out of order or outside the feature space');
    previous = bucket;
  }
  return m as SerializedModel;
}

/**
 * The default engine: logistic regression over word and character n-grams, trained by `npm run train` from the
 * project's labelled examples, for category and sentiment; fastText for the language; rules for urgency cues and
 * tags. Every result says which words decided it.
 */
export class ModelClassifier implements Classifier {
  private readonly models: Models;

  /** The categories this model chooses from: the defaults, or the labels a shop's history taught it. */
  get categories(): string[] {
    return this.models.categories.labels;
  }

  /**
   * `model`: a folder with category.json and sentiment.json (`npm run train -- --out DIR`), or models already read
   * (`fromJson`); the shipped model by default.
   */
  constructor(model: URL | TriageModels = MODEL_DIR) {
    // at construction (the triage handler builds its engines at cold start), not at the first message
    this.models = model instanceof URL ? loadedModels(model) : model;
  }

  /** A model from its files' text (as read from the bucket); throws, naming `source`, when either is corrupt. */
  static fromJson(files: { category: string; sentiment: string; prior?: string }, source: string): ModelClassifier {
    const categories = parseModel(files.category, `${source}category.json`, 'category');
    if (categories.model.prior && files.prior === undefined) throw new Error(`the local triage model ${source}category.json needs prior.json beside it`);
    return new ModelClassifier({
      categories,
      sentiments: parseModel(files.sentiment, `${source}sentiment.json`, 'sentiment'),
      ...(categories.model.prior ? { prior: parseModel(files.prior!, `${source}prior.json`, 'prior') } : {}),
    });
  }

  /** Whether this model's category model learned on top of a prior model (its folder then has prior.json). */
  get hasPrior(): boolean {
    return !!this.models.prior;
  }

  async classify(input: { text: string; subject?: string; channel: Channel }): Promise<Classification> {
    const text = input.subject ? `${input.subject}\n${input.text}` : input.text;
    const folded = fold(text);
    const features = extractFeatures(text, folded);
    const { language } = await identifyLanguage(text);
    const { categories, prior } = this.models;
    const category = categoryOf(categories, prior ? withPrior(features, prior, categories.model.prior!.weight) : features);
    const sentiment = sentimentOf(this.models.sentiments, features, text, folded);
    const urgencyCues = detectUrgency(folded);
    const reasons = [category.reason, sentiment.reason];
    if (urgencyCues.length) reasons.push(`urgency: ${urgencyCues.join(', ')}`);
    return {
      category: category.label,
      confidence: category.confidence,
      sentiment: sentiment.value,
      language,
      urgencyCues,
      tags: suggestTags(folded, category.label, urgencyCues),
      reasons,
      engine: MODEL_ENGINE,
    };
  }
}

function categoryOf(categories: LinearModel, features: Features): { label: Category; confidence: number; reason: string } {
  const p = categories.predict(features);
  const best = argmax(p);
  const label = categories.labels[best]!;
  const words = topWords(categories, features, best);
  const runnerUp = argmax(p.map((v, i) => (i === best ? -1 : v)));
  const confidence = round(p[best]!);
  return {
    label,
    confidence,
    reason: `${label} ${pct(confidence)}${words.length ? ` from ${words.map((w) => `"${w}"`).join(', ')}` : ''} (next: ${categories.labels[runnerUp]} ${pct(p[runnerUp]!)})`,
  };
}

function sentimentOf(sentiments: LinearModel, features: Features, text: string, folded: string): { value: Classification['sentiment']; reason: string } {
  const p = sentiments.predict(features);
  const best = argmax(p);
  const score = round(p[2]! - p[0]!);
  const cues = scoreSentiment(folded, text).cues;
  const words = topWords(sentiments, features, best);
  const evidence = [...new Set([...words.map((w) => `"${w}"`), ...cues])].slice(0, 4);
  return {
    value: { label: SENTIMENT_LABELS[best]!, score },
    reason: `sentiment ${SENTIMENT_LABELS[best]} (${score})${evidence.length ? `: ${evidence.join(', ')}` : ''}`,
  };
}

/**
 * The words of this text that pushed hardest towards `label`, as an agent can read them: a word or phrase only when
 * it has a word of three letters or more that is not a function word ("en", "heb", "the") or a number placeholder.
 */
function topWords(model: LinearModel, features: Features, label: number): string[] {
  // the weights first (an array lookup each), the readability check only for the strongest few: it splits and tests
  // each word with a regular expression, and ran for every word of every message (most of classify's own time)
  const pushing: Array<{ text: string; weight: number }> = [];
  for (const w of features.words) {
    const weight = model.contribution(w.index, label, features.value);
    if (weight > 0) pushing.push({ text: w.text, weight });
  }
  pushing.sort((a, b) => b.weight - a.weight);
  const chosen: string[] = [];
  for (const w of pushing) {
    if (w.text.split(' ').some((part) => part.length >= 3 && /\p{L}/u.test(part) && !isFunctionWord(part))) chosen.push(w.text);
    if (chosen.length === 3) break;
  }
  return chosen;
}

function argmax(values: number[]): number {
  return values.reduce((best, v, i) => (v > values[best]! ? i : best), 0);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}
