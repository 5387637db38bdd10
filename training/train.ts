// npm run train: trains the local triage models from training/data/labelled (generated) and training/data/written
// (written one by one), and agents' corrections in training/data/feedback, and writes shared/triage/local/model/*.json
// (or --out DIR). The held-out split is never trained on. --sources generated,written picks the data (both by default).
//
// npm run train -- --from FILE --out DIR: learns a shop's own categories from its labelled history (CSV with a header
// row, or JSON lines; --text-column, --label-column, --subject-column name the columns), cross-validates, and writes a
// model folder to DIR (category.json, sentiment.json, manifest.json) all at once. The last line of output is one JSON
// object with the cross-validated figures. A file that cannot be trained from exits 2, naming its lines. --from may be
// given more than once (an export, then the agents' corrections from GET /local/feedback.jsonl): a later file's
// label wins for a text both have.
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extractFeatures } from '../shared/triage/local/features.js';
import { CATEGORY_LABELS, SENTIMENT_LABELS } from '../shared/triage/local/labels.js';
import { FEEDBACK_DIR, isHeldOut, LABELLED_DIR, loadExampleFile, loadExamples, textOf, WRITTEN_DIR } from './lib/dataset.js';
import { trainSoftmax } from './lib/ftrl.js';
import { trainFromHistory } from './lib/train-history.js';

// --feedback <file.jsonl>: agents' corrections and approved replies, e.g. from GET /local/feedback.jsonl
const { values } = parseArgs({
  options: {
    feedback: { type: 'string', multiple: true, default: [] },
    out: { type: 'string' },
    sources: { type: 'string', default: 'generated,written' },
    // a written message counts this many times: they are fewer than the generated rows, and far more like customers
    'written-weight': { type: 'string', default: '3' },
    // more than one: an export and the agents' corrections since; a text in a later file takes its label
    from: { type: 'string', multiple: true },
    'text-column': { type: 'string' },
    'label-column': { type: 'string' },
    'subject-column': { type: 'string' },
    folds: { type: 'string', default: '5' },
    'skip-invalid': { type: 'boolean', default: false },
    'max-mb': { type: 'string' },
    'overwrite-shipped': { type: 'boolean', default: false },
  },
});
if (values.from !== undefined) {
  process.exitCode = trainFromHistory({
    from: values.from,
    out: values.out,
    textColumn: values['text-column'],
    labelColumn: values['label-column'],
    subjectColumn: values['subject-column'],
    folds: values.folds,
    skipInvalid: values['skip-invalid'],
    maxMb: values['max-mb'],
    overwriteShipped: values['overwrite-shipped'],
  });
  process.exit();
}
const sources = values.sources.split(',');
const generated = sources.includes('generated') ? loadExamples(LABELLED_DIR) : [];
const written = sources.includes('written') ? loadExamples(WRITTEN_DIR) : [];
const labelled = [...generated, ...written];
const writtenWeight = Number(values['written-weight']);
if (!Number.isInteger(writtenWeight) || writtenWeight < 1) throw new Error(`--written-weight must be a whole number ≥ 1, got ${values['written-weight']}`);
const feedback = [...loadExamples(FEEDBACK_DIR), ...values.feedback.flatMap((file) => loadExampleFile(file))];
const train = [
  ...generated.filter((e) => !isHeldOut(e)),
  ...written.filter((e) => !isHeldOut(e)).flatMap((e) => Array<typeof e>(writtenWeight).fill(e)),
  ...feedback,
];
console.log(
  `training on ${train.length} examples (${generated.length} generated, ${written.length} written ×${writtenWeight}, ${feedback.length} from agents' corrections); ${labelled.filter(isHeldOut).length} held out for npm run eval`,
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
const outDir = values.out ? pathToFileURL(`${values.out.replace(/\/$/, '')}/`) : new URL('../shared/triage/local/model/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const [name, model] of [
  ['category', category],
  ['sentiment', sentiment],
] as const) {
  const path = new URL(`${name}.json`, outDir);
  writeFileSync(path, JSON.stringify(model) + '\n');
  console.log(
    `${name}: ${Buffer.from(model.buckets, 'base64').length / 4} features kept, ${Math.round(JSON.stringify(model).length / 1024)} KB → ${path.pathname}`,
  );
}
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
