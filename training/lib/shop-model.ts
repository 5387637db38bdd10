import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, type Features } from '../../shared/triage/local/features.js';
import { LinearModel, type SerializedModel } from '../../shared/triage/local/linear-model.js';
import { MODEL_DIR } from '../../shared/triage/local/model-classifier.js';
import { PRIOR_WEIGHT, withPrior } from '../../shared/triage/local/prior.js';
import { SHOP_FTRL, trainSoftmax, type FtrlOptions } from './ftrl.js';
import type { History, HistoryRow } from './history.js';
import { evaluate } from './metrics.js';

/** What a model folder holds; a folder with anything else is never replaced. */
const MODEL_FILES = ['category.json', 'sentiment.json', 'prior.json', 'manifest.json'];

/** The shipped category model, which a shop's model learns on top of (withPrior); copied into its folder as prior.json. */
export function shippedPrior(): LinearModel {
  return new LinearModel(JSON.parse(readFileSync(new URL('category.json', MODEL_DIR), 'utf8')) as SerializedModel);
}

/** A shop's row as the model sees it: its words, and what the shipped model says about it. */
export function shopFeatures(rows: Array<Pick<HistoryRow, 'text' | 'subject'>>, prior: LinearModel = shippedPrior()): Features[] {
  return rows.map((r) => withPrior(extractFeatures(textOf(r)), prior, PRIOR_WEIGHT));
}

/** A label with fewer rows than this is learned, but the report says its figures are shaky. */
export const FEW_ROWS = 10;

export interface CategoryFigures {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows with this label in the file. */
  support: number;
}

/** What `npm run train -- --from FILE` reports before anything changes: every figure from rows the fold did not train on. */
export interface CrossValidation {
  rows: number;
  labels: number;
  folds: number;
  accuracy: number;
  macroF1: number;
  perCategory: CategoryFigures[];
  /** The mix-ups that happen most, truth → predicted. */
  confusions: Array<{ truth: string; predicted: string; count: number }>;
  /** Labels with fewer than FEW_ROWS rows: their figures rest on a handful of messages. */
  fewRows: string[];
}

/** What the model folder's manifest.json says: which labels, from what, and how well they held in cross-validation. */
export interface Manifest {
  kind: 'balie-triage-model';
  version: 1;
  categories: string[];
  trainedAt: string;
  source: { file: string; sha256: string; format: string; encoding: string; rows: number; skipped: number; duplicates: number };
  crossValidation: CrossValidation;
}

export function textOf(row: Pick<HistoryRow, 'text' | 'subject'>): string {
  return row.subject ? `${row.subject}\n${row.text}` : row.text;
}

/**
 * Stratified k-fold cross-validation: every label's rows are dealt over the folds, each fold is predicted by a model
 * trained on the others (quantized as it would ship), and the figures are pooled over all rows.
 */
export function crossValidate(rows: HistoryRow[], labels: string[], features: Features[], folds = 5, options: FtrlOptions = SHOP_FTRL): CrossValidation {
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const foldOf = stratifiedFolds(rows, folds, options.seed);
  const pairs: Array<{ truth: string; predicted: string }> = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = rows.flatMap((r, i) => (foldOf[i] === fold ? [] : [{ features: features[i]!, label: labelIndex.get(r.label)! }]));
    const model = new LinearModel(trainSoftmax(train, labels, options));
    rows.forEach((r, i) => {
      if (foldOf[i] !== fold) return;
      const p = model.predict(features[i]!);
      pairs.push({ truth: r.label, predicted: labels[p.indexOf(Math.max(...p))]! });
    });
  }
  const report = evaluate(labels, pairs);
  const confusions = report.matrix
    .flatMap((row, t) => row.map((count, p) => ({ truth: labels[t]!, predicted: labels[p]!, count })).filter((c, p) => p !== t && c.count > 0))
    .sort((a, b) => b.count - a.count)
    .slice(0, 10);
  return {
    rows: rows.length,
    labels: labels.length,
    folds,
    accuracy: round(report.accuracy),
    macroF1: round(report.macroF1),
    perCategory: report.perLabel.map((l) => ({ label: l.label, precision: round(l.precision), recall: round(l.recall), f1: round(l.f1), support: l.support })),
    confusions,
    fewRows: report.perLabel.filter((l) => l.support < FEW_ROWS).map((l) => l.label),
  };
}

