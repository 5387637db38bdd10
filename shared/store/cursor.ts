import { ValidationError } from '../domain/errors.js';

import { createHash } from 'node:crypto';

export interface Cursor {
  partition: number;
  key: Record<string, string> | undefined;
}

/** The filters a cursor was made for; a cursor reused with other filters would start from a key outside the query. */
export function queryFingerprint(filters: Record<string, string | undefined>): string {
  const canonical = Object.entries(filters)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}

/** Opaque to clients: base64url JSON of where the next page starts and which query it belongs to. */
export function encodeCursor(cursor: Cursor, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ p: cursor.partition, k: cursor.key ?? null, q: fingerprint })).toString('base64url');
}

export function decodeCursor(raw: string, partitions: number, fingerprint: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('cursor is not one this API gave out');
  }
  const c = parsed as { p?: unknown; k?: unknown; q?: unknown };
  if (c.q !== fingerprint) throw new ValidationError('cursor belongs to a list with other filters');
  const keyOk = c.k === null || (typeof c.k === 'object' && Object.values(c.k as object).every((v) => typeof v === 'string'));
  if (typeof c.p !== 'number' || !Number.isInteger(c.p) || c.p < 0 || c.p >= partitions || !keyOk) {
    throw new ValidationError('cursor is not one this API gave out');
  }
  return { partition: c.p, key: (c.k as Record<string, string> | null) ?? undefined };
}
