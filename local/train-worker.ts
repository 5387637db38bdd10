import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { composeTrain } from '../functions/train/compose.js';
import { createObservability } from '../shared/observability/powertools.js';

/**
 * The training worker's Lambda handler in a child process of the local stack (local/train-process.ts): training
 * takes the CPU for seconds to minutes, and the stack's page and pollers must not wait for it. Reads one SQSEvent
 * on stdin, writes the SQSBatchResponse as the last line of stdout.
 */
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: local/train-worker.ts is started by the local stack`);
  return value;
};
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SQSEvent;
const region = 'us-east-1';
const dynamo = new DynamoDBClient({ endpoint: env('BALIE_DYNAMODB_ENDPOINT'), region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const s3 = new S3Client({
  endpoint: env('BALIE_S3_ENDPOINT'),
  region,
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
const handler = composeTrain({
  dynamo,
  s3,
  tableName: env('TABLE_NAME'),
  modelBucket: env('MODEL_BUCKET'),
  modelPrefix: env('MODEL_PREFIX'),
  observability: createObservability('train'),
});
const response = await handler(event, { functionName: 'train-local', awsRequestId: event.Records[0]?.messageId ?? 'local' } as never);
dynamo.destroy();
s3.destroy();
process.stdout.write(`\n${JSON.stringify(response)}\n`);
