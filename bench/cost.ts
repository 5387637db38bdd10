// npm run bench (step 4), or: tsx bench/cost.ts [--messages 200] [--emails 40] [--init-runs 5] [--cold-start-rate 0.02]
// What 1,000 messages cost on AWS (eu-west-1), from figures measured here: the local stack (same handler factories
// and adapters as the Lambdas, emulators for DynamoDB, SQS and S3) handles N WhatsApp messages and M emails, and an
// agent answers each WhatsApp thread. Middleware on the stack's SDK clients counts every DynamoDB, SQS and S3 request
// (with DynamoDB capacity units, GSI writes included), handlers are timed in-process, log output is counted in bytes,
// and the cold-start import of each bundle is timed as bench/bundles.ts does. Prices are constants below. Only what
// is marked "assumed" in the output is not measured.
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLocalKeys, signLocalToken } from '../shared/auth/local-keys.js';
import { createDocumentClient } from '../shared/config/clients.js';
import type { ThreadPage } from '../shared/domain/index.js';
import { DynamoThreadStore } from '../shared/store/index.js';
import { LOCAL_OUTBOX_PARTITION } from '../shared/store/keys.js';
import { PRICES, costUsd } from '../shared/triage/llm/schema.js';
import { triageReport } from '../shared/use-cases/triage-report.js';
import { DEMO_EMAILS, DEMO_MESSAGES } from '../local/demo.js';
import { queueDepth } from '../local/queues.js';
import { startLocalStack } from '../local/stack.js';
import { postSignedWebhook, whatsappTextWebhook } from '../local/whatsapp-payloads.js';
import { balieFunctions, bundleFunction, offlineEnv, provideRuntimeSdk, timeImport, writeLoader } from './bundling.js';
import { percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '200' },
    emails: { type: 'string', default: '40' },
    'init-runs': { type: 'string', default: '5' },
    'cold-start-rate': { type: 'string', default: '0.02' },
  },
});
const nWhatsapp = Number(values.messages);
const nEmail = Number(values.emails);
const initRuns = Number(values['init-runs']);

/**
 * AWS list prices, eu-west-1 (Ireland), USD, on-demand, free tiers left out. Written 2026-11-25 from what I know of
 * the public price pages, NOT fetched (this machine has no network): check them before relying on the totals.
 * Sources: https://aws.amazon.com/lambda/pricing/ · https://aws.amazon.com/api-gateway/pricing/ ·
 * https://aws.amazon.com/sqs/pricing/ · https://aws.amazon.com/dynamodb/pricing/on-demand/ ·
 * https://aws.amazon.com/s3/pricing/ · https://aws.amazon.com/cloudwatch/pricing/ · https://aws.amazon.com/xray/pricing/ ·
 * https://aws.amazon.com/ses/pricing/
 */
const PRICE = {
  lambdaRequest: 0.2 / 1e6,
  /** Arm64 (the functions are ARM_64), first 7.5 billion GB-s a month. Since 2025-08-01 the INIT phase is billed too. */
  lambdaGbSecondArm: 0.0000133334,
  /** HTTP API, first 300 million requests a month, per request of up to 512 KB. */
  httpApiRequest: 1.11 / 1e6,
  /** Standard queue, per request of up to 64 KB (each 64 KB chunk of a payload is one request). */
  sqsRequest: 0.4 / 1e6,
  /** On-demand, after the November 2024 price cut. */
  dynamoWru: 0.7068 / 1e6,
  dynamoRru: 0.1413 / 1e6,
  dynamoStorageGbMonth: 0.283,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3StorageGbMonth: 0.023,
  /** Standard log class ingestion; storage ($0.03/GB-month, compressed) is left out. */
  logsIngestGb: 0.57,
  xrayTrace: 5 / 1e6,
  sesInboundMail: 0.1 / 1000,
  sesInboundChunk: 0.09 / 1000,
  sesOutboundMail: 0.1 / 1000,
};

