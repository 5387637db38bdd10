import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ThreadPage } from '../../shared/domain/index.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { DEFAULT_CATEGORIES } from '../../shared/domain/index.js';
import { MODEL_PREFIX, publishModel, PublishedModelClassifier } from '../../shared/triage/local/published-model.js';
import { readHistory } from '../../training/lib/history.js';
import { retrain } from '../../training/lib/retrain.js';
import { trainShopModel, writeModelDir } from '../../training/lib/shop-model.js';
import { syntheticHistory, toCsv } from '../../training/lib/synthetic-history.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack } from '../helpers/stack.js';
import { useS3Bucket } from '../helpers/s3-bucket.js';

// A shop's model in the bucket, as triage reads it in AWS: S3 through the real SDK against s3rver.
const bucket = 'balie-models-test';
const s3 = useS3Bucket(bucket);
const dir = s3.dir;

/** A model folder as `npm run train -- --from FILE --out DIR` writes it. */
function shopModel(name: string, labels: number, seed: number): { out: string; labels: string[]; sample: string } {
  const rows = syntheticHistory({ labels, rows: labels * 40, seed });
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, toCsv(rows));
  const history = readHistory(file);
  const { model, manifest } = trainShopModel(history, { file: `${name}.csv`, sha256: 'test' }, { folds: 2 });
  const out = writeModelDir(join(dir, name), model, manifest);
  return { out, labels: history.labels, sample: rows[0]!.text };
}

const logger = () => ({ info: vi.fn(), error: vi.fn() });

