import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { channelCredentialsReader } from '../../shared/config/channel-credentials.js';
import { parseEnv, triageWorkerShape } from '../../shared/config/env.js';
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
  model: { prefix: config.MODEL_PREFIX, checkEveryMs: config.MODEL_CHECK_SECONDS * 1000 },
  // the channel secret is read when the first media needs downloading, not at every cold start; again once it is
  // SECRETS_MAX_AGE_SECONDS old
  credentials: channelCredentialsReader(config, { logger: observability.logger }),
  observability,
});

export const handler = instrumented(observability, triage);
