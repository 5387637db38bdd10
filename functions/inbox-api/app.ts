import type { Logger } from '@aws-lambda-powertools/logger';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireAgent, type AuthEnv, type AuthSource } from '../../shared/auth/middleware.js';
import { categorySchema, channelSchema, prioritySchema, threadStatusSchema, ValidationError, type ThreadStore } from '../../shared/domain/index.js';
import { errorHandler } from '../../shared/http/on-error.js';
import { getThreadDetail } from '../../shared/use-cases/read-threads.js';

export interface InboxApiDeps {
  store: ThreadStore;
  auth: AuthSource;
  logger: Logger;
}

const listQuery = z.object({
  status: z.union([threadStatusSchema, z.literal('all')]).optional(),
  priority: prioritySchema.optional(),
  category: categorySchema.optional(),
  channel: channelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

const badRequest = (result: { success: true } | { success: false; error: { issues: unknown } }) => {
  if (!result.success) throw new ValidationError('invalid query', result.error.issues);
};

/** The agents' JSON API. Every route needs a bearer token. */
export function createInboxApiApp(deps: InboxApiDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.onError(errorHandler(deps.logger));
  app.use('/api/*', requireAgent(deps.auth));

  app.get('/api/me', (c) => c.json(c.get('agent')));
  app.get('/api/threads', zValidator('query', listQuery, badRequest), async (c) => c.json(await deps.store.listThreads(c.req.valid('query'))));
  app.get('/api/threads/:id', async (c) => c.json(await getThreadDetail(deps.store, c.req.param('id'))));
  return app;
}
