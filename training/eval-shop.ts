// npm run eval:shop: what a shop gets from training on its own labelled history (npm run train -- --from FILE),
// measured on the independent set (messages by an author who never saw the generator or the training rows):
//  (b) leave-one-industry-out: a model trained on seven industries' messages, tested on the eighth's;
//  (c) learning curves: 10, 20, 50 and 100 examples per category, tested on the rest (3 draws each), for a model of
//      the history's words alone, for what `npm run train -- --from FILE` builds (the words and the shipped model's
//      answer, withPrior), and for the shipped training data plus the history (a shop whose categories are the
//      defaults); each beside the shipped model on the same test rows. Per language: 10 and 20 per category.
// The shipped model itself never trains on the independent set; these models exist only inside this script.
import { extractFeatures, type Features } from '../shared/triage/local/features.js';
import { LinearModel } from '../shared/triage/local/linear-model.js';
import { CATEGORY_LABELS, ModelClassifier } from '../shared/triage/local/model-classifier.js';
import { isHeldOut, LABELLED_DIR, loadExamples, loadIndependentSet, textOf, WRITTEN_DIR, type IndependentRow } from './lib/dataset.js';
import { DEFAULT_FTRL, SHOP_FTRL, trainSoftmax, type FtrlOptions } from './lib/ftrl.js';
import { evaluate } from './lib/metrics.js';
import { shippedPrior } from './lib/shop-model.js';
import { PRIOR_WEIGHT, withPrior } from '../shared/triage/local/prior.js';
import { mulberry32 } from './lib/random.js';

const labels = [...CATEGORY_LABELS];
const rows = loadIndependentSet();
const featuresOf = new Map<IndependentRow, Features>(rows.map((r) => [r, extractFeatures(textOf({ text: r.text, subject: r.subject ?? undefined }))]));
const prior = shippedPrior();
const withPriorOf = new Map<IndependentRow, Features>(rows.map((r) => [r, withPrior(featuresOf.get(r)!, prior, PRIOR_WEIGHT)]));
const shipped = new ModelClassifier();
const shippedSays = new Map<IndependentRow, string>();
for (const r of rows) shippedSays.set(r, (await shipped.classify({ text: r.text, subject: r.subject ?? undefined, channel: r.channel })).category);

// the shipped model's own training rows (held-out split excluded), for the shop that adds its history to them
const base = [...loadExamples(LABELLED_DIR).filter((e) => !isHeldOut(e)), ...loadExamples(WRITTEN_DIR).flatMap((e) => (isHeldOut(e) ? [] : [e, e, e]))].map(
  (e) => ({ features: extractFeatures(textOf(e)), label: labels.indexOf(e.category) }),
);

type Seen = Map<IndependentRow, Features>;
function train(
  train: IndependentRow[],
  options: FtrlOptions,
  seen: Seen = featuresOf,
  extra: Array<{ features: Features; label: number }> = [],
  weight = 1,
): LinearModel {
  const own = train.flatMap((r) => Array.from({ length: weight }, () => ({ features: seen.get(r)!, label: labels.indexOf(r.category) })));
  return new LinearModel(trainSoftmax([...extra, ...own], labels, options));
}
const predict = (model: LinearModel, r: IndependentRow, seen: Seen = featuresOf) => {
  const p = model.predict(seen.get(r)!);
  return labels[p.indexOf(Math.max(...p))]!;
};
const f1 = (pairs: Array<{ truth: string; predicted: string }>) => evaluate(labels, pairs).macroF1;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(3);

/** n rows per category (fewer when a category has fewer), drawn by a seeded shuffle; the rest is the test set. */
function draw(pool: IndependentRow[], n: number, seed: number): { train: IndependentRow[]; test: IndependentRow[] } {
  const random = mulberry32(seed);
  const shuffled = pool.map((r) => ({ r, k: random() })).sort((a, b) => a.k - b.k);
  const taken = new Map<string, number>();
  const trainRows: IndependentRow[] = [];
  const test: IndependentRow[] = [];
  for (const { r } of shuffled) {
    const count = taken.get(r.category) ?? 0;
    if (count < n) {
      taken.set(r.category, count + 1);
      trainRows.push(r);
    } else test.push(r);
  }
  return { train: trainRows, test };
}

const report: Record<string, unknown> = {};
console.log(
  `independent set: ${rows.length} messages, ${new Set(rows.map((r) => r.industry)).size} industries, languages ${[...new Set(rows.map((r) => r.language))].join(', ')}\n`,
);

