import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore, CannedReplyStore } from '../shared/domain/index.js';
import { createCannedReply } from '../shared/use-cases/canned-replies.js';

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

/** The demo shop's canned replies (nl, en, de), written for the demo by a helper; supervisors edit them like any. */
export const DEMO_CANNED_REPLIES = new URL('./demo/canned-replies.json', import.meta.url);

/**
 * Puts the demo canned replies in the store when it has none, each checked as the API checks it. Idempotent: once
 * there is any canned reply, nothing is added (one deleted on purpose stays deleted). Answers how many it put.
 */
export async function seedCannedReplies(store: CannedReplyStore, file: URL = DEMO_CANNED_REPLIES): Promise<number> {
  if ((await store.listCannedReplies()).length > 0) return 0;
  const replies = JSON.parse(await readFile(file, 'utf8')) as unknown[];
  for (const reply of replies) await createCannedReply(store, { reply, by: 'demo' });
  return replies.length;
}
