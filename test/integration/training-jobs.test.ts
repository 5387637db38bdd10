import { describe, expect, it, vi } from 'vitest';
import { TransientError, type BlobStore, type Feedback } from '../../shared/domain/index.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { currentModel, promoteStoredModel, PublishedModelClassifier } from '../../shared/triage/local/published-model.js';
import { newJobId, TrainingJobs, type TrainingJob } from '../../shared/triage/local/training-jobs.js';
import { saveCategoryDefinitions } from '../../shared/use-cases/category-definitions.js';
import { syntheticHistory, toCsv } from '../../training/lib/synthetic-history.js';
import { runTrainingJob, type TrainingWorkerDeps } from '../../training/lib/training-job.js';
import { MemorySettingsStore } from '../helpers/memory-settings.js';
import { useS3Bucket } from '../helpers/s3-bucket.js';

// The training worker against S3 through the real SDK (s3rver): jobs, uploads and candidates as they live in AWS.
const bucket = 'balie-training-test';
const s3 = useS3Bucket(bucket);

let prefixCount = 0;
function worker(options: { feedback?: Feedback[]; blobs?: BlobStore; maxRows?: number } = {}) {
  const blobs = options.blobs ?? new S3BlobStore(s3.client, bucket);
  const prefix = `m${++prefixCount}/`;
  const jobs = new TrainingJobs(blobs, prefix);
  const settings = new MemorySettingsStore();
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const deps: TrainingWorkerDeps = { blobs, prefix, jobs, settings, feedback: async () => options.feedback ?? [], logger, maxRows: options.maxRows };
  /** What the inbox API does for an upload: the file in the bucket, a queued job. */
  const upload = async (name: string, body: string, columns: { textColumn?: string; labelColumn?: string } = {}): Promise<TrainingJob> => {
    const id = newJobId();
    const key = jobs.uploadKey(id, name);
    await blobs.put(key, body, 'text/csv');
    return jobs.put({
      id,
      kind: 'upload',
      requestedBy: 'local-supervisor',
      createdAt: new Date().toISOString(),
      status: 'queued',
      file: { name, key, bytes: Buffer.byteLength(body), ...columns },
    });
  };
  return { blobs, prefix, jobs, settings, logger, deps, upload };
}

const correction = (text: string, category: string, at = '2026-12-02T10:00:00.000Z'): Feedback => ({
  at,
  kind: 'correction',
  threadId: `t-${text.length}`,
  agent: 'local-agent',
  channel: 'whatsapp',
  language: 'nl',
  text,
  category,
  sentiment: 'neutral',
  previous: { category: 'other', priority: 'P3' },
});

