import * as z from 'zod';
import { categorySchema, channelSchema, prioritySchema, type ThreadQuery } from '../../../shared/domain/index.js';

export const WORKLIST_VIEWS = ['open', 'mine', 'unassigned', 'awaiting', 'overdue', 'closed'] as const;
export const PRIORITIES = prioritySchema.options;
export const CHANNELS = channelSchema.options;

/** Anything unknown in the address bar is dropped rather than refused: a stale bookmark still opens the inbox. */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const worklistParamsSchema = z.object({
  view: z.enum(WORKLIST_VIEWS).catch('open').default('open'),
  q: lenient(z.string().trim().max(200)),
  priority: lenient(prioritySchema),
  category: lenient(categorySchema),
  channel: lenient(channelSchema),
  language: lenient(z.string().regex(/^[a-z]{2,3}$/)),
  assignee: lenient(z.string().min(1).max(200)),
  cursor: lenient(z.string().max(2048)),
});
export type WorklistParams = z.infer<typeof worklistParamsSchema>;

export const PAGE_SIZE = 25;

/** The store query for a view and its filters (visibility is added by the use case). */
export function worklistQuery(params: WorklistParams, now: Date): ThreadQuery & { q?: string } {
  const byView: Partial<ThreadQuery> = {
    open: {},
    mine: { assignee: 'me' },
    unassigned: { assignee: 'none' },
    awaiting: { status: 'awaiting_approval' as const },
    overdue: { dueBefore: now.toISOString() },
    closed: { status: 'closed' as const },
  }[params.view];
  return {
    ...byView,
    priority: params.priority,
    category: params.category,
    channel: params.channel,
    language: params.language,
    assignee: params.assignee ?? byView.assignee,
    q: params.q || undefined,
    cursor: params.cursor,
    limit: PAGE_SIZE,
  };
}

/** The filters as a query string (without the cursor), so links keep the agent's view. */
export function toQueryString(params: WorklistParams, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...params, cursor: undefined, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  if (entries.length === 1 && entries[0]![0] === 'view' && entries[0]![1] === 'open') return '';
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}
