import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { parseEnv, trainingWorkerShape } from '../../shared/config/env.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { composeTrain } from './compose.js';

const observability = createObservability('train');
const config = parseEnv(trainingWorkerShape);

export const handler = instrumented(
  observability,
  composeTrain({
    dynamo: new DynamoDBClient({}),
    s3: new S3Client({}),
    tableName: config.TABLE_NAME,
    modelBucket: config.MODEL_BUCKET,
    modelPrefix: config.MODEL_PREFIX,
    observability,
  }),
);
