import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DEFAULT_CATEGORIES, NotFoundError, type BlobStore, type Channel, type Classification, type Classifier } from '../../domain/index.js';
import { MODEL_ENGINE, ModelClassifier } from './model-classifier.js';

/** Where published models live in the bucket: `<prefix><id>/{category,sentiment,manifest}.json`, and `<prefix>current.json`. */
export const MODEL_PREFIX = 'models/';

/** What `current.json` says: which model triage uses, and what it knows. */
export interface PublishedModel {
  id: string;
  categories: string[];
  publishedAt: string;
  /** From the folder's manifest.json, when `npm run train -- --from FILE` wrote it. */
  trainedAt?: string;
  crossValidation?: { accuracy: number; macroF1: number; rows: number; folds: number };
}

/**
 * Puts a model folder (`npm run train -- --out DIR`) in the bucket and makes it the one triage uses. The model is
 * loaded and checked first, and its files are all written before `current.json` points at them: a corrupt folder is
 * refused and the model in use stays.
 */
export async function publishModel(blobs: BlobStore, prefix: string, dir: string, now = new Date()): Promise<PublishedModel> {
  const stored = await storeModel(blobs, prefix, dir, now);
  await pointCurrentAt(blobs, prefix, stored);
  return stored;
}

/**
 * Puts a model folder's files in the bucket under their content's id, checked first, without making it the one in
 * use: a candidate a supervisor can promote later (`promoteStoredModel`). Answers what current.json would say.
 */
export async function storeModel(blobs: BlobStore, prefix: string, dir: string, now = new Date()): Promise<PublishedModel> {
  const read = (name: string) => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch (err) {
      throw new Error(`${join(dir, name)} cannot be read: a model folder is what npm run train -- --out DIR writes`, { cause: err });
    }
  };
  const files: { category: string; sentiment: string; prior?: string } = { category: read('category.json'), sentiment: read('sentiment.json') };
  if (existsSync(join(dir, 'prior.json'))) files.prior = read('prior.json');
  const classifier = ModelClassifier.fromJson(files, dir.endsWith('/') ? dir : `${dir}/`);
  const manifestText = existsSync(join(dir, 'manifest.json')) ? read('manifest.json') : undefined;
  const manifest = manifestText ? (JSON.parse(manifestText) as Manifest) : undefined;
  const id = createHash('sha256')
    .update(files.category)
    .update(files.sentiment)
    .update(files.prior ?? '')
    .digest('hex')
    .slice(0, 16);
  await blobs.put(`${prefix}${id}/category.json`, files.category, 'application/json');
  await blobs.put(`${prefix}${id}/sentiment.json`, files.sentiment, 'application/json');
  if (classifier.hasPrior) await blobs.put(`${prefix}${id}/prior.json`, files.prior!, 'application/json');
  if (manifestText) await blobs.put(`${prefix}${id}/manifest.json`, manifestText, 'application/json');
  return described(id, classifier, manifest, now);
}

type Manifest = { trainedAt?: string; crossValidation?: PublishedModel['crossValidation'] };

function described(id: string, classifier: ModelClassifier, manifest: Manifest | undefined, now: Date): PublishedModel {
  const cv = manifest?.crossValidation;
  return {
    id,
    categories: classifier.categories,
    publishedAt: now.toISOString(),
    ...(manifest?.trainedAt ? { trainedAt: manifest.trainedAt } : {}),
    ...(cv ? { crossValidation: { accuracy: cv.accuracy, macroF1: cv.macroF1, rows: cv.rows, folds: cv.folds } } : {}),
  };
}

/**
 * Makes a model stored earlier (`storeModel`) the one triage uses: its files are read and checked again first, so a
 * model whose files were damaged or removed since is refused and the model in use stays.
 */
export async function promoteStoredModel(blobs: BlobStore, prefix: string, id: string, now = new Date()): Promise<PublishedModel> {
  if (!/^[0-9a-f]{16}$/.test(id)) throw new NotFoundError(`no stored model ${id}`);
  const classifier = await loadModelFiles(blobs, prefix, id);
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(Buffer.from(await blobs.get(`${prefix}${id}/manifest.json`)).toString('utf8')) as Manifest;
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
  }
  const published = described(id, classifier, manifest, now);
  await pointCurrentAt(blobs, prefix, published);
  return published;
}

async function pointCurrentAt(blobs: BlobStore, prefix: string, model: PublishedModel): Promise<void> {
  await blobs.put(`${prefix}current.json`, JSON.stringify(model, null, 2) + '\n', 'application/json');
}

/** What current.json says, or undefined while the shipped model is in use; throws when it cannot be read. */
export async function currentModel(blobs: BlobStore, prefix: string): Promise<PublishedModel | undefined> {
  return readPointer(blobs, prefix);
}

/** The published model, or undefined when none was (triage then uses the shipped one); throws when it cannot be read or is corrupt. */
export async function loadPublishedModel(blobs: BlobStore, prefix: string): Promise<{ model: PublishedModel; classifier: ModelClassifier } | undefined> {
  const pointer = await readPointer(blobs, prefix);
  return pointer && { model: pointer, classifier: await loadModelFiles(blobs, prefix, pointer.id) };
}

