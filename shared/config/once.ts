/** Something made when first needed (an SDK client only some paths use): every call answers the same one. */
export type Lazy<T> = () => Promise<T>;

/**
 * `load` runs on the first call, and every later call gets its answer; a failure is not kept, so the next call
 * tries again (as a failed cold start would). For what only some paths need, loaded when a path first needs it.
 */
export function once<T>(load: () => Promise<T>): Lazy<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
