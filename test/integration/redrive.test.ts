import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSqs, type Emulator } from '../../local/emulators.js';
import { ensureQueueWithDlq, MAX_RECEIVE_COUNT, queueDepth, type QueueRef } from '../../local/queues.js';
import { redrive, RedriveRefusedError, replayFailedInvocations } from '../../shared/queue/redrive.js';
import { waitFor } from '../helpers/fixtures.js';

/**
 * The queue's depth once local-aws-sqs's approximate counters have caught up (a message a dry run made visible again
 * can count as in flight for a moment, visible 2 and in flight 1 at once): it must reach exactly `expected`.
 */
async function expectDepth(url: string, expected: { visible: number; inFlight: number }): Promise<void> {
  let last: unknown;
  await waitFor(
    async () => {
      last = await queueDepth(sqs, url);
      return JSON.stringify(last) === JSON.stringify(expected) ? true : undefined;
    },
    { what: `depth ${JSON.stringify(expected)}`, timeoutMs: 5_000 },
  ).catch(() => undefined);
  expect(last).toEqual(expected);
}

const config = () => ({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
let emulator: Emulator;
let sqs: SQSClient;
beforeAll(async () => {
  emulator = await startSqs();
  sqs = new SQSClient({ ...config(), endpoint: emulator.endpoint });
});
afterAll(async () => {
  sqs?.destroy();
  await emulator?.stop();
});

let queues = 0;
/** A fresh queue with its DLQ (5 receives), as the local stack makes them. */
const queueWithDlq = () => ensureQueueWithDlq(sqs, `redrive-${++queues}`, 1);

/** Sends messages straight to `queue`, 10 per batch. */
async function put(queue: QueueRef, messages: { body: string; attributes?: Record<string, MessageAttributeValue> }[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    const batch = messages.slice(i, i + 10).map((m, j) => ({ Id: String(j), MessageBody: m.body, MessageAttributes: m.attributes }));
    const out = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: batch }));
    expect(out.Failed ?? []).toEqual([]);
  }
}

/** Sends a message to the queue and fails it until the queue's redrive policy moves it to the DLQ. */
async function poison(pair: { queue: QueueRef; dlq: QueueRef }, body: string, attributes?: Record<string, MessageAttributeValue>): Promise<void> {
  const before = (await queueDepth(sqs, pair.dlq.url)).visible;
  await sqs.send(new SendMessageCommand({ QueueUrl: pair.queue.url, MessageBody: body, MessageAttributes: attributes }));
  for (let receives = 0; receives <= MAX_RECEIVE_COUNT; receives++) {
    // visibility 0: a consumer that fails at once; the message is back for the next receive
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: pair.queue.url, MaxNumberOfMessages: 1, VisibilityTimeout: 0 }));
  }
  await waitFor(async () => ((await queueDepth(sqs, pair.dlq.url)).visible > before ? true : undefined), { what: 'the poison message in the DLQ' });
}

/** Every message on the queue, each received once (and left invisible for a minute). */
async function drain(queue: QueueRef): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], VisibilityTimeout: 60 }),
    );
    if (Messages.length === 0) return all;
    all.push(...Messages);
  }
}

const bodies = (messages: Message[]) => messages.map((m) => m.Body!).sort();
const stringAttribute = (value: string): MessageAttributeValue => ({ DataType: 'String', StringValue: value });

