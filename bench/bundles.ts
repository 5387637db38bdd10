// npm run bench (last step), or: tsx bench/bundles.ts [--runs 15] [--report-only] [--keep] [--only triage,send]
// Bundles the five Lambda handlers exactly as `cdk synth` does (the esbuild options infra/lib/function.ts gives
// NodejsFunction, the runtimeFiles copied next to the bundle), reports each bundle's size, and times its cold-start
// import: a fresh `node` process per run, from process start until `await import(bundle)` has resolved, beside a
// baseline measured in the same run (importing an empty ESM file the same way). Budgets: bench/budgets.json.
// Exits 1 when a function is over budget (unless --report-only) or fails to import.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  balieFunctions,
  bundleFunction,
  importEnv,
  NETWORK_AT_IMPORT,
  offlineEnv,
  provideRuntimeSdk,
  timeImport,
  writeLoader,
  type BundleResult,
  type ImportRun,
} from './bundling.js';
import { percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'report-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const budgets = (
  JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as { functions: Record<string, { sizeKb: number; initMs: number }> }
).functions;

const only = values.only?.split(',');
const specs = balieFunctions().filter((s) => !only || only.includes(s.name));
const dir = await mkdtemp(join(tmpdir(), 'balie-bundles-'));
console.log(
  `bundles: ${specs.length} functions, esbuild options from infra/lib/function.ts, ${runs} cold imports each, node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}, ${new Date().toISOString()}`,
);

const bundles = new Map<string, BundleResult>();
for (const spec of specs) {
  const bundle = await bundleFunction(spec, join(dir, spec.name));
  await provideRuntimeSdk(bundle.dir);
  bundles.set(spec.name, bundle);
}
// Each function's floor (bench/floors/<name>.ts): only the SDK clients every invocation uses, Powertools and zod,
// bundled the same way. What a function costs above its floor is ours to cut; the floor is not.
const floors = new Map<string, BundleResult>();
for (const spec of specs) {
  const floor = await bundleFunction(
    {
      ...spec,
      entry: fileURLToPath(new URL(`./floors/${spec.name}.ts`, import.meta.url)),
      runtimeFiles: {},
      options: { ...spec.options, commandHooks: undefined },
    },
    join(dir, `${spec.name}-floor`),
  );
  await provideRuntimeSdk(floor.dir);
  floors.set(spec.name, floor);
}
const { loader, empty } = await writeLoader(join(dir, '_bench'));

// Probe: the template's environment as is (deploy-time values as dummies) with the network blocked.
const envs = new Map<string, Record<string, string>>();
const notes: string[] = [];
let failed = false;
for (const spec of specs) {
  const full = importEnv(spec);
  const probe = await timeImport(loader, bundles.get(spec.name)!.file, full, true);
  const env = offlineEnv(spec);
  envs.set(spec.name, env);
  const check = await timeImport(loader, bundles.get(spec.name)!.file, env, true);
  if (probe.attempts.length)
    notes.push(
      `${spec.name}: ${probe.attempts.length} connection(s) at import (${[...new Set(probe.attempts)].join(', ')}) = ${NETWORK_AT_IMPORT[spec.name]?.inAws ?? 'unexplained'}; timed without them`,
    );
  if (check.attempts.length || check.error) {
    failed = true;
    notes.push(`${spec.name}: FAILED to import offline: ${check.error ?? `network: ${check.attempts.join(', ')}`}`);
  }
}

// Timed runs, round-robin (baseline first each round) so drift on the machine hits every target alike; 2 rounds of warm-up.
type Target = { name: string; file: string; env: Record<string, string>; handler: boolean };
const targets: Target[] = [
  { name: 'baseline', file: empty, env: importEnv(specs[0]!), handler: false },
  ...specs.map((s) => ({ name: s.name, file: bundles.get(s.name)!.file, env: envs.get(s.name)!, handler: true })),
  ...specs.map((s) => ({ name: `${s.name} floor`, file: floors.get(s.name)!.file, env: envs.get(s.name)!, handler: true })),
];
const withMaps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
const cpuWithMaps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
const withoutMaps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
const cpuWithoutMaps = new Map<string, number[]>(targets.map((t) => [t.name, []]));
for (let round = -2; round < runs; round++) {
  for (const t of targets) {
    for (const [sink, env] of [
      [withMaps, t.env],
      [withoutMaps, { ...t.env, NODE_OPTIONS: (t.env.NODE_OPTIONS ?? '').replace('--enable-source-maps', '').trim() }],
    ] as const) {
      const run: ImportRun = await timeImport(loader, t.file, env, t.handler);
      if (run.error || run.attempts.length) throw new Error(`${t.name}: ${run.error ?? `network at import: ${run.attempts.join(', ')}`}`);
      if (round < 0) continue;
      sink.get(t.name)!.push(run.ms);
      (sink === withMaps ? cpuWithMaps : cpuWithoutMaps).get(t.name)!.push(run.cpuMs);
    }
  }
}

