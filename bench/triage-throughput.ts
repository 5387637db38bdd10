// The loop bench/triage.ts times, bundled by esbuild as cdk synth bundles the triage function and run from that
// bundle (the model files beside it, as runtimeFiles puts them): prints one JSON line with both rates.
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
const cpu0 = process.cpuUsage();
for (let i = 0; i < n; i++) sink += (await classifier.classify({ text: texts[i % texts.length]!, channel: 'whatsapp' })).confidence;
const engineSeconds = (performance.now() - t0) / 1000;
// CPU time as well: on a shared machine the wall clock also counts the time other work had the core
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ n, engineSeconds, engineCpuSeconds: (cpu.user + cpu.system) / 1e6, floorSeconds, checked: sink > 0 }));
