import { createHash, randomBytes } from 'node:crypto';

/** Time-ordered and unguessable: base36 milliseconds, then random. */
export function newThreadId(now: Date): string {
  return `t_${now.getTime().toString(36)}${randomBytes(6).toString('hex')}`;
}

/** One send attempt's claim on a draft: unique, so an attempt can recognise its own claim when an answer was lost. */
export function newClaimId(): string {
  return `c_${randomBytes(9).toString('base64url')}`;
}

/** The same input always gives the same id, so a retried step writes the same item again. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 20)}`;
}
