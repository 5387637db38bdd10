import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { GraphMediaArchive } from '../../shared/channels/meta-graph/media-archive.js';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { common, parseEnv } from '../../shared/config/env.js';
import { countTriageUsage } from '../../shared/config/metrics.js';
import { createObservability, instrumented } from '../../shared/config/observability.js';
import { graphOptionsFor } from '../../shared/config/senders.js';
import { DynamoThreadStore, S3BlobStore } from '../../shared/store/index.js';
import { triageEngines } from '../../shared/config/triage-engines.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir, loadKnowledgeBaseFromBlobs } from '../../shared/triage/knowledge/knowledge-base.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { createTriageHandler } from './app.js';

const observability = createObservability('triage');
const { logger, metrics, tracer } = observability;
const config = parseEnv({
  ...common,
  MEDIA_BUCKET: z.string().optional(),
  CHANNEL_SECRET_ARN: z.string().optional(),
  GRAPH_API_BASE_URL: z.url().optional(),
  /** Knowledge articles (markdown) under this prefix of MEDIA_BUCKET; the demo shop's ship with the code otherwise. */
  KNOWLEDGE_PREFIX: z.string().default('knowledge/'),
});
const credentials = { ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN)), graphApiBaseUrl: config.GRAPH_API_BASE_URL };
const blobs = config.MEDIA_BUCKET ? new S3BlobStore(tracer.captureAWSv3Client(new S3Client({})), config.MEDIA_BUCKET) : undefined;
const fromBucket = blobs ? await loadKnowledgeBaseFromBlobs(blobs, config.KNOWLEDGE_PREFIX) : undefined;
const knowledge = fromBucket?.passages.length ? fromBucket : loadKnowledgeBaseDir(DEMO_KNOWLEDGE_DIR);

const store = new DynamoThreadStore(createDocumentClient(tracer.captureAWSv3Client(new DynamoDBClient({}))), config.TABLE_NAME);

export const handler = instrumented(
  observability,
  createTriageHandler({
    processEvent: createInboundEventProcessor({
      store: countTriageUsage(store, metrics),
      ...triageEngines(knowledge),
      media: blobs ? new GraphMediaArchive(blobs, graphOptionsFor(credentials)) : undefined,
    }),
    logger,
    metrics,
  }),
);
