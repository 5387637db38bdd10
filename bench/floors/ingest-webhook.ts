// The floor of ingest-webhook's cold start: what every invocation needs before any of our code runs (every webhook
// is queued on SQS; every invocation is logged, measured and traced by Powertools; zod validates every payload).
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const sqs = observability.tracer.captureAWSv3Client(new SQSClient({}));
const schema = z.object({ object: z.string() });
export const handler = async (event: unknown) => ({ sqs, schema: schema.safeParse(event).success });
