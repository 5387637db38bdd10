// The floor of send's cold start: every job reads and writes its draft and thread in DynamoDB; Powertools.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const db = DynamoDBDocumentClient.from(observability.tracer.captureAWSv3Client(new DynamoDBClient({})));
const schema = z.object({ threadId: z.string() });
export const handler = async (event: unknown) => ({ db, schema: schema.safeParse(event).success });