console.log('(b) leave-one-industry-out: category macro-F1 on the industry left out');
console.log(`  ${'industry'.padEnd(12)} ${'n'.padStart(4)}  trained on the other 7 (as train --from)   shipped model`);
const pooled: Array<{ truth: string; predicted: string }> = [];
const pooledShipped: Array<{ truth: string; predicted: string }> = [];
const loio: Record<string, { n: number; otherIndustries: number; shipped: number }> = {};
for (const industry of [...new Set(rows.map((r) => r.industry))].sort()) {
  const test = rows.filter((r) => r.industry === industry);
  const model = train(
    rows.filter((r) => r.industry !== industry),
    SHOP_FTRL,
    withPriorOf,
  );
  const pairs = test.map((r) => ({ truth: r.category, predicted: predict(model, r, withPriorOf) }));
  const shippedPairs = test.map((r) => ({ truth: r.category, predicted: shippedSays.get(r)! }));
  pooled.push(...pairs);
  pooledShipped.push(...shippedPairs);
  loio[industry] = { n: test.length, otherIndustries: f1(pairs), shipped: f1(shippedPairs) };
  console.log(
    `  ${industry.padEnd(12)} ${String(test.length).padStart(4)}  ${fmt(loio[industry]!.otherIndustries).padStart(22)}   ${fmt(loio[industry]!.shipped).padStart(13)}`,
  );
}
console.log(`  ${'all'.padEnd(12)} ${String(rows.length).padStart(4)}  ${fmt(f1(pooled)).padStart(22)}   ${fmt(f1(pooledShipped)).padStart(13)}\n`);
report.leaveOneIndustryOut = { ...loio, all: { otherIndustries: f1(pooled), shipped: f1(pooledShipped) } };

const SEEDS = [1, 2, 3];
console.log(`(c) learning curves: category macro-F1 on the rest of the set, mean of ${SEEDS.length} draws`);
console.log(`  ${'per category'.padEnd(13)} ${'test n'.padStart(7)}  words alone   train --from   shipped data + history   shipped model`);
const curves: Record<string, { testRows: number; wordsAlone: number; trainFrom: number; shippedPlusHistory: number; shipped: number }> = {};
for (const n of [10, 20, 50, 100]) {
  const alone: number[] = [];
  const built: number[] = [];
  const combined: number[] = [];
  const reference: number[] = [];
  let testRows = 0;
  for (const seed of SEEDS) {
    const { train: own, test } = draw(rows, n, seed);
    testRows = test.length;
    const model = train(own, SHOP_FTRL);
    alone.push(f1(test.map((r) => ({ truth: r.category, predicted: predict(model, r) }))));
    const shop = train(own, SHOP_FTRL, withPriorOf);
    built.push(f1(test.map((r) => ({ truth: r.category, predicted: predict(shop, r, withPriorOf) }))));
    // as npm run train does with agents' corrections: the shop's rows beside the shipped rows, each counted 3 times
    const both = train(own, DEFAULT_FTRL, featuresOf, base, 3);
    combined.push(f1(test.map((r) => ({ truth: r.category, predicted: predict(both, r) }))));
    reference.push(f1(test.map((r) => ({ truth: r.category, predicted: shippedSays.get(r)! }))));
  }
  curves[n] = { testRows, wordsAlone: mean(alone), trainFrom: mean(built), shippedPlusHistory: mean(combined), shipped: mean(reference) };
  console.log(
    `  ${String(n).padEnd(13)} ${String(testRows).padStart(7)}  ${fmt(mean(alone)).padStart(11)}   ${fmt(mean(built)).padStart(12)}   ${fmt(mean(combined)).padStart(22)}   ${fmt(mean(reference)).padStart(13)}`,
  );
}
report.learningCurves = curves;

console.log('\n  one language only (a shop that writes in one): words alone / train --from / shipped model, per category 10 and 20');
const perLanguage: Record<string, Record<number, { wordsAlone: number; trainFrom: number; shipped: number }>> = {};
for (const language of [...new Set(rows.map((r) => r.language))].sort()) {
  const pool = rows.filter((r) => r.language === language);
  perLanguage[language] = {};
  const cells: string[] = [];
  for (const n of [10, 20]) {
    const alone: number[] = [];
    const built: number[] = [];
    const reference: number[] = [];
    for (const seed of SEEDS) {
      const { train: own, test } = draw(pool, n, seed);
      const model = train(own, SHOP_FTRL);
      alone.push(f1(test.map((r) => ({ truth: r.category, predicted: predict(model, r) }))));
      const shop = train(own, SHOP_FTRL, withPriorOf);
      built.push(f1(test.map((r) => ({ truth: r.category, predicted: predict(shop, r, withPriorOf) }))));
      reference.push(f1(test.map((r) => ({ truth: r.category, predicted: shippedSays.get(r)! }))));
    }
    perLanguage[language]![n] = { wordsAlone: mean(alone), trainFrom: mean(built), shipped: mean(reference) };
    cells.push(`${n}: ${fmt(mean(alone))} / ${fmt(mean(built))} / ${fmt(mean(reference))}`);
  }
  console.log(`  ${language}  ${cells.join('   ')}`);
}
report.learningCurvesPerLanguage = perLanguage;
console.log(JSON.stringify(report));