/** Cross-validates, then trains the model that ships on every row. */
export function trainShopModel(
  history: History,
  source: { file: string; sha256: string },
  options: { folds?: number; ftrl?: FtrlOptions } = {},
): { model: SerializedModel; manifest: Manifest } {
  const features = shopFeatures(history.rows);
  const ftrl = options.ftrl ?? SHOP_FTRL;
  const crossValidation = crossValidate(history.rows, history.labels, features, options.folds ?? 5, ftrl);
  const labelIndex = new Map(history.labels.map((l, i) => [l, i]));
  const model = trainSoftmax(
    history.rows.map((r, i) => ({ features: features[i]!, label: labelIndex.get(r.label)! })),
    history.labels,
    ftrl,
  );
  return {
    model: { ...model, prior: { file: 'prior.json', weight: PRIOR_WEIGHT } },
    manifest: {
      kind: 'balie-triage-model',
      version: 1,
      categories: history.labels,
      trainedAt: new Date().toISOString(),
      source: {
        ...source,
        format: history.format,
        encoding: history.encoding,
        rows: history.rows.length,
        skipped: history.skipped.length,
        duplicates: history.duplicates,
      },
      crossValidation,
    },
  };
}

/** The history's identity in a manifest: one hash over its files, in the order given (one file: that file's hash). */
export function sha256Files(paths: string[]): string {
  return paths.reduce((hash, path) => hash.update(readFileSync(path)), createHash('sha256')).digest('hex');
}

/**
 * Writes a model folder all at once: into a sibling temporary folder first, then renamed into place, so a failure
 * half-way leaves whatever model was there. The shipped model's folder is refused unless `overwriteShipped`.
 * Sentiment is not in a shop's history: the folder gets the shipped sentiment model; and, for a model that learned on
 * top of the shipped category model, that model as prior.json (so a later release's model does not change its input).
 */
export function writeModelDir(out: string, category: SerializedModel, manifest: Manifest, options: { overwriteShipped?: boolean } = {}): string {
  const target = resolve(out);
  if (target === resolve(fileURLToPath(MODEL_DIR)) && !options.overwriteShipped)
    throw new Error(`${out} is the shipped model's folder; pass --overwrite-shipped to replace it, or choose another --out`);
  // a folder is replaced only when it is a model folder: never a folder with anything else in it (., the history's own)
  if (existsSync(target)) {
    const others = statSync(target).isDirectory() ? readdirSync(target).filter((f) => !MODEL_FILES.includes(f)) : [basename(target)];
    if (others.length)
      throw new Error(
        `${out} is not a model folder (it holds ${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''}); choose a new or empty folder for --out`,
      );
  }
  const staging = mkdtempSync(`${target}.partial-`);
  try {
    chmodSync(staging, 0o755);
    writeFileSync(`${staging}/category.json`, JSON.stringify(category) + '\n');
    writeFileSync(`${staging}/sentiment.json`, readFileSync(new URL('sentiment.json', MODEL_DIR)));
    if (category.prior) writeFileSync(`${staging}/prior.json`, readFileSync(new URL('category.json', MODEL_DIR)));
    writeFileSync(`${staging}/manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
    if (existsSync(target)) {
      const old = `${dirname(target)}/.${basename(target)}.old-${process.pid}`;
      renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (err) {
        renameSync(old, target);
        throw err;
      }
      // the new model is in place; an old copy that will not go away is litter, not a failure
      rmSync(old, { recursive: true, force: true, maxRetries: 2 });
    } else renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return target;
}

function stratifiedFolds(rows: HistoryRow[], folds: number, seed: number): Int32Array {
  const foldOf = new Int32Array(rows.length);
  const byLabel = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const indices = byLabel.get(r.label);
    if (indices) indices.push(i);
    else byLabel.set(r.label, [i]);
  });
  // a stable order that does not follow the file's (exports are often sorted by date or by label)
  const keys = rows.map((r) => hash(seed, r));
  let offset = 0;
  for (const indices of byLabel.values()) {
    indices.sort((a, b) => keys[a]! - keys[b]! || a - b);
    // each label starts at a different fold, so labels with fewer rows than folds do not all land in fold 0
    indices.forEach((row, i) => (foldOf[row] = (offset + i) % folds));
    offset += indices.length;
  }
  return foldOf;
}

function hash(seed: number, row: HistoryRow): number {
  return createHash('sha256')
    .update(`${seed}:${textOf(row)}`)
    .digest()
    .readUInt32BE(0);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
