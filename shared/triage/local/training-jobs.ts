import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { NotFoundError, type BlobStore } from '../../domain/index.js';

/**
 * Training jobs: a supervisor's upload (train a candidate from this history) or a retrain (on demand or on a
 * schedule: the newest history again, with the agents' corrections and the categories' examples since). Each job is
 * one JSON object in the bucket beside the models, written by whoever moves it on: the inbox API (queued, promoted)
 * and the training worker (training, ready, failed).
 */
export const JOBS_FOLDER = 'jobs/';
export const UPLOADS_FOLDER = 'uploads/';
/** The newest history a supervisor uploaded that could be read: what a retrain trains from. */
export const LATEST_HISTORY = 'history/latest.json';

const figures = z.object({ macroF1: z.number(), accuracy: z.number() });

export const trainingReportSchema = z.object({
  rows: z.number().int(),
  categories: z.array(z.string()),
  /** Where the rows came from: the history file, the categories' examples, the agents' corrections. */
  sources: z.object({ history: z.number().int(), examples: z.number().int(), corrections: z.number().int() }),
  /** Rows that were not trained on, with why (e.g. a correction to a category nothing else has). */
  leftOut: z.array(z.object({ why: z.string(), rows: z.number().int() })),
  crossValidation: z.object({
    accuracy: z.number(),
    macroF1: z.number(),
    folds: z.number().int(),
    rows: z.number().int(),
    perCategory: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number().int() })),
    confusions: z.array(z.object({ truth: z.string(), predicted: z.string(), count: z.number().int() })),
    fewRows: z.array(z.string()),
  }),
  /** The candidate and the model in use, measured on the same rows, held out from the candidate's training. */
  heldOut: z.object({ rows: z.number().int(), candidate: figures, current: figures.extend({ id: z.string() }) }),
  beatsCurrent: z.boolean(),
  /** The stored candidate: `promote` makes it the model in use. */
  candidateId: z.string(),
  seconds: z.number(),
});
export type TrainingReport = z.infer<typeof trainingReportSchema>;

export const trainingJobStatusSchema = z.enum(['queued', 'training', 'ready', 'failed', 'promoted']);
export type TrainingJobStatus = z.infer<typeof trainingJobStatusSchema>;

export const trainingJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['upload', 'retrain']),
  /** Who asked: a supervisor's sub, or "schedule". */
  requestedBy: z.string(),
  createdAt: z.string(),
  status: trainingJobStatusSchema,
  /** The uploaded history (kind upload), or the one a scheduled retrain used (a supervisor's retrain uses the newest too, unrecorded). */
  file: z
    .object({
      name: z.string(),
      key: z.string(),
      bytes: z.number().int(),
      textColumn: z.string().optional(),
      labelColumn: z.string().optional(),
    })
    .optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** Why it failed, in words a supervisor can act on (which line, which column). */
  error: z.string().optional(),
  report: trainingReportSchema.optional(),
  /** For a retrain: whether it promoted its candidate, and why (or why not). */
  outcome: z.string().optional(),
  /** A hash over the rows it trained from: the schedule skips a retrain that would see the same rows. */
  inputs: z.string().optional(),
  promotedAt: z.string().optional(),
  promotedBy: z.string().optional(),
});
export type TrainingJob = z.infer<typeof trainingJobSchema>;

export const historyPointerSchema = z.object({
  name: z.string(),
  key: z.string(),
  bytes: z.number().int(),
  textColumn: z.string().optional(),
  labelColumn: z.string().optional(),
});
export type HistoryPointer = z.infer<typeof historyPointerSchema>;

const jobIdSchema = z.string().regex(/^[0-9a-z-]{10,64}$/);

/** What the training worker is asked on its queue: a job the inbox API made, or the schedule's retrain. */
export const trainingRequestSchema = z.union([z.object({ jobId: jobIdSchema }), z.object({ scheduled: z.literal(true) })]);
export type TrainingRequest = z.infer<typeof trainingRequestSchema>;

/** Job ids sort newest first (S3 lists keys in ascending order): the time counted down, then a random tail. */
export function newJobId(now = new Date()): string {
  return `${String(9_999_999_999_999 - now.getTime()).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

export class TrainingJobs {
  constructor(
    private readonly blobs: BlobStore,
    /** The models' prefix (`models/`): jobs, uploads and candidates live under it. */
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}${JOBS_FOLDER}${id}.json`;
  }

  async put(job: TrainingJob): Promise<TrainingJob> {
    const checked = trainingJobSchema.parse(job);
    await this.blobs.put(this.key(job.id), JSON.stringify(checked, null, 2) + '\n', 'application/json');
    return checked;
  }

  /** NotFoundError when there is no such job. */
  async get(id: string): Promise<TrainingJob> {
    if (!jobIdSchema.safeParse(id).success) throw new NotFoundError(`no training job ${id}`);
    return trainingJobSchema.parse(JSON.parse(Buffer.from(await this.blobs.get(this.key(id))).toString('utf8')));
  }

  async update(id: string, change: (job: TrainingJob) => TrainingJob): Promise<TrainingJob> {
    return this.put(change(await this.get(id)));
  }

  /** The newest jobs first. */
  async list(max = 20): Promise<TrainingJob[]> {
    const keys = (await this.blobs.list(`${this.prefix}${JOBS_FOLDER}`, max)).filter((k) => k.endsWith('.json')).sort();
    const jobs = await Promise.all(
      keys.slice(0, max).map((k) => this.get(k.slice(`${this.prefix}${JOBS_FOLDER}`.length, -'.json'.length)).catch(() => undefined)),
    );
    return jobs.filter((j): j is TrainingJob => !!j);
  }

  /** Where an upload's bytes go: its own folder, under a name that keeps the extension (it tells CSV from JSON lines). */
  uploadKey(id: string, filename: string): string {
    const safe = filename.replace(/[^\w.-]+/g, '_').slice(-100) || 'history.csv';
    return `${this.prefix}${UPLOADS_FOLDER}${id}/${safe}`;
  }

  async latestHistory(): Promise<HistoryPointer | undefined> {
    try {
      return historyPointerSchema.parse(JSON.parse(Buffer.from(await this.blobs.get(`${this.prefix}${LATEST_HISTORY}`)).toString('utf8')));
    } catch (err) {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  async setLatestHistory(pointer: HistoryPointer): Promise<void> {
    await this.blobs.put(`${this.prefix}${LATEST_HISTORY}`, JSON.stringify(historyPointerSchema.parse(pointer)) + '\n', 'application/json');
  }
}
