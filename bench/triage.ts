// The local triage engine's speed in one process (issue 5 asks for ≥ 10,000 messages/s), beside a floor measured in
// the same run: folding and splitting the same texts into words, which any classifier must do at least.
import { DEMO_EMAILS, DEMO_MESSAGES } from '../local/demo.js';
import { ModelClassifier } from '../shared/triage/local/model-classifier.js';
import { fold, words } from '../shared/triage/local/text.js';
import { warmUpLanguageId } from '../shared/triage/local/language-id.js';

const texts = [...DEMO_MESSAGES.map((m) => m.text), ...DEMO_EMAILS.map((m) => m.body)];
const n = Number(process.argv[2] ?? 20_000);
const classifier = new ModelClassifier();
await warmUpLanguageId();
for (let i = 0; i < 500; i++) await classifier.classify({ text: texts[i % texts.length]!, channel: 'whatsapp' });

let t0 = performance.now();
let sink = 0;
for (let i = 0; i < n; i++) sink += words(fold(texts[i % texts.length]!)).length;
const floorSeconds = (performance.now() - t0) / 1000;

t0 = performance.now();
for (let i = 0; i < n; i++) sink += (await classifier.classify({ text: texts[i % texts.length]!, channel: 'whatsapp' })).confidence;
const engineSeconds = (performance.now() - t0) / 1000;

console.log(`\ntriage, local engine, ${n} messages in one process (${sink > 0 ? 'checked' : ''}):`);
console.log(
  `  local-model-v1 (category, sentiment, language, cues)  ${Math.round(n / engineSeconds).toLocaleString('en')} msg/s   ${((engineSeconds / n) * 1e6).toFixed(0)} µs/msg`,
);
console.log(
  `  floor (fold + split into words)                        ${Math.round(n / floorSeconds).toLocaleString('en')} msg/s   ratio ${(engineSeconds / floorSeconds).toFixed(1)}×`,
);

// Training a shop's model (npm run train -- --from FILE): seconds per 1,000 rows, 5-fold cross-validation and the final
// model included, at 5 and at 75 labels; beside a floor in the same run (extracting the same rows' features once,
// with the shipped model's answer for each, which training must do at least).
{
  const { syntheticHistory } = await import('../training/lib/synthetic-history.js');
  const { crossValidate, shopFeatures } = await import('../training/lib/shop-model.js');
  const { SHOP_FTRL, trainSoftmax } = await import('../training/lib/ftrl.js');
  console.log('\ntraining a shop model (synthetic history; 5-fold cross-validation + the final model):');
  for (const [labels, rowCount] of [
    [5, 2_000],
    [75, 10_000],
  ] as const) {
    const history = syntheticHistory({ labels, rows: rowCount }).map((r, i) => ({ line: i + 2, text: r.text, label: r.category }));
    const names = [...new Set(history.map((r) => r.label))];
    let start = performance.now();
    const features = shopFeatures(history);
    const floorSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const cv = crossValidate(history, names, features, 5, SHOP_FTRL);
    const index = new Map(names.map((l, i) => [l, i]));
    trainSoftmax(
      history.map((r, i) => ({ features: features[i]!, label: index.get(r.label)! })),
      names,
      SHOP_FTRL,
    );
    const seconds = (performance.now() - start) / 1000 + floorSeconds;
    console.log(
      `  ${String(labels).padStart(2)} labels, ${rowCount.toLocaleString('en')} rows: ${seconds.toFixed(1)} s, ${((seconds / rowCount) * 1000).toFixed(2)} s per 1,000 rows` +
        `   floor (features) ${((floorSeconds / rowCount) * 1000).toFixed(3)} s per 1,000 rows, ratio ${(seconds / floorSeconds).toFixed(0)}×   (cross-validated accuracy ${(cv.accuracy * 100).toFixed(1)}%)`,
    );
  }
}
