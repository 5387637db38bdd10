import { ConflictError, type SettingsStore, type StoredSetting } from '../../shared/domain/index.js';

/** An in-memory SettingsStore for in-process tests; test/integration/settings-store.test.ts holds it to the DynamoDB one's contract. */
export class MemorySettingsStore implements SettingsStore {
  private readonly items = new Map<string, string>();

  async getSetting(name: string): Promise<StoredSetting<unknown> | undefined> {
    const stored = this.items.get(name);
    return stored === undefined ? undefined : (JSON.parse(stored) as StoredSetting<unknown>);
  }

  async putSetting(name: string, value: unknown, expectedVersion: number, by: string, now = new Date()): Promise<StoredSetting<unknown>> {
    // read and write without an await between them, as one conditional write does
    const raw = this.items.get(name);
    const current = raw === undefined ? undefined : (JSON.parse(raw) as StoredSetting<unknown>);
    if ((current?.version ?? 0) !== expectedVersion)
      throw new ConflictError(`the ${name} setting was changed by someone else since version ${expectedVersion}; read it again`);
    const stored = { value, version: expectedVersion + 1, updatedAt: now.toISOString(), updatedBy: by };
    this.items.set(name, JSON.stringify(stored));
    return stored;
  }
}
