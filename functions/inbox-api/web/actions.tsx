import type { Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import type { AuthEnv } from '../../../shared/auth/middleware.js';
import type { Agent } from '../../../shared/auth/roles.js';
import { categorySchema, prioritySchema, type MessageTemplate } from '../../../shared/domain/index.js';
import { knownError } from '../../../shared/http/on-error.js';
import type { ThreadDetail } from '../../../shared/use-cases/read-threads.js';
import { requestRedraft } from '../../../shared/use-cases/redraft.js';
import { retriageThread } from '../../../shared/use-cases/retriage.js';
import { recordDraftReview } from '../../../shared/observability/metrics.js';
import { approveDraft, rejectDraft, type Review } from '../../../shared/use-cases/review-draft.js';
import { addNote, assignThread, moveThread } from '../../../shared/use-cases/work-thread.js';
import type { Dictionary } from './i18n.js';
import { isFragmentRequest } from './session.js';
import type { PageContext } from './views/context.js';
import { AppShell } from './views/layout.js';
import { ThreadView, type Flash } from './views/thread.js';
import type { WebDeps } from './web-app.js';

export interface ActionHelpers {
  contextOf(c: Context<AuthEnv>): { ctx: PageContext };
  tryLoadThread(threadId: string, agent: Agent): Promise<{ thread: ThreadDetail } | { error: string; status: 403 | 404 }>;
}

/**
 * What the page posts about a thread (from a form, or from the script with `x-balie-fragment`): each action runs
 * its use case and answers the re-rendered thread with a flash and the outcome's status (409 says who approved
 * first); a plain form post that succeeded is redirected (303) to the thread.
 */
export function registerThreadActions(app: Hono<AuthEnv>, deps: WebDeps, helpers: ActionHelpers): void {
  const versionField = z.coerce.number().int().min(1);
  // the page's reviews count like the JSON API's: from the use case's answer, only when its write went through
  const counted = (review: Review) => {
    if (deps.metrics) recordDraftReview(deps.metrics, review);
    return review;
  };
  const actions: Record<string, { schema: z.ZodType; run: (c: Context<AuthEnv>, body: never) => Promise<unknown>; done: keyof Dictionary['done'] }> = {
    approve: {
      schema: z.object({
        version: versionField,
        text: z
          .string()
          .max(100_000)
          .refine((t) => t.trim() !== '', 'the reply is empty')
          .optional(),
        template: z.string().max(600).optional(),
        // one per line: a parameter may hold a comma ("Amsterdam, NL", "€ 12,50")
        parameters: z
          .string()
          .max(10_000)
          .refine((p) => p.split(/\r?\n/).length <= 10, 'at most 10 parameters')
          .optional(),
      }),
      done: 'approved',
      run: (c, body: { version: number; text?: string; template?: string; parameters?: string }) => {
        const [name, language] = (body.template ?? '').split('|');
        const parameters = (body.parameters ?? '')
          .split(/\r?\n/)
          .map((p) => p.trim())
          .filter(Boolean);
        const template = name && language ? { name, language, parameters } : undefined;
        const text = body.text?.replace(/\r\n/g, '\n');
        return approveDraft(
          { store: deps.store, jobs: deps.jobs, templates: deps.templates },
          {
            threadId: c.req.param('id')!,
            draftId: c.req.param('draftId')!,
            version: body.version,
            text: template ? undefined : text,
            template,
            agent: c.get('agent'),
          },
        ).then(counted);
      },
    },
    reject: {
      schema: z.object({ version: versionField, reason: z.string().trim().min(1).max(1000) }),
      done: 'rejected',
      run: (c, body: { version: number; reason: string }) =>
        rejectDraft({ store: deps.store }, { threadId: c.req.param('id')!, draftId: c.req.param('draftId')!, ...body, agent: c.get('agent') }).then(counted),
    },
    regenerate: {
      schema: z.object({}),
      done: 'regenerating',
      run: (c) => {
        if (!deps.events) throw new HTTPException(501, { message: 'new drafts are not available here' });
        return requestRedraft(
          { store: deps.store, events: deps.events },
          { threadId: c.req.param('id')!, draftId: c.req.param('draftId')!, agent: c.get('agent') },
        );
      },
    },
    triage: {
      schema: z.object({ category: categorySchema.optional(), priority: prioritySchema.optional() }),
      done: 'retriaged',
      run: async (c, body: { category?: z.infer<typeof categorySchema>; priority?: z.infer<typeof prioritySchema> }) =>
        retriageThread(deps.store, { threadId: c.req.param('id')!, ...body, agent: c.get('agent'), categories: await deps.categories?.current() }),
    },
    assign: {
      schema: z.object({ assignee: z.string().min(1).max(200).optional() }),
      done: 'assigned',
      run: (c, body: { assignee?: string }) =>
        assignThread({ store: deps.store, agents: deps.agents }, { threadId: c.req.param('id')!, assignee: body.assignee, agent: c.get('agent') }),
    },
    resolve: {
      schema: z.object({}),
      done: 'resolved',
      run: (c) => moveThread(deps.store, { threadId: c.req.param('id')!, action: 'resolve', agent: c.get('agent') }),
    },
    reopen: {
      schema: z.object({}),
      done: 'reopened',
      run: (c) => moveThread(deps.store, { threadId: c.req.param('id')!, action: 'reopen', agent: c.get('agent') }),
    },
    notes: {
      schema: z.object({ text: z.string().trim().min(1).max(5000) }),
      done: 'noted',
      run: (c, body: { text: string }) => addNote(deps.store, { threadId: c.req.param('id')!, text: body.text, agent: c.get('agent') }),
    },
  };
  for (const [name, action] of Object.entries(actions)) {
    const path = ['approve', 'reject', 'regenerate'].includes(name) ? `/ui/threads/:id/drafts/:draftId/${name}` : `/ui/threads/:id/${name}`;
    app.post(path, async (c) => {
      const { ctx } = helpers.contextOf(c);
      const threadId = c.req.param('id')!;
      // an emptied reply must be refused, not read as "no edit": `text` is kept even when blank
      const form = Object.fromEntries(
        Object.entries(await c.req.parseBody()).filter((e): e is [string, string] => typeof e[1] === 'string' && (e[1] !== '' || e[0] === 'text')),
      );
      const parsed = action.schema.safeParse(form);
      let flash: Flash;
      let status: 200 | 400 | 403 | 404 | 409 | 422 = 200;
      let templates: MessageTemplate[] | undefined;
      if (!parsed.success) {
        flash = { kind: 'error', text: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
        status = 400;
      } else {
        try {
          await action.run(c, parsed.data as never);
          flash = { kind: 'ok', text: ctx.t.done[action.done] };
        } catch (err) {
          const known = err instanceof Error ? knownError(err) : undefined;
          if (!known || known.status >= 500) throw err;
          flash = { kind: 'error', text: (err as Error).message };
          status = known.status as typeof status;
          templates = (known.details as { templates?: MessageTemplate[] } | undefined)?.templates;
        }
      }
      if (!isFragmentRequest(c) && status === 200) return c.redirect(`/threads/${encodeURIComponent(threadId)}?done=${action.done}`, 303);
      // a thread assigned away meanwhile (a supervisor's reassign) leaves just the message
      const loaded = await helpers.tryLoadThread(threadId, ctx.agent);
      const thread = 'thread' in loaded ? loaded.thread : undefined;
      const panel = thread ? <ThreadView ctx={ctx} thread={thread} flash={flash} templates={templates} /> : <p class={`flash ${flash.kind}`}>{flash.text}</p>;
      if (isFragmentRequest(c)) return c.html(panel, status);
      return c.html(
        <AppShell ctx={ctx} hasThread>
          {<section id="thread-panel">{panel}</section>}
        </AppShell>,
        status,
      );
    });
  }
}
