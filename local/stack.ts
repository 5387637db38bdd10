import { mkdir, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { composeInboxApi } from '../functions/inbox-api/compose.js';
import { composeIngestEmail } from '../functions/ingest-email/compose.js';
import { composeIngestWebhook } from '../functions/ingest-webhook/compose.js';
import { composeSend } from '../functions/send/compose.js';
import { composeTriage } from '../functions/triage/compose.js';
import { ensureLocalKeys, LOCAL_ISSUER, signLocalToken } from '../shared/auth/local-keys.js';
import type { Role } from '../shared/auth/roles.js';
import { createDocumentClient } from '../shared/config/clients.js';
import { DEFAULT_MAX_WEBHOOK_BYTES } from '../shared/config/env.js';
import type { ChannelCredentials } from '../shared/config/senders.js';
import { errorHandler } from '../shared/http/on-error.js';
import { createLogger } from '../shared/observability/logger.js';
import { createObservability } from '../shared/observability/powertools.js';
import { DynamoCannedReplyStore, DynamoThreadStore, ensureTable, S3BlobStore } from '../shared/store/index.js';
import { DEMO_KNOWLEDGE_DIR } from '../shared/triage/knowledge/knowledge-base.js';
import { sendDemoTraffic } from './demo.js';
import { startDynalite, startS3, startSqs, type Emulator } from './emulators.js';
import { publishModel } from '../shared/triage/local/published-model.js';
import { seedCannedReplies, seedKnowledgeArticles } from './knowledge.js';
import { createLocalEmailRoute } from './local-email-route.js';
import { loopbackHostOnly, sameOriginOnly } from './local-guards.js';
import { LocalOutbox } from './outbox.js';
import { QueuePoller } from './queue-poller.js';
import { ensureQueueWithDlq, queueDepth, type QueueRef } from './queues.js';
import { trainInChildProcess } from './train-process.js';

/** Seconds a training request stays invisible while a worker trains (the Lambda's timeout is 15 minutes). */
const TRAINING_VISIBILITY_SECONDS = 960;

export const LOCAL_DEFAULTS = {
  port: 3000,
  dataDir: '.data',
  metaAppSecret: 'balie-local-app-secret',
  metaVerifyToken: 'balie-local-verify-token',
  tableName: 'balie',
  inboundQueue: 'balie-inbound',
  outboundQueue: 'balie-outbound',
  trainingQueue: 'balie-training',
  emailFrom: 'Balie Klantenservice <support@balie.local>',
  mailBucket: 'balie-mail',
  rawMailPrefix: 'raw/',
  /** As in AWS (infra/lib/triage.ts): triage reads the knowledge articles from here in the bucket. */
  knowledgePrefix: 'knowledge/',
  /** As in AWS: published triage models, read by triage at start and again when current.json changes. */
  modelPrefix: 'models/',
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
  /** Markdown articles put in the local bucket's knowledge/ when it has none (the demo shop's by default). */
  knowledgeDir?: string;
  /** A model folder (`npm run train -- --from FILE --out DIR`) published to the local bucket at start, as `npm run publish-model` does in AWS. */
  modelDir?: string;
  /** How often triage looks for a newly published model (5 minutes, as in AWS). */
  modelCheckMs?: number;
  /** Real channel credentials; a channel without one sends to the local outbox. */
  channels?: ChannelCredentials;
  /** The local bucket keeps everything; set to name a retention when the page says an original is gone (as in AWS). */
  mailRetentionDays?: number;
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
  /** The triage model in use at start: a published model's id, or "shipped". */
  triageModel: string;
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
 * inbox apps on one loopback port, the triage and send handlers polled from their queues. Each function is built by
 * the same compose module its Lambda entry calls (functions/<name>/compose.ts); only the clients (pointed at the
 * emulators) and the local-only pieces (outbox, demo login, raw-mail route) are made here.
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
  const s3Client = new S3Client({
    endpoint: s3.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    forcePathStyle: true,
  });
  const tableName = LOCAL_DEFAULTS.tableName;
  const [, inbound, outbound, training] = await Promise.all([
    ensureTable(dynamoClient, tableName),
    ensureQueueWithDlq(sqsClient, LOCAL_DEFAULTS.inboundQueue, options.visibilityTimeoutSeconds ?? 30, options.maxReceiveCount),
    ensureQueueWithDlq(sqsClient, LOCAL_DEFAULTS.outboundQueue, options.visibilityTimeoutSeconds ?? 30, options.maxReceiveCount),
    // as in AWS: a training job may take minutes, and one that failed twice goes to the DLQ rather than train again
    ensureQueueWithDlq(sqsClient, LOCAL_DEFAULTS.trainingQueue, TRAINING_VISIBILITY_SECONDS, 2),
  ]);

  // local-only pieces: the outbox that stands in for the channels, the demo login, the raw-mail route, the feedback file
  const documents = createDocumentClient(dynamoClient);
  const store = new DynamoThreadStore(documents, tableName);
  const outbox = new LocalOutbox(documents, tableName, LOCAL_DEFAULTS.emailFrom);
  const blobs = new S3BlobStore(s3Client, LOCAL_DEFAULTS.mailBucket);
  await seedKnowledgeArticles(blobs, LOCAL_DEFAULTS.knowledgePrefix, options.knowledgeDir ?? DEMO_KNOWLEDGE_DIR);
  if (options.demo !== false) await seedCannedReplies(new DynamoCannedReplyStore(documents, tableName));
  if (options.modelDir) await publishModel(blobs, LOCAL_DEFAULTS.modelPrefix, options.modelDir);

  // the functions themselves, composed exactly as their Lambda entries compose them
  const app = new Hono();
  app.onError(errorHandler(createLogger('local')));
  let port = options.port ?? LOCAL_DEFAULTS.port;
  // Meta's webhooks are signed, and a tunnel forwards them under its own name; everything else is ours alone
  const hostGuard = loopbackHostOnly(() => port);
  app.use('*', (c, next) => (c.req.path.startsWith('/webhooks/') ? next() : hostGuard(c, next)));
  app.use('/local/*', sameOriginOnly());
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route(
    '/',
    composeIngestWebhook({
      sqs: sqsClient,
      inboundQueueUrl: inbound.queue.url,
      secret: async () => ({ appSecret: metaAppSecret, verifyToken: metaVerifyToken }),
      maxBodyBytes: options.maxWebhookBytes ?? DEFAULT_MAX_WEBHOOK_BYTES,
      observability: createObservability('ingest-webhook'),
    }),
  );
  const ingestEmail = composeIngestEmail({
    s3: s3Client,
    sqs: sqsClient,
    mailBucket: LOCAL_DEFAULTS.mailBucket,
    rawPrefix: LOCAL_DEFAULTS.rawMailPrefix,
    inboundQueueUrl: inbound.queue.url,
    observability: createObservability('ingest-email'),
  });
  app.route('/', createLocalEmailRoute({ blobs, rawPrefix: LOCAL_DEFAULTS.rawMailPrefix, ingest: ingestEmail }));
  app.get('/local/outbox', async (c) => c.json({ items: await outbox.list() }));
  // agents' corrections and approved replies as JSON lines: `npm run train -- --feedback <file>` learns from them
  app.get('/local/feedback.jsonl', async (c) => c.text((await store.listFeedback()).map((f) => JSON.stringify(f)).join('\n') + '\n'));
  app.route(
    '/',
    composeInboxApi({
      dynamo: dynamoClient,
      sqs: async () => sqsClient,
      s3: async () => s3Client,
      tableName,
      outboundQueueUrl: outbound.queue.url,
      inboundQueueUrl: inbound.queue.url,
      trainingQueueUrl: training.queue.url,
      modelPrefix: LOCAL_DEFAULTS.modelPrefix,
      mailBucket: LOCAL_DEFAULTS.mailBucket,
      mailRetentionDays: options.mailRetentionDays,
      auth: { kind: 'local', keys: [keys.publicJwk], issuer: LOCAL_ISSUER },
      web: {
        login: { kind: 'local', agents: DEMO_AGENTS, sign: (agent) => signLocalToken(keys.privateJwk, agent) },
        directory: DEMO_AGENTS,
      },
      observability: createObservability('inbox-api'),
    }),
  );

  // one object: senders and the media archive are made again only when the tokens change
  const channels = options.channels ?? {};
  const triage = await composeTriage({
    dynamo: dynamoClient,
    s3: s3Client,
    tableName,
    mediaBucket: LOCAL_DEFAULTS.mailBucket,
    knowledgePrefix: LOCAL_DEFAULTS.knowledgePrefix,
    model: { prefix: LOCAL_DEFAULTS.modelPrefix, checkEveryMs: options.modelCheckMs ?? 300_000 },
    credentials: async () => channels,
    engineEnv: options.triageEnv ?? process.env,
    observability: createObservability('triage'),
  });
  const send = composeSend({
    dynamo: dynamoClient,
    sqs: async () => sqsClient,
    tableName,
    emailFrom: LOCAL_DEFAULTS.emailFrom,
    credentials: async () => channels,
    unconfigured: outbox,
    queueUrlOf: () => outbound.queue.url,
    observability: createObservability('send'),
  });
  const pollerLogger = createLogger('local-poller');
  const onError = (err: unknown) => pollerLogger.error('poll failed', { error: err as Error });
  const trainer = trainInChildProcess(
    {
      BALIE_DYNAMODB_ENDPOINT: dynamodb.endpoint,
      BALIE_S3_ENDPOINT: s3.endpoint,
      TABLE_NAME: tableName,
      MODEL_BUCKET: LOCAL_DEFAULTS.mailBucket,
      MODEL_PREFIX: LOCAL_DEFAULTS.modelPrefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN',
    },
    (line) => pollerLogger.warn(line),
  );
  const pollers = [
    new QueuePoller(sqsClient, inbound.queue.url, inbound.queue.arn, triage.handler, { concurrency: options.triagePollers ?? 4, onError }),
    new QueuePoller(sqsClient, outbound.queue.url, outbound.queue.arn, send, { concurrency: 1, onError }),
    new QueuePoller(
      sqsClient,
      training.queue.url,
      training.queue.arn,
      trainer,
      // one run at a time, as in AWS (batch size 1), checked every second at most: training is rare
      { concurrency: 1, batchSize: 1, maxIdleDelayMs: 1000, onError },
    ),
  ];
  for (const poller of pollers) poller.start();

  const server = await listen(app, port);
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const demoSent = fresh && options.demo !== false ? await sendDemoTraffic(url, metaAppSecret) : 0;

  let stopping: Promise<{ drained: boolean }> | undefined;
  const stop = (stopOptions: { drainTimeoutMs?: number } = {}) =>
    (stopping ??= (async () => {
      await new Promise<void>((r) => server.close(() => r()));
      const deadline = Date.now() + (stopOptions.drainTimeoutMs ?? 30_000);
      // inbound first: triage can add no send jobs, but approvals already queued should still go out
      const drained = (await drain(sqsClient, inbound.queue.url, pollers[0]!, deadline)) && (await drain(sqsClient, outbound.queue.url, pollers[1]!, deadline));
      trainer.stop();
      await Promise.all(pollers.map((p) => p.stop()));
      for (const client of [sqsClient, dynamoClient, s3Client]) client.destroy();
      await Promise.all([dynamodb.stop(), sqs.stop(), s3.stop()]);
      return { drained };
    })());

  return {
    url,
    port,
    dataDir,
    dynamodb,
    sqs,
    s3,
    inbound,
    outbound,
    tableName,
    mailBucket: LOCAL_DEFAULTS.mailBucket,
    metaAppSecret,
    metaVerifyToken,
    demoSent,
    triageMode: triage.mode,
    triageModel: triage.modelId,
    sqsClient,
    dynamoClient,
    s3Client,
    stop,
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
