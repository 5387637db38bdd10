import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AgentDirectory, AgentProfile } from '../domain/index.js';
import { isConditionFailed, translateDynamoError } from './errors.js';
import { keys } from './keys.js';

/** Agent profiles in the single table, one item per agent (`AGENT#<sub>` / `PROFILE`). */
export class DynamoAgentDirectory implements AgentDirectory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async rememberAgent(profile: AgentProfile): Promise<void> {
    const { sub, name, role, lastSeenAt } = profile;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.agent(sub), type: 'agent', sub, name, role, lastSeenAt },
          // a slower instance with an older sighting leaves the newer profile alone
          ConditionExpression: 'attribute_not_exists(pk) OR lastSeenAt < :at',
          ExpressionAttributeValues: { ':at': lastSeenAt },
        }),
      );
    } catch (err) {
      if (!isConditionFailed(err)) throw translateDynamoError(err, 'remember agent');
    }
  }

  async findAgent(sub: string): Promise<AgentProfile | undefined> {
    let item: Record<string, unknown> | undefined;
    try {
      item = (await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.agent(sub) }))).Item;
    } catch (err) {
      throw translateDynamoError(err, 'find agent');
    }
    if (!item) return undefined;
    return { sub: String(item.sub), name: String(item.name), role: String(item.role), lastSeenAt: String(item.lastSeenAt) };
  }
}
