import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type SettingsStore } from '../../shared/domain/index.js';
import { DynamoSettingsStore } from '../../shared/store/index.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { MemorySettingsStore } from '../helpers/memory-settings.js';

let db: Awaited<ReturnType<typeof startDynaliteStore>>;
beforeAll(async () => {
  db = await startDynaliteStore('balie-settings-test');
});
afterAll(() => db?.stop());

const stores: Array<[string, () => SettingsStore]> = [
  ['DynamoDB (dynalite)', () => new DynamoSettingsStore(db.documents, 'balie-settings-test')],
  ['in memory (the in-process tests’ fake)', () => new MemorySettingsStore()],
];

describe.each(stores)('the settings store, %s', (_name, make) => {
  const name = () => `setting-${Math.random().toString(36).slice(2)}`;

  it('has nothing for a setting never written, then what was written with who and when', async () => {
    const settings = make();
    const key = name();
    expect(await settings.getSetting(key)).toBeUndefined();
    const value = { categories: [{ name: 'refund', description: 'money back', examples: ['Ik wil mijn geld terug'] }] };
    const written = await settings.putSetting(key, value, 0, 'local-supervisor', new Date('2026-12-03T10:00:00Z'));
    expect(written).toEqual({ value, version: 1, updatedAt: '2026-12-03T10:00:00.000Z', updatedBy: 'local-supervisor' });
    expect(await settings.getSetting(key)).toEqual(written);
  });

  it('refuses a write that names a version other than the stored one, and keeps the stored value', async () => {
    const settings = make();
    const key = name();
    await settings.putSetting(key, { a: 1 }, 0, 'ann');
    await settings.putSetting(key, { a: 2 }, 1, 'bob');
    await expect(settings.putSetting(key, { a: 3 }, 1, 'ann')).rejects.toBeInstanceOf(ConflictError);
    await expect(settings.putSetting(key, { a: 3 }, 0, 'ann')).rejects.toBeInstanceOf(ConflictError);
    expect(await settings.getSetting(key)).toMatchObject({ value: { a: 2 }, version: 2, updatedBy: 'bob' });
  });

  it('lets exactly one of two writers of the same version win', async () => {
    const settings = make();
    const key = name();
    const outcomes = await Promise.allSettled([settings.putSetting(key, 'ann', 0, 'ann'), settings.putSetting(key, 'bob', 0, 'bob')]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const winner = (outcomes.find((o) => o.status === 'fulfilled') as PromiseFulfilledResult<{ value: unknown }>).value.value;
    expect((await settings.getSetting(key))?.value).toBe(winner);
  });
});
