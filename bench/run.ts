// npm run bench [-- --messages 2000 --concurrency 32]
// Sends N signed WhatsApp webhooks through the local stack and sets the figures beside a floor measured in the
// same run against the same emulators (see bench/floor.ts). Ratios are balie ÷ floor (lower is better).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDocumentClient } from '../shared/config/clients.js';
import { DynamoThreadStore } from '../shared/store/index.js';
import type { ThreadPage } from '../shared/domain/index.js';
import { startLocalStack } from '../local/stack.js';
import { queueDepth } from '../local/queues.js';
import { postSignedWebhook, whatsappTextWebhook } from '../local/whatsapp-payloads.js';
import { DEMO_MESSAGES } from '../local/demo.js';
import { measureFloor } from './floor.js';
import { percentile, pool, row } from './stats.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '32' } } });
const n = Number(values.messages);
const concurrency = Number(values.concurrency);
const pollers = 4;

const dataDir = await mkdtemp(join(tmpdir(), 'balie-bench-'));
const stack = await startLocalStack({ port: 0, dataDir, demo: false, logLevel: 'ERROR', triagePollers: pollers });
const store = new DynamoThreadStore(createDocumentClient(stack.dynamoClient), stack.tableName);

console.log(`bench: ${n} WhatsApp messages, ${concurrency} concurrent webhooks, ${pollers} triage pollers, ${new Date().toISOString()}`);

// Balie: signed webhook → SQS → triage → DynamoDB. A warm-up round first (JIT, sockets), not measured.
const send = async (i: number, ack?: number[]) => {
  const m = DEMO_MESSAGES[i % DEMO_MESSAGES.length]!;
  const payload = whatsappTextWebhook({ from: `3169${String(i).padStart(7, '0')}`, name: m.name, text: m.text, wamid: `wamid.bench.${i}` });
  const t0 = performance.now();
  const res = await postSignedWebhook(`${stack.url}/webhooks/whatsapp`, payload, stack.metaAppSecret);
  ack?.push(performance.now() - t0);
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  await res.arrayBuffer();
};
const settle = async () => {
  for (;;) {
    const d = await queueDepth(stack.sqsClient, stack.inbound.queue.url);
    if (d.visible === 0 && d.inFlight === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
};
const warmup = Math.min(100, n);
await pool(warmup, concurrency, (i) => send(n + i));
await settle();

const ack: number[] = [];
const started = Date.now();
await pool(n, concurrency, (i) => send(i, ack));
await settle();
const balieSeconds = (Date.now() - started) / 1000;

const toDraft: number[] = [];
let cursor: string | undefined;
let threads = 0;
do {
  const page: ThreadPage = await store.listThreads({ limit: 100, cursor, status: 'all' });
  await Promise.all(
    page.threads
      .filter((t) => Number(t.contact.handle.slice(4)) < n)
      .map(async (t) => {
        const detail = (await store.getThreadDetail(t.id))!;
        const message = detail.messages[0]!;
        if (!detail.drafts[0]) throw new Error(`thread ${t.id} has no draft`);
        // the thread write is what puts the message and its draft in an agent's worklist
        toDraft.push(Date.parse(detail.thread.updatedAt) - Date.parse(message.ingestedAt));
        threads += 1;
      }),
  );
  cursor = page.nextCursor;
} while (cursor);
if (threads !== n) throw new Error(`expected ${n} threads, found ${threads}`);

// Latency without a backlog: one message at a time, each waited for before the next.
const idleCount = Math.min(50, n);
const idle: number[] = [];
for (let i = 0; i < idleCount; i++) {
  const t0 = Date.now();
  await send(2 * n + i);
  while (!(await store.findMessageRef('whatsapp', `wamid.bench.${2 * n + i}`))?.done) await new Promise((r) => setTimeout(r, 2));
  idle.push(Date.now() - t0);
}

const floorDb = createDocumentClient(stack.dynamoClient);
await measureFloor(stack.sqsClient, floorDb, stack.tableName, warmup, concurrency, pollers);
const floor = await measureFloor(stack.sqsClient, floorDb, stack.tableName, n, concurrency, pollers);
const floorIdle = await measureFloor(stack.sqsClient, floorDb, stack.tableName, idleCount, 1, pollers, true);
await stack.stop({ drainTimeoutMs: 2_000 });
await rm(dataDir, { recursive: true, force: true });

console.log(`\n${''.padEnd(28)}${'balie'.padStart(10)}${'floor'.padStart(10)}  ${'unit'.padEnd(6)}${'ratio'.padStart(8)}`);
console.log(row('webhook ack p50', percentile(ack, 50), floor.ackP50, 'ms'));
console.log(row('webhook ack p99', percentile(ack, 99), floor.ackP99, 'ms'));
console.log(row('webhook → draft p50', percentile(toDraft, 50), floor.e2eP50, 'ms'));
console.log(row('webhook → draft p99', percentile(toDraft, 99), floor.e2eP99, 'ms'));
console.log(row('throughput', n / balieSeconds, floor.throughput, 'msg/s', true));
console.log(row(`one at a time p50 (${idleCount})`, percentile(idle, 50), floorIdle.e2eP50, 'ms'));
console.log(row(`one at a time p99 (${idleCount})`, percentile(idle, 99), floorIdle.e2eP99, 'ms'));
console.log(`\n${threads} threads with a draft each; floor = same SQS/DynamoDB calls from a bare script, same emulators, same run.`);
console.log('"webhook → draft" under load is mostly time waiting in the queue behind the backlog; "one at a time" has none.');
