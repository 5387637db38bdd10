import { mkdir, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createInboxApiApp } from '../functions/inbox-api/app.js';
import { createIngestEmailHandler } from '../functions/ingest-email/app.js';
import { createWebhookApp } from '../functions/ingest-webhook/app.js';
import { createSendHandler } from '../functions/send/app.js';
import { createTriageHandler } from '../functions/triage/app.js';
import { ensureLocalKeys, LOCAL_ISSUER, signLocalToken } from '../shared/auth/local-keys.js';
import type { Role } from '../shared/auth/roles.js';
import { createDocumentClient } from '../shared/config/clients.js';
import { DEFAULT_MAX_WEBHOOK_BYTES } from '../shared/config/env.js';
import { graphOptionsFor, sendersFor, type ChannelCredentials } from '../shared/config/senders.js';
import { GraphMediaArchive } from '../shared/channels/meta-graph/media-archive.js';
import { createLogger } from '../shared/config/logger.js';
import { countTriageUsage, createMetrics } from '../shared/config/metrics.js';
import { errorHandler } from '../shared/http/on-error.js';
import { sqsRetryLater } from '../shared/queue/retry-later.js';
import { SqsSendJobPublisher } from '../shared/queue/send-job-publisher.js';
import { SqsEventPublisher } from '../shared/queue/sqs-publisher.js';
import { DynamoThreadStore, ensureTable, S3BlobStore } from '../shared/store/index.js';
import { triageEngines } from '../shared/config/triage-engines.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir } from '../shared/triage/knowledge/knowledge-base.js';
import { createInboundEventProcessor } from '../shared/use-cases/process-inbound-event.js';
import { sendApprovedDraft } from '../shared/use-cases/send-reply.js';
import { sendDemoTraffic } from './demo.js';
import { startDynalite, startS3, startSqs, type Emulator } from './emulators.js';
import { createLocalEmailRoute } from './local-email-route.js';
import { LocalOutbox } from './outbox.js';
import { QueuePoller } from './queue-poller.js';
import { ensureQueueWithDlq, queueDepth, type QueueRef } from './queues.js';

export const LOCAL_DEFAULTS = {
  port: 3000,
  dataDir: '.data',
  metaAppSecret: 'balie-local-app-secret',
  metaVerifyToken: 'balie-local-verify-token',
  tableName: 'balie',
  inboundQueue: 'balie-inbound',
  outboundQueue: 'balie-outbound',
  emailFrom: 'Balie Klantenservice <support@balie.local>',
  mailBucket: 'balie-mail',
  rawMailPrefix: 'raw/',
} as const;

/** Who can sign in to the local page (the first two match `npm run token -- --role agent|supervisor`). */
export const DEMO_AGENTS: Array<{ sub: string; name: string; role: Role }> = [
  { sub: 'local-agent', name: 'Demo Agent', role: 'agent' },
  { sub: 'local-supervisor', name: 'Demo Supervisor', role: 'supervisor' },
  { sub: 'local-noor', name: 'Noor Bakker', role: 'agent' },
];

