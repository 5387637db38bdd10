import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../shared/config/clients.js';
import { ConflictError, TransientError, type Thread } from '../../shared/domain/index.js';
import { DynamoThreadStore } from '../../shared/store/index.js';
import { aThread } from '../helpers/threads.js';

const client = new DynamoDBClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
const doc = createDocumentClient(client);
const docMock = mockClient(doc);

const thread: Thread = aThread({ category: 'order', priority: 'P3', slaDueAt: '2026-11-26T09:00:00.000Z', lastInboundId: 'wamid.1', version: 3 });

describe('DynamoDB store error translation', () => {
  beforeEach(() => docMock.reset());

  it('turns throttling into a retryable TransientError', async () => {
    docMock.on(GetCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(new DynamoThreadStore(doc, 'balie').getThread('t_1')).rejects.toBeInstanceOf(TransientError);
  });

  it('turns a failed version check into a ConflictError', async () => {
    docMock.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    await expect(new DynamoThreadStore(doc, 'balie').saveThread({ ...thread, version: 4 }, 3)).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes a thread only if its version is still the one read, with its worklist keys', async () => {
    docMock.on(PutCommand).resolves({});
    await new DynamoThreadStore(doc, 'balie').saveThread({ ...thread, version: 4 }, 3);
    const input = docMock.commandCalls(PutCommand)[0]!.args[0].input;
    expect(input.ConditionExpression).toBe('#v = :expected');
    expect(input.ExpressionAttributeValues).toEqual({ ':expected': 3 });
    expect(input.Item).toMatchObject({ pk: 'THREAD#t_1', sk: 'META', gsi1pk: 'QUEUE#open', gsi1sk: 'P3#2026-11-26T09:00:00.000Z#t_1', version: 4 });
  });

  it('creates a new thread only if none exists', async () => {
    docMock.on(PutCommand).resolves({});
    await new DynamoThreadStore(doc, 'balie').saveThread({ ...thread, version: 1 }, 0);
    const puts = docMock.commandCalls(PutCommand).map((call) => call.args[0].input);
    // the contact's history entry first (an entry without a thread is skipped by readers), then the thread
    expect(puts.map((p) => p.Item?.sk)).toEqual(['THREAD#t_1', 'META']);
    expect(puts[1]!.ConditionExpression).toBe('attribute_not_exists(pk)');
  });
});
