import type { Logger } from '@aws-lambda-powertools/logger';

/** A value kept for a while and read again (a secret an operator may rotate): `()` for use, `reread()` after a refusal. */
export interface Refreshing<T> {
  /** The value in hand while younger than `maxAgeMs`; else read again (overlapping calls share one read). */
  (): Promise<T>;
  /**
   * Reads again at once: the value in hand was just refused (a signature made with a just-rotated secret). At most
   * once per `minRereadMs`, and not when the value is younger than that: then it answers what `()` answers.
   */
  reread(): Promise<T>;
}

export interface RefreshingOptions {
  /** What the value is, for warnings and errors; never the value itself. */
  what: string;
  /** A value older than this is read again by the next call. */
  maxAgeMs: number;
  /** While reads fail, the last good value is still served this long past `maxAgeMs` (a warning each time); then the failure is. */
  staleForMs?: number;
  /** After a failed read fell back on the last good value, the next read waits this long: an outage is not hit by every request. */
  retryAfterMs?: number;
  /** See `reread`. */
  minRereadMs?: number;
  logger?: Pick<Logger, 'warn'>;
  now?: () => number;
}

export const DEFAULT_STALE_FOR_MS = 60 * 60_000;
export const DEFAULT_RETRY_AFTER_MS = 30_000;
export const DEFAULT_MIN_REREAD_MS = 60_000;

/**
 * `load` on the first call and again once its answer is `maxAgeMs` old. A failed read with no good value yet is
 * thrown and not kept, so the next call tries again; a failed read after a good one serves that one for a bounded
 * time. Written here rather than taken from Powertools Parameters, whose cache has no single flight and no stale
 * value on error, and whose JSON transform puts the start of a secret that is not JSON into its error message.
 */
export function refreshing<T>(load: () => Promise<T>, options: RefreshingOptions): Refreshing<T> {
  const { what, maxAgeMs, logger, now = Date.now } = options;
  const staleForMs = options.staleForMs ?? DEFAULT_STALE_FOR_MS;
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const minRereadMs = options.minRereadMs ?? DEFAULT_MIN_REREAD_MS;
  let good: { value: T; readAt: number } | undefined;
  let pending: Promise<T> | undefined;
  let noTryBefore = 0;
  let lastRereadAt = -Infinity;

  const servable = (at: number) => !!good && at - good.readAt <= maxAgeMs + staleForMs;
  const read = (): Promise<T> =>
    (pending ??= load()
      .then(
        (value) => {
          good = { value, readAt: now() };
          noTryBefore = 0;
          return value;
        },
        (error: unknown) => {
          const at = now();
          if (!good || !servable(at)) throw error;
          noTryBefore = at + retryAfterMs;
          logger?.warn(`could not read the ${what} again; still using the one read ${Math.round((at - good.readAt) / 1000)} s ago`, {
            error: error as Error,
          });
          return good.value;
        },
      )
      .finally(() => (pending = undefined)));

  const get = (): Promise<T> => {
    const at = now();
    if (good && (at - good.readAt < maxAgeMs || (at < noTryBefore && servable(at)))) return Promise.resolve(good.value);
    return read();
  };
  const reread = (): Promise<T> => {
    const at = now();
    if (pending) return pending;
    if ((good && at - good.readAt < minRereadMs) || at - lastRereadAt < minRereadMs) return get();
    lastRereadAt = at;
    return read();
  };
  return Object.assign(get, { reread });
}

/**
 * What is built from a refreshing value (senders from channel tokens): built again only when `source` answers
 * another value than last time, so a rotated token reaches the senders and an unchanged one costs nothing.
 */
export function derived<S, T>(source: () => Promise<S>, build: (value: S) => T): () => Promise<T> {
  let last: { from: S; built: T } | undefined;
  return async () => {
    const from = await source();
    if (!last || last.from !== from) last = { from, built: build(from) };
    return last.built;
  };
}
