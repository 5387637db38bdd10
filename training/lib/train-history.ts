import { basename } from 'node:path';
import { HistoryError, readHistories } from './history.js';
import { sha256Files, trainShopModel, writeModelDir } from './shop-model.js';

export interface TrainFromHistoryArgs {
  from: string[];
  out?: string;
  textColumn?: string;
  labelColumn?: string;
  subjectColumn?: string;
  folds: string;
  skipInvalid: boolean;
  maxMb?: string;
  overwriteShipped: boolean;
  log?: (line: string) => void;
  fail?: (line: string) => void;
}

/** `npm run train -- --from FILE --out DIR`; answers the exit code: 0 written, 2 refused (nothing written). */
export function trainFromHistory(args: TrainFromHistoryArgs): number {
  const log = args.log ?? ((line: string) => console.log(line));
  const fail = args.fail ?? ((line: string) => console.error(line));
  const folds = Number(args.folds);
  const maxMb = args.maxMb === undefined ? undefined : Number(args.maxMb);
  if (!args.out) return refuse(fail, '--from needs --out DIR: the folder the model is written to');
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) return refuse(fail, `--folds must be a whole number from 2 to 20, got ${args.folds}`);
  if (maxMb !== undefined && !(maxMb > 0)) return refuse(fail, `--max-mb must be a positive number, got ${args.maxMb}`);
  const started = Date.now();
  let history;
  try {
    history = readHistories(args.from, {
      textColumn: args.textColumn,
      labelColumn: args.labelColumn,
      subjectColumn: args.subjectColumn,
      skipInvalid: args.skipInvalid,
      ...(maxMb ? { maxBytes: maxMb * 1024 * 1024 } : {}),
    });
  } catch (err) {
    if (err instanceof HistoryError) return refuse(fail, err.message);
    throw err;
  }
  log(
    `${args.from.join(' + ')}: ${history.rows.length} rows, ${history.labels.length} categories (${history.format}, ${history.encoding})` +
      (history.duplicates ? `; ${history.duplicates} duplicate rows left out` : '') +
      (history.skipped.length ? `; ${history.skipped.length} invalid rows left out (--skip-invalid)` : ''),
  );
  log(`cross-validating over ${folds} folds, then training on every row…`);
  const { model, manifest } = trainShopModel(history, { file: args.from.map((f) => basename(f)).join(' + '), sha256: sha256Files(args.from) }, { folds });
  const cv = manifest.crossValidation;
  const width = Math.min(40, Math.max(...cv.perCategory.map((c) => c.label.length), 8));
  for (const c of [...cv.perCategory].sort((a, b) => a.f1 - b.f1))
    log(
      `  ${c.label.slice(0, width).padEnd(width)}  F1 ${c.f1.toFixed(2)}  precision ${c.precision.toFixed(2)}  recall ${c.recall.toFixed(2)}  rows ${c.support}`,
    );
  if (cv.fewRows.length) log(`fewer than 10 rows, so their figures are shaky: ${cv.fewRows.join(', ')}`);
  for (const c of cv.confusions.slice(0, 5)) log(`  mixed up: ${c.truth} → ${c.predicted} (${c.count}×)`);
  let dir: string;
  try {
    dir = writeModelDir(args.out, model, manifest, { overwriteShipped: args.overwriteShipped });
  } catch (err) {
    return refuse(fail, (err as Error).message);
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log(`cross-validated accuracy ${(cv.accuracy * 100).toFixed(1)}%, macro-F1 ${cv.macroF1.toFixed(3)}; model written to ${dir} in ${seconds} s`);
  log(JSON.stringify({ out: dir, seconds, ...cv }));
  return 0;
}

function refuse(fail: (line: string) => void, message: string): number {
  fail(message);
  return 2;
}
