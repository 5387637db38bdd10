import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { composeReplyMime } from '../shared/channels/email/compose-reply.js';
import type { OutboundMessage, Sender } from '../shared/domain/index.js';
import { keys, LOCAL_OUTBOX_PARTITION } from '../shared/store/keys.js';

export interface OutboxEntry {
  id: string;
  at: string;
  channel: OutboundMessage['channel'];
  to: OutboundMessage['to'];
  text: string;
  providerMessageId: string;
  /** Messenger/Instagram message tag, when the reply went out after 24 hours. */
  tag?: string;
  /** Email only: the raw MIME exactly as SES would have been given it. */
  raw?: string;
}

/**
 * Where replies go on a laptop: every channel's sender is this outbox unless real credentials are configured.
 * Kept in the local table, so it survives a restart; `GET /local/outbox` lists it newest first.
 */
export class LocalOutbox implements Sender {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly emailFrom: string,
  ) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const id = randomUUID();
    const at = new Date().toISOString();
    const raw = message.email ? (await composeReplyMime(message, this.emailFrom)).toString('utf8') : undefined;
    const providerMessageId = message.email?.messageId ?? `${message.channel}.local.${id}`;
    const entry: OutboxEntry = { id, at, channel: message.channel, to: message.to, text: message.text, providerMessageId, tag: message.tag, raw };
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.localOutbox(at, id), entity: 'outbox', ...entry } }));
    return { providerMessageId };
  }

  async list(limit = 50): Promise<OutboxEntry[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': LOCAL_OUTBOX_PARTITION },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _e, ...entry }) => entry as OutboxEntry);
  }
}
