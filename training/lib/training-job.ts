import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { NotFoundError, type BlobStore, type Feedback, type SettingsStore } from '../../shared/domain/index.js';
import { readCategoryDefinitions } from '../../shared/use-cases/category-definitions.js';
import { newJobId, type HistoryPointer, type TrainingJob, type TrainingJobs, type TrainingReport } from '../../shared/triage/local/training-jobs.js';
import { HistoryError, MIN_PER_LABEL, readHistoryBytes, type History, type HistoryRow } from './history.js';
import { retrain, RetrainRefusedError } from './retrain.js';

export interface TrainingWorkerDeps {
  blobs: BlobStore;
  /** The models' prefix in the bucket (`models/`). */
  prefix: string;
  jobs: TrainingJobs;
  settings: SettingsStore;
  /** The agents' feedback, newest first: their corrections are training rows. */
  feedback: () => Promise<Feedback[]>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Largest history read (64 MB by default; a Lambda with 3 GB reads that comfortably). */
  maxBytes?: number;
  /** Most rows trained on (MAX_TRAINING_ROWS). */
  maxRows?: number;
  now?: () => Date;
}

/**
 * The most rows one run trains on: the file's last ones (exports list the oldest first, so these are the newest).
 * 100,000 rows take about 4 minutes of the function's 15 (2.5 s per 1,000 rows with 75 categories, cross-validation
 * included, measured by npm run bench).
 */
export const MAX_TRAINING_ROWS = 100_000;

type ExtraRow = Pick<HistoryRow, 'text' | 'subject' | 'label'> & { from: 'examples' | 'corrections' };

/** A job that will never succeed as asked (a broken file, too few rows): it is marked failed with why, and not retried. */
function isRefusal(err: unknown): err is Error {
  return err instanceof HistoryError || err instanceof RetrainRefusedError;
}

/**
 * Runs one training job the inbox API queued (an upload, or a retrain asked for on the page), or the scheduled
 * retrain (`{ scheduled: true }`, which makes its own job, and none when nothing changed since the last one). An
 * upload's candidate waits for a supervisor; a retrain's is promoted only when it beats the model in use on the same
 * held-out rows. A job already finished is left as it is (a redelivered request changes nothing); a refusal is
 * written on the job and not retried; anything else is written on the job and thrown, so the queue tries again.
 */
