import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, type ThreadPage } from '../../shared/domain/index.js';
import type { TrainingJob } from '../../shared/triage/local/training-jobs.js';
import { syntheticHistory, toCsv } from '../../training/lib/synthetic-history.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The supervisors' model API on the whole local stack: the upload lands in S3 (s3rver), the request on SQS, the
// training worker runs in its child process as the Lambda would, and triage picks the promoted model up.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ modelCheckMs: 200 });
});
afterAll(() => t?.close());

async function call<T>(
  method: string,
  path: string,
  options: { role?: 'agent' | 'supervisor'; body?: string | Uint8Array; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${t.stack.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await t.token(options.role ?? 'supervisor')}`, ...options.headers },
    body: options.body,
  });
  return { status: res.status, body: (await res.json()) as T };
}
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

async function finished(id: string): Promise<TrainingJob> {
  return waitFor(
    async () => {
      // s3rver writes an object in place, so a read while the worker writes the job can see half of it (a 500
      // here; S3 itself replaces objects whole): asked again, as the page's refresh does
      const { status, body } = await call<{ job: TrainingJob }>('GET', `/api/models/jobs/${id}`);
      return status === 200 && ['ready', 'failed', 'promoted'].includes(body.job.status) ? body.job : undefined;
    },
    { what: 'the training job to finish', timeoutMs: 60_000 },
  );
}

describe('category definitions', () => {
  it('are the shipped ones until a supervisor saves the shop’s own, with the version read; agents read them', async () => {
    const first = await call<{ categories: Array<{ name: string }>; version: number; saved: boolean }>('GET', '/api/categories', { role: 'agent' });
    expect(first.status).toBe(200);
    expect([first.body.saved, first.body.version, first.body.categories.map((c) => c.name)]).toEqual([
      false,
      0,
      ['complaint', 'order', 'technical', 'billing', 'other'],
    ]);
    const mine = [
      { name: 'Retour', description: 'terugsturen of ruilen', examples: ['ik wil dit terugsturen', 'maat ruilen'] },
      { name: 'Storing', description: 'site of app werkt niet', examples: ['site ligt eruit', 'error 502'] },
    ];
    expect((await call('PUT', '/api/categories', { role: 'agent', ...json({ categories: mine, version: 0 }) })).status).toBe(403);
    const saved = await call<{ version: number; saved: boolean; updatedBy: string }>('PUT', '/api/categories', json({ categories: mine, version: 0 }));
    expect(saved).toMatchObject({ status: 200, body: { version: 1, saved: true, updatedBy: 'test-supervisor' } });
    // someone else's change since version 0 is not overwritten
    expect((await call('PUT', '/api/categories', json({ categories: mine, version: 0 }))).status).toBe(409);
    const twice = await call<{ error: string; message: string; details: unknown }>(
      'PUT',
      '/api/categories',
      json({ categories: [mine[0], mine[0]], version: 1 }),
    );
    expect(twice.status).toBe(400);
    expect(twice.body.details).toEqual([expect.objectContaining({ path: [1, 'name'], message: '"Retour" is defined twice' })]);
    expect((await call<{ categories: unknown }>('GET', '/api/categories', { role: 'agent' })).body.categories).toEqual(mine);
  });
});

describe('training from an uploaded history', () => {
  it('trains in the worker, reports per category, and is used by triage once a supervisor promotes it', async () => {
    const rows = syntheticHistory({ labels: 4, rows: 200, seed: 31 });
    expect((await call('POST', '/api/models/jobs?filename=export.csv', { role: 'agent', body: toCsv(rows) })).status).toBe(403);
    const queued = await call<{ job: TrainingJob }>('POST', '/api/models/jobs?filename=export.csv', {
      body: gzipSync(toCsv(rows)),
      headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
    });
    expect(queued).toMatchObject({ status: 202, body: { job: { status: 'queued', kind: 'upload', file: { name: 'export.csv' } } } });
    const job = await finished(queued.body.job.id);
    expect(job.status).toBe('ready');
    expect(job.report!.crossValidation.perCategory).toHaveLength(job.report!.categories.length);
    // the saved definitions' examples trained too: the shop's "Retour" and "Storing" are in the candidate
    expect(job.report!.sources).toMatchObject({ history: 200, examples: 4 });
    expect(job.report!.categories).toEqual(expect.arrayContaining(['Retour', 'Storing']));

    const overview = await call<{ current: { id: string; categories: string[] }; jobs: TrainingJob[] }>('GET', '/api/models');
    expect([overview.body.current, overview.body.jobs[0]!.id]).toEqual([{ id: 'shipped', categories: [...DEFAULT_CATEGORIES] }, job.id]);
    expect((await call('POST', `/api/models/jobs/${job.id}/promote`, { role: 'agent' })).status).toBe(403);
    const promoted = await call<{ job: TrainingJob }>('POST', `/api/models/jobs/${job.id}/promote`);
    expect(promoted).toMatchObject({ status: 200, body: { job: { status: 'promoted', promotedBy: 'test-supervisor' } } });
    expect((await call<{ current: { id: string } }>('GET', '/api/models')).body.current.id).toBe(job.report!.candidateId);
    expect((await call<{ model: { categories: string[] } }>('GET', '/api/categories')).body.model.categories).toEqual(job.report!.categories);

    // a new message is triaged by the promoted model (triage looks again every 200 ms here, every 5 minutes in AWS)
    await new Promise((r) => setTimeout(r, 300));
    await t.postWhatsapp(whatsappTextWebhook({ from: '31600000031', name: 'Sam', text: rows[1]!.text }));
    const thread = await waitFor(async () => (await t.api<ThreadPage>('/api/threads?limit=25')).body.threads.find((th) => th.contact.handle === '31600000031'));
    expect(job.report!.categories).toContain(thread.category);
  });

  it('says what is wrong with a file and trains nothing: not a history, broken gzip, a missing column', async () => {
    const notHistory = await call<{ message: string }>('POST', '/api/models/jobs?filename=photo.png', { body: 'x' });
    expect([notHistory.status, notHistory.body.message]).toEqual([400, '"photo.png" is not a history: give a .csv, .tsv or .jsonl file']);
    const badGzip = await call<{ message: string }>('POST', '/api/models/jobs?filename=a.csv', { body: 'not gzip', headers: { 'content-encoding': 'gzip' } });
    expect([badGzip.status, badGzip.body.message]).toEqual([400, 'the upload says it is gzip, but it cannot be unpacked']);
    const queued = await call<{ job: TrainingJob }>('POST', '/api/models/jobs?filename=wrong.csv', { body: 'bericht;soort\n"a";x\n' });
    const job = await finished(queued.body.job.id);
    expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/wrong\.csv: no category column \(the columns are "bericht", "soort"\)/) });
    expect((await call('POST', `/api/models/jobs/${job.id}/promote`)).status).toBe(409);
    expect((await call('GET', '/api/models/jobs/0000000000000-nothere')).status).toBe(404);
  });
});