describe('DLQ redrive (local-aws-sqs)', () => {
  it('puts every message back on its queue exactly once, bodies and attributes intact, and empties the DLQ', async () => {
    const pair = await queueWithDlq();
    // two that really failed their way into the DLQ, with message attributes
    await poison(pair, JSON.stringify({ externalId: 'wamid.poison' }), { kind: stringAttribute('message'), attempt: { DataType: 'Number', StringValue: '3' } });
    await poison(pair, 'not json at all', { raw: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 255]) } });
    // and more than two batches' worth sent straight to the DLQ: unicode, and bodies too big to send 10 in one batch
    const direct = [
      ...Array.from({ length: 20 }, (_, i) => ({ body: JSON.stringify({ n: i, text: 'Bestelling € 12,50 — 👍' }) })),
      ...Array.from({ length: 3 }, (_, i) => ({ body: `${i}`.padEnd(100_000, 'x') })),
    ];
    await put(pair.dlq, direct);
    const inDlq = [JSON.stringify({ externalId: 'wamid.poison' }), 'not json at all', ...direct.map((m) => m.body)].sort();

    const result = await redrive(sqs, { from: pair.dlq.url, to: pair.queue.url });

    expect(result).toMatchObject({ dryRun: false, received: 25, moved: 25, failed: [], notDeleted: [] });
    expect(result.stoppedBy).toBeUndefined();
    const back = await drain(pair.queue);
    expect(back).toHaveLength(25);
    expect(bodies(back)).toEqual(inDlq);
    const byBody = new Map(back.map((m) => [m.Body, m.MessageAttributes]));
    expect(byBody.get(JSON.stringify({ externalId: 'wamid.poison' }))).toEqual({
      kind: stringAttribute('message'),
      attempt: { DataType: 'Number', StringValue: '3' },
    });
    expect(Buffer.from(byBody.get('not json at all')!.raw!.BinaryValue!)).toEqual(Buffer.from([0, 1, 2, 255]));
    await expectDepth(pair.dlq.url, { visible: 0, inFlight: 0 });
  });

  it('stops after --max messages and leaves the rest in the DLQ', async () => {
    const pair = await queueWithDlq();
    await put(
      pair.dlq,
      ['a', 'b', 'c', 'd', 'e'].map((body) => ({ body })),
    );

    const result = await redrive(sqs, { from: pair.dlq.url, to: pair.queue.url, max: 3 });

    expect(result).toMatchObject({ received: 3, moved: 3, failed: [] });
    const back = await drain(pair.queue);
    expect(back).toHaveLength(3);
    await expectDepth(pair.dlq.url, { visible: 2, inFlight: 0 });
    expect([...bodies(back), ...bodies(await drain(pair.dlq))].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('moves nothing on a dry run, and leaves the DLQ as it was', async () => {
    const pair = await queueWithDlq();
    await put(
      pair.dlq,
      Array.from({ length: 14 }, (_, i) => ({ body: `m${i}` })),
    );

    const result = await redrive(sqs, { from: pair.dlq.url, to: pair.queue.url, dryRun: true });

    expect(result).toMatchObject({ dryRun: true, received: 14, moved: 0, failed: [], notDeleted: [] });
    await expectDepth(pair.queue.url, { visible: 0, inFlight: 0 });
    // the counted messages are visible again at once, not after the visibility timeout
    await expectDepth(pair.dlq.url, { visible: 14, inFlight: 0 });
  });

  it('leaves a message SendMessageBatch refused in the DLQ, deletes only the ones sent, and moves it on a later run', async () => {
    const pair = await queueWithDlq();
    await put(
      pair.dlq,
      ['ok-1', 'ok-2', 'refused', 'ok-3', 'ok-4', 'ok-5'].map((body) => ({ body })),
    );

    // The emulator answers every call; only SendMessageBatch's answer gets one injected failed entry.
    const faulty = new SQSClient({ ...config(), endpoint: emulator.endpoint });
    const mock = mockClient(faulty);
    mock.on(GetQueueAttributesCommand).callsFake((input) => sqs.send(new GetQueueAttributesCommand(input)));
    mock.on(ReceiveMessageCommand).callsFake((input) => sqs.send(new ReceiveMessageCommand(input)));
    mock.on(DeleteMessageBatchCommand).callsFake((input) => sqs.send(new DeleteMessageBatchCommand(input)));
    mock.on(ChangeMessageVisibilityBatchCommand).callsFake((input) => sqs.send(new ChangeMessageVisibilityBatchCommand(input)));
    mock.on(SendMessageBatchCommand).callsFake(async (input: ConstructorParameters<typeof SendMessageBatchCommand>[0]) => {
      const refused = input.Entries!.filter((e) => e.MessageBody === 'refused');
      const out = await sqs.send(new SendMessageBatchCommand({ ...input, Entries: input.Entries!.filter((e) => e.MessageBody !== 'refused') }));
      return {
        Successful: out.Successful ?? [],
        Failed: [...(out.Failed ?? []), ...refused.map((e) => ({ Id: e.Id!, Code: 'InternalError', SenderFault: false, Message: 'injected' }))],
      };
    });

    let result;
    try {
      result = await redrive(faulty, { from: pair.dlq.url, to: pair.queue.url, visibilityTimeoutSeconds: 1 });
    } finally {
      mock.restore();
      faulty.destroy();
    }

    expect(result).toMatchObject({ received: 6, moved: 5, notDeleted: [] });
    expect(result.failed).toEqual([{ messageId: expect.any(String), code: 'InternalError', message: 'injected' }]);
    expect(bodies(await drain(pair.queue))).toEqual(['ok-1', 'ok-2', 'ok-3', 'ok-4', 'ok-5']);
    // still in the DLQ, visible again once the visibility timeout of the run is over
    const left = await waitFor(
      async () => {
        const messages = await drain(pair.dlq);
        return messages.length > 0 ? messages : undefined;
      },
      { timeoutMs: 5_000, what: 'the refused message to be visible in the DLQ again' },
    );
    expect(left.map((m) => [m.MessageId, m.Body])).toEqual([[result.failed[0]!.messageId, 'refused']]);
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({ QueueUrl: pair.dlq.url, Entries: [{ Id: '0', ReceiptHandle: left[0]!.ReceiptHandle!, VisibilityTimeout: 0 }] }),
    );

    const again = await redrive(sqs, { from: pair.dlq.url, to: pair.queue.url });
    expect(again).toMatchObject({ received: 1, moved: 1, failed: [] });
    expect(bodies(await drain(pair.queue))).toEqual(['refused']);
    await expectDepth(pair.dlq.url, { visible: 0, inFlight: 0 });
  });

  it('refuses a queue that sends its failures to another DLQ, unless forced', async () => {
    const a = await queueWithDlq();
    const b = await queueWithDlq();
    await put(a.dlq, [{ body: 'belongs to a' }]);

    await expect(redrive(sqs, { from: a.dlq.url, to: b.queue.url })).rejects.toThrow(RedriveRefusedError);
    await expect(redrive(sqs, { from: a.dlq.url, to: a.dlq.url })).rejects.toThrow(/same queue/);
    await expect(redrive(sqs, { from: a.dlq.url, to: a.queue.url, max: 0 })).rejects.toThrow(/max/);
    await expectDepth(a.dlq.url, { visible: 1, inFlight: 0 });

    expect(await redrive(sqs, { from: a.dlq.url, to: b.queue.url, force: true })).toMatchObject({ moved: 1 });
    expect(bodies(await drain(b.queue))).toEqual(['belongs to a']);
  });

  it('npm run redrive: prints the counts of a dry run and of the move', async () => {
    const pair = await queueWithDlq();
    await put(pair.dlq, [{ body: 'one' }, { body: 'two' }]);
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '--silent', 'redrive', '--', '--from', pair.dlq.url, '--to', pair.queue.url, ...args], { cwd: root });

    const dry = await run('--dry-run');
    expect(dry.stdout).toContain('dry run: 2 message(s) would move');
    await expectDepth(pair.dlq.url, { visible: 2, inFlight: 0 });

    const moved = await run('--max', '5');
    expect(moved.stdout).toContain('received 2, moved 2, failed 0, not deleted 0');
    expect(bodies(await drain(pair.queue))).toEqual(['one', 'two']);

    await expect(run('--max', 'lots')).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});

