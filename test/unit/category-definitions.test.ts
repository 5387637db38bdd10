import { describe, expect, it } from 'vitest';
import { ConflictError, MAX_CATEGORY_DEFINITIONS_BYTES, ValidationError } from '../../shared/domain/index.js';
import { readCategoryDefinitions, saveCategoryDefinitions } from '../../shared/use-cases/category-definitions.js';
import { MemorySettingsStore } from '../helpers/memory-settings.js';

describe('category definitions', () => {
  it('are the shipped five, described, until saved; then what was saved, with the next version', async () => {
    const settings = new MemorySettingsStore();
    const before = await readCategoryDefinitions(settings);
    expect([before.saved, before.version, before.categories.map((c) => c.name)]).toEqual([false, 0, ['complaint', 'order', 'technical', 'billing', 'other']]);
    expect(before.categories.every((c) => c.description)).toBe(true);
    const saved = await saveCategoryDefinitions(settings, {
      categories: [{ name: 'Retour' }, { name: 'Storing', description: 'site ligt eruit' }],
      version: 0,
      by: 'sue',
    });
    expect(saved).toMatchObject({ version: 1, saved: true, updatedBy: 'sue' });
    expect((await readCategoryDefinitions(settings)).categories).toEqual([
      { name: 'Retour', description: '', examples: [] },
      { name: 'Storing', description: 'site ligt eruit', examples: [] },
    ]);
    await expect(saveCategoryDefinitions(settings, { categories: [{ name: 'a' }, { name: 'b' }], version: 0, by: 'bob' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('keeps each example on one line: the page shows one per line, so a line break would split it on the next save', async () => {
    const settings = new MemorySettingsStore();
    const saved = await saveCategoryDefinitions(settings, {
      categories: [{ name: 'Retour', examples: ['Beste,\n\nik wil dit  terugsturen.\r\nGroet'] }, { name: 'Storing' }],
      version: 0,
      by: 'sue',
    });
    expect(saved.categories[0]!.examples).toEqual(['Beste, ik wil dit terugsturen. Groet']);
  });

  it.each([
    ['one category', [{ name: 'Retour' }], /define at least two categories/],
    ['a name twice, whatever its case', [{ name: 'Retour' }, { name: 'retour' }], /retour.{0,2} is defined twice/],
    ['an empty name', [{ name: ' ' }, { name: 'b' }], /too_small|at least 1/i],
    ['21 examples', [{ name: 'a', examples: Array.from({ length: 21 }, (_, i) => `voorbeeld ${i}`) }, { name: 'b' }], /20/],
    [
      'more than one table item holds',
      Array.from({ length: 40 }, (_, i) => ({ name: `c${i}`, examples: Array.from({ length: 10 }, () => 'x'.repeat(1000)) })),
      new RegExp(`more than the ${MAX_CATEGORY_DEFINITIONS_BYTES / 1024} KB they may`),
    ],
  ])('refuses %s with a ValidationError that says why, and stores nothing', async (_name, categories, why) => {
    const settings = new MemorySettingsStore();
    const error = await saveCategoryDefinitions(settings, { categories, version: 0, by: 'sue' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(JSON.stringify((error as ValidationError).details)).toMatch(why);
    expect(await settings.getSetting('categories')).toBeUndefined();
  });
});
