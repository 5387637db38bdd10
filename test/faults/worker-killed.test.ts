import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_REDELIVERY, injectDynamoFaults, interceptSqs, SILENT_LOGS } from '../helpers/faults.js';
import { waitFor } from '../helpers/fixtures.js';
import { checkStored, drained, driveLoad, NO_PROBLEMS, planLoad, problems } from '../helpers/load.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The triage worker dies mid-batch while SQS lives on, as in AWS when a Lambda instance is killed (timeout, OOM,
// crash): from that moment it makes no call at all, so no DynamoDB write, no DeleteMessageBatch, no ReceiveMessage.
// The records it held, finished or half-written, come back after the visibility timeout (1 s here) to a new worker.
// (Killing the local stack itself also kills local-aws-sqs, which keeps its queues in memory: see stack-restart.)
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ ...FAST_REDELIVERY, logLevel: SILENT_LOGS });
});
afterAll(() => t?.close());

describe('the triage worker killed mid-batch', () => {
  it('stores every message once after a new worker takes over the records the dead one held', { timeout: 90_000 }, async () => {
    const plan = planLoad({ messages: 100, runId: 'kill', channels: ['whatsapp', 'messenger', 'instagram'] });
    let stored = 0;
    let dead = false;
    // the kill: right after the 30th message item is written (its draft, thread and "done" not yet), every call fails
    const dynamo = injectDynamoFaults(
      t.stack.dynamoClient,
      (call) => {
        if (dead) return 'server-error';
        if (call.command === 'PutItemCommand' && call.entity === 'message' && ++stored === 30) {
          dead = true;
          return 'lost-response';
        }
        return undefined;
      },
      { insideSdkRetries: false },
    );
    const sqs = interceptSqs(t.stack.sqsClient, (call) => {
      const workerCall = call.command === 'ReceiveMessageCommand' || call.command === 'DeleteMessageBatchCommand';
      if (dead && workerCall && call.input.QueueUrl === t.stack.inbound.queue.url) throw new Error('the worker is dead (injected)');
      return undefined;
    });
    // the table seen from outside the dead worker
    const outside = new DynamoDBClient({ endpoint: t.stack.dynamodb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    try {
      const posting = driveLoad(t.stack, plan);
      await waitFor(async () => (dead ? true : undefined), { what: 'the kill' });
      const atKill = await checkStored({ ...t.stack, dynamoClient: outside }, plan.messages);
      // messages in flight when it died: written but not counted in their thread, or not written at all
      const halfWritten = atKill.refsNotDone.filter((k) => !atKill.lost.includes(k));
      expect(halfWritten.length).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 1_500));
      dead = false; // a new worker: same code, same queue, same table
      await posting;
      await drained(t.stack, 60_000);
      expect(problems(await checkStored(t.stack, plan.messages))).toEqual(NO_PROBLEMS);
    } finally {
      dynamo.remove();
      sqs.remove();
      outside.destroy();
    }
  });
});