const base = percentile(withMaps.get('baseline')!, 50);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const ms = (n: number) => n.toFixed(1);
const header = [
  'function',
  'MB',
  'index.mjs bytes',
  'KB',
  'map KB',
  'files KB',
  'init p50',
  'p90',
  '×base',
  'net',
  'cpu p50',
  'cpu no-maps',
  'budget KB/ms',
  'verdict',
];
const rows: string[][] = [];
for (const spec of specs) {
  const b = bundles.get(spec.name)!;
  const samples = withMaps.get(spec.name)!;
  const p50 = percentile(samples, 50);
  const budget = budgets[spec.name];
  const sizeKb = b.jsBytes / 1024;
  const over = !budget ? ['no budget'] : [...(sizeKb > budget.sizeKb ? ['size'] : []), ...(p50 > budget.initMs ? ['init'] : [])];
  if (over.length) failed = failed || !values['report-only'];
  rows.push([
    spec.name,
    String(spec.memorySize),
    b.jsBytes.toLocaleString('en'),
    kb(b.jsBytes),
    kb(b.mapBytes),
    kb(b.runtimeBytes),
    ms(p50),
    ms(percentile(samples, 90)),
    `${(p50 / base).toFixed(2)}×`,
    ms(p50 - base),
    ms(percentile(cpuWithMaps.get(spec.name)!, 50)),
    ms(percentile(cpuWithoutMaps.get(spec.name)!, 50)),
    budget ? `${budget.sizeKb}/${budget.initMs}` : '-',
    over.length ? `OVER (${over.join(', ')})` : 'PASS',
  ]);
}
for (const spec of specs) {
  const f = floors.get(spec.name)!;
  const samples = withMaps.get(`${spec.name} floor`)!;
  const p50 = percentile(samples, 50);
  const budget = budgets[spec.name];
  rows.push([
    `${spec.name} floor`,
    '',
    f.jsBytes.toLocaleString('en'),
    kb(f.jsBytes),
    kb(f.mapBytes),
    '',
    ms(p50),
    ms(percentile(samples, 90)),
    `${(p50 / base).toFixed(2)}×`,
    ms(p50 - base),
    ms(percentile(cpuWithMaps.get(`${spec.name} floor`)!, 50)),
    ms(percentile(cpuWithoutMaps.get(`${spec.name} floor`)!, 50)),
    '',
    budget && p50 > budget.initMs ? 'the floor alone is over' : '',
  ]);
}
rows.push([
  'baseline (empty .mjs)',
  '',
  '',
  '',
  '',
  '',
  ms(base),
  ms(percentile(withMaps.get('baseline')!, 90)),
  '1.00×',
  '0.0',
  ms(percentile(cpuWithMaps.get('baseline')!, 50)),
  ms(percentile(cpuWithoutMaps.get('baseline')!, 50)),
  '',
  '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\n${line(header)}`);
for (const r of rows) console.log(line(r));
console.log(
  `\ninit = ms from process start until the import resolved (performance.now() in the process), p50 of ${runs} fresh processes, with the function's own`,
);
console.log(`NODE_OPTIONS (--enable-source-maps, as deployed). net = p50 − baseline p50. cpu = CPU ms (user + system) used by then, less`);
console.log(`sensitive to other load on the machine; "cpu no-maps" = the same without --enable-source-maps. files = runtimeFiles copied beside`);
console.log('the bundle. Budgets apply to KB and init p50.');
for (const n of notes) console.log(`note: ${n}`);
console.log(
  `note: 1-minute load average at the end ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs (other work on the machine slows every row, the baseline too).`,
);
if (specs.some((s) => s.options.externalModules?.includes('@aws-sdk/*')))
  console.log('note: the AWS SDK is external (Lambda provides it); here the project node_modules/@aws-sdk stands in and its load time is included.');
else console.log('note: the AWS SDK is bundled into each index.mjs (infra/lib/function.ts), so its load time is in every row, floors included.');

if (values.keep) console.log(`bundles kept in ${dir}`);
else await rm(dir, { recursive: true, force: true });
if (failed) {
  console.log(values['report-only'] ? 'bundles: failures above' : 'bundles: over budget (or failed); --report-only to report without failing');
  process.exit(1);
}
