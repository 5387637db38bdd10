import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError, type CannedReply, type CannedReplyStore } from '../domain/index.js';
import { isConditionFailed, translateDynamoError } from './errors.js';
import { CANNED_REPLY_PARTITION, keys } from './keys.js';

const FIELDS = ['id', 'title', 'language', 'body', 'category', 'examples', 'version', 'updatedAt', 'updatedBy'] as const;

/** Canned replies in the single table: one item each under `CANNED` / `<id>`, written with the version read. */
export class DynamoCannedReplyStore implements CannedReplyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listCannedReplies(): Promise<CannedReply[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const out = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': CANNED_REPLY_PARTITION },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(out.Items ?? []));
        startKey = out.LastEvaluatedKey;
      } while (startKey);
    } catch (err) {
      throw translateDynamoError(err, 'list canned replies');
    }
    return items.map(fromItem);
  }

  async getCannedReply(id: string): Promise<CannedReply | undefined> {
    try {
      const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.cannedReply(id), ConsistentRead: true }));
      return out.Item ? fromItem(out.Item) : undefined;
    } catch (err) {
      throw translateDynamoError(err, 'get canned reply');
    }
  }

  async putCannedReply(reply: CannedReply, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.cannedReply(reply.id), entity: 'canned-reply', ...reply },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (err) {
      if (isConditionFailed(err))
        throw new ConflictError(
          expectedVersion === 0
            ? `a canned reply ${reply.id} exists already`
            : `canned reply ${reply.id} was changed by someone else since version ${expectedVersion}; read it again`,
        );
      throw translateDynamoError(err, 'put canned reply');
    }
  }

  async deleteCannedReply(id: string): Promise<void> {
    try {
      await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.cannedReply(id), ConditionExpression: 'attribute_exists(pk)' }));
    } catch (err) {
      if (isConditionFailed(err)) throw new NotFoundError(`no canned reply ${id}`);
      throw translateDynamoError(err, 'delete canned reply');
    }
  }
}

function fromItem(item: Record<string, unknown>): CannedReply {
  const picked = Object.fromEntries(FIELDS.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as unknown as CannedReply;
  return { ...picked, examples: picked.examples ?? [] };
}