/** What current.json says, or undefined when no model was published. */
async function readPointer(blobs: BlobStore, prefix: string): Promise<PublishedModel | undefined> {
  let pointer: PublishedModel;
  try {
    pointer = JSON.parse(Buffer.from(await blobs.get(`${prefix}current.json`)).toString('utf8')) as PublishedModel;
  } catch (err) {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  }
  if (!pointer || typeof pointer.id !== 'string' || !/^[0-9a-f]{16}$/.test(pointer.id)) throw new Error(`${prefix}current.json names no model`);
  return pointer;
}

async function loadModelFiles(blobs: BlobStore, prefix: string, id: string): Promise<ModelClassifier> {
  const text = async (name: string) => Buffer.from(await blobs.get(`${prefix}${id}/${name}`)).toString('utf8');
  const [category, sentiment] = await Promise.all([text('category.json'), text('sentiment.json')]);
  const needsPrior = /"prior"\s*:\s*\{/.test(category);
  const prior = needsPrior ? await text('prior.json') : undefined;
  return ModelClassifier.fromJson({ category, sentiment, prior }, `s3 ${prefix}${id}/`);
}

export interface PublishedModelOptions {
  blobs: BlobStore;
  prefix: string;
  logger: Pick<Logger, 'info' | 'error'>;
  /** How often `current.json` is read again, so a newly published model is used without a redeploy. */
  checkEveryMs: number;
  now?: () => number;
}

/**
 * The classifier triage uses: the published model (read at cold start, and again when `current.json` names another
 * one), or the shipped one while none is published. A model that cannot be read or is corrupt is logged as an error
 * and never replaces the one in use.
 */
export class PublishedModelClassifier implements Classifier {
  private current: { id: string; classifier: ModelClassifier };
  private checkedAt: number;
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly options: PublishedModelOptions,
    initial: { id: string; classifier: ModelClassifier },
  ) {
    this.current = initial;
    this.checkedAt = (options.now ?? Date.now)();
  }

  static async create(options: PublishedModelOptions): Promise<PublishedModelClassifier> {
    const shipped = { id: 'shipped', classifier: new ModelClassifier() };
    const classifier = new PublishedModelClassifier(options, shipped);
    await classifier.check();
    return classifier;
  }

  /** Which model is in use: its id, or "shipped". */
  get modelId(): string {
    return this.current.id;
  }

  get categories(): string[] {
    return this.current.classifier.categories;
  }

  async classify(input: { text: string; subject?: string; channel: Channel }): Promise<Classification> {
    const now = (this.options.now ?? Date.now)();
    if (now - this.checkedAt >= this.options.checkEveryMs) {
      this.checkedAt = now;
      await (this.checking ??= this.check().finally(() => (this.checking = undefined)));
    }
    // the model this message is classified by names the result, even if a check swaps the model meanwhile
    const current = this.current;
    const result = await current.classifier.classify(input);
    return current.id === 'shipped' ? result : { ...result, engine: `${MODEL_ENGINE}+${current.id}` };
  }

  private async check(): Promise<void> {
    try {
      // one read of current.json per check; the model's files only when it names another model
      const pointer = await readPointer(this.options.blobs, this.options.prefix);
      if (pointer === undefined || pointer.id === this.current.id) return;
      const published = { model: pointer, classifier: await loadModelFiles(this.options.blobs, this.options.prefix, pointer.id) };
      this.current = { id: published.model.id, classifier: published.classifier };
      this.options.logger.info('triage uses the published model', { modelId: published.model.id, categories: published.classifier.categories.length });
    } catch (error) {
      this.options.logger.error('the published triage model cannot be used; triage goes on with the model in use', {
        modelInUse: this.current.id,
        error: error as Error,
      });
    }
  }
}

/**
 * The categories agents may choose from: the published model's (from current.json), or the defaults while none is
 * published. Read at creation and again in the background when older than `maxAgeMs`, so a page renders without
 * waiting; `current()` waits for a read that is due (a correction is checked against what is published).
 */
export class PublishedCategories {
  private value: readonly string[] = DEFAULT_CATEGORIES;
  private readAt = -Infinity;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly blobs: BlobStore,
    private readonly prefix: string,
    private readonly options: { maxAgeMs: number; logger?: Pick<Logger, 'warn'>; now?: () => number },
  ) {
    void this.read();
  }

  /** What is known now; a read in the background when it is due. */
  now(): readonly string[] {
    if (this.due()) void this.read();
    return this.value;
  }

  async current(): Promise<readonly string[]> {
    if (this.due()) await this.read();
    return this.value;
  }

  /** A model was just promoted here: the next `current()` reads current.json again. */
  invalidate(): void {
    this.readAt = -Infinity;
  }

  private due(): boolean {
    return (this.options.now ?? Date.now)() - this.readAt > this.options.maxAgeMs;
  }

  private read(): Promise<void> {
    return (this.pending ??= (async () => {
      try {
        const pointer = await readPointer(this.blobs, this.prefix);
        const categories = pointer?.categories?.filter((c) => typeof c === 'string' && c.trim());
        this.value = categories && categories.length >= 2 ? categories : DEFAULT_CATEGORIES;
      } catch (error) {
        this.options.logger?.warn("the published model's categories cannot be read; agents choose from the ones known", { error: error as Error });
      } finally {
        this.readAt = (this.options.now ?? Date.now)();
        this.pending = undefined;
      }
    })());
  }
}
