import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { fixture } from './fixtures.js';

const SQS_RECORD = (fixture('lambda/sqs-event.json') as unknown as SQSEvent).Records[0]!;

export interface SqsRecordOptions {
  body: string;
  messageId?: string;
  receiptHandle?: string;
  /** The queue's name; the record's ARN is built from it (the send worker finds its queue URL there). */
  queue?: string;
  receiveCount?: number;
  messageAttributes?: SQSMessageAttributes;
}

/** One SQS record as Lambda's event source mapping delivers it: the shape of AWS's own example event, with our body. */
export function anSqsRecord(options: SqsRecordOptions): SQSRecord {
  return {
    ...structuredClone(SQS_RECORD),
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: options.receiptHandle ?? `rh-${randomUUID()}`,
    body: options.body,
    md5OfBody: createHash('md5').update(options.body).digest('hex'),
    attributes: { ...SQS_RECORD.attributes, ApproximateReceiveCount: String(options.receiveCount ?? 1) },
    messageAttributes: options.messageAttributes ?? {},
    eventSourceARN: `arn:aws:sqs:eu-west-1:123456789012:${options.queue ?? 'balie-inbound'}`,
    awsRegion: 'eu-west-1',
  };
}

export function anSqsEvent(...records: SQSRecord[]): SQSEvent {
  return { Records: records };
}

/** The Lambda context a handler is invoked with; tests override what they look at. */
export function aLambdaContext(over: Partial<Context> = {}): Context {
  const functionName = over.functionName ?? 'balie-test';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: 'req-1',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/12/03/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...over,
  };
}
