import { zValidator } from '@hono/zod-validator';
import { badRequest } from '../../shared/http/validation.js';
import type { Hono } from 'hono';
import * as z from 'zod';
import { requireRole, type AuthEnv } from '../../shared/auth/middleware.js';
import { ValidationError, type CannedReplyStore } from '../../shared/domain/index.js';
import { createCannedReply, listCannedReplies, updateCannedReply } from '../../shared/use-cases/canned-replies.js';

/**
 * The shop's canned replies (stable interface, docs/DESIGN.md): everyone reads them, supervisors write them. A body
 * with an unknown placeholder or unbalanced braces is a 400 that says which.
 */
export function registerCannedReplyRoutes(app: Hono<AuthEnv>, store: CannedReplyStore): void {
  app.get(
    '/api/canned-replies',
    zValidator('query', z.object({ language: z.string().max(8).optional(), category: z.string().max(80).optional() }), badRequest),
    async (c) => c.json({ cannedReplies: await listCannedReplies(store, c.req.valid('query')) }),
  );
  app.post('/api/canned-replies', requireRole('supervisor'), async (c) =>
    c.json({ cannedReply: await createCannedReply(store, { reply: await jsonBody(c.req.raw), by: c.get('agent').sub }) }, 201),
  );
  app.put('/api/canned-replies/:id', requireRole('supervisor'), async (c) => {
    const body = await jsonBody(c.req.raw);
    const version = z.object({ version: z.number().int().min(1) }).safeParse(body);
    if (!version.success) throw new ValidationError('give the version you read: { "version": n, … }', version.error.issues);
    return c.json({
      cannedReply: await updateCannedReply(store, { id: c.req.param('id'), reply: body, version: version.data.version, by: c.get('agent').sub }),
    });
  });
  app.delete('/api/canned-replies/:id', requireRole('supervisor'), async (c) => {
    await store.deleteCannedReply(c.req.param('id'));
    return c.body(null, 204);
  });
}

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError('the body is not JSON');
  }
}
