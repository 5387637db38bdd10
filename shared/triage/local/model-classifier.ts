import type { Category, Channel, Classification, Classifier } from '../../domain/index.js';
import categoryModel from './model/category.json' with { type: 'json' };
import sentimentModel from './model/sentiment.json' with { type: 'json' };
import { extractFeatures, type Features } from './features.js';
import { identifyLanguage } from './language-id.js';
import { LinearModel, type SerializedModel } from './linear-model.js';
import { scoreSentiment } from './sentiment.js';
import { fold } from './text.js';
import { detectUrgency } from './urgency.js';
import { suggestTags } from './tags.js';
import { CATEGORY_LABELS, SENTIMENT_LABELS } from './labels.js';

export { CATEGORY_LABELS, SENTIMENT_LABELS };

export const MODEL_ENGINE = 'local-model-v1';

const categories = new LinearModel(categoryModel as SerializedModel);
const sentiments = new LinearModel(sentimentModel as SerializedModel);

/**
 * The default engine: logistic regression over word and character n-grams, trained by `npm run train` from the
 * project's labelled examples, for category and sentiment; fastText for the language; rules for urgency cues and
 * tags. Every result says which words decided it.
 */
export class ModelClassifier implements Classifier {
  async classify(input: { text: string; subject?: string; channel: Channel }): Promise<Classification> {
    const text = input.subject ? `${input.subject}\n${input.text}` : input.text;
    const folded = fold(text);
    const features = extractFeatures(text, folded);
    const { language } = await identifyLanguage(text);
    const category = categoryOf(features);
    const sentiment = sentimentOf(features, text, folded);
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

export function categoryOf(features: Features): { label: Category; confidence: number; reason: string } {
  const p = categories.predict(features);
  const best = argmax(p);
  const label = CATEGORY_LABELS[best]!;
  const words = topWords(categories, features, best);
  const runnerUp = argmax(p.map((v, i) => (i === best ? -1 : v)));
  const confidence = round(p[best]!);
  return {
    label,
    confidence,
    reason: `${label} ${pct(confidence)}${words.length ? ` from ${words.map((w) => `"${w}"`).join(', ')}` : ''} (next: ${CATEGORY_LABELS[runnerUp]} ${pct(p[runnerUp]!)})`,
  };
}

function sentimentOf(features: Features, text: string, folded: string): { value: Classification['sentiment']; reason: string } {
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

/** The words of this text that pushed hardest towards `label`. */
function topWords(model: LinearModel, features: Features, label: number): string[] {
  return features.words
    .map((w) => ({ text: w.text, weight: model.contribution(w.index, label, features.value) }))
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((w) => w.text);
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
