import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Hono } from 'hono';
import type { AuthEnv, AuthSource } from '../../shared/auth/middleware.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { once, type Lazy } from '../../shared/config/once.js';
import type { MessageTemplate } from '../../shared/domain/index.js';
import type { Observability } from '../../shared/observability/powertools.js';
import { SqsJsonPublisher, SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import { DynamoSettingsStore } from '../../shared/store/dynamo-settings.js';
import { DynamoCannedReplyStore } from '../../shared/store/dynamo-canned-replies.js';
import { MODEL_PREFIX } from '../../shared/triage/local/published-model.js';
import { TrainingJobs } from '../../shared/triage/local/training-jobs.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { DynamoAgentDirectory } from '../../shared/store/dynamo-agent-directory.js';
import { DynamoThreadStore } from '../../shared/store/dynamo-thread-store.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { createInboxApiApp, type InboxApiDeps } from './app.js';

export interface InboxApiWiring {
  dynamo: DynamoDBClient;
  /** Made with the first approval or request for a new draft. */
  sqs: Lazy<SQSClient>;
  /** Made when an agent first opens a mail body or attachment. */
  s3: Lazy<S3Client>;
  tableName: string;
  /** Approved drafts become send jobs on this queue. */
  outboundQueueUrl: string;
  /** A request for a new draft goes to the triage worker's queue; without it the page offers none. */
  inboundQueueUrl?: string;
  /** Email bodies, attachments and media; without it the page shows none. */
  mailBucket?: string;
  /** The training worker's queue: with the mail bucket (the models live in it), supervisors can train and promote models. */
  trainingQueueUrl?: string;
  /** Where the models are in the bucket. */
  modelPrefix?: string;
  /** How long the bucket keeps mail parts and media; named when one is gone. */
  mailRetentionDays?: number;
  /** Approved WhatsApp templates; the demo defaults otherwise. */
  templates?: MessageTemplate[];
  /** Who signs the tokens: Cognito in AWS, the key in DATA_DIR locally. */
  auth: AuthSource;
  /** The agents' page and how they sign in to it (Cognito's hosted UI, or the local demo login). */
  web?: InboxApiDeps['web'];
  observability: Observability;
}

/** The agents' API and page as they run: the Lambda entry and the local stack both build them here. */
export function composeInboxApi(wiring: InboxApiWiring): Hono<AuthEnv> {
  const { logger, metrics, tracer } = wiring.observability;
  const sqs = once(async () => tracer.captureAWSv3Client(await wiring.sqs()));
  const documents = createDocumentClient(tracer.captureAWSv3Client(wiring.dynamo));
  const blobs = wiring.mailBucket
    ? new S3BlobStore(
        once(async () => tracer.captureAWSv3Client(await wiring.s3())),
        wiring.mailBucket,
      )
    : undefined;
  const modelPrefix = wiring.modelPrefix ?? MODEL_PREFIX;
  return createInboxApiApp({
    store: new DynamoThreadStore(documents, wiring.tableName),
    agents: new DynamoAgentDirectory(documents, wiring.tableName),
    jobs: new SqsSendJobPublisher(sqs, wiring.outboundQueueUrl),
    events: wiring.inboundQueueUrl ? new SqsEventPublisher(sqs, wiring.inboundQueueUrl) : undefined,
    blobs,
    settings: new DynamoSettingsStore(documents, wiring.tableName),
    cannedReplies: new DynamoCannedReplyStore(documents, wiring.tableName),
    training:
      blobs && wiring.trainingQueueUrl
        ? {
            blobs,
            prefix: modelPrefix,
            jobs: new TrainingJobs(blobs, modelPrefix),
            requests: new SqsJsonPublisher(sqs, wiring.trainingQueueUrl, 'the training queue did not take the job'),
          }
        : undefined,
    mailRetentionDays: wiring.mailRetentionDays,
    templates: wiring.templates,
    auth: wiring.auth,
    web: wiring.web,
    logger,
    metrics,
  });
}
