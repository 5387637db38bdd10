import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlobStore, Classifier } from '../../shared/domain/index.js';
import { ModelClassifier } from '../../shared/triage/local/model-classifier.js';
import { currentModel, loadPublishedModel, promoteStoredModel, storeModel, type PublishedModel } from '../../shared/triage/local/published-model.js';
import type { History, HistoryRow } from './history.js';
import { evaluate } from './metrics.js';
import { trainShopModel, writeModelDir, type CrossValidation } from './shop-model.js';

/** A history the job cannot hold rows out of and still train from; nothing is published. */
export class RetrainRefusedError extends Error {}

/** The share of a history held out from the candidate, to measure it and the model in use on the same rows. */
export const HELD_OUT_SHARE = 0.2;

export interface RetrainOutcome {
  promoted: boolean;
  /** The candidate, stored in the bucket whether promoted or not (a supervisor can promote it later). */
  stored: PublishedModel;
  crossValidation: CrossValidation;
  /** Why (or why not), in words. */
  reason: string;
  heldOutRows: number;
  candidate: { macroF1: number; accuracy: number; categories: number };
  current: { id: string; macroF1: number; accuracy: number };
  published?: PublishedModel;
}

/** Held out by a hash of the text, so the same row is held out in every run and a later history keeps the split. */
export function isHeldOutRow(row: Pick<HistoryRow, 'text' | 'subject'>): boolean {
  return (
    createHash('sha256')
      .update(`${row.subject ?? ''}\u0000${row.text}`)
      .digest()
      .readUInt32BE(0) <
    HELD_OUT_SHARE * 2 ** 32
  );
}

/**
 * The retrain job: trains a candidate on the history without its held-out rows, measures the candidate and the model
 * in use (the published one, or the shipped one) on those same rows, stores the candidate, and with `if-better`
 * publishes it only when its macro-F1 is higher (`never`: a supervisor decides on the page). The model it publishes
 * is the one it measured.
 */
export async function retrain(
  history: History,
  source: { file: string; sha256: string },
  blobs: BlobStore,
  prefix: string,
  options: { promote: 'if-better' | 'never' } = { promote: 'if-better' },
): Promise<RetrainOutcome> {
  const heldOut = history.rows.filter(isHeldOutRow);
  const training = history.rows.filter((r) => !isHeldOutRow(r));
  const trainLabels = new Set(training.map((r) => r.label));
  if (heldOut.length === 0 || trainLabels.size < 2)
    throw new RetrainRefusedError(
      `${source.file}: too few rows to hold ${Math.round(HELD_OUT_SHARE * 100)}% out and still train (${history.rows.length} rows)`,
    );
  const labels = history.labels.filter((l) => trainLabels.has(l));
  const { model, manifest } = trainShopModel({ ...history, rows: training, labels }, source, { folds: Math.min(5, Math.max(2, minPerLabel(training))) });
  const dir = mkdtempSync(join(tmpdir(), 'balie-candidate-'));
  try {
    const candidateDir = writeModelDir(join(dir, 'model'), model, manifest);
    const candidate = new ModelClassifier(pathToFileURL(`${candidateDir}/`));
    const published = await loadPublishedModel(blobs, prefix);
    const current = published ?? { model: { id: 'shipped' } as PublishedModel, classifier: new ModelClassifier() };
    const [mine, theirs] = [await measure(candidate, heldOut), await measure(current.classifier, heldOut)];
    const stored = await storeModel(blobs, prefix, candidateDir);
    const outcome = {
      stored,
      crossValidation: manifest.crossValidation,
      heldOutRows: heldOut.length,
      candidate: { ...mine, categories: labels.length },
      current: { id: current.model.id, ...theirs },
    };
    const better = mine.macroF1 > theirs.macroF1;
    if (options.promote === 'never')
      return {
        promoted: false,
        reason: `the candidate's macro-F1 ${mine.macroF1.toFixed(3)} on ${heldOut.length} held-out rows is ${better ? 'higher' : 'not higher'} than the model in use's ${theirs.macroF1.toFixed(3)}; a supervisor decides`,
        ...outcome,
      };
    if (!better)
      return {
        promoted: false,
        reason: `the candidate's macro-F1 ${mine.macroF1.toFixed(3)} on ${heldOut.length} held-out rows is not higher than the model in use's ${theirs.macroF1.toFixed(3)}; nothing changed`,
        ...outcome,
      };
    // measured against the model in use when the run began: if a supervisor promoted another one meanwhile (or a
    // second retrain did), that one was not measured and stays
    const inUseNow = (await currentModel(blobs, prefix))?.id ?? 'shipped';
    if (inUseNow !== current.model.id)
      return {
        promoted: false,
        reason: `the candidate's macro-F1 ${mine.macroF1.toFixed(3)} beats ${current.model.id}'s ${theirs.macroF1.toFixed(3)}, but ${inUseNow} was promoted while this ran and was not measured; nothing changed`,
        ...outcome,
      };
    const publishedNow = await promoteStoredModel(blobs, prefix, stored.id);
    return {
      promoted: true,
      reason: `the candidate's macro-F1 ${mine.macroF1.toFixed(3)} on ${heldOut.length} held-out rows beats the model in use's ${theirs.macroF1.toFixed(3)}`,
      ...outcome,
      published: publishedNow,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(classifier: Classifier, rows: HistoryRow[]): Promise<{ macroF1: number; accuracy: number }> {
  const pairs: Array<{ truth: string; predicted: string }> = [];
  for (const r of rows) pairs.push({ truth: r.label, predicted: (await classifier.classify({ text: r.text, subject: r.subject, channel: 'email' })).category });
  // every label either side uses: a model that does not know a label is wrong on its rows, and that counts
  const labels = [...new Set(pairs.flatMap((p) => [p.truth, p.predicted]))];
  const report = evaluate(labels, pairs);
  return { macroF1: Math.round(report.macroF1 * 1000) / 1000, accuracy: Math.round(report.accuracy * 1000) / 1000 };
}

function minPerLabel(rows: HistoryRow[]): number {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
  return Math.min(...counts.values());
}
