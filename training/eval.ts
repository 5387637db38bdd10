// npm run eval: the local engine on the held-out 15% of training/data/labelled, per language:
// accuracy, macro-F1 and a confusion matrix for category and sentiment, and how often the language is right.
import { ModelClassifier } from '../shared/triage/local/model-classifier.js';
import { CATEGORY_LABELS, SENTIMENT_LABELS } from '../shared/triage/local/model-classifier.js';
import { isHeldOut, LABELLED_DIR, loadExamples, type Example } from './lib/dataset.js';

// Hand-written messages in phrasings the generator never used (banking, retail, airline tweets): a rough check of
// how the model does on text unlike its training data. 48 lines, so each one moves the scores by ~2%.
const UNSEEN_DIR = new URL('./data/unseen/', import.meta.url);
import { evaluate, formatReport } from './lib/metrics.js';

const classifier = new ModelClassifier();
async function run(examples: Example[]) {
  const out: Array<{ e: Example; category: string; sentiment: string; language: string; confidence: number }> = [];
  for (const e of examples) {
    const r = await classifier.classify({ text: e.text, subject: e.subject, channel: 'email' });
    out.push({ e, category: r.category, sentiment: r.sentiment.label, language: r.language, confidence: r.confidence });
  }
  return out;
}
const results = await run(loadExamples(LABELLED_DIR).filter(isHeldOut));
const unseen = await run(loadExamples(UNSEEN_DIR));

const groups = new Map<string, typeof results>([['held-out, all languages', results]]);
for (const r of results) groups.set(r.e.language, [...(groups.get(r.e.language) ?? []), r]);
groups.set('hand-written unseen phrasings', unseen);
for (const [group, rs] of groups) {
  console.log(
    formatReport(
      `category — ${group}`,
      [...CATEGORY_LABELS],
      evaluate(
        [...CATEGORY_LABELS],
        rs.map((r) => ({ truth: r.e.category, predicted: r.category })),
      ),
    ),
  );
  console.log(
    formatReport(
      `sentiment — ${group}`,
      [...SENTIMENT_LABELS],
      evaluate(
        [...SENTIMENT_LABELS],
        rs.map((r) => ({ truth: r.e.sentiment, predicted: r.sentiment })),
      ),
    ),
  );
  if (group.length === 2)
    console.log(`language — ${group}: ${((rs.filter((r) => r.language === group).length / rs.length) * 100).toFixed(1)}% identified as ${group}`);
  console.log('');
}

// Hybrid mode asks the LLM only below the threshold: how often that is, and how right the local engine is above it.
for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9]) {
  const sure = results.filter((r) => r.confidence >= threshold);
  const right = sure.filter((r) => r.category === r.e.category).length;
  console.log(
    `hybrid at ${threshold}: LLM asked for ${(((results.length - sure.length) / results.length) * 100).toFixed(1)}% of held-out messages; ` +
      `local engine right on ${((right / Math.max(1, sure.length)) * 100).toFixed(1)}% of the rest`,
  );
}
