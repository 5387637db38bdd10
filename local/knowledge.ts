import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../shared/domain/index.js';

/**
 * Puts the markdown articles of `dir` under `prefix` in the local bucket when no article is there yet, so the local
 * bucket starts as an operator's does after uploading them (README, step 6), and triage reads them from the bucket
 * exactly as it does in AWS. Idempotent: a later start leaves what is under the prefix alone (articles added or
 * edited in the bucket stay). Answers how many it put.
 */
export async function seedKnowledgeArticles(blobs: BlobStore, prefix: string, dir: string): Promise<number> {
  if ((await blobs.list(prefix)).some((key) => key.endsWith('.md'))) return 0;
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  await Promise.all(files.map(async (file) => blobs.put(`${prefix}${file}`, await readFile(join(dir, file)), 'text/markdown; charset=utf-8')));
  return files.length;
}
