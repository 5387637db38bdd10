// The floor of triage's cold start: every message is stored in DynamoDB, and the knowledge articles come from S3
// (every draft is grounded in them); Powertools.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const db = DynamoDBDocumentClient.from(observability.tracer.captureAWSv3Client(new DynamoDBClient({})));
const s3 = observability.tracer.captureAWSv3Client(new S3Client({}));
const schema = z.object({ type: z.string() });
export const handler = async (event: unknown) => ({ db, s3, schema: schema.safeParse(event).success });
