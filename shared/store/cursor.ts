import { ValidationError } from '../domain/errors.js';

export interface Cursor {
  partition: number;
  key: Record<string, string> | undefined;
}

/** Opaque to clients: base64url JSON of where the next page starts. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ p: cursor.partition, k: cursor.key ?? null })).toString('base64url');
}

export function decodeCursor(raw: string, partitions: number): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError('cursor is not one this API gave out');
  }
  const c = parsed as { p?: unknown; k?: unknown };
  const keyOk = c.k === null || (typeof c.k === 'object' && Object.values(c.k as object).every((v) => typeof v === 'string'));
  if (typeof c.p !== 'number' || !Number.isInteger(c.p) || c.p < 0 || c.p >= partitions || !keyOk) {
    throw new ValidationError('cursor is not one this API gave out');
  }
  return { partition: c.p, key: (c.k as Record<string, string> | null) ?? undefined };
}
