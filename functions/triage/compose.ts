import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { GraphMediaArchive } from '../../shared/channels/meta-graph/media-archive.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import type { Lazy } from '../../shared/config/once.js';
import { derived, refreshing } from '../../shared/config/refreshing.js';
import { graphOptionsFor, type ChannelCredentials } from '../../shared/config/senders.js';
import { triageEngines } from '../../shared/config/triage-engines.js';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { BlobStore, CategoryDefinition, MediaArchive, SettingsStore } from '../../shared/domain/index.js';
import type { Observability } from '../../shared/observability/powertools.js';
import { DynamoSettingsStore } from '../../shared/store/dynamo-settings.js';
import { DynamoThreadStore } from '../../shared/store/dynamo-thread-store.js';
import { readCategoryDefinitions } from '../../shared/use-cases/category-definitions.js';
import { S3BlobStore } from '../../shared/store/s3-blob-store.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir, loadKnowledgeBaseFromBlobs, type KnowledgeBase } from '../../shared/triage/knowledge/knowledge-base.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { PublishedModelClassifier } from '../../shared/triage/local/published-model.js';
import { createTriageHandler } from './app.js';

export interface TriageWiring {
  dynamo: DynamoDBClient;
  s3: S3Client;
  tableName: string;
  /** Customer media is copied into this bucket, and knowledge articles are read from it; without it, neither. */
  mediaBucket?: string;
  /** Where the knowledge articles (markdown) are in the bucket. */
  knowledgePrefix: string;
  /** Where published triage models are in the bucket (`npm run publish-model`), and how often to look for a new one. */
  model: { prefix: string; checkEveryMs: number };
  /** Channel tokens: media is fetched from the Graph API with them. Read when the first media arrives. */
  credentials: Lazy<ChannelCredentials>;
  /** OPENAI_API_KEY, TRIAGE_MODE…: which engines classify and draft (the process environment by default). */
  engineEnv?: NodeJS.ProcessEnv;
  observability: Observability;
}

/**
 * The triage worker as it runs: the Lambda entry and the local stack both build it here, knowledge base included
 * (read from the bucket at cold start). `mode` is the engine that runs: local, llm or hybrid.
 */
export async function composeTriage(wiring: TriageWiring): Promise<{ handler: ReturnType<typeof createTriageHandler>; mode: string; modelId: string }> {
  const { logger, metrics, tracer } = wiring.observability;
  const blobs = wiring.mediaBucket ? new S3BlobStore(tracer.captureAWSv3Client(wiring.s3), wiring.mediaBucket) : undefined;
  const classifier = blobs
    ? await PublishedModelClassifier.create({ blobs, prefix: wiring.model.prefix, checkEveryMs: wiring.model.checkEveryMs, logger })
    : undefined;
  const documents = createDocumentClient(tracer.captureAWSv3Client(wiring.dynamo));
  const engines = await triageEngines(
    await loadKnowledge(blobs, wiring.knowledgePrefix),
    wiring.engineEnv,
    classifier,
    categoryDefinitions(new DynamoSettingsStore(documents, wiring.tableName), logger),
  );
  const handler = createTriageHandler({
    processEvent: createInboundEventProcessor({
      store: new DynamoThreadStore(documents, wiring.tableName),
      ...engines,
      media: blobs ? lazyMediaArchive(blobs, wiring.credentials) : undefined,
    }),
    logger,
    metrics,
  });
  return { handler, mode: engines.mode, modelId: classifier?.modelId ?? 'shipped' };
}

/**
 * The supervisors' category definitions for the LLM's prompt: read when a call needs them and again after five
 * minutes (as a newly published model is); while they cannot be read, the shipped descriptions.
 */
function categoryDefinitions(settings: SettingsStore, logger: Pick<Logger, 'warn'>): () => Promise<readonly CategoryDefinition[]> {
  const read = refreshing(async () => (await readCategoryDefinitions(settings)).categories, { what: 'category definitions', maxAgeMs: 300_000, logger });
  return () =>
    read().catch((error: unknown) => {
      logger.warn('the category definitions cannot be read; the LLM gets the shipped descriptions', { error: error as Error });
      return [];
    });
}

/** Most messages carry no media: the channel secret is read when the first one does, the archive made again with new tokens. */
function lazyMediaArchive(blobs: BlobStore, credentials: Lazy<ChannelCredentials>): MediaArchive {
  const archive = derived(credentials, (tokens) => new GraphMediaArchive(blobs, graphOptionsFor(tokens)));
  return { archive: async (channel, media) => (await archive()).archive(channel, media) };
}

/** The operator's articles under the prefix; the demo shop's, shipped beside the code, while there are none. */
async function loadKnowledge(blobs: BlobStore | undefined, prefix: string): Promise<KnowledgeBase> {
  const fromBucket = blobs ? await loadKnowledgeBaseFromBlobs(blobs, prefix) : undefined;
  return fromBucket?.passages.length ? fromBucket : loadKnowledgeBaseDir(DEMO_KNOWLEDGE_DIR);
}
