import type { MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { ValidationError } from '../domain/errors.js';

/**
 * Every id in a path (thread, draft, message) ends up in a table key: `THREAD#<id>` as partition key (DynamoDB:
 * at most 2,048 bytes), `DRAFT#<id>` and index keys as sort key (at most 1,024 bytes). Our ids are a few dozen
 * bytes; 512 leaves room for every prefix, and matches the limit on the channels' ids at the webhooks.
 */
export const MAX_ID_BYTES = 512;

const pathSegment = z.string().refine((segment) => Buffer.byteLength(segment, 'utf8') <= MAX_ID_BYTES, `an id in the path is at most ${MAX_ID_BYTES} bytes`);
const pathSegments = z.array(pathSegment);

/**
 * One check for every route under the paths it guards, whatever its parameters are called: each path segment,
 * decoded, must fit a key. A longer one is a 400 before any handler (or the table) sees it.
 */
export function boundedPathIds(): MiddlewareHandler {
  return async (c, next) => {
    const parsed = pathSegments.safeParse(c.req.path.split('/').map(decodeSegment));
    if (!parsed.success) throw new ValidationError(parsed.error.issues[0]!.message, parsed.error.issues);
    await next();
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