describe('a published triage model', () => {
  it('is used once published, by the engine name and its own categories; before that, the shipped model', async () => {
    const blobs = new S3BlobStore(s3.client, bucket);
    let now = 0;
    const log = logger();
    const classifier = await PublishedModelClassifier.create({ blobs, prefix: 'one/', checkEveryMs: 1000, logger: log, now: () => now });
    expect(classifier.modelId).toBe('shipped');
    const before = await classifier.classify({ text: 'Waar blijft mijn pakket?', channel: 'whatsapp' });
    expect([DEFAULT_CATEGORIES.includes(before.category as never), before.engine]).toEqual([true, 'local-model-v1']);

    const shop = shopModel('first', 4, 11);
    const published = await publishModel(blobs, 'one/', shop.out);
    expect(published).toMatchObject({ categories: shop.labels, crossValidation: { folds: 2, rows: 160 } });
    // the shipped category model it learned on top of travels with it
    expect((await blobs.list(`one/${published.id}/`)).sort()).toEqual(
      ['category.json', 'manifest.json', 'prior.json', 'sentiment.json'].map((f) => `one/${published.id}/${f}`),
    );
    now = 999;
    expect((await classifier.classify({ text: shop.sample, channel: 'whatsapp' })).engine).toBe('local-model-v1');
    now = 1000;
    const after = await classifier.classify({ text: shop.sample, channel: 'whatsapp' });
    expect(after.engine).toBe(`local-model-v1+${published.id}`);
    expect(shop.labels).toContain(after.category);
    expect(log.info).toHaveBeenCalledWith('triage uses the published model', { modelId: published.id, categories: 4 });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('leaves the model in use in place when the published one is corrupt, and says so', async () => {
    const blobs = new S3BlobStore(s3.client, bucket);
    const shop = shopModel('good', 3, 12);
    const good = await publishModel(blobs, 'two/', shop.out);
    let now = 0;
    const log = logger();
    const classifier = await PublishedModelClassifier.create({ blobs, prefix: 'two/', checkEveryMs: 1000, logger: log, now: () => now });
    expect(classifier.modelId).toBe(good.id);

    // a model whose file was damaged after it was published (publishing itself refuses a corrupt folder, below)
    await blobs.put('two/0123456789abcdef/category.json', '{"kind":"softmax-ftrl-v1","labels":["a"', 'application/json');
    await blobs.put('two/0123456789abcdef/sentiment.json', '{}', 'application/json');
    await blobs.put('two/current.json', JSON.stringify({ ...good, id: '0123456789abcdef' }), 'application/json');
    now = 5000;
    const r = await classifier.classify({ text: shop.sample, channel: 'email' });
    expect(r.engine).toBe(`local-model-v1+${good.id}`);
    expect(log.error).toHaveBeenCalledWith(
      'the published triage model cannot be used; triage goes on with the model in use',
      expect.objectContaining({
        modelInUse: good.id,
        error: expect.objectContaining({ message: expect.stringMatching(/two\/0123456789abcdef\/category\.json is not a model/) }),
      }),
    );
  });

  it('refuses to publish a corrupt folder, and current.json keeps naming the model in use', async () => {
    const blobs = new S3BlobStore(s3.client, bucket);
    const shop = shopModel('kept', 3, 13);
    const kept = await publishModel(blobs, 'three/', shop.out);
    const broken = join(dir, 'broken');
    writeModelDir(broken, JSON.parse('{"kind":"softmax-ftrl-v1"}'), JSON.parse('{}'));
    await expect(publishModel(blobs, 'three/', broken)).rejects.toThrow(/broken\/category\.json is not a model npm run train wrote: no labels/);
    await expect(publishModel(blobs, 'three/', join(dir, 'nothing-here'))).rejects.toThrow(/category\.json cannot be read/);
    expect(JSON.parse(Buffer.from(await blobs.get('three/current.json')).toString('utf8')).id).toBe(kept.id);
  });

  it('npm run publish-model puts it in the bucket (exit 0), and refuses a folder that is not a model (exit 2)', async () => {
    const shop = shopModel('cli', 3, 14);
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/publish-model.ts', ...args], (_e, stdout, stderr) =>
          resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
    const ok = await run(['--model', shop.out, '--bucket', bucket, '--endpoint', s3.endpoint]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    const published = JSON.parse(ok.stdout.trim().split('\n').at(-1)!);
    const current = JSON.parse(Buffer.from(await new S3BlobStore(s3.client, bucket).get(`${MODEL_PREFIX}current.json`)).toString('utf8'));
    expect(current.id).toBe(published.id);
    const bad = await run(['--model', join(dir, 'nothing-here'), '--bucket', bucket, '--endpoint', s3.endpoint]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/category\.json cannot be read/)]);
    expect((await run(['--bucket', bucket])).code).toBe(2);
  });

  it('the retrain job publishes a candidate only when it beats the model in use on the same held-out rows', async () => {
    const blobs = new S3BlobStore(s3.client, bucket);
    const file = join(dir, 'retrain.csv');
    writeFileSync(file, toCsv(syntheticHistory({ labels: 4, rows: 400, seed: 21 })));
    const history = readHistory(file);
    // nothing published: the shipped model knows none of these labels, so the candidate wins
    const first = await retrain(history, { file: 'retrain.csv', sha256: 'a' }, blobs, 'five/');
    expect(first).toMatchObject({ promoted: true, current: { id: 'shipped', macroF1: 0 } });
    expect(first.heldOutRows).toBeGreaterThan(40);
    expect(first.candidate.macroF1).toBeGreaterThan(0.6);
    const current = JSON.parse(Buffer.from(await blobs.get('five/current.json')).toString('utf8'));
    expect(current.id).toBe(first.published!.id);

    // the same history again: the same candidate, not better than itself, so nothing changes
    const again = await retrain(history, { file: 'retrain.csv', sha256: 'a' }, blobs, 'five/');
    expect(again).toMatchObject({ promoted: false, current: { id: first.published!.id } });
    expect(again.reason).toMatch(/is not higher than the model in use's/);

    // labels scrambled: a worse candidate is measured and kept out
    const scrambled = { ...history, rows: history.rows.map((r, i) => ({ ...r, label: history.rows[(i * 7) % history.rows.length]!.label })) };
    const worse = await retrain(scrambled, { file: 'scrambled.csv', sha256: 'b' }, blobs, 'five/');
    expect(worse.promoted).toBe(false);
    expect(worse.candidate.macroF1).toBeLessThan(worse.current.macroF1);
    expect(JSON.parse(Buffer.from(await blobs.get('five/current.json')).toString('utf8')).id).toBe(first.published!.id);
  });

  it('npm run retrain: one JSON line saying what it did, exit 2 for a history it cannot train from', async () => {
    const file = join(dir, 'retrain-cli.csv');
    writeFileSync(file, toCsv(syntheticHistory({ labels: 3, rows: 150, seed: 22 })));
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['--import', 'tsx', 'scripts/retrain.ts', ...args], (_e, stdout, stderr) =>
          resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
    const ok = await run(['--from', file, '--bucket', bucket, '--endpoint', s3.endpoint]);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(JSON.parse(ok.stdout.trim().split('\n').at(-1)!)).toMatchObject({ promoted: expect.any(Boolean), candidate: { categories: 3 } });
    const bad = join(dir, 'retrain-bad.csv');
    writeFileSync(bad, 'text,category\na,x\n');
    expect((await run(['--from', bad, '--bucket', bucket, '--endpoint', s3.endpoint])).code).toBe(2);
  });

  it('TRIAGE_MODEL_DIR: the local stack publishes it at start and triages incoming messages with its categories', async () => {
    const shop = shopModel('stack', 4, 15);
    const t = await startTestStack({ modelDir: shop.out });
    try {
      expect(t.stack.triageModel).toMatch(/^[0-9a-f]{16}$/);
      await t.postWhatsapp(whatsappTextWebhook({ from: '31611112222', name: 'Sam', text: shop.sample }));
      const thread = await waitFor(async () =>
        (await t.api<ThreadPage>('/api/threads?limit=10')).body.threads.find((th) => th.contact.handle === '31611112222'),
      );
      expect(shop.labels).toContain(thread.category);
    } finally {
      await t.close();
    }
  });
});