export async function runTrainingJob(deps: TrainingWorkerDeps, request: { jobId: string } | { scheduled: true }): Promise<TrainingJob | undefined> {
  const now = deps.now ?? (() => new Date());
  let job: TrainingJob;
  let gathered: Inputs | undefined;
  if ('scheduled' in request) {
    const made = await scheduledJob(deps, now());
    if (!made) return undefined;
    ({ job, inputs: gathered } = made);
  } else {
    job = await deps.jobs.get(request.jobId);
    if (job.status === 'ready' || job.status === 'promoted') {
      deps.logger.info('training job already finished; nothing to do', { jobId: job.id, status: job.status });
      return job;
    }
  }
  const started = Date.now();
  job = await deps.jobs.put({ ...job, status: 'training', startedAt: now().toISOString(), error: undefined });
  try {
    const inputs = gathered ?? (await gatherInputs(deps, job));
    const outcome = await retrain(inputs.history, { file: inputs.name, sha256: inputs.fingerprint }, deps.blobs, deps.prefix, {
      promote: job.kind === 'retrain' ? 'if-better' : 'never',
    });
    // a history that trained a model is what the next retrain starts from
    if (inputs.pointer && job.kind === 'upload') await deps.jobs.setLatestHistory(inputs.pointer);
    const cv = outcome.crossValidation;
    const report: TrainingReport = {
      rows: inputs.history.rows.length,
      categories: inputs.history.labels,
      sources: inputs.sources,
      leftOut: inputs.leftOut,
      crossValidation: {
        accuracy: cv.accuracy,
        macroF1: cv.macroF1,
        folds: cv.folds,
        rows: cv.rows,
        perCategory: cv.perCategory,
        confusions: cv.confusions.slice(0, 10),
        fewRows: cv.fewRows,
      },
      heldOut: {
        rows: outcome.heldOutRows,
        candidate: { macroF1: outcome.candidate.macroF1, accuracy: outcome.candidate.accuracy },
        current: outcome.current,
      },
      beatsCurrent: outcome.candidate.macroF1 > outcome.current.macroF1,
      candidateId: outcome.stored.id,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    const at = now().toISOString();
    const done = await deps.jobs.put({
      ...job,
      status: outcome.promoted ? 'promoted' : 'ready',
      finishedAt: at,
      report,
      inputs: inputs.fingerprint,
      ...(job.kind === 'retrain' ? { outcome: outcome.reason } : {}),
      ...(outcome.promoted ? { promotedAt: at, promotedBy: job.requestedBy } : {}),
    });
    deps.logger.info('training job finished', { jobId: job.id, status: done.status, macroF1: cv.macroF1, seconds: report.seconds });
    return done;
  } catch (err) {
    const failed = await deps.jobs.put({ ...job, status: 'failed', finishedAt: now().toISOString(), error: (err as Error).message.slice(0, 2000) });
    if (isRefusal(err)) {
      deps.logger.warn('training job refused', { jobId: job.id, why: (err as Error).message });
      return failed;
    }
    throw err;
  }
}

/** The scheduled retrain's job, or none when nothing changed since the newest finished job (or there is nothing to train from). */
async function scheduledJob(deps: TrainingWorkerDeps, now: Date): Promise<{ job: TrainingJob; inputs: Inputs } | undefined> {
  const job: TrainingJob = { id: newJobId(now), kind: 'retrain', requestedBy: 'schedule', createdAt: now.toISOString(), status: 'queued' };
  let inputs;
  try {
    inputs = await gatherInputs(deps, job);
  } catch (err) {
    if (!isRefusal(err)) throw err;
    deps.logger.info('scheduled retrain: nothing to train from yet', { why: err.message });
    return undefined;
  }
  const newest = (await deps.jobs.list(10)).find((j) => j.status === 'ready' || j.status === 'promoted');
  if (newest?.inputs === inputs.fingerprint) {
    deps.logger.info('scheduled retrain: the same rows as the newest job; nothing to do', { jobId: newest.id });
    return undefined;
  }
  return { job: await deps.jobs.put({ ...job, ...(inputs.pointer ? { file: inputs.pointer } : {}) }), inputs };
}

interface Inputs {
  history: History;
  name: string;
  /** One hash over the rows trained from: a retrain with the same fingerprint would train the same model. */
  fingerprint: string;
  pointer?: HistoryPointer;
  sources: TrainingReport['sources'];
  leftOut: TrainingReport['leftOut'];
}

/**
 * What a job trains from: the history file (the upload, or for a retrain the newest upload), then the examples in the
 * category definitions, then the agents' corrections, oldest first, so the newest word on a text is the one learned.
 * The file is checked strictly (a broken row refuses the job, naming its line); an example or correction to a
 * category with too few rows to learn is left out and counted.
 */
async function gatherInputs(deps: TrainingWorkerDeps, job: TrainingJob): Promise<Inputs> {
  const pointer = job.kind === 'upload' ? job.file : (job.file ?? (await deps.jobs.latestHistory()));
  let base: History | undefined;
  let older = 0;
  if (pointer) {
    let bytes: Uint8Array;
    try {
      bytes = await deps.blobs.get(pointer.key);
    } catch (err) {
      // uploads expire with the mail (the bucket's lifecycle rule, mailRetentionDays): say so, and what to do
      if (err instanceof NotFoundError)
        throw new HistoryError(`${pointer.name} is no longer kept (uploaded histories expire with the mail): upload the history again`);
      throw err;
    }
    base = readHistoryBytes(pointer.name, bytes, {
      textColumn: pointer.textColumn,
      labelColumn: pointer.labelColumn,
      ...(deps.maxBytes ? { maxBytes: deps.maxBytes } : {}),
    });
    if (base.rows.length > (deps.maxRows ?? MAX_TRAINING_ROWS)) {
      const rows = base.rows.slice(-(deps.maxRows ?? MAX_TRAINING_ROWS));
      older = base.rows.length - rows.length;
      base = { ...base, rows, labels: base.labels.filter((l) => rows.some((r) => r.label === l)) };
    }
  }
  const definitions = await readCategoryDefinitions(deps.settings);
  const extras: ExtraRow[] = [];
  if (definitions.saved) for (const d of definitions.categories) for (const text of d.examples) extras.push({ text, label: d.name, from: 'examples' });
  const corrections = (await deps.feedback()).filter((f) => f.kind === 'correction').reverse();
  for (const f of corrections) extras.push({ text: f.text, ...(f.subject ? { subject: f.subject } : {}), label: f.category, from: 'corrections' });
  const combined = combine(base, extras);
  if (older)
    combined.leftOut.unshift({
      why: `the file's first rows: one run trains on its last ${(deps.maxRows ?? MAX_TRAINING_ROWS).toLocaleString('en')}`,
      rows: older,
    });
  if (combined.history.labels.length < 2)
    throw new HistoryError(
      pointer
        ? `${pointer.name}: fewer than two categories to learn`
        : 'nothing to train from yet: upload a labelled history, or give each category at least two examples',
    );
  const fingerprint = createHash('sha256');
  for (const r of combined.history.rows) fingerprint.update(`${r.subject ?? ''}\u0000${r.text}\u0000${r.label}\u0001`);
  return {
    ...combined,
    name: [pointer?.name, combined.sources.examples && 'examples', combined.sources.corrections && 'corrections'].filter(Boolean).join(' + '),
    fingerprint: fingerprint.digest('hex'),
    ...(pointer ? { pointer } : {}),
  };
}

function combine(base: History | undefined, extras: ExtraRow[]): Pick<Inputs, 'history' | 'sources' | 'leftOut'> {
  type Row = HistoryRow & { from: 'history' | ExtraRow['from'] };
  const key = (r: Pick<HistoryRow, 'text' | 'subject'>) => `${r.subject ?? ''}\u0000${r.text.trim()}`;
  const spelling = new Map((base?.labels ?? []).map((l) => [l.toLowerCase(), l]));
  const rows = new Map<string, Row>((base?.rows ?? []).map((r) => [key(r), { ...r, from: 'history' }]));
  for (const extra of extras) {
    const text = extra.text.trim();
    if (!text) continue;
    const lower = extra.label.toLowerCase();
    if (!spelling.has(lower)) spelling.set(lower, extra.label);
    const k = key(extra);
    rows.delete(k); // the newest word on a text moves it to where it was given
    rows.set(k, { line: 0, text, ...(extra.subject ? { subject: extra.subject } : {}), label: spelling.get(lower)!, from: extra.from });
  }
  const perLabel = new Map<string, number>();
  for (const r of rows.values()) perLabel.set(r.label, (perLabel.get(r.label) ?? 0) + 1);
  const kept: Row[] = [];
  const leftOut = new Map<string, number>();
  for (const r of rows.values()) {
    if ((perLabel.get(r.label) ?? 0) >= MIN_PER_LABEL) kept.push(r);
    else {
      const why = `"${r.label}" has fewer than ${MIN_PER_LABEL} rows (from ${r.from})`;
      leftOut.set(why, (leftOut.get(why) ?? 0) + 1);
    }
  }
  const labels = [...new Set(kept.map((r) => r.label))];
  const count = (from: Row['from']) => kept.filter((r) => r.from === from).length;
  return {
    history: {
      rows: kept.map(({ from: _from, ...r }) => r),
      labels,
      format: base?.format ?? 'jsonl',
      encoding: base?.encoding ?? 'utf-8',
      skipped: base?.skipped ?? [],
      duplicates: base?.duplicates ?? 0,
    },
    sources: { history: count('history'), examples: count('examples'), corrections: count('corrections') },
    leftOut: [...leftOut].map(([why, n]) => ({ why, rows: n })),
  };
}
