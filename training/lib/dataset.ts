import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { pathToFileURL } from 'node:url';
import { channelSchema, defaultCategorySchema as categorySchema, sentimentLabelSchema } from '../../shared/domain/index.js';

export const exampleSchema = z.object({
  text: z.string().min(1),
  subject: z.string().optional(),
  channel: z.string().default('email'),
  language: z.string(),
  category: categorySchema,
  sentiment: sentimentLabelSchema,
});
export type Example = z.infer<typeof exampleSchema>;

export const LABELLED_DIR = new URL('../data/labelled/', import.meta.url);
export const FEEDBACK_DIR = new URL('../data/feedback/', import.meta.url);
/** Messages written one by one by authors who never saw the generator or the evaluation set (data/written/README.md). */
export const WRITTEN_DIR = new URL('../data/written/', import.meta.url);

/** Every labelled example in the JSONL files of a folder (none when there is no folder); a bad line stops with its file and line number. */
export function loadExamples(dir: URL): Example[] {
  return loadJsonlDir(dir, exampleSchema);
}

export function loadExampleFile(path: string): Example[] {
  return loadJsonl(path, exampleSchema);
}

/** Every row of the JSONL files of a folder, sorted by file name, each checked against `schema`; none when there is no folder. */
export function loadJsonlDir<S extends z.ZodType>(dir: URL, schema: S): z.infer<S>[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((file) => loadJsonl(join(dir.pathname, file), schema));
}

/** The rows of one JSONL file, each checked against `schema`; a bad line stops with its file, line number and field. */
export function loadJsonl<S extends z.ZodType>(path: string, schema: S): z.infer<S>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
      return parsed.data;
    });
}

/** 15% held out for `npm run eval`, chosen by a hash of the text, so the split never changes between runs. */
export function isHeldOut(example: Example): boolean {
  return createHash('sha256').update(example.text).digest()[0]! < 0.15 * 256;
}

export function textOf(example: Pick<Example, 'text' | 'subject'>): string {
  return example.subject ? `${example.subject}\n${example.text}` : example.text;
}

/** A message of the independent evaluation set (training/eval/independent/README.md): never trained on for the shipped model. */
export const independentRowSchema = z.object({
  id: z.string(),
  language: z.string(),
  industry: z.string(),
  channel: channelSchema,
  subject: z.string().nullish(),
  text: z.string().min(1),
  category: categorySchema,
  sentiment: sentimentLabelSchema,
  urgent: z.boolean(),
  ambiguous: z.boolean().default(false),
  alt_category: categorySchema.nullish(),
});
export type IndependentRow = z.infer<typeof independentRowSchema>;

export const INDEPENDENT_DIR = 'training/eval/independent';

export function loadIndependentSet(dir = INDEPENDENT_DIR): IndependentRow[] {
  const rows = loadJsonlDir(pathToFileURL(`${dir.replace(/\/$/, '')}/`), independentRowSchema);
  if (rows.length === 0) throw new Error(`no JSONL rows in ${dir}`);
  return rows;
}