/** Not measurable here; each is printed as "assumed". */
const ASSUMED = {
  /** START, END and REPORT lines (with the X-Ray trace id) that Lambda writes per invocation. */
  platformLogBytesPerInvocation: 350,
  /** One EMF line of Powertools Metrics per invocation (metrics are off outside Lambda, so not in the local run). */
  emfLogBytesPerInvocation: 400,
  /** One JSON access log line of the HTTP API stage per request (format in infra/lib/balie-stack.ts). */
  accessLogBytesPerRequest: 420,
  /** Every invocation traced (active tracing; the default rule records 1 request/s + 5%, so this is the ceiling at low volume). */
  xrayTraceShare: 1,
  /** Invocations that are cold starts. */
  coldStartRate: Number(values['cold-start-rate']),
  /** An agent's requests per answered message: the worklist page, the thread, the approval. */
  agentRequestsPerMessage: 3,
  /** The provider call of a send (Graph API or SES), which the local outbox does not make, added to the send worker's duration. */
  providerCallMs: 150,
  /** Records per triage/send invocation in AWS: full batches of 10 (batchSize 10, 1 s window). The local poller's measured batches are shown beside it. */
  recordsPerBatch: 10,
};

// --- meters ------------------------------------------------------------------------------------------------------

interface Meter {
  dynamo: Map<string, { commands: number; rru: number; wru: number; gsiWru: number; failed: number }>;
  sqs: Map<string, number>;
  s3: Map<string, number>;
  logBytes: number;
  /** per function: billed duration of each invocation, and records in it */
  invocations: Map<string, { ms: number; records: number }[]>;
  /** bytes of the items as they stand after the writes (DynamoDB storage), by key */
  items: Map<string, number>;
}
const newMeter = (): Meter => ({ dynamo: new Map(), sqs: new Map(), s3: new Map(), logBytes: 0, invocations: new Map(), items: new Map() });
let meter = newMeter();
let accounting = false;
const invocation = (fn: string, ms: number, records = 1) => {
  const list = meter.invocations.get(fn) ?? [];
  list.push({ ms, records });
  meter.invocations.set(fn, list);
};

// Everything the stack logs goes to stdout/stderr: counted, not shown. The bench prints through `print`.
const stdoutWrite = process.stdout.write.bind(process.stdout);
const print = (line = '') => stdoutWrite(`${line}\n`);
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    meter.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof stream.write;
}

/** DynamoDB's item size: attribute names plus values (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html). */
function itemBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueBytes(value), 0);
}
function valueBytes(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').replace(/^0+/, '').length / 2) + 1;
  // on the wire (what this middleware sees) binary is base64 text
  const b = v.B as unknown as string | Uint8Array | undefined;
  if (b !== undefined) return typeof b === 'string' ? Buffer.from(b, 'base64').length : b.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.L) return 3 + v.L.reduce((s, e) => s + 1 + valueBytes(e), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((s, [k, e]) => s + 1 + Buffer.byteLength(k) + valueBytes(e), 0);
  if (v.SS) return v.SS.reduce((s, e) => s + Buffer.byteLength(e), 0);
  if (v.NS) return v.NS.reduce((s, e) => s + valueBytes({ N: e }), 0);
  return 0;
}
const GSIS = [
  ['gsi1pk', 'gsi1sk'],
  ['gsi2pk', 'gsi2sk'],
] as const;
/** WRU a write costs on the global secondary indexes (both project ALL): put, delete, or both when the key moves. */
function gsiWru(before: Record<string, AttributeValue> | undefined, after: Record<string, AttributeValue> | undefined): number {
  const units = (item: Record<string, AttributeValue>) => Math.ceil(itemBytes(item) / 1024);
  let wru = 0;
  for (const [pk, sk] of GSIS) {
    const keyOf = (item?: Record<string, AttributeValue>) => (item?.[pk]?.S && item?.[sk]?.S ? `${item[pk].S}|${item[sk].S}` : undefined);
    const [was, is] = [keyOf(before), keyOf(after)];
    if (was && is && was === is) wru += JSON.stringify(before) === JSON.stringify(after) ? 0 : Math.max(units(before!), units(after!));
    else wru += (was ? units(before!) : 0) + (is ? units(after!) : 0);
  }
  return wru;
}

// --- the stack ---------------------------------------------------------------------------------------------------

