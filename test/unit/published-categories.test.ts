import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CATEGORIES, NotFoundError, type BlobStore } from '../../shared/domain/index.js';
import { PublishedCategories } from '../../shared/triage/local/published-model.js';

/** A bucket whose models/current.json a test writes, breaks or removes. */
function bucket() {
  let body: string | Error | undefined;
  const store: BlobStore = {
    put: async () => undefined,
    get: async (key) => {
      if (body instanceof Error) throw body;
      if (key !== 'models/current.json' || body === undefined) throw new NotFoundError(key);
      return Buffer.from(body);
    },
    list: async () => [],
  };
  return { store, set: (next: string | Error | undefined) => void (body = next) };
}
const pointer = (categories: string[]) => JSON.stringify({ id: '0123456789abcdef', categories, publishedAt: '2026-12-03T00:00:00.000Z' });

describe('the categories agents choose from', () => {
  it('are the defaults until a model is published, then its own, read again once they are older than the maximum age', async () => {
    const b = bucket();
    let now = 0;
    const categories = new PublishedCategories(b.store, 'models/', { maxAgeMs: 1000, now: () => now });
    expect(await categories.current()).toEqual(DEFAULT_CATEGORIES);
    b.set(pointer(['Retour & ruil', 'Storing']));
    now = 1000;
    expect(await categories.current()).toEqual(DEFAULT_CATEGORIES);
    now = 1001;
    expect(await categories.current()).toEqual(['Retour & ruil', 'Storing']);
    expect(categories.now()).toEqual(['Retour & ruil', 'Storing']);
  });

  it('keep what they were when the bucket cannot be read, and say so', async () => {
    const b = bucket();
    b.set(pointer(['Retour & ruil', 'Storing']));
    let now = 0;
    const warn = vi.fn();
    const categories = new PublishedCategories(b.store, 'models/', { maxAgeMs: 1000, now: () => now, logger: { warn } });
    expect(await categories.current()).toEqual(['Retour & ruil', 'Storing']);
    b.set(new Error('AccessDenied'));
    now = 2000;
    expect(await categories.current()).toEqual(['Retour & ruil', 'Storing']);
    expect(warn).toHaveBeenCalledWith("the published model's categories cannot be read; agents choose from the ones known", expect.anything());
    // a pointer without usable categories is no reason to offer none
    b.set(pointer(['only-one']));
    now = 4000;
    expect(await categories.current()).toEqual(DEFAULT_CATEGORIES);
  });
});
