import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../shared/domain/index.js';
import { MessageTooLargeError, QueueUnavailableError } from '../../shared/queue/errors.js';
import { splitBatches, SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';

const sqsMock = mockClient(SQSClient);
const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/balie-inbound';

const event = (i: number, padding = ''): InboundEvent => ({
  type: 'message',
  channel: 'whatsapp',
  externalId: `wamid.${i}`,
  contact: { handle: '31612345678' },
  kind: 'text',
  text: `message ${i}${padding}`,
  sentAt: '2026-11-25T09:00:00.000Z',
  ingestedAt: '2026-11-25T09:00:01.000Z',
  raw: {},
});

describe('SQS publisher', () => {
  beforeEach(() => sqsMock.reset());

  it('sends 25 events as batches of 10, 10 and 5', async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
    await new SqsEventPublisher(new SQSClient({}), queueUrl).publish(Array.from({ length: 25 }, (_, i) => event(i)));
    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 10, 5]);
    expect(calls[0]!.args[0].input.QueueUrl).toBe(queueUrl);
    expect(JSON.parse(calls[2]!.args[0].input.Entries![4]!.MessageBody!)).toMatchObject({ externalId: 'wamid.24' });
  });

  it('starts a new batch before the 256 KB total would be passed', () => {
    const big = 'x'.repeat(100 * 1024);
    expect(splitBatches([big, big, big, 'small']).map((b) => b.length)).toEqual([2, 2]);
  });

  it('sends again only the entries SQS refused inside a batch', async () => {
    sqsMock
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [{ Id: '0', MessageId: 'a', MD5OfMessageBody: '' }], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }] })
      .resolves({ Successful: [], Failed: [] });
    await new SqsEventPublisher(new SQSClient({}), queueUrl).publish([event(0), event(1)]);
    const retry = sqsMock.commandCalls(SendMessageBatchCommand)[1]!.args[0].input.Entries!;
    expect(retry.map((e) => e.Id)).toEqual(['1']);
  });

  it('raises a retryable error when SQS keeps refusing, so the webhook is not acknowledged', async () => {
    sqsMock.on(SendMessageBatchCommand).rejects(new Error('connect ECONNREFUSED'));
    const publishing = new SqsEventPublisher(new SQSClient({}), queueUrl).publish([event(0)]);
    await expect(publishing).rejects.toBeInstanceOf(QueueUnavailableError);
    await expect(publishing).rejects.toMatchObject({ retryable: true });
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(3);
  });

  it('refuses one event that is over 256 KB on its own before sending anything', async () => {
    await expect(new SqsEventPublisher(new SQSClient({}), queueUrl).publish([event(0, 'x'.repeat(300 * 1024))])).rejects.toBeInstanceOf(MessageTooLargeError);
    expect(sqsMock.commandCalls(SendMessageBatchCommand)).toHaveLength(0);
  });
});
