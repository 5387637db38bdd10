import type { Context, Hono } from 'hono';
import * as z from 'zod';
import type { AuthEnv } from '../../../shared/auth/middleware.js';
import { HTTPException } from 'hono/http-exception';
import { ValidationError, type SettingsStore } from '../../../shared/domain/index.js';
import { knownError } from '../../../shared/http/on-error.js';
import { readCategoryDefinitions, saveCategoryDefinitions } from '../../../shared/use-cases/category-definitions.js';
import { modelOverview, promoteJob, requestRetrain, startTraining, type TrainingDeps } from '../../../shared/use-cases/triage-model.js';
import { unpacked } from '../model-routes.js';
import type { PageContext } from './views/context.js';
import { AppShell } from './views/layout.js';
import { ModelPage, TrainingJobs, type ModelFlash } from './views/model.js';

export const MODEL_UPLOAD_PATH = '/ui/model/upload';

export interface ModelPageDeps {
  settings: SettingsStore;
  training?: TrainingDeps;
  categories?: { current(): Promise<readonly string[]>; invalidate?(): void };
}

/**
 * The supervisors' Categories and model page (`/model`): the category definitions as one form, the history upload,
 * the training runs with their reports, promotion and retrain. Every form works without the script (303 back to the
 * page with what happened); the script gzips the upload and refreshes the runs while one is under way.
 */
export function registerModelPage(app: Hono<AuthEnv>, deps: ModelPageDeps, contextOf: (c: Context<AuthEnv>) => { ctx: PageContext }): void {
  const done = z.enum(['saved', 'queued', 'promoted', 'retrain']);

  const render = async (c: Context<AuthEnv>, flash?: ModelFlash, status: 200 | 400 | 403 | 404 | 409 | 413 | 415 | 501 = 200) => {
    const { ctx } = contextOf(c);
    if (ctx.agent.role !== 'supervisor')
      return c.html(
        <AppShell ctx={ctx} hasThread={false} title={ctx.t.model.title}>
          <main class="model-page">
            <p class="flash error" role="alert">
              {ctx.t.model.supervisorsOnly}
            </p>
          </main>
        </AppShell>,
        403,
      );
    const [definitions, overview] = await Promise.all([readCategoryDefinitions(deps.settings), deps.training ? modelOverview(deps.training) : undefined]);
    const shown = done.safeParse(c.req.query('done'));
    return c.html(
      <AppShell ctx={ctx} hasThread={false} title={ctx.t.model.title}>
        <ModelPage
          ctx={ctx}
          definitions={definitions}
          overview={overview}
          flash={flash ?? (shown.success ? { kind: 'ok', text: ctx.t.model.done[shown.data] } : undefined)}
        />
      </AppShell>,
      status,
    );
  };

  /** Runs a supervisor's action: 303 back to the page on success, the page with the reason otherwise. */
  const act = (run: (c: Context<AuthEnv>) => Promise<z.infer<typeof done>>) => async (c: Context<AuthEnv>) => {
    if (c.get('agent').role !== 'supervisor') return render(c);
    try {
      return c.redirect(`/model?done=${await run(c)}`, 303);
    } catch (err) {
      const known = err instanceof HTTPException ? { status: err.status, details: undefined } : err instanceof Error ? knownError(err) : undefined;
      if (!known || (known.status >= 500 && known.status !== 501)) throw err;
      const details = Array.isArray(known.details) ? (known.details as Array<{ message: string }>) : [];
      const text = [(err as Error).message, ...details.map((d) => d.message)].join(': ');
      return render(c, { kind: 'error', text }, known.status as 400);
    }
  };
  const training = () => {
    if (!deps.training) throw new HTTPException(501, { message: 'training is not available here: it needs the model bucket and the training queue' });
    return deps.training;
  };

  app.get('/model', (c) => render(c));
  app.get('/ui/model/jobs', async (c) => {
    const { ctx } = contextOf(c);
    if (ctx.agent.role !== 'supervisor' || !deps.training) return c.body(null, 404);
    return c.html(<TrainingJobs ctx={ctx} overview={await modelOverview(deps.training)} />);
  });
  app.post(
    '/ui/model/categories',
    act(async (c) => {
      const form = await c.req.parseBody({ all: true });
      const list = (field: string) => [form[field] ?? []].flat().map((v) => (typeof v === 'string' ? v : ''));
      const [names, descriptions, examples] = [list('name'), list('description'), list('examples')];
      const categories = names
        .map((name, i) => ({
          name: name.trim(),
          description: (descriptions[i] ?? '').trim(),
          examples: (examples[i] ?? '')
            .split(/\r?\n/)
            .map((e) => e.trim())
            .filter(Boolean),
        }))
        .filter((d) => d.name);
      await saveCategoryDefinitions(deps.settings, { categories, version: Number(form.version ?? 0) || 0, by: c.get('agent').sub });
      return 'saved';
    }),
  );
  app.post(
    MODEL_UPLOAD_PATH,
    act(async (c) => {
      let file: { filename: string; bytes: Uint8Array; textColumn?: string; labelColumn?: string };
      if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
        const form = await c.req.parseBody();
        const upload = form.file;
        if (!(upload instanceof File) || upload.size === 0) throw new ValidationError('choose a history file first');
        file = {
          filename: upload.name,
          bytes: new Uint8Array(await upload.arrayBuffer()),
          textColumn: typeof form.textColumn === 'string' ? form.textColumn : undefined,
          labelColumn: typeof form.labelColumn === 'string' ? form.labelColumn : undefined,
        };
      } else {
        // the script's upload: the file itself, gzipped, its name and columns in the query
        file = {
          filename: c.req.query('filename') ?? '',
          bytes: unpacked(new Uint8Array(await c.req.arrayBuffer()), c.req.header('content-encoding')),
          textColumn: c.req.query('textColumn'),
          labelColumn: c.req.query('labelColumn'),
        };
      }
      await startTraining(training(), { ...file, agent: c.get('agent') });
      return 'queued';
    }),
  );
  app.post(
    '/ui/model/jobs/:id/promote',
    act(async (c) => {
      await promoteJob(training(), { jobId: c.req.param('id')!, agent: c.get('agent') });
      deps.categories?.invalidate?.();
      return 'promoted';
    }),
  );
  app.post(
    '/ui/model/retrain',
    act(async (c) => {
      await requestRetrain(training(), c.get('agent'));
      return 'retrain';
    }),
  );
}
