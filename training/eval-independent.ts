// npm run eval:independent [-- --dir training/eval/independent] [--model DIR] [--verbose]
// The local engine on the independent evaluation set: messages written by an author who never saw the generator,
// the training rows or the code (training/eval/independent/README.md says who and how). Never trained on.
// Per language, industry and channel: category accuracy and macro-F1, sentiment macro-F1, and whether the messages
// a service desk would answer within hours (urgent) got P1 or P2; beside the keyword-rule engine as a baseline.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decidePriority, type Classifier } from '../shared/domain/index.js';
import { CATEGORY_LABELS, ModelClassifier, SENTIMENT_LABELS } from '../shared/triage/local/model-classifier.js';
import { RuleClassifier } from '../shared/triage/local/rule-classifier.js';
import { loadIndependentSet, type IndependentRow } from './lib/dataset.js';
import { evaluate, formatReport } from './lib/metrics.js';

type Row = IndependentRow;

const { values } = parseArgs({
  options: { dir: { type: 'string', default: 'training/eval/independent' }, model: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});

interface Outcome {
  row: Row;
  category: string;
  sentiment: string;
  urgent: boolean;
}

async function run(classifier: Classifier, rows: Row[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const row of rows) {
    const c = await classifier.classify({ text: row.text, subject: row.subject ?? undefined, channel: row.channel });
    const { priority } = decidePriority(c, { channel: row.channel, unansweredBefore: 0 });
    out.push({ row, category: c.category, sentiment: c.sentiment.label, urgent: priority === 'P1' || priority === 'P2' });
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** One line of figures for a group of outcomes. */
function summary(outcomes: Outcome[]): string {
  const category = evaluate(
    [...CATEGORY_LABELS],
    outcomes.map((o) => ({ truth: o.row.category, predicted: o.category })),
  );
  // an ambiguous row counts as right with either of the author's two labels
  const lenient = outcomes.filter((o) => o.category === o.row.category || (o.row.ambiguous && o.category === o.row.alt_category)).length / outcomes.length;
  const sentiment = evaluate(
    [...SENTIMENT_LABELS],
    outcomes.map((o) => ({ truth: o.row.sentiment, predicted: o.sentiment })),
  );
  const urgent = outcomes.filter((o) => o.row.urgent);
  const flagged = outcomes.filter((o) => o.urgent);
  const recall = urgent.length ? urgent.filter((o) => o.urgent).length / urgent.length : 0;
  const precision = flagged.length ? flagged.filter((o) => o.row.urgent).length / flagged.length : 0;
  return [
    `n=${String(outcomes.length).padStart(4)}`,
    `category acc ${pct(category.accuracy).padStart(6)} (either label ${pct(lenient).padStart(6)}) macro-F1 ${category.macroF1.toFixed(3)}`,
    `sentiment macro-F1 ${sentiment.macroF1.toFixed(3)}`,
    `urgent→P1/P2 recall ${pct(recall).padStart(6)} precision ${pct(precision).padStart(6)}`,
  ].join(' | ');
}

function by(outcomes: Outcome[], key: (o: Outcome) => string): Map<string, Outcome[]> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

const rows = loadIndependentSet(values.dir);
if (rows.length === 0) throw new Error(`no JSONL rows in ${values.dir}`);
console.log(`independent evaluation set: ${rows.length} messages from ${values.dir} (never trained on)\n`);
for (const [name, classifier] of [
  [
    values.model ? `model from ${values.model}` : 'model (the shipped local engine)',
    new ModelClassifier(values.model ? pathToFileURL(`${values.model.replace(/\/$/, '')}/`) : undefined),
  ],
  ['rules (keyword baseline, local-rules-v1)', new RuleClassifier()],
] as const) {
  const outcomes = await run(classifier, rows);
  console.log(`== ${name}`);
  console.log(`  all            ${summary(outcomes)}`);
  for (const [dimension, key] of [
    ['language', (o: Outcome) => o.row.language],
    ['industry', (o: Outcome) => o.row.industry],
    ['channel', (o: Outcome) => o.row.channel],
  ] as const) {
    for (const [group, list] of by(outcomes, key)) console.log(`  ${`${dimension} ${group}`.padEnd(22)} ${summary(list)}`);
  }
  if (values.verbose) {
    console.log(
      formatReport(
        'category, all',
        [...CATEGORY_LABELS],
        evaluate(
          [...CATEGORY_LABELS],
          outcomes.map((o) => ({ truth: o.row.category, predicted: o.category })),
        ),
      ),
    );
  }
  console.log('');
}
