import { gunzipSync } from 'node:zlib';
import { zValidator } from '@hono/zod-validator';
import { badRequest } from '../../shared/http/validation.js';
import type { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { requireRole, type AuthEnv } from '../../shared/auth/middleware.js';
import { ValidationError, type SettingsStore } from '../../shared/domain/index.js';
import { readCategoryDefinitions, saveCategoryDefinitions } from '../../shared/use-cases/category-definitions.js';
import { MAX_HISTORY_BYTES, modelOverview, promoteJob, requestRetrain, startTraining, type TrainingDeps } from '../../shared/use-cases/triage-model.js';

/** An upload's largest request body: API Gateway hands Lambda at most 6 MB. The page gzips a history first. */
export const UPLOAD_BODY_MAX_BYTES = 4 * 1024 * 1024;
export const UPLOAD_PATH = '/api/models/jobs';

export interface ModelRouteDeps {
  settings: SettingsStore;
  /** Without a bucket and a training queue there is no training here (501). */
  training?: TrainingDeps;
  /** The categories of the model in use. */
  categories?: { current(): Promise<readonly string[]>; invalidate?(): void };
}

/**
 * The shop's categories and its triage model, for the supervisors' Model page and for tools: category definitions
 * (everyone reads, supervisors write), training jobs from an uploaded history, promotion, and a retrain on demand.
 */
export function registerModelRoutes(app: Hono<AuthEnv>, deps: ModelRouteDeps): void {
  const training = () => {
    if (!deps.training) throw new HTTPException(501, { message: 'training is not available here: it needs the model bucket and the training queue' });
    return deps.training;
  };
  app.get('/api/categories', async (c) =>
    c.json({ ...(await readCategoryDefinitions(deps.settings)), model: { categories: (await deps.categories?.current()) ?? null } }),
  );
  app.put(
    '/api/categories',
    requireRole('supervisor'),
    zValidator('json', z.object({ categories: z.unknown(), version: z.number().int().min(0) }), badRequest),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await saveCategoryDefinitions(deps.settings, { categories: body.categories, version: body.version, by: c.get('agent').sub }));
    },
  );
  app.get('/api/models', requireRole('supervisor'), async (c) => c.json(await modelOverview(training())));
  app.post(
    UPLOAD_PATH,
    requireRole('supervisor'),
    zValidator(
      'query',
      z.object({ filename: z.string().trim().min(1).max(200), textColumn: z.string().max(100).optional(), labelColumn: z.string().max(100).optional() }),
      badRequest,
    ),
    async (c) => {
      const query = c.req.valid('query');
      const bytes = unpacked(new Uint8Array(await c.req.arrayBuffer()), c.req.header('content-encoding'));
      const job = await startTraining(training(), { ...query, bytes, agent: c.get('agent') });
      return c.json({ job }, 202);
    },
  );
  app.get('/api/models/jobs/:id', requireRole('supervisor'), async (c) => c.json({ job: await training().jobs.get(c.req.param('id')) }));
  app.post('/api/models/jobs/:id/promote', requireRole('supervisor'), async (c) => {
    const job = await promoteJob(training(), { jobId: c.req.param('id'), agent: c.get('agent') });
    // this instance offers the new categories at once; others within their cache's age (5 minutes)
    deps.categories?.invalidate?.();
    return c.json({ job });
  });
  app.post('/api/models/retrain', requireRole('supervisor'), async (c) => c.json({ job: await requestRetrain(training(), c.get('agent')) }, 202));
}

/** A gzipped upload unpacked, up to the largest history; anything else as it came. */
export function unpacked(body: Uint8Array, encoding: string | undefined): Uint8Array {
  if (!encoding || encoding === 'identity') return body;
  if (encoding !== 'gzip') throw new HTTPException(415, { message: `content-encoding ${encoding} is not taken; send the file as it is, or gzip it` });
  try {
    return gunzipSync(body, { maxOutputLength: MAX_HISTORY_BYTES + 1 });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ValidationError(`the history is larger than ${MAX_HISTORY_BYTES / 1024 / 1024} MB unpacked: split it, or keep the newest rows`);
    throw new ValidationError('the upload says it is gzip, but it cannot be unpacked');
  }
}
