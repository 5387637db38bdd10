import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { zValidator } from '@hono/zod-validator';
import { badRequest } from '../../shared/http/validation.js';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { requireAgent, requireRole, tokenVerifier, type AuthEnv, type AuthSource } from '../../shared/auth/middleware.js';
import { rememberAgent } from '../../shared/auth/remember-agent.js';
import {
  categorySchema,
  channelSchema,
  DEFAULT_TEMPLATES,
  prioritySchema,
  threadStatusSchema,
  type AgentDirectory,
  type BlobStore,
  type EventPublisher,
  type MessageTemplate,
  type SendJobPublisher,
  type CannedReplyStore,
  type SettingsStore,
  type ThreadStore,
} from '../../shared/domain/index.js';
import { registerCannedReplyRoutes } from './canned-reply-routes.js';
import type { TrainingDeps } from '../../shared/use-cases/triage-model.js';
import { registerModelRoutes, UPLOAD_BODY_MAX_BYTES, UPLOAD_PATH } from './model-routes.js';
import { correlatedEvents, correlatedJobs, correlation } from '../../shared/observability/correlation.js';
import { recordDraftReview } from '../../shared/observability/metrics.js';
import { limitBody, REQUEST_BODY_MAX_BYTES } from '../../shared/http/body-limits.js';
import { errorHandler } from '../../shared/http/on-error.js';
import { boundedPathIds } from '../../shared/http/path-ids.js';
import { countWorklist, getThreadDetail, listWorklist } from '../../shared/use-cases/read-threads.js';
import { retriageThread } from '../../shared/use-cases/retriage.js';
import { knownAgents } from '../../shared/use-cases/known-agents.js';
import { addNote, assignThread, moveThread } from '../../shared/use-cases/work-thread.js';
import { triageReport } from '../../shared/use-cases/triage-report.js';
import { approveDraft, rejectDraft } from '../../shared/use-cases/review-draft.js';
import { requestRedraft } from '../../shared/use-cases/redraft.js';
import type { LoginProvider } from './web/session.js';
import type { DirectoryEntry } from './web/views/context.js';
import { createWebApp } from './web/web-app.js';
import { MODEL_PREFIX, PublishedCategories } from '../../shared/triage/local/published-model.js';

export interface InboxApiDeps {
  store: ThreadStore;
  /** Everyone who used the API or the page with a valid token; a thread is assigned only to them or to `web.directory`. */
  agents: AgentDirectory;
  jobs: SendJobPublisher;
  /** Approved WhatsApp templates (WHATSAPP_TEMPLATES); the demo defaults otherwise. */
  templates?: MessageTemplate[];
  auth: AuthSource;
  logger: Logger;
  /** The inbound queue, where a request for a new draft goes to the triage worker. */
  events?: EventPublisher;
  /** Email bodies and attachments in the object store (the page shows and downloads them). */
  blobs?: BlobStore;
  /** How long the object store keeps mail parts and media (its lifecycle rule): the page names it when one is gone. */
  mailRetentionDays?: number;
  /** The agents' web page at `/`; without it only the JSON API is served. */
  web?: { login: LoginProvider; directory?: DirectoryEntry[]; presignDownloads?: boolean };
  /** DraftsApproved, DraftsEdited, DraftsRejected, recorded from each review's outcome; flushed by the Lambda entry once per invocation. */
  metrics?: Metrics;
  /** Settings supervisors write: the category definitions. */
  settings: SettingsStore;
  /** The shop's canned replies (supervisors write, agents read). */
  cannedReplies: CannedReplyStore;
  /** Training jobs and promotion (the model bucket and the training queue); without it, none. */
  training?: TrainingDeps;
}

const approveBody = z.object({
  version: z.number().int().min(1),
  text: z.string().max(100_000).optional(),
  template: z.object({ name: z.string().min(1), language: z.string().min(2), parameters: z.array(z.string().max(1000)).max(10).default([]) }).optional(),
});
const retriageBody = z.object({ category: categorySchema.optional(), priority: prioritySchema.optional() });
const rejectBody = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(1000) });