export interface LocalStackOptions {
  port?: number;
  dataDir?: string;
  dynamodbPort?: number;
  sqsPort?: number;
  s3Port?: number;
  metaAppSecret?: string;
  metaVerifyToken?: string;
  /** Send demo traffic when the data folder is new. */
  demo?: boolean;
  triagePollers?: number;
  /** Seconds a received message stays invisible before SQS delivers it again. */
  visibilityTimeoutSeconds?: number;
  /**
   * Receives before SQS moves a message to its DLQ: 5, as in AWS. In AWS the visibility timeout is several times the
   * function's timeout, so a receive means a failed or crashed attempt; with a visibility timeout of a second, a
   * batch that is merely slow is received again too, and a test that shrinks the one may have to raise the other.
   */
  maxReceiveCount?: number;
  maxWebhookBytes?: number;
  /** OPENAI_API_KEY, OPENAI_BASE_URL, TRIAGE_MODE… (the process environment by default). */
  triageEnv?: NodeJS.ProcessEnv;
  /** Markdown articles the drafts are grounded in; the demo shop's by default. */
  knowledgeDir?: string;
  /** Real channel credentials; a channel without one sends to the local outbox. */
  channels?: ChannelCredentials;
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

export interface LocalStack {
  url: string;
  port: number;
  dataDir: string;
  dynamodb: Emulator;
  sqs: Emulator;
  s3: Emulator;
  inbound: { queue: QueueRef; dlq: QueueRef };
  outbound: { queue: QueueRef; dlq: QueueRef };
  tableName: string;
  mailBucket: string;
  metaAppSecret: string;
  metaVerifyToken: string;
  demoSent: number;
  /** local, llm or hybrid (OPENAI_API_KEY and TRIAGE_MODE decide). */
  triageMode: string;
  sqsClient: SQSClient;
  dynamoClient: DynamoDBClient;
  s3Client: S3Client;
  /** True while no poller is handling a batch (a handler can still be writing after SQS redelivered its record). */
  idle(): boolean;
  /** Stops taking webhooks, drains the queues (up to `drainTimeoutMs`), then stops the emulators. */
  stop(options?: { drainTimeoutMs?: number }): Promise<{ drained: boolean }>;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const REGION = 'us-east-1';

/**
 * The whole of Balie on one machine: DynamoDB, SQS and S3 emulators as child processes, the webhook, email and
 * inbox apps on one loopback port, and the triage handler polled from the queue, all wired with the same
 * adapters the Lambdas use.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir ?? LOCAL_DEFAULTS.dataDir);
  const fresh = !(await exists(join(dataDir, 'dynamodb')));
  await Promise.all([mkdir(join(dataDir, 'dynamodb'), { recursive: true }), mkdir(join(dataDir, 's3'), { recursive: true })]);
  // Node 20 is what this machine has; the SDK's notice about Node 22 says nothing a local user can act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.LOG_LEVEL = options.logLevel ?? 'WARN';
  const metaAppSecret = options.metaAppSecret ?? LOCAL_DEFAULTS.metaAppSecret;
  const metaVerifyToken = options.metaVerifyToken ?? LOCAL_DEFAULTS.metaVerifyToken;

  const [keys, dynamodb, sqs, s3] = await Promise.all([
    ensureLocalKeys(dataDir),
    startDynalite({ port: options.dynamodbPort, dataDir: join(dataDir, 'dynamodb') }),
    startSqs({ port: options.sqsPort }),
    startS3({ port: options.s3Port, dataDir: join(dataDir, 's3'), bucket: LOCAL_DEFAULTS.mailBucket }),
  ]);
  const dynamoClient = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
  const sqsClient = new SQSClient({ endpoint: sqs.endpoint, region: REGION, credentials: LOCAL_CREDENTIALS });
  // s3rver accepts only its own fixed key pair
  const s3Client = new S3Client({ endpoint: s3.endpoint, region: REGION, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, forcePathStyle: true });
  const tableName = LOCAL_DEFAULTS.tableName;
  const [, inbound, outbound] = await Promise.all([
    ensureTable(dynamoClient, tableName),
    ensureQueueWithDlq(sqsClient, LOCAL_DEFAULTS.inboundQueue, options.visibilityTimeoutSeconds ?? 30, options.maxReceiveCount),
    ensureQueueWithDlq(sqsClient, LOCAL_DEFAULTS.outboundQueue, options.visibilityTimeoutSeconds ?? 30, options.maxReceiveCount),
  ]);

  const documents = createDocumentClient(dynamoClient);
  const store = new DynamoThreadStore(documents, tableName);
  const outbox = new LocalOutbox(documents, tableName, LOCAL_DEFAULTS.emailFrom);
  const publisher = new SqsEventPublisher(sqsClient, inbound.queue.url);
  const blobs = new S3BlobStore(s3Client, LOCAL_DEFAULTS.mailBucket);
  const app = new Hono();
  app.onError(errorHandler(createLogger('local')));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', createWebhookApp({
    appSecret: metaAppSecret,
    verifyToken: metaVerifyToken,
    maxBodyBytes: options.maxWebhookBytes ?? DEFAULT_MAX_WEBHOOK_BYTES,
    publisher,
    logger: createLogger('ingest-webhook'),
    metrics: createMetrics('ingest-webhook'),
  }));
  const ingestEmail = createIngestEmailHandler({ blobs, publisher, rawPrefix: LOCAL_DEFAULTS.rawMailPrefix, logger: createLogger('ingest-email'), metrics: createMetrics('ingest-email') });
  app.route('/', createLocalEmailRoute({ blobs, rawPrefix: LOCAL_DEFAULTS.rawMailPrefix, ingest: ingestEmail }));
  app.get('/local/outbox', async (c) => c.json({ items: await outbox.list() }));
  // agents' corrections and approved replies as JSON lines: `npm run train -- --feedback <file>` learns from them
  app.get('/local/feedback.jsonl', async (c) => c.text((await store.listFeedback()).map((f) => JSON.stringify(f)).join('\n') + '\n'));
  app.route('/', createInboxApiApp({
    store,
    jobs: new SqsSendJobPublisher(sqsClient, outbound.queue.url),
    events: publisher,
    blobs,
    auth: { kind: 'local', keys: [keys.publicJwk], issuer: LOCAL_ISSUER },
    logger: createLogger('inbox-api'),
    metrics: createMetrics('inbox-api'),
    web: {
      login: { kind: 'local', agents: DEMO_AGENTS, sign: (agent) => signLocalToken(keys.privateJwk, agent) },
      directory: DEMO_AGENTS,
    },
  }));

  const engines = triageEngines(loadKnowledgeBaseDir(options.knowledgeDir ?? DEMO_KNOWLEDGE_DIR), options.triageEnv ?? process.env);
  const triageMetrics = createMetrics('triage');
  const triage = createTriageHandler({
    processEvent: createInboundEventProcessor({
      store: countTriageUsage(store, triageMetrics),
      ...engines,
      media: new GraphMediaArchive(blobs, graphOptionsFor(options.channels ?? {})),
    }),
    logger: createLogger('triage'),
    metrics: triageMetrics,
  });
  const send = createSendHandler({
    send: (job) => sendApprovedDraft({ store, senderFor: sendersFor(options.channels ?? {}, outbox, () => outbox), emailFrom: LOCAL_DEFAULTS.emailFrom }, job),
    retryLater: sqsRetryLater(sqsClient, () => outbound.queue.url),
    logger: createLogger('send'),
    metrics: createMetrics('send'),
  });
  const pollerLogger = createLogger('local-poller');
  const onError = (err: unknown) => pollerLogger.error('poll failed', { error: err as Error });
  const pollers = [
    new QueuePoller(sqsClient, inbound.queue.url, inbound.queue.arn, triage, { concurrency: options.triagePollers ?? 4, onError }),
    new QueuePoller(sqsClient, outbound.queue.url, outbound.queue.arn, send, { concurrency: 1, onError }),
  ];
  for (const poller of pollers) poller.start();

  const server = await listen(app, options.port ?? LOCAL_DEFAULTS.port);
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const demoSent = fresh && options.demo !== false ? await sendDemoTraffic(url, metaAppSecret) : 0;

  let stopping: Promise<{ drained: boolean }> | undefined;
  const stop = (stopOptions: { drainTimeoutMs?: number } = {}) =>
    (stopping ??= (async () => {
      await new Promise<void>((r) => server.close(() => r()));
      const deadline = Date.now() + (stopOptions.drainTimeoutMs ?? 30_000);
      // inbound first: triage can add no send jobs, but approvals already queued should still go out
      const drained = (await drain(sqsClient, inbound.queue.url, pollers[0]!, deadline)) && (await drain(sqsClient, outbound.queue.url, pollers[1]!, deadline));
      await Promise.all(pollers.map((p) => p.stop()));
      for (const client of [sqsClient, dynamoClient, s3Client]) client.destroy();
      await Promise.all([dynamodb.stop(), sqs.stop(), s3.stop()]);
      return { drained };
    })());

  return {
    url, port, dataDir, dynamodb, sqs, s3, inbound, outbound, tableName, mailBucket: LOCAL_DEFAULTS.mailBucket,
    metaAppSecret, metaVerifyToken, demoSent, triageMode: engines.mode, sqsClient, dynamoClient, s3Client, stop,
    idle: () => pollers.every((p) => !p.active),
  };
}

/** Waits until the queue has nothing visible or in flight and no batch is being handled. */
async function drain(sqs: SQSClient, queueUrl: string, poller: QueuePoller, deadline: number): Promise<boolean> {
  while (Date.now() < deadline) {
    const depth = await queueDepth(sqs, queueUrl);
    if (depth.visible === 0 && depth.inFlight === 0 && !poller.active) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

function listen(app: Hono, port: number): Promise<ServerType> {
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolvePromise(server));
    server.once('error', reject);
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
