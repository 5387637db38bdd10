// The floor of ingest-email's cold start: every mail is read from S3 and queued on SQS; Powertools.
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import { createObservability } from '../../shared/observability/powertools.js';

const observability = createObservability('floor');
const s3 = observability.tracer.captureAWSv3Client(new S3Client({}));
const sqs = observability.tracer.captureAWSv3Client(new SQSClient({}));
const schema = z.object({ Records: z.array(z.unknown()) });
export const handler = async (event: unknown) => ({ s3, sqs, schema: schema.safeParse(event).success });
