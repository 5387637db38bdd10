import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balieFunctions,
  bundleFunction,
  filesUnder,
  offlineEnv,
  projectRoot,
  provideRuntimeSdk,
  timeImport,
  writeLoader,
  type BundleResult,
} from '../../bench/bundling.js';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import { BalieFunction } from '../../infra/lib/function.js';

// bench/bundles.ts measures bundles it builds itself; they are only worth measuring if they are the ones `cdk synth`
// builds. Synthesises BalieStack with bundling (NodejsFunction running the local esbuild) and compares.
describe('bench/bundles.ts bundles what cdk synth bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'balie-bundles-test-'));
  const cdkAssets = new Map<string, string>();
  const ours = new Map<string, BundleResult>();

  beforeAll(async () => {
    const { context } = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
    const app = new App({ context: { ...context, demo: 'true' }, outdir: join(dir, 'cdk.out') });
    new BalieStack(app, 'Test');
    app.synth();
    for (const fn of app.node.findAll().filter((c): c is BalieFunction => c instanceof BalieFunction)) {
      const code = Stack.of(fn).resolve((fn.node.defaultChild as CfnFunction).code) as { s3Key: string };
      cdkAssets.set(fn.balieBundle.name, join(dir, 'cdk.out', `asset.${code.s3Key.replace(/\.zip$/, '')}`));
    }
    for (const spec of balieFunctions()) ours.set(spec.name, await bundleFunction(spec, join(dir, 'bench', spec.name)));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the six functions', () => {
    expect([...ours.keys()].sort()).toEqual(['inbox-api', 'ingest-email', 'ingest-webhook', 'send', 'train', 'triage']);
    expect([...cdkAssets.keys()].sort()).toEqual([...ours.keys()].sort());
  });

  it('builds byte-identical JavaScript and the same runtime files for every function', () => {
    for (const [name, bundle] of ours) {
      const asset = cdkAssets.get(name)!;
      expect(readFileSync(bundle.file).equals(readFileSync(join(asset, 'index.mjs'))), `${name}: index.mjs differs from cdk synth's`).toBe(true);
      expect(filesUnder(bundle.dir), name).toEqual(filesUnder(asset));
    }
  });

  it('ships the triage model next to the bundle instead of inside it', () => {
    const triage = ours.get('triage')!;
    const model = JSON.parse(readFileSync(join(projectRoot, 'shared/triage/local/model/category.json'), 'utf8')) as { buckets: string };
    expect(filesUnder(triage.dir)).toEqual(expect.arrayContaining(['model/category.json', 'model/sentiment.json']));
    expect(readFileSync(triage.file, 'utf8')).not.toContain(model.buckets.slice(0, 64));
  });

  it('imports the triage bundle in a fresh process, model included, with no network', async () => {
    const triage = ours.get('triage')!;
    await provideRuntimeSdk(triage.dir);
    const { loader } = await writeLoader(join(dir, 'loader'));
    const spec = balieFunctions().find((s) => s.name === 'triage')!;
    const run = await timeImport(loader, triage.file, offlineEnv(spec), true);
    expect(run.error).toBeUndefined();
    expect(run.attempts).toEqual([]);
  }, 30_000);
});
