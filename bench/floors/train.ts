// The floor of train's cold start: it reads the bucket (the history, the models) and the table (the categories, the
// corrections) and parses a CSV; Powertools.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const db = DynamoDBDocumentClient.from(observability.tracer.captureAWSv3Client(new DynamoDBClient({})));
const s3 = observability.tracer.captureAWSv3Client(new S3Client({}));
const schema = z.object({ jobId: z.string() });
export const handler = async (event: unknown) => ({ db, s3, parse, schema: schema.safeParse(event).success });
