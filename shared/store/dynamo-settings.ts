import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type SettingsStore, type StoredSetting } from '../domain/index.js';
import { isConditionFailed, translateDynamoError } from './errors.js';
import { keys } from './keys.js';

/** Settings in the single table, one item each (`SETTING#<name>` / `SETTING`), written with the version read. */
export class DynamoSettingsStore implements SettingsStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getSetting(name: string): Promise<StoredSetting<unknown> | undefined> {
    let item: Record<string, unknown> | undefined;
    try {
      item = (await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.setting(name), ConsistentRead: true }))).Item;
    } catch (err) {
      throw translateDynamoError(err, 'get setting');
    }
    if (!item) return undefined;
    return {
      value: JSON.parse(String(item.value)) as unknown,
      version: Number(item.version),
      updatedAt: String(item.updatedAt),
      updatedBy: String(item.updatedBy),
    };
  }

  async putSetting(name: string, value: unknown, expectedVersion: number, by: string, now = new Date()): Promise<StoredSetting<unknown>> {
    const stored = { value, version: expectedVersion + 1, updatedAt: now.toISOString(), updatedBy: by };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          // the value as JSON text: a setting's shape is the caller's (zod-checked there), the item's stays flat
          Item: { ...keys.setting(name), entity: 'setting', name, ...stored, value: JSON.stringify(value) },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (err) {
      if (isConditionFailed(err)) throw new ConflictError(`the ${name} setting was changed by someone else since version ${expectedVersion}; read it again`);
      throw translateDynamoError(err, 'put setting');
    }
    return stored;
  }
}
