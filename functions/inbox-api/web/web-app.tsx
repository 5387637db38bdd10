import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import * as z from 'zod';
import type { AuthEnv } from '../../../shared/auth/middleware.js';
import type { Agent } from '../../../shared/auth/roles.js';
import {
  DEFAULT_CATEGORIES,
  type BlobStore,
  type EventPublisher,
  type MessageTemplate,
  type QueueStats,
  type SendJobPublisher,
  type SettingsStore,
  type ThreadStore,
} from '../../../shared/domain/index.js';
import { limitBody, LOGIN_BODY_MAX_BYTES, REQUEST_BODY_MAX_BYTES } from '../../../shared/http/body-limits.js';
import { knownError } from '../../../shared/http/on-error.js';
import type { KnownAgents } from '../../../shared/use-cases/known-agents.js';
import { countsFor, getThreadDetail, listWorklist, type ThreadDetail } from '../../../shared/use-cases/read-threads.js';
import { loadAssets } from './assets.js';
import { UPLOAD_BODY_MAX_BYTES } from '../model-routes.js';
import { MODEL_UPLOAD_PATH, registerModelPage } from './model-routes.js';
import type { TrainingDeps } from '../../../shared/use-cases/triage-model.js';
import { registerThreadActions } from './actions.js';
import { registerOriginalRoutes } from './originals.js';
import { dictionaries, pickLanguage, type Dictionary } from './i18n.js';
import { loginRoutes } from './login-routes.js';
import { toQueryString, worklistParamsSchema, worklistQuery, type WorklistParams } from './params.js';
import { requireSession, type LoginProvider } from './session.js';
import type { DirectoryEntry, PageContext } from './views/context.js';
import { AppShell } from './views/layout.js';
import { ThreadView, type Flash } from './views/thread.js';
import { FilterForm, ViewTabs, WorklistItems } from './views/worklist.js';

export interface WebDeps {
  store: ThreadStore;
  jobs: SendJobPublisher;
  /** The inbound queue: a request for a new draft goes to the triage worker. */
  events?: EventPublisher;
  /** Email bodies and attachments in the object store. */
  blobs?: BlobStore;
  /** How long the object store keeps them (its lifecycle rule): named when one is gone. */
  mailRetentionDays?: number;
  templates?: MessageTemplate[];
  login: LoginProvider;
  verify: (token: string) => Promise<Agent>;
  /** Writes the signed-in agent's profile (once per instance); runs after the session check. */
  remember: MiddlewareHandler<AuthEnv>;
  /** Who a thread may be assigned to. */
  agents: KnownAgents;
  /** Send downloads to a presigned object-store URL when the store makes them (default; Lambda responses are capped at 6 MB). */
  presignDownloads?: boolean;
  /** Known agents (names for subs, the supervisor's assign list). */
  directory?: DirectoryEntry[];
  /** The categories agents choose from (the published model's); the defaults without it. */
  categories?: { now(): readonly string[]; current(): Promise<readonly string[]>; invalidate?(): void };
  /** The category definitions supervisors write on the Model page. */
  settings: SettingsStore;
  /** Training and promotion from the Model page; without it, only the categories. */
  training?: TrainingDeps;
  logger: Logger;
  /** DraftsApproved, DraftsEdited, DraftsRejected from the page's reviews. */
  metrics?: Metrics;
  now?: () => Date;
}

const COUNTS_TTL_MS = 15_000;

/**
 * The agents' web page, server-rendered with Hono JSX: every string a customer wrote goes through JSX escaping,
 * the page carries no inline script, and the CSP allows scripts from this origin only. A small script
 * (assets/app.js) adds keys, live updates and in-place actions; without it every form still works.
 */