const listQuery = z.object({
  status: z.union([threadStatusSchema, z.literal('all')]).optional(),
  priority: prioritySchema.optional(),
  category: categorySchema.optional(),
  channel: channelSchema.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'language is a two- or three-letter code')
    .optional(),
  /** An agent's sub, `me`, or `none` for threads nobody has taken. */
  assignee: z.string().min(1).max(200).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

/**
 * The agents' JSON API (every `/api` route needs a bearer token) and, with `web`, their page. Send jobs and redraft
 * requests carry the correlation id of the request that made them; a review is counted when its write went through.
 */
export function createInboxApiApp(given: InboxApiDeps): Hono<AuthEnv> {
  // a correction goes to a category the model in use knows: the published model's, read from the bucket
  const categories = given.blobs ? new PublishedCategories(given.blobs, MODEL_PREFIX, { maxAgeMs: 300_000, logger: given.logger }) : undefined;
  const deps: InboxApiDeps = {
    ...given,
    jobs: correlatedJobs(given.jobs),
    events: given.events && correlatedEvents(given.events),
  };
  const app = new Hono<AuthEnv>();
  app.onError(errorHandler(deps.logger));
  app.use(correlation());
  const verify = tokenVerifier(deps.auth);
  // a history upload is the one larger body (gzipped by the page); every other request is small
  const [uploadLimit, requestLimit] = [limitBody(UPLOAD_BODY_MAX_BYTES), limitBody(REQUEST_BODY_MAX_BYTES)];
  app.use('/api/*', (c, next) => (c.req.path === UPLOAD_PATH ? uploadLimit(c, next) : requestLimit(c, next)));
  // the API's and the page's ids become table keys
  for (const path of ['/api/*', '/threads/*', '/ui/*']) app.use(path, boundedPathIds());
  app.use('/api/*', requireAgent(verify));
  const remember = rememberAgent(deps.agents, deps.logger);
  app.use('/api/*', remember);
  const agents = knownAgents(deps.agents, deps.web?.directory);

  app.get('/api/me', (c) => c.json(c.get('agent')));
  app.get(
    '/api/stats/triage',
    requireRole('supervisor'),
    zValidator('query', z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }), badRequest),
    async (c) => c.json(await triageReport(deps.store, c.req.valid('query').days)),
  );
  app.get('/api/templates', (c) => c.json({ templates: deps.templates ?? DEFAULT_TEMPLATES }));
  app.get('/api/threads', zValidator('query', listQuery, badRequest), async (c) =>
    c.json(await listWorklist(deps.store, c.get('agent'), c.req.valid('query'))),
  );
  app.get('/api/counts', async (c) => c.json(await countWorklist(deps.store, c.get('agent'))));
  app.get('/api/threads/:id', async (c) => c.json(await getThreadDetail(deps.store, c.req.param('id'), c.get('agent'))));
  app.post('/api/threads/:id/drafts/:draftId/approve', zValidator('json', approveBody, badRequest), async (c) => {
    const body = c.req.valid('json');
    const review = await approveDraft(
      { store: deps.store, jobs: deps.jobs, templates: deps.templates },
      { threadId: c.req.param('id'), draftId: c.req.param('draftId'), ...body, agent: c.get('agent') },
    );
    if (deps.metrics) recordDraftReview(deps.metrics, review);
    return c.json({ draft: review.draft });
  });
  app.post('/api/threads/:id/drafts/:draftId/reject', zValidator('json', rejectBody, badRequest), async (c) => {
    const body = c.req.valid('json');
    const review = await rejectDraft({ store: deps.store }, { threadId: c.req.param('id'), draftId: c.req.param('draftId'), ...body, agent: c.get('agent') });
    if (deps.metrics) recordDraftReview(deps.metrics, review);
    return c.json({ draft: review.draft });
  });
  app.post('/api/threads/:id/drafts/:draftId/redraft', async (c) => {
    if (!deps.events) throw new HTTPException(501, { message: 'new drafts are not available here' });
    await requestRedraft({ store: deps.store, events: deps.events }, { threadId: c.req.param('id'), draftId: c.req.param('draftId'), agent: c.get('agent') });
    return c.json({ status: 'requested' }, 202);
  });
  app.post('/api/threads/:id/assign', zValidator('json', z.object({ assignee: z.string().min(1).max(200).optional() }), badRequest), async (c) =>
    c.json({
      thread: await assignThread({ store: deps.store, agents }, { threadId: c.req.param('id'), assignee: c.req.valid('json').assignee, agent: c.get('agent') }),
    }),
  );
  app.post('/api/threads/:id/resolve', async (c) =>
    c.json({ thread: await moveThread(deps.store, { threadId: c.req.param('id'), action: 'resolve', agent: c.get('agent') }) }),
  );
  app.post('/api/threads/:id/reopen', async (c) =>
    c.json({ thread: await moveThread(deps.store, { threadId: c.req.param('id'), action: 'reopen', agent: c.get('agent') }) }),
  );
  app.post('/api/threads/:id/notes', zValidator('json', z.object({ text: z.string().trim().min(1).max(5000) }), badRequest), async (c) =>
    c.json({ note: await addNote(deps.store, { threadId: c.req.param('id'), text: c.req.valid('json').text, agent: c.get('agent') }) }, 201),
  );
  app.post('/api/threads/:id/triage', zValidator('json', retriageBody, badRequest), async (c) => {
    const thread = await retriageThread(deps.store, {
      threadId: c.req.param('id'),
      ...c.req.valid('json'),
      agent: c.get('agent'),
      categories: await categories?.current(),
    });
    return c.json({ thread });
  });
  registerModelRoutes(app, { settings: deps.settings, training: deps.training, categories });
  registerCannedReplyRoutes(app, deps.cannedReplies);
  if (deps.web) {
    app.route(
      '/',
      createWebApp({
        ...deps.web,
        store: deps.store,
        jobs: deps.jobs,
        events: deps.events,
        blobs: deps.blobs,
        mailRetentionDays: deps.mailRetentionDays,
        templates: deps.templates,
        categories,
        settings: deps.settings,
        training: deps.training,
        logger: deps.logger,
        metrics: deps.metrics,
        verify,
        remember,
        agents,
      }),
    );
  }
  return app;
}
