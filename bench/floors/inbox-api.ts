// The floor of inbox-api's cold start: every request is routed by Hono and reads DynamoDB; Powertools.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const db = DynamoDBDocumentClient.from(observability.tracer.captureAWSv3Client(new DynamoDBClient({})));
const schema = z.object({ version: z.number() });
const app = new Hono().get('/health', (c) => c.json({ ok: !!db, schema: schema.safeParse({}).success }));
export const handler = handle(app);
