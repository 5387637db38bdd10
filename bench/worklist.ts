// The first worklist page with 10,000 threads in the local store (issue 6: under 300 ms, one DynamoDB query),
// beside the floor: the same GSI1 Query made by a bare script against the same dynalite, in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureLocalKeys, signLocalToken } from '../shared/auth/local-keys.js';
import { createDocumentClient } from '../shared/config/clients.js';
import type { Priority, Thread } from '../shared/domain/index.js';
import { DynamoThreadStore } from '../shared/store/index.js';
import { startLocalStack } from '../local/stack.js';
import { percentile, pool } from './stats.js';

const n = Number(process.argv[2] ?? 10_000);
const dataDir = await mkdtemp(join(tmpdir(), 'balie-worklist-'));
const stack = await startLocalStack({ port: 0, dataDir, demo: false, logLevel: 'ERROR' });
const documents = createDocumentClient(stack.dynamoClient);
const store = new DynamoThreadStore(documents, stack.tableName);

// Count every DynamoDB command the API process sends while it serves the page.
let commands = 0;
stack.dynamoClient.middlewareStack.add((next) => async (args) => ((commands += 1), next(args)), { step: 'initialize', name: 'countCommands' });

const started = Date.now();
const priorities: Priority[] = ['P1', 'P2', 'P3', 'P4'];
await pool(n, 16, async (i) => {
  const at = new Date(Date.now() - i * 60_000).toISOString();
  const thread: Thread = {
    id: `t_bench_${i}`,
    channel: 'whatsapp',
    contact: { handle: `3160${i}`, name: `Klant ${i}` },
    status: i % 7 === 0 ? 'resolved' : 'awaiting_approval',
    category: 'order',
    priority: priorities[i % 4]!,
    sentiment: { label: 'neutral', score: 0 },
    language: 'nl',
    slaDueAt: new Date(Date.now() + (i % 500) * 60_000).toISOString(),
    createdAt: at,
    lastInboundAt: at,
    lastInboundId: `w${i}`,
    lastMessagePreview: 'Waar blijft mijn bestelling?',
    unanswered: 1,
    flags: [],
    appliedInboundIds: [],
    updatedAt: at,
    version: 1,
  };
  await store.saveThread(thread, 0);
});
console.log(`worklist bench: ${n} threads written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const keys = await ensureLocalKeys(dataDir);
const token = await signLocalToken(keys.privateJwk, { sub: 'bench', name: 'Bench', role: 'agent' });
const api: number[] = [];
const perRequest: number[] = [];
for (let i = 0; i < 60; i++) {
  const before = commands;
  const t0 = performance.now();
  const res = await fetch(`${stack.url}/api/threads?limit=25`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { threads: Thread[] };
  if (i >= 10) api.push(performance.now() - t0); // the first ten warm up
  perRequest.push(commands - before);
  if (body.threads.length !== 25 || body.threads[0]!.priority !== 'P1') throw new Error('unexpected first page');
}
// The page itself, as an agent's browser asks for it: signed in with the session cookie.
const login = await fetch(`${stack.url}/login`, {
  method: 'POST',
  redirect: 'manual',
  headers: { origin: stack.url, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'sub=local-agent',
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const measure = async (path: string, check: (html: string) => boolean) => {
  const times: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < 40; i++) {
    const before = commands;
    const t0 = performance.now();
    const res = await fetch(`${stack.url}${path}`, { headers: { cookie } });
    const html = await res.text();
    if (i >= 10) times.push(performance.now() - t0);
    calls.push(commands - before);
    if (res.status !== 200 || !check(html)) throw new Error(`unexpected answer for ${path}: ${res.status}`);
  }
  return { times, calls };
};
const pageRun = await measure('/', (html) => (html.match(/<li class="item/g) ?? []).length === 25);
// a search that matches 1 thread in n: the store reads the whole open queue in growing windows
const searchRun = await measure(`/?q=${encodeURIComponent(`klant ${n - 2}`)}`, (html) => html.includes(`Klant ${n - 2}`));

const floor: number[] = [];
for (let i = 0; i < 60; i++) {
  const t0 = performance.now();
  await documents.send(
    new QueryCommand({
      TableName: stack.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'QUEUE#open' },
      Limit: 25,
    }),
  );
  if (i >= 10) floor.push(performance.now() - t0);
}
await stack.stop({ drainTimeoutMs: 1_000 });
await rm(dataDir, { recursive: true, force: true });

const fmt = (v: number) => `${v.toFixed(1)} ms`;
console.log(
  `  GET /api/threads (first page, 25 of ${n})  p50 ${fmt(percentile(api, 50))}  p99 ${fmt(percentile(api, 99))}  DynamoDB commands per page: ${Math.max(...perRequest)}`,
);
console.log(
  `  GET / (the page, agent, first page)        p50 ${fmt(percentile(pageRun.times, 50))}  p99 ${fmt(percentile(pageRun.times, 99))}  DynamoDB commands per page: ${Math.max(...pageRun.calls)}`,
);
console.log(
  `  GET /?q=<one customer of ${n}>          p50 ${fmt(percentile(searchRun.times, 50))}  p99 ${fmt(percentile(searchRun.times, 99))}  DynamoDB commands per search: ${Math.max(...searchRun.calls)}`,
);
console.log(
  `  floor: the same GSI1 Query, bare           p50 ${fmt(percentile(floor, 50))}  p99 ${fmt(percentile(floor, 99))}  ratio p50 ${(percentile(api, 50) / percentile(floor, 50)).toFixed(2)}×`,
);