describe('the training worker', () => {
  it('trains a candidate from an upload with a report per category, and changes nothing in use until it is promoted', async () => {
    const w = worker();
    const rows = syntheticHistory({ labels: 4, rows: 240, seed: 3 });
    const job = await w.upload('export.csv', toCsv(rows));
    const done = (await runTrainingJob(w.deps, { jobId: job.id }))!;
    expect(done.status).toBe('ready');
    const report = done.report!;
    expect(report.categories).toHaveLength(4);
    expect(report.sources).toEqual({ history: 240, examples: 0, corrections: 0 });
    expect(report.crossValidation.perCategory.map((c) => c.label).sort()).toEqual([...new Set(rows.map((r) => r.category))].sort());
    expect(report.crossValidation.macroF1).toBeGreaterThan(0.8);
    // the shipped model knows none of these labels: on the same held-out rows the candidate wins
    expect(report.heldOut.current.id).toBe('shipped');
    expect(report.heldOut.rows).toBeGreaterThan(20);
    expect(report.beatsCurrent).toBe(true);
    expect(await currentModel(w.blobs, w.prefix)).toBeUndefined();
    expect((await w.jobs.list()).map((j) => j.id)).toEqual([job.id]);
    expect(await w.jobs.latestHistory()).toMatchObject({ name: 'export.csv', key: job.file!.key });

    const promoted = await promoteStoredModel(w.blobs, w.prefix, report.candidateId);
    expect(promoted.categories.sort()).toEqual([...report.categories].sort());
    const classifier = await PublishedModelClassifier.create({ blobs: w.blobs, prefix: w.prefix, checkEveryMs: 60_000, logger: w.logger });
    expect(classifier.modelId).toBe(report.candidateId);
  });

  it('leaves a finished job as it is when its request is delivered again', async () => {
    const w = worker();
    const job = await w.upload('export.csv', toCsv(syntheticHistory({ labels: 3, rows: 90, seed: 4 })));
    const first = (await runTrainingJob(w.deps, { jobId: job.id }))!;
    const again = (await runTrainingJob(w.deps, { jobId: job.id }))!;
    expect(again).toEqual(first);
  });

  it.each([
    ['a missing label column', 'text,onderwerp\n"waar is mijn pakket","x"\n', /no category column \(the columns are "text", "onderwerp"\)/],
    ['an empty label', 'text,category\n"waar is mijn pakket",order\n"factuur klopt niet",\n"nog een",order\n', /line 3: empty label in column "category"/],
    ['one label with a single row', 'text,category\n"a",order\n"b",order\n"c",billing\n', /line 4: label "billing" has one row/],
  ])('marks the job failed, naming the row, for %s, and trains nothing', async (_name, body, why) => {
    const w = worker();
    const job = await w.upload('broken.csv', body);
    const failed = (await runTrainingJob(w.deps, { jobId: job.id }))!;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(why);
    expect(await w.blobs.list(w.prefix)).not.toContainEqual(expect.stringMatching(/\/category\.json$/));
    expect(await w.jobs.latestHistory()).toBeUndefined();
  });

  it("learns from the categories' examples and the agents' corrections, the newest word on a text winning, and says what it left out", async () => {
    const rows = syntheticHistory({ labels: 3, rows: 90, seed: 5 });
    const labels = [...new Set(rows.map((r) => r.category))];
    const w = worker({
      feedback: [
        // newest first, as the store answers
        correction(rows[0]!.text, labels[2]!, '2026-12-02T11:00:00.000Z'),
        correction(rows[0]!.text, labels[1]!, '2026-12-02T10:00:00.000Z'),
        correction('cadeaubon saldo', 'Cadeaubon'),
      ],
    });
    await saveCategoryDefinitions(w.settings, {
      categories: [
        ...labels.map((name) => ({ name, description: '', examples: [] })),
        { name: 'Storing', description: 'site down', examples: ['de site ligt eruit', 'error 502 bij het afrekenen', 'niemand kan inloggen'] },
      ],
      version: 0,
      by: 'local-supervisor',
    });
    const job = await w.upload('export.csv', toCsv(rows));
    const report = (await runTrainingJob(w.deps, { jobId: job.id }))!.report!;
    expect(report.sources).toEqual({ history: 89, examples: 3, corrections: 1 });
    expect(report.categories).toContain('Storing');
    expect(report.categories).not.toContain('Cadeaubon');
    expect(report.leftOut).toEqual([{ why: '"Cadeaubon" has fewer than 2 rows (from corrections)', rows: 1 }]);
  });

  it('marks the job failed and throws, so the queue tries again, when the bucket fails', async () => {
    const real = new S3BlobStore(s3.client, bucket);
    let failing = false;
    const flaky: BlobStore = {
      put: (...a) => real.put(...a),
      list: (...a) => real.list(...a),
      get: (key) => (failing && key.includes('/uploads/') ? Promise.reject(new TransientError('S3 is slow down')) : real.get(key)),
    };
    const w = worker({ blobs: flaky });
    const job = await w.upload('export.csv', toCsv(syntheticHistory({ labels: 3, rows: 60, seed: 6 })));
    failing = true;
    await expect(runTrainingJob(w.deps, { jobId: job.id })).rejects.toBeInstanceOf(TransientError);
    expect(await w.jobs.get(job.id)).toMatchObject({ status: 'failed', error: 'S3 is slow down' });
    failing = false;
    expect((await runTrainingJob(w.deps, { jobId: job.id }))!.status).toBe('ready');
  });

  it("trains on a file's last rows when it has more than one run takes, and says how many it left out", async () => {
    const w = worker({ maxRows: 150 });
    const job = await w.upload('export.csv', toCsv(syntheticHistory({ labels: 3, rows: 200, seed: 8 })));
    const report = (await runTrainingJob(w.deps, { jobId: job.id }))!.report!;
    expect(report.sources.history).toBe(150);
    expect(report.leftOut[0]).toEqual({ why: "the file's first rows: one run trains on its last 150", rows: 50 });
  });

  it('does not replace a model a supervisor promoted while the retrain ran: that one was not measured', async () => {
    const real = new S3BlobStore(s3.client, bucket);
    let during: (() => Promise<void>) | undefined;
    // the moment the retrain stores its candidate, a supervisor promotes another run's model
    const racing: BlobStore = {
      get: (key) => real.get(key),
      list: (...a) => real.list(...a),
      put: async (key, body, type) => {
        await real.put(key, body, type);
        if (during && key.endsWith('/manifest.json')) {
          const promote = during;
          during = undefined;
          await promote();
        }
      },
    };
    const feedback: Feedback[] = [];
    const w = worker({ blobs: racing, feedback });
    const rows = syntheticHistory({ labels: 3, rows: 150, seed: 9 });
    const first = (await runTrainingJob(w.deps, { jobId: (await w.upload('a.csv', toCsv(rows))).id }))!;
    // a correction since: the scheduled retrain has new rows to learn from
    feedback.push(correction(rows[3]!.text, rows[4]!.category));
    during = async () => void (await promoteStoredModel(real, w.prefix, first.report!.candidateId));
    const retrain = (await runTrainingJob(w.deps, { scheduled: true }))!;
    expect(retrain.status).toBe('ready');
    expect(retrain.outcome).toMatch(/was promoted while this ran and was not measured; nothing changed/);
    expect((await currentModel(real, w.prefix))?.id).toBe(first.report!.candidateId);
  });

  it('says a retrain needs the history uploaded again once the bucket expired it, and trains nothing', async () => {
    const w = worker();
    await w.jobs.setLatestHistory({ name: 'export-2025.csv', key: `${w.prefix}uploads/0000000000000-gone/export-2025.csv`, bytes: 1000 });
    const job = await w.jobs.put({ id: newJobId(), kind: 'retrain', requestedBy: 'local-supervisor', createdAt: new Date().toISOString(), status: 'queued' });
    const failed = (await runTrainingJob(w.deps, { jobId: job.id }))!;
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'export-2025.csv is no longer kept (uploaded histories expire with the mail): upload the history again',
    });
  });

  describe('on a schedule', () => {
    it('does nothing while there is nothing to train from', async () => {
      const w = worker();
      expect(await runTrainingJob(w.deps, { scheduled: true })).toBeUndefined();
      expect(await w.jobs.list()).toEqual([]);
    });

    it('retrains from the newest history with the corrections since, promotes only a model that beats the one in use, and skips a retrain that would see the same rows', async () => {
      const rows = syntheticHistory({ labels: 4, rows: 200, seed: 7 });
      const feedback: Feedback[] = [];
      const w = worker({ feedback });
      const upload = await w.upload('export.csv', toCsv(rows));
      const first = (await runTrainingJob(w.deps, { jobId: upload.id }))!;
      await promoteStoredModel(w.blobs, w.prefix, first.report!.candidateId);

      // the same rows as the finished upload: nothing to do
      expect(await runTrainingJob(w.deps, { scheduled: true })).toBeUndefined();

      // corrections that relabel half the texts at random: the candidate learns noise and must not replace the model
      const labels = [...new Set(rows.map((r) => r.category))];
      for (const [i, r] of rows.entries()) if (i % 2 === 0) feedback.unshift(correction(r.text, labels[(i * 7) % labels.length]!));
      const noisy = (await runTrainingJob(w.deps, { scheduled: true }))!;
      expect(noisy).toMatchObject({ kind: 'retrain', requestedBy: 'schedule', status: 'ready', file: { name: 'export.csv' } });
      expect(noisy.report!.sources.corrections).toBeGreaterThan(50);
      expect(noisy.outcome).toMatch(/is not higher than the model in use's/);
      expect((await currentModel(w.blobs, w.prefix))?.id).toBe(first.report!.candidateId);
      expect((await w.jobs.list()).map((j) => j.id)).toEqual([noisy.id, upload.id]);
    });
  });
});
