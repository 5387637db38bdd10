import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { percentile, pool } from './stats.js';

/**
 * The floor: per message, the same SQS and DynamoDB calls the pipeline makes (one send; receive and delete in
 * batches of 10; three reads and six writes), made by a bare script with no parsing, no triage and no HTTP,
 * against the same emulators. `sequential` sends one message at a time and waits for it: latency with no backlog.
 */
export async function measureFloor(
  sqs: SQSClient,
  db: DynamoDBDocumentClient,
  table: string,
  n: number,
  concurrency: number,
  consumers: number,
  sequential = false,
) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `bench-floor-${Date.now()}` }));
  const sendLatency: number[] = [];
  const endToEnd: number[] = [];
  const started = Date.now();
  let done = 0;
  let running = true;
  const consume = async () => {
    while (running) {
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      const messages = out.Messages ?? [];
      if (messages.length === 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      await Promise.all(
        messages.map(async (m) => {
          const { i, sentAt } = JSON.parse(m.Body!) as { i: number; sentAt: number };
          const pk = `BENCH#${i}`;
          for (const sk of ['ref', 'route']) await db.send(new GetCommand({ TableName: table, Key: { pk, sk } }));
          for (const sk of ['route', 'ref']) await db.send(new PutCommand({ TableName: table, Item: { pk, sk } }));
          await db.send(new GetCommand({ TableName: table, Key: { pk, sk: 'META' } }));
          for (const sk of ['msg', 'draft']) await db.send(new PutCommand({ TableName: table, Item: { pk, sk, body: m.Body } }));
          for (const sk of ['META', 'ref']) await db.send(new PutCommand({ TableName: table, Item: { pk, sk } }));
          endToEnd.push(Date.now() - sentAt);
        }),
      );
      await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: messages.map((m, k) => ({ Id: String(k), ReceiptHandle: m.ReceiptHandle! })) }));
      done += messages.length;
    }
  };
  const consumerLoops = Array.from({ length: consumers }, consume);
  await pool(n, sequential ? 1 : concurrency, async (i) => {
    const t0 = Date.now();
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify({ i, sentAt: t0, text: 'Waar blijft mijn bestelling?' }) }));
    sendLatency.push(Date.now() - t0);
    while (sequential && done <= i) await new Promise((r) => setTimeout(r, 2));
  });
  while (done < n) await new Promise((r) => setTimeout(r, 10));
  const seconds = (Date.now() - started) / 1000;
  running = false;
  await Promise.all(consumerLoops);
  return {
    ackP50: percentile(sendLatency, 50),
    ackP99: percentile(sendLatency, 99),
    e2eP50: percentile(endToEnd, 50),
    e2eP99: percentile(endToEnd, 99),
    throughput: n / seconds,
  };
}
