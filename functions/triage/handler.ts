import { S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { GraphMediaArchive } from '../../shared/channels/meta-graph/media-archive.js';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { common, parseEnv } from '../../shared/config/env.js';
import { createLogger } from '../../shared/config/logger.js';
import { graphOptionsFor } from '../../shared/config/senders.js';
import { DynamoThreadStore, S3BlobStore } from '../../shared/store/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { createTriageHandler } from './app.js';

const config = parseEnv({ ...common, MEDIA_BUCKET: z.string().optional(), CHANNEL_SECRET_ARN: z.string().optional(), GRAPH_API_BASE_URL: z.url().optional() });
const credentials = { ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN)), graphApiBaseUrl: config.GRAPH_API_BASE_URL };

export const handler = createTriageHandler({
  processEvent: createInboundEventProcessor({
    store: new DynamoThreadStore(createDocumentClient(), config.TABLE_NAME),
    classifier: new RuleClassifier(),
    drafter: new TemplateDrafter(),
    media: config.MEDIA_BUCKET ? new GraphMediaArchive(new S3BlobStore(new S3Client({}), config.MEDIA_BUCKET), graphOptionsFor(credentials)) : undefined,
  }),
  logger: createLogger('triage'),
});