export function createWebApp(deps: WebDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const assets = loadAssets();
  const now = deps.now ?? (() => new Date());
  // one read of the open queue serves every agent's counts for a while (it reads every open thread)
  let stats: { at: number; value: Promise<QueueStats> } | undefined;
  const queueStats = () => {
    if (!stats || Date.now() - stats.at > COUNTS_TTL_MS) {
      const value = deps.store.openQueueStats(now());
      stats = { at: Date.now(), value };
      value.catch(() => (stats = undefined));
    }
    return stats.value;
  };

  const formAction = ["'self'", ...(deps.login.kind === 'cognito' ? [new URL(deps.login.domain).origin] : [])];
  // the page's paths only: this app is mounted beside the JSON API and, locally, the webhooks
  const pagePaths = ['/', '/threads/*', '/model', '/ui/*', '/login', '/logout', '/auth/*', '/assets/*'];
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameSrc: ["'self'"],
      formAction,
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
  });
  // files (attachments, media) carry their own stricter policy: a download that is sandboxed should it ever render
  for (const path of pagePaths) app.use(path, (c, next) => (/^\/ui\/threads\/[^/]+\/messages\//.test(c.req.path) ? next() : pageHeaders(c, next)));
  // a form post from another site is refused by its Origin, on top of the SameSite cookie
  const publicOrigin = deps.login.kind === 'cognito' && deps.login.publicUrl ? new URL(deps.login.publicUrl).origin : undefined;
  for (const path of pagePaths) {
    app.use(path, csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));
    app.use(path, async (c, next) => {
      await next();
      if (c.res.headers.get('content-type')?.startsWith('text/html')) c.res.headers.set('cache-control', 'no-store');
    });
  }

  app.use('/login', limitBody(LOGIN_BODY_MAX_BYTES));
  // a history upload is the page's one larger body (the script gzips it; a plain form sends it as it is)
  const [uploadLimit, formLimit] = [limitBody(UPLOAD_BODY_MAX_BYTES), limitBody(REQUEST_BODY_MAX_BYTES)];
  app.use('/ui/*', (c, next) => (c.req.path === MODEL_UPLOAD_PATH ? uploadLimit(c, next) : formLimit(c, next)));

  app.get(assets.script, (c) =>
    c.body(assets.scriptBody, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' }),
  );
  app.get(assets.style, (c) =>
    c.body(assets.styleBody, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' }),
  );
  app.route('/', loginRoutes({ login: deps.login, verify: deps.verify, style: assets.style, language }));

  const guarded = new Hono<AuthEnv>();
  for (const path of ['/', '/threads/*', '/model', '/ui/*']) guarded.use(path, requireSession(deps.verify), deps.remember);

  guarded.get('/', (c) => page(c));
  guarded.get('/threads/:id', (c) => page(c, c.req.param('id')));
  guarded.get('/ui/worklist', async (c) => {
    const { ctx, params } = contextOf(c);
    const html = String(await worklistFragment(ctx, params, c.req.query('selected')));
    const etag = `"${hash(html)}"`;
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag });
    return c.html(html, 200, { etag });
  });
  guarded.get('/ui/counts', async (c) => {
    const { ctx, params } = contextOf(c);
    return c.html(<ViewTabs ctx={ctx} params={params} counts={countsFor(await queueStats(), ctx.agent)} />);
  });
  guarded.get('/ui/threads/:id', async (c) => {
    const { ctx } = contextOf(c);
    const loaded = await tryLoadThread(c.req.param('id'), ctx.agent);
    if ('error' in loaded)
      return c.html(
        <p class="flash error" role="alert">
          {loaded.error}
        </p>,
        loaded.status,
      );
    return c.html(<ThreadView ctx={ctx} thread={loaded.thread} />);
  });
  registerOriginalRoutes(guarded, deps, { language, loadThread });
  registerThreadActions(guarded, deps, { contextOf, tryLoadThread });
  registerModelPage(guarded, deps, contextOf);

  app.route('/', guarded);
  return app;

  function language(c: Context): { lang: 'nl' | 'en'; t: Dictionary } {
    const lang = pickLanguage(c.req.query('lang'), getCookie(c, 'balie_lang'), c.req.header('accept-language'));
    if (c.req.query('lang') === lang) setCookie(c, 'balie_lang', lang, { path: '/', sameSite: 'Lax', maxAge: 365 * 86_400 });
    return { lang, t: dictionaries[lang] };
  }

  function contextOf(c: Context<AuthEnv>): { ctx: PageContext; params: WorklistParams } {
    const params = worklistParamsSchema.parse(c.req.query());
    const { lang, t } = language(c);
    const agent = c.get('agent');
    const directory = deps.directory ?? [];
    const names = new Map([...directory.map((d) => [d.sub, d.name] as const), [agent.sub, agent.name]]);
    const ctx: PageContext = {
      agent,
      t,
      lang,
      now: now(),
      listQuery: toQueryString(params),
      directory: directory.some((d) => d.sub === agent.sub) ? directory : [{ sub: agent.sub, name: agent.name }, ...directory],
      nameOf: (sub) => names.get(sub) ?? sub,
      assets: { script: assets.script, style: assets.style },
      categories: deps.categories?.now() ?? DEFAULT_CATEGORIES,
    };
    return { ctx, params };
  }

  async function page(c: Context<AuthEnv>, threadId?: string) {
    const { ctx, params } = contextOf(c);
    const [list, loaded] = await Promise.all([worklistFragment(ctx, params, threadId), threadId ? tryLoadThread(threadId, ctx.agent) : undefined]);
    const thread = loaded && 'thread' in loaded ? loaded.thread : undefined;
    const done = z.enum(Object.keys(ctx.t.done) as [keyof Dictionary['done']]).safeParse(c.req.query('done'));
    const flash: Flash | undefined = done.success ? { kind: 'ok', text: ctx.t.done[done.data] } : undefined;
    const status = loaded && 'error' in loaded ? loaded.status : 200;
    return c.html(
      <AppShell ctx={ctx} hasThread={!!thread}>
        <main class="split">
          <section id="worklist" aria-label={ctx.t.worklist} data-query={toQueryString(params, params.cursor ? { cursor: params.cursor } : {})}>
            <div id="view-tabs">
              <ViewTabs ctx={ctx} params={params} />
            </div>
            <FilterForm ctx={ctx} params={params} />
            <div id="worklist-items">{list}</div>
          </section>
          <section id="thread-panel" aria-live="polite">
            {thread ? (
              <ThreadView ctx={ctx} thread={thread} flash={flash} />
            ) : loaded && 'error' in loaded ? (
              <p class="flash error" role="alert">
                {loaded.error}
              </p>
            ) : (
              <p class="empty pick">{ctx.t.pickThread}</p>
            )}
          </section>
        </main>
      </AppShell>,
      status,
    );
  }

  async function worklistFragment(ctx: PageContext, params: WorklistParams, selectedId?: string) {
    const { q, ...query } = worklistQuery(params, ctx.now);
    const page = await listWorklist(deps.store, ctx.agent, { ...query, q });
    const nextHref = page.nextCursor ? `/${toQueryString(params, { cursor: page.nextCursor })}` : undefined;
    return <WorklistItems ctx={ctx} threads={page.threads} selectedId={selectedId} nextHref={nextHref} />;
  }

  function loadThread(threadId: string, agent: Agent): Promise<ThreadDetail> {
    return getThreadDetail(deps.store, threadId, agent);
  }

  /** A thread that is gone or now a colleague's is a message in the page, not an error page. */
  async function tryLoadThread(threadId: string, agent: Agent): Promise<{ thread: ThreadDetail } | { error: string; status: 403 | 404 }> {
    try {
      return { thread: await loadThread(threadId, agent) };
    } catch (err) {
      const known = err instanceof Error ? knownError(err) : undefined;
      if (known?.status === 403 || known?.status === 404) return { error: (err as Error).message, status: known.status };
      throw err;
    }
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}
