import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareHandler } from 'hono';
import type { AgentDirectory } from '../domain/index.js';
import type { AuthEnv } from './middleware.js';

/**
 * After the token was accepted: the agent's profile goes into the directory, once per instance for each sub, name
 * and role (a changed name or role is written again). A failed write is logged and tried on the next request; it
 * never fails the agent's own request.
 */
export function rememberAgent(directory: AgentDirectory, logger: Logger, now: () => Date = () => new Date()): MiddlewareHandler<AuthEnv> {
  const remembered = new Set<string>();
  return async (c, next) => {
    const { sub, name, role } = c.get('agent');
    const seen = JSON.stringify([sub, name, role]);
    if (!remembered.has(seen)) {
      try {
        await directory.rememberAgent({ sub, name, role, lastSeenAt: now().toISOString() });
        remembered.add(seen);
      } catch (err) {
        logger.warn('could not remember the agent', { error: err as Error });
      }
    }
    await next();
  };
}
