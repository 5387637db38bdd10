import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { readChannelCredentials } from '../../shared/config/channel-credentials.js';
import { parseEnv, triageWorkerShape } from '../../shared/config/env.js';
import { once } from '../../shared/config/once.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeTriage } from './compose.js';

const observability = createObservability('triage');
const config = parseEnv(triageWorkerShape);

const { handler: triage } = await composeTriage({
  dynamo: new DynamoDBClient({}),
  s3: new S3Client({}),
  tableName: config.TABLE_NAME,
  mediaBucket: config.MEDIA_BUCKET,
  knowledgePrefix: config.KNOWLEDGE_PREFIX,
  // the channel secret is read when the first media needs downloading, not at every cold start
  credentials: once(async () => ({ ...(await readChannelCredentials(config.CHANNEL_SECRET_ARN)), graphApiBaseUrl: config.GRAPH_API_BASE_URL })),
  observability,
});

export const handler = instrumented(observability, triage);
