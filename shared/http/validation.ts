import { ValidationError } from '../domain/index.js';

/** The hook every zValidator of the HTTP apps gets: a request that does not parse is a 400 `invalid_request` with the issues. */
export function badRequest(result: { success: true } | { success: false; error: { issues: unknown } }): void {
  if (!result.success) throw new ValidationError('invalid request', result.error.issues);
}
