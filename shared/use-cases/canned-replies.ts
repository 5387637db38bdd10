import { randomBytes } from 'node:crypto';
import { cannedReplyInputSchema, NotFoundError, ValidationError, type CannedReply, type CannedReplyStore } from '../domain/index.js';

/** The canned replies, by language then title; only those of a language or category when asked. */
export async function listCannedReplies(store: CannedReplyStore, filter: { language?: string; category?: string } = {}): Promise<CannedReply[]> {
  return (await store.listCannedReplies())
    .filter((r) => !filter.language || r.language === filter.language)
    .filter((r) => !filter.category || r.category === filter.category)
    .sort((a, b) => a.language.localeCompare(b.language) || a.title.localeCompare(b.title));
}

function parsed(input: unknown) {
  const result = cannedReplyInputSchema.safeParse(input);
  if (!result.success) throw new ValidationError('the canned reply cannot be saved', result.error.issues);
  return result.data;
}

/** A supervisor adds one: checked (placeholders, braces, lengths), then stored under a new id. */
export async function createCannedReply(store: CannedReplyStore, input: { reply: unknown; by: string }, now = new Date()): Promise<CannedReply> {
  const reply: CannedReply = {
    ...parsed(input.reply),
    id: `cr_${now.getTime().toString(36)}${randomBytes(4).toString('hex')}`,
    version: 1,
    updatedAt: now.toISOString(),
    updatedBy: input.by,
  };
  await store.putCannedReply(reply, 0);
  return reply;
}

/** A supervisor changes one with the version they read: ConflictError when someone changed it since, NotFoundError when it is gone. */
export async function updateCannedReply(
  store: CannedReplyStore,
  input: { id: string; reply: unknown; version: number; by: string },
  now = new Date(),
): Promise<CannedReply> {
  const fields = parsed(input.reply);
  if (!(await store.getCannedReply(input.id))) throw new NotFoundError(`no canned reply ${input.id}`);
  const reply: CannedReply = { ...fields, id: input.id, version: input.version + 1, updatedAt: now.toISOString(), updatedBy: input.by };
  await store.putCannedReply(reply, input.version);
  return reply;
}
