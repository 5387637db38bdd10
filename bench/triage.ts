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
