import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEventSchema, type InboundEvent } from '../../shared/domain/index.js';
import { createSqsBatchHandler } from '../../shared/queue/batch-consumer.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { startSqs, type Emulator } from '../../local/emulators.js';
import { QueuePoller } from '../../local/queue-poller.js';
import { ensureQueueWithDlq, MAX_RECEIVE_COUNT, queueDepth } from '../../local/queues.js';
import { waitFor } from '../helpers/fixtures.js';

let emulator: Emulator;
let sqs: SQSClient;
beforeAll(async () => {
  emulator = await startSqs();
  sqs = new SQSClient({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});
afterAll(async () => {
  sqs?.destroy();
  await emulator?.stop();
});

const event = (externalId: string): InboundEvent => ({
  type: 'message',
  channel: 'whatsapp',
  externalId,
  contact: { handle: '31600000000' },
  kind: 'text',
  text: 'hoi',
  sentAt: '2026-11-25T09:00:00.000Z',
  ingestedAt: '2026-11-25T09:00:00.000Z',
  raw: {},
});

describe('inbound queue (local-aws-sqs)', () => {
  it('creates the queue and its DLQ idempotently', async () => {
    const first = await ensureQueueWithDlq(sqs, 'idem', 30);
    const second = await ensureQueueWithDlq(sqs, 'idem', 30);
    expect(second).toEqual(first);
  });

  it('moves a message that fails 5 receives to the DLQ, while the rest of its batch goes through', async () => {
    const { queue, dlq } = await ensureQueueWithDlq(sqs, 'poison', 1);
    const handled = new Map<string, number>();
    const handler = createSqsBatchHandler(inboundEventSchema, async (e) => {
      if (e.type === 'redraft') throw new Error('not in this test');
      handled.set(e.externalId, (handled.get(e.externalId) ?? 0) + 1);
      if (e.externalId === 'wamid.poison') throw new Error('always fails');
    });
    await new SqsEventPublisher(sqs, queue.url).publish(['wamid.1', 'wamid.poison', 'wamid.2', 'wamid.3'].map(event));
    // a body that is not an event at all fails parsing every time and must end up in the DLQ too
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'not json' }));
    const poller = new QueuePoller(sqs, queue.url, queue.arn, handler, { concurrency: 1 });
    poller.start();
    try {
      const inDlq = await waitFor(
        async () => {
          const depth = await queueDepth(sqs, dlq.url);
          return depth.visible === 2 ? depth : undefined;
        },
        { timeoutMs: 20_000, what: 'two messages in the DLQ' },
      );
      expect(inDlq.visible).toBe(2);
    } finally {
      await poller.stop();
    }
    expect([handled.get('wamid.1'), handled.get('wamid.2'), handled.get('wamid.3')]).toEqual([1, 1, 1]);
    expect(handled.get('wamid.poison')).toBe(MAX_RECEIVE_COUNT);
    expect(await queueDepth(sqs, queue.url)).toEqual({ visible: 0, inFlight: 0 });
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.url, MaxNumberOfMessages: 10 }));
    expect(dead.Messages?.map((m) => m.Body).sort()).toEqual(['not json', JSON.stringify(event('wamid.poison'))]);
  });
});