const specs = balieFunctions();
const memoryOf = new Map(specs.map((s) => [s.name as string, s.memorySize]));
const dataDir = await mkdtemp(join(tmpdir(), 'balie-cost-'));
print(
  `cost: ${nWhatsapp} WhatsApp messages answered by an agent, ${nEmail} emails, local stack (LOG_LEVEL INFO as deployed), node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}, ${new Date().toISOString()}`,
);
const stack = await startLocalStack({ port: 0, dataDir, demo: false, logLevel: 'INFO', triagePollers: 1 });
const raw = new DynamoDBClient({ endpoint: stack.dynamodb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const rawStore = new DynamoThreadStore(createDocumentClient(raw), stack.tableName);

type Json = Record<string, unknown>;
stack.dynamoClient.middlewareStack.add(
  (next) => async (args) => {
    const request = (args as { request?: { headers: Record<string, string>; body: string } }).request;
    const op = request?.headers['x-amz-target']?.split('.')[1] ?? 'unknown';
    const body = JSON.parse(request!.body) as Json;
    // the local outbox stands in for WhatsApp's and SES's own systems: not Balie's table work
    const item = body.Item as Record<string, AttributeValue> | undefined;
    const outbox = item?.pk?.S === LOCAL_OUTBOX_PARTITION;
    body.ReturnConsumedCapacity = 'TOTAL';
    request!.body = JSON.stringify(body);
    request!.headers['content-length'] = String(Buffer.byteLength(request!.body));
    const key = (item ? { pk: item.pk!, sk: item.sk! } : (body.Key as Record<string, AttributeValue> | undefined)) ?? undefined;
    const isWrite = op === 'PutItem' || op === 'UpdateItem' || op === 'DeleteItem';
    const getRaw = async () => (key ? (await raw.send(new GetItemCommand({ TableName: stack.tableName, Key: key, ConsistentRead: true }))).Item : undefined);
    const before = accounting && isWrite && !outbox ? await getRaw() : undefined;
    const m = meter.dynamo.get(op) ?? { commands: 0, rru: 0, wru: 0, gsiWru: 0, failed: 0 };
    if (!outbox) meter.dynamo.set(op, m);
    try {
      const result = await next(args);
      if (outbox) return result;
      m.commands += 1;
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((s, c) => s + (c.CapacityUnits ?? 0), 0);
      if (isWrite) m.wru += units;
      else m.rru += units;
      if (accounting && isWrite) {
        const after = await getRaw();
        m.gsiWru += gsiWru(before, after);
        meter.items.set(JSON.stringify(key), after ? itemBytes(after) : 0);
      }
      return result;
    } catch (err) {
      // a refused conditional write still consumes write capacity (at least 1 WRU)
      if (!outbox) {
        m.commands += 1;
        m.failed += 1;
        if (isWrite) m.wru += Math.max(1, before ? Math.ceil(itemBytes(before) / 1024) : 1);
      }
      throw err;
    }
  },
  { step: 'build', priority: 'high', name: 'benchCostDynamo' },
);

// SQS: requests per 64 KB chunk; the local poller's empty receives and the bench's GetQueueAttributes are not the
// pipeline's (in AWS the event source mapping long-polls: a fixed cost per queue, printed separately).
const received = new Map<string, { at: number; batch: number; fn: string }>();
stack.sqsClient.middlewareStack.add(
  (next, context) => async (args) => {
    const name = (context as { commandName?: string }).commandName ?? 'unknown';
    const input = args.input as Json;
    const fn = input.QueueUrl === stack.inbound.queue.url ? 'triage' : input.QueueUrl === stack.outbound.queue.url ? 'send' : 'other';
    if (name === 'DeleteMessageBatchCommand' || name === 'DeleteMessageCommand') {
      const handle = ((input.Entries as { ReceiptHandle: string }[] | undefined)?.[0]?.ReceiptHandle ?? input.ReceiptHandle) as string;
      const r = received.get(handle);
      if (r) invocation(r.fn, performance.now() - r.at + (r.fn === 'send' ? ASSUMED.providerCallMs : 0), r.batch);
    }
    const result = await next(args);
    const count = (op: string, n = 1) => meter.sqs.set(op, (meter.sqs.get(op) ?? 0) + n);
    if (name === 'ReceiveMessageCommand') {
      const messages = (result.output as { Messages?: { ReceiptHandle?: string }[] }).Messages ?? [];
      if (messages.length) {
        count('ReceiveMessage');
        const at = performance.now();
        for (const m of messages) received.set(m.ReceiptHandle!, { at, batch: messages.length, fn });
      }
    } else if (name === 'SendMessageCommand' || name === 'SendMessageBatchCommand') {
      const bodies = name === 'SendMessageCommand' ? [input.MessageBody as string] : (input.Entries as { MessageBody: string }[]).map((e) => e.MessageBody);
      count(name.replace('Command', ''), Math.max(1, Math.ceil(bodies.reduce((s, b) => s + Buffer.byteLength(b), 0) / 65_536)));
    } else if (name !== 'GetQueueAttributesCommand') count(name.replace('Command', ''));
    return result;
  },
  { step: 'initialize', name: 'benchCostSqs' },
);

let rawPutMs = 0;
stack.s3Client.middlewareStack.add(
  (next, context) => async (args) => {
    const name = ((context as { commandName?: string }).commandName ?? 'unknown').replace('Command', '');
    const t0 = performance.now();
    const result = await next(args);
    if (name === 'PutObject' && String((args.input as Json).Key).startsWith('raw/')) rawPutMs += performance.now() - t0;
    meter.s3.set(name, (meter.s3.get(name) ?? 0) + 1);
    return result;
  },
  { step: 'initialize', name: 'benchCostS3' },
);

// --- the traffic -------------------------------------------------------------------------------------------------

const settle = async (url: string) => {
  for (;;) {
    const d = await queueDepth(stack.sqsClient, url);
    if (d.visible === 0 && d.inFlight === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
};
const keys = await ensureLocalKeys(stack.dataDir);
const token = await signLocalToken(keys.privateJwk, { sub: 'bench-agent', name: 'Bench Agent', role: 'agent' });
const api = async (path: string, init: RequestInit = {}) => {
  const t0 = performance.now();
  const res = await fetch(`${stack.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = (await res.json()) as Json;
  invocation('inbox-api', performance.now() - t0);
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
};

async function whatsapp(tag: string, n: number): Promise<void> {
  for (let burst = 0; burst < n; burst += 10) {
    // bursts of ten, so the poller can take batches as the event source mapping does under load
    await Promise.all(
      Array.from({ length: Math.min(10, n - burst) }, async (_, k) => {
        const i = burst + k;
        const m = DEMO_MESSAGES[i % DEMO_MESSAGES.length]!;
        const payload = whatsappTextWebhook({ from: `3168${tag}${String(i).padStart(6, '0')}`, name: m.name, text: m.text, wamid: `wamid.cost.${tag}.${i}` });
        const t0 = performance.now();
        const res = await postSignedWebhook(`${stack.url}/webhooks/whatsapp`, payload, stack.metaAppSecret);
        await res.arrayBuffer();
        invocation('ingest-webhook', performance.now() - t0);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      }),
    );
  }
  await settle(stack.inbound.queue.url);
}

async function emails(tag: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const m = DEMO_EMAILS[i % DEMO_EMAILS.length]!;
    const from = m.from.replace('@', `+${tag}${i}@`);
    const raw = [
      `From: ${from}`,
      'To: support@balie.local',
      `Subject: ${m.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <cost-${tag}-${i}@bench.local>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      m.body,
      '',
    ].join('\r\n');
    rawPutMs = 0;
    const t0 = performance.now();
    const res = await fetch(`${stack.url}/local/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
    await res.arrayBuffer();
    // the raw put is SES's write in AWS, not the function's time
    invocation('ingest-email', performance.now() - t0 - rawPutMs);
    if (res.status !== 202) throw new Error(`/local/email answered ${res.status}`);
  }
  await settle(stack.inbound.queue.url);
}

/** An agent opens the worklist, opens the thread and approves its draft; the send worker delivers it. */
async function answer(tag: string): Promise<number> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page: ThreadPage = await rawStore.listThreads({ limit: 100, cursor, status: 'all' });
    ids.push(...page.threads.filter((t) => t.channel === 'whatsapp' && t.contact.handle.startsWith(`3168${tag}`)).map((t) => t.id));
    cursor = page.nextCursor;
  } while (cursor);
  for (const id of ids) {
    await api('/api/threads?limit=25');
    const detail = (await api(`/api/threads/${id}`)) as { drafts: { id: string; version: number }[] };
    const draft = detail.drafts[0]!;
    await api(`/api/threads/${id}/drafts/${draft.id}/approve`, { method: 'POST', body: JSON.stringify({ version: draft.version }) });
  }
  await settle(stack.outbound.queue.url);
  return ids.length;
}

// Warm-up (JIT, sockets, the fastText model), not counted.
await whatsapp('00', 20);
await emails('00', 4);
await answer('00');

// Pass 1: durations and request counts. Pass 2: DynamoDB capacity with GSI writes, which reads every written item
// before and after (so its durations are not used).
const phases = new Map<string, Meter>();
const measure = async (name: string, run: () => Promise<unknown>) => {
  meter = newMeter();
  await run();
  phases.set(name, meter);
};
await measure('whatsapp', () => whatsapp('11', nWhatsapp));
await measure('email', () => emails('11', nEmail));
let answered = 0;
await measure('reply', async () => (answered = await answer('11')));
accounting = true;
const nWhatsapp2 = Math.min(nWhatsapp, 50);
const nEmail2 = Math.min(nEmail, 20);
await measure('whatsapp#capacity', () => whatsapp('22', nWhatsapp2));
await measure('email#capacity', () => emails('22', nEmail2));
let answered2 = 0;
await measure('reply#capacity', async () => (answered2 = await answer('22')));
accounting = false;
meter = newMeter();

const report = await triageReport(rawStore, 1);
await stack.stop({ drainTimeoutMs: 2_000 });
raw.destroy();
await rm(dataDir, { recursive: true, force: true });

// Cold starts: each bundle imported in fresh processes, as bench/bundles.ts does.
const initMs = new Map<string, number>();
if (initRuns > 0) {
  const dir = await mkdtemp(join(tmpdir(), 'balie-cost-bundles-'));
  const { loader } = await writeLoader(join(dir, '_bench'));
  for (const spec of specs) {
    const bundle = await bundleFunction(spec, join(dir, spec.name));
    await provideRuntimeSdk(bundle.dir);
    const runs: number[] = [];
    for (let i = 0; i < initRuns; i++) runs.push((await timeImport(loader, bundle.file, offlineEnv(spec), true)).ms);
    initMs.set(spec.name, percentile(runs, 50));
  }
  await rm(dir, { recursive: true, force: true });
}

// --- per message ---------------------------------------------------------------------------------------------------

interface Line {
  item: string;
  unit: string;
  perMessage: number;
  price: number;
  basis: 'measured' | 'assumed' | 'measured × assumed';
}

function linesFor(flow: 'whatsapp' | 'email' | 'reply', messages: number, capacityMessages: number): Line[] {
  const m = phases.get(flow)!;
  const c = phases.get(`${flow}#capacity`)!;
  const lines: Line[] = [];
  let invocations = 0;
  let apiRequests = 0;
  for (const [fn, list] of m.invocations) {
    const batched = fn === 'triage' || fn === 'send';
    const records = list.reduce((s, i) => s + i.records, 0);
    const billedMs = list.reduce((s, i) => s + Math.ceil(i.ms), 0);
    const gb = (memoryOf.get(fn) ?? 512) / 1024;
    const perMessageInvocations = batched ? records / messages / ASSUMED.recordsPerBatch : list.length / messages;
    invocations += perMessageInvocations;
    if (fn === 'ingest-webhook' || fn === 'inbox-api') apiRequests += list.length / messages;
    lines.push({
      item: `Lambda ${fn}: ${percentile(
        list.map((i) => i.ms),
        50,
      ).toFixed(1)} ms p50 per ${batched ? `batch (local batches avg ${(records / list.length).toFixed(1)} records)` : 'invocation'}, ${gb * 1024} MB`,
      unit: 'GB-s',
      perMessage: ((billedMs / 1000) * gb) / messages,
      price: PRICE.lambdaGbSecondArm,
      basis: fn === 'send' ? 'measured × assumed' : 'measured',
    });
    lines.push({
      item: `Lambda ${fn} requests${batched ? ` (batches of ${ASSUMED.recordsPerBatch}, assumed)` : ''}`,
      unit: 'requests',
      perMessage: perMessageInvocations,
      price: PRICE.lambdaRequest,
      basis: batched ? 'measured × assumed' : 'measured',
    });
    const init = initMs.get(fn);
    if (init !== undefined)
      lines.push({
        item: `Lambda ${fn} cold starts: ${ASSUMED.coldStartRate * 100}% of invocations × ${init.toFixed(0)} ms init`,
        unit: 'GB-s',
        perMessage: perMessageInvocations * ASSUMED.coldStartRate * (init / 1000) * gb,
        price: PRICE.lambdaGbSecondArm,
        basis: 'measured × assumed',
      });
  }
  if (apiRequests)
    lines.push({ item: 'API Gateway HTTP API requests', unit: 'requests', perMessage: apiRequests, price: PRICE.httpApiRequest, basis: 'measured' });
  const sqs = [...m.sqs.values()].reduce((a, b) => a + b, 0);
  lines.push({
    item: `SQS requests (${[...m.sqs].map(([k, v]) => `${k} ${(v / messages).toFixed(2)}`).join(', ')})`,
    unit: 'requests',
    perMessage: sqs / messages,
    price: PRICE.sqsRequest,
    basis: 'measured',
  });
  const dyn = [...c.dynamo.values()].reduce(
    (a, d) => ({ commands: a.commands + d.commands, rru: a.rru + d.rru, wru: a.wru + d.wru, gsiWru: a.gsiWru + d.gsiWru }),
    { commands: 0, rru: 0, wru: 0, gsiWru: 0 },
  );
  const ops = (writes: boolean) =>
    [...c.dynamo]
      .filter(([k, d]) => d.commands && ['PutItem', 'UpdateItem', 'DeleteItem'].includes(k) === writes)
      .map(([k, d]) => `${k} ${(d.commands / capacityMessages).toFixed(1)}${d.failed ? ` (${(d.failed / capacityMessages).toFixed(2)} refused)` : ''}`)
      .join(', ');
  lines.push({
    item: `DynamoDB writes: ${(dyn.wru / capacityMessages).toFixed(1)} table + ${(dyn.gsiWru / capacityMessages).toFixed(1)} GSI WRU; ${ops(true)}`,
    unit: 'WRU',
    perMessage: (dyn.wru + dyn.gsiWru) / capacityMessages,
    price: PRICE.dynamoWru,
    basis: 'measured',
  });
  lines.push({ item: `DynamoDB reads: ${ops(false)}`, unit: 'RRU', perMessage: dyn.rru / capacityMessages, price: PRICE.dynamoRru, basis: 'measured' });
  const storedBytes = [...c.items.values()].reduce((a, b) => a + b, 0);
  lines.push({
    item: `DynamoDB storage, one month (${(storedBytes / capacityMessages / 1024).toFixed(1)} KB of items per message)`,
    unit: 'GB-month',
    perMessage: storedBytes / capacityMessages / 1024 ** 3,
    price: PRICE.dynamoStorageGbMonth,
    basis: 'measured',
  });
  const puts = (m.s3.get('PutObject') ?? 0) / messages;
  const gets = ((m.s3.get('GetObject') ?? 0) + (m.s3.get('ListObjectsV2') ?? 0)) / messages;
  if (puts || gets) {
    lines.push({ item: 'S3 PUT (raw mail written by SES, attachments)', unit: 'requests', perMessage: puts, price: PRICE.s3Put, basis: 'measured' });
    lines.push({ item: 'S3 GET', unit: 'requests', perMessage: gets, price: PRICE.s3Get, basis: 'measured' });
  }
  if (flow === 'email')
    lines.push({
      item: 'SES inbound: one mail, one 256 KB chunk',
      unit: 'mails',
      perMessage: 1,
      price: PRICE.sesInboundMail + PRICE.sesInboundChunk,
      basis: 'measured',
    });
  lines.push({
    item: `CloudWatch Logs: ${(m.logBytes / messages).toFixed(0)} B app logs (INFO) per message`,
    unit: 'GB',
    perMessage: m.logBytes / messages / 1024 ** 3,
    price: PRICE.logsIngestGb,
    basis: 'measured',
  });
  const extra = invocations * (ASSUMED.platformLogBytesPerInvocation + ASSUMED.emfLogBytesPerInvocation) + apiRequests * ASSUMED.accessLogBytesPerRequest;
  lines.push({
    item: `CloudWatch Logs: platform + EMF lines per invocation, access log per request`,
    unit: 'GB',
    perMessage: extra / 1024 ** 3,
    price: PRICE.logsIngestGb,
    basis: 'measured × assumed',
  });
  lines.push({
    item: `X-Ray traces (${ASSUMED.xrayTraceShare * 100}% of invocations)`,
    unit: 'traces',
    perMessage: invocations * ASSUMED.xrayTraceShare,
    price: PRICE.xrayTrace,
    basis: 'measured × assumed',
  });
  return lines;
}

const flows = [
  { key: 'whatsapp' as const, title: 'WhatsApp message in (webhook → queue → triage)', n: nWhatsapp, n2: nWhatsapp2 },
  { key: 'email' as const, title: 'email in (SES → S3 → ingest-email → queue → triage)', n: nEmail, n2: nEmail2 },
  {
    key: 'reply' as const,
    title: `reply (agent: ${ASSUMED.agentRequestsPerMessage} API requests, assumed; approve → queue → send)`,
    n: answered,
    n2: answered2,
  },
];
const totals = new Map<string, number>();
const usd = (n: number) => (n >= 0.01 ? n.toFixed(4) : n.toFixed(6));
for (const f of flows) {
  print(`\n${f.title}, per 1,000 messages (measured on ${f.n}; DynamoDB capacity on ${f.n2})`);
  print(`  ${'item'.padEnd(100)} ${'per message'.padStart(12)} ${'unit'.padEnd(9)} ${'USD/1,000'.padStart(10)}  basis`);
  let total = 0;
  for (const l of linesFor(f.key, f.n, f.n2)) {
    const cost = l.perMessage * l.price * 1000;
    total += cost;
    print(`  ${l.item.padEnd(100)} ${l.perMessage.toPrecision(3).padStart(12)} ${l.unit.padEnd(9)} ${usd(cost).padStart(10)}  ${l.basis}`);
  }
  totals.set(f.key, total);
  print(`  ${'total'.padEnd(100)} ${''.padStart(12)} ${''.padEnd(9)} ${usd(total).padStart(10)}`);
}

const recorded = report.modes.reduce(
  (s, m) => ({ messages: s.messages + m.messages, tokens: s.tokens + m.inputTokens + m.outputTokens, cost: s.cost + m.costUsd }),
  { messages: 0, tokens: 0, cost: 0 },
);
const llmTokens = recorded.messages ? recorded.tokens / recorded.messages : 0;
const sesOut = PRICE.sesOutboundMail * 1000;
print('\ntotal per 1,000 messages, USD (AWS, eu-west-1, list prices, no free tier)');
print(`  WhatsApp, triaged and answered     ${usd(totals.get('whatsapp')! + totals.get('reply')!)}   (Meta's own conversation charges not included)`);
print(
  `  email, triaged and answered        ${usd(totals.get('email')! + totals.get('reply')! + sesOut)}   (reply path as WhatsApp's, plus SES outbound ${usd(sesOut)})`,
);
print(
  `  LLM, local engine (measured)       ${usd((recorded.cost / Math.max(1, recorded.messages)) * 1000)}   ${recorded.messages} messages triaged by ${report.modes.map((m) => m.mode).join(', ')}, ${llmTokens.toFixed(0)} tokens recorded per message`,
);
const model = 'gpt-4o-mini';
print(
  `  LLM, OpenAI ${model}, ILLUSTRATION ${usd(costUsd(model, 900, 150) * 1000)}   one call per message of 900 prompt + 150 completion tokens: the usage test/helpers/fake-openai.ts`,
);
print(
  `                                              answers with, NOT a measurement; at $${PRICES[model]!.input}/$${PRICES[model]!.output} per million input/output tokens (shared/triage/llm/schema.ts)`,
);
print('\nfixed costs, not per message: SQS long polls of the two event source mappings (~0.26 USD/month each), Secrets Manager ($0.40');
print('per secret-month, GetSecretValue at cold starts), CloudWatch custom metrics, KMS none (SSE-SQS, AWS-owned keys), PITR and S3 storage.');
print(
  `assumed: ${Object.entries(ASSUMED)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}; prices written from memory (see PRICE in bench/cost.ts).`,
);
print(
  `durations: in-process on this machine (load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs) against emulators; Lambda at 512 MB has about 0.3 vCPU, so CPU-bound parts run slower there.`,
);
