import { ConflictError, DEFAULT_CATEGORIES, ValidationError, type BlobStore, type PublishOptions } from '../domain/index.js';
import type { Agent } from '../auth/roles.js';
import { currentModel, promoteStoredModel, type PublishedModel } from '../triage/local/published-model.js';
import { newJobId, type TrainingJob, type TrainingJobs } from '../triage/local/training-jobs.js';

/** The largest history an upload may be once unpacked (the training worker reads up to this much at once). */
export const MAX_HISTORY_BYTES = 64 * 1024 * 1024;
/** File names a history may have: the extension tells CSV from JSON lines. */
export const HISTORY_FILE = /\.(csv|tsv|txt|jsonl|ndjson|json)$/i;

export interface TrainingDeps {
  blobs: BlobStore;
  /** The models' prefix (`models/`). */
  prefix: string;
  jobs: TrainingJobs;
  /** Puts `{ jobId }` on the training worker's queue. */
  requests: { publish(body: unknown, options?: PublishOptions): Promise<void> };
}

/** The model in use (the published one, or the shipped one) and the newest training jobs. */
export async function modelOverview(
  deps: Pick<TrainingDeps, 'blobs' | 'prefix' | 'jobs'>,
): Promise<{ current: PublishedModel | { id: 'shipped'; categories: string[] }; jobs: TrainingJob[] }> {
  const [current, jobs] = await Promise.all([currentModel(deps.blobs, deps.prefix), deps.jobs.list(20)]);
  // the shipped model's labels are the defaults; its files are not beside the inbox API's bundle, so not read here
  return { current: current ?? { id: 'shipped', categories: [...DEFAULT_CATEGORIES] }, jobs };
}

/**
 * A supervisor uploads a labelled history: it is kept in the bucket, a job is queued, and the training worker trains
 * a candidate and reports on it. Nothing changes in triage until the candidate is promoted.
 */
export async function startTraining(
  deps: TrainingDeps,
  input: { filename: string; bytes: Uint8Array; textColumn?: string; labelColumn?: string; agent: Agent },
  now = new Date(),
): Promise<TrainingJob> {
  const filename = input.filename.trim().split(/[\\/]/).pop() ?? '';
  if (!HISTORY_FILE.test(filename)) throw new ValidationError(`"${filename || 'the file'}" is not a history: give a .csv, .tsv or .jsonl file`);
  if (input.bytes.byteLength === 0) throw new ValidationError(`${filename} is empty`);
  if (input.bytes.byteLength > MAX_HISTORY_BYTES)
    throw new ValidationError(`${filename} is larger than ${MAX_HISTORY_BYTES / 1024 / 1024} MB: split it, or keep the newest rows`);
  const id = newJobId(now);
  const key = deps.jobs.uploadKey(id, filename);
  await deps.blobs.put(key, input.bytes, 'application/octet-stream');
  const job = await deps.jobs.put({
    id,
    kind: 'upload',
    requestedBy: input.agent.sub,
    createdAt: now.toISOString(),
    status: 'queued',
    file: {
      name: filename,
      key,
      bytes: input.bytes.byteLength,
      ...(input.textColumn?.trim() ? { textColumn: input.textColumn.trim() } : {}),
      ...(input.labelColumn?.trim() ? { labelColumn: input.labelColumn.trim() } : {}),
    },
  });
  return queue(deps, job);
}

/** A supervisor asks for a retrain now (the schedule asks on its own): promoted only if it beats the model in use. */
export async function requestRetrain(deps: TrainingDeps, agent: Agent, now = new Date()): Promise<TrainingJob> {
  const job = await deps.jobs.put({ id: newJobId(now), kind: 'retrain', requestedBy: agent.sub, createdAt: now.toISOString(), status: 'queued' });
  return queue(deps, job);
}

async function queue(deps: TrainingDeps, job: TrainingJob): Promise<TrainingJob> {
  try {
    await deps.requests.publish({ jobId: job.id });
  } catch (err) {
    await deps.jobs.put({ ...job, status: 'failed', error: 'the training queue did not take the job; try again' });
    throw err;
  }
  return job;
}

/**
 * A supervisor makes a job's candidate the model triage uses (within MODEL_CHECK_SECONDS everywhere); promoting an
 * older job again goes back to its model. A job without a candidate (queued, training, failed) is a conflict.
 */
export async function promoteJob(
  deps: Pick<TrainingDeps, 'blobs' | 'prefix' | 'jobs'>,
  input: { jobId: string; agent: Agent },
  now = new Date(),
): Promise<TrainingJob> {
  const job = await deps.jobs.get(input.jobId);
  if (!job.report || (job.status !== 'ready' && job.status !== 'promoted'))
    throw new ConflictError(`training job ${job.id} is ${job.status}: only a finished job's model can be promoted`);
  await promoteStoredModel(deps.blobs, deps.prefix, job.report.candidateId, now);
  return deps.jobs.put({ ...job, status: 'promoted', promotedAt: now.toISOString(), promotedBy: input.agent.sub });
}