// ingest-email's DLQ is a Lambda on-failure destination: each message is Lambda's record of an invocation that
// failed every retry, with the SES event it failed on. It goes back by invoking the function again.
describe('replaying failed invocations (local-aws-sqs)', () => {
  const functionArn = 'arn:aws:lambda:eu-west-1:123456789012:function:Balie-EmailIngestFunction:$LATEST';
  const sesEvent = (id: string) => ({ Records: [{ eventSource: 'aws:ses', ses: { mail: { messageId: id }, receipt: {} } }] });
  /** What Lambda puts on an on-failure destination (its documented invocation record). */
  const onFailureRecord = (id: string) =>
    JSON.stringify({
      version: '1.0',
      timestamp: '2026-12-03T10:00:00.000Z',
      requestContext: { requestId: `req-${id}`, functionArn, condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: sesEvent(id),
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'S3 was down' },
    });

  it('invokes the function again with each event it failed on, and deletes only the records that then succeeded', async () => {
    const { dlq } = await queueWithDlq();
    await put(dlq, [{ body: onFailureRecord('mail-1') }, { body: onFailureRecord('mail-2') }, { body: onFailureRecord('mail-3') }, { body: 'not a record' }]);
    const invoked: unknown[] = [];

    const result = await replayFailedInvocations(sqs, {
      from: dlq.url,
      visibilityTimeoutSeconds: 1,
      invoke: async (payload, arn) => {
        invoked.push(payload);
        expect(arn).toBe(functionArn);
        return JSON.stringify(payload).includes('mail-2') ? 'Unhandled: still broken' : undefined;
      },
    });

    expect(result).toMatchObject({ received: 4, replayed: 2, notDeleted: [] });
    expect(result.failed.map((f) => f.code).sort()).toEqual(['InvocationFailed', 'NotAnInvocationRecord']);
    expect(invoked).toEqual(expect.arrayContaining([sesEvent('mail-1'), sesEvent('mail-2'), sesEvent('mail-3')]));
    expect(invoked).toHaveLength(3);
    // what did not go back is still there for the next run
    await waitFor(async () => ((await queueDepth(sqs, dlq.url)).visible === 2 ? true : undefined), { what: 'the two records left in the DLQ' });
  });

  it('invokes nothing on a dry run and leaves the DLQ as it was', async () => {
    const { dlq } = await queueWithDlq();
    await put(dlq, [{ body: onFailureRecord('mail-1') }, { body: onFailureRecord('mail-2') }]);
    let invocations = 0;

    const result = await replayFailedInvocations(sqs, { from: dlq.url, dryRun: true, invoke: async () => void invocations++ });

    expect(result).toMatchObject({ dryRun: true, received: 2, replayed: 0, failed: [] });
    expect(invocations).toBe(0);
    await expectDepth(dlq.url, { visible: 2, inFlight: 0 });
  });

  it('npm run redrive --invoke: invokes the function through Lambda’s Invoke API and keeps what failed', async () => {
    const { dlq } = await queueWithDlq();
    await put(dlq, [{ body: onFailureRecord('mail-ok') }, { body: onFailureRecord('mail-bad') }]);
    // Lambda's Invoke API: POST /2015-03-31/functions/<name>/invocations; a function error is a 200 with X-Amz-Function-Error
    const calls: { path: string; body: unknown; type: string | undefined }[] = [];
    const lambda = createServer((req, res) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        calls.push({ path: req.url ?? '', body: JSON.parse(raw), type: req.headers['x-amz-invocation-type'] as string | undefined });
        const failed = raw.includes('mail-bad');
        res
          .writeHead(200, { 'content-type': 'application/json', ...(failed ? { 'x-amz-function-error': 'Unhandled' } : {}) })
          .end(JSON.stringify(failed ? { errorType: 'Error', errorMessage: 'still broken' } : null));
      });
    });
    await new Promise<void>((r) => lambda.listen(0, '127.0.0.1', r));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    try {
      const run = promisify(execFile)('npm', ['run', '--silent', 'redrive', '--', '--from', dlq.url, '--invoke', 'Balie-EmailIngestFunction'], {
        cwd: root,
        env: { ...process.env, LAMBDA_ENDPOINT: `http://127.0.0.1:${(lambda.address() as AddressInfo).port}` },
      });
      const failure = await run.then(
        () => undefined,
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toContain('received 2, replayed 1, failed 1, not deleted 0');
      expect(failure?.stderr).toMatch(/not replayed, left in the DLQ: .*InvocationFailed: Unhandled: .*still broken/);
    } finally {
      lambda.close();
    }
    expect(calls.map((c) => c.path).sort()).toEqual(Array(2).fill('/2015-03-31/functions/Balie-EmailIngestFunction/invocations'));
    expect(calls.map((c) => c.type)).toEqual(['RequestResponse', 'RequestResponse']);
    expect(calls.map((c) => c.body)).toEqual(expect.arrayContaining([sesEvent('mail-ok'), sesEvent('mail-bad')]));
  }, 60_000);

  it('npm run redrive: takes exactly one of --to and --invoke', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = (...args: string[]) => promisify(execFile)('npm', ['run', '--silent', 'redrive', '--', ...args], { cwd: root });
    await expect(run('--from', 'http://127.0.0.1:1/q', '--to', 'http://127.0.0.1:1/r', '--invoke', 'fn')).rejects.toMatchObject({ code: 2 });
    await expect(run('--from', 'http://127.0.0.1:1/q')).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});
