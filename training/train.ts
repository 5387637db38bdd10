// npm run train: trains the local triage models from training/data/labelled (and agents' corrections in
// training/data/feedback) and writes shared/triage/local/model/*.json. The held-out split is never trained on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractFeatures } from '../shared/triage/local/features.js';
import { CATEGORY_LABELS, SENTIMENT_LABELS } from '../shared/triage/local/labels.js';
import { FEEDBACK_DIR, isHeldOut, LABELLED_DIR, loadExampleFile, loadExamples, textOf } from './lib/dataset.js';
import { trainSoftmax } from './lib/ftrl.js';

// --feedback <file.jsonl>: agents' corrections and approved replies, e.g. from GET /local/feedback.jsonl
const { values } = parseArgs({ options: { feedback: { type: 'string', multiple: true, default: [] } } });
const labelled = loadExamples(LABELLED_DIR);
const feedback = [...loadExamples(FEEDBACK_DIR), ...values.feedback.flatMap((file) => loadExampleFile(file))];
const train = [...labelled.filter((e) => !isHeldOut(e)), ...feedback];
console.log(
  `training on ${train.length} examples (${feedback.length} from agents' corrections); ${labelled.length - train.length + feedback.length} held out for npm run eval`,
);

const rows = train.map((e) => ({ e, features: extractFeatures(textOf(e)) }));
const started = Date.now();
const category = trainSoftmax(
  rows.map((r) => ({ features: r.features, label: CATEGORY_LABELS.indexOf(r.e.category) })),
  [...CATEGORY_LABELS],
);
const sentiment = trainSoftmax(
  rows.map((r) => ({ features: r.features, label: SENTIMENT_LABELS.indexOf(r.e.sentiment) })),
  [...SENTIMENT_LABELS],
);
mkdirSync(new URL('../shared/triage/local/model/', import.meta.url), { recursive: true });
for (const [name, model] of [
  ['category', category],
  ['sentiment', sentiment],
] as const) {
  const path = new URL(`../shared/triage/local/model/${name}.json`, import.meta.url);
  writeFileSync(path, JSON.stringify(model) + '\n');
  console.log(
    `${name}: ${Buffer.from(model.buckets, 'base64').length / 4} features kept, ${Math.round(JSON.stringify(model).length / 1024)} KB → ${path.pathname}`,
  );
}
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
