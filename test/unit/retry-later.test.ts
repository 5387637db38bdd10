import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { aLambdaContext, anSqsRecord } from '../helpers/lambda.js';
import { createSendHandler } from '../../functions/send/app.js';
import { createLogger } from '../../shared/observability/logger.js';
import { ProviderError } from '../../shared/domain/index.js';
import { backoffSeconds, queueUrlFromArn, sqsRetryLater } from '../../shared/queue/retry-later.js';

const sqsMock = mockClient(SQSClient);
const record = (receiveCount: number): SQSRecord =>
  anSqsRecord({
    messageId: 'job-1',
    receiptHandle: 'rh-1',
    queue: 'Balie-OutboundQueue',
    receiveCount,
    body: JSON.stringify({ threadId: 't_1', draftId: 'd_1' }),
  });

describe('back-off for provider throttling', () => {
  beforeEach(() => sqsMock.reset());

  it('waits 10 s, 40 s, 160 s, 640 s, then 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 9].map(backoffSeconds)).toEqual([10, 40, 160, 640, 900, 900]);
  });

  it('pushes the record back with ChangeMessageVisibility on its own queue', async () => {
    sqsMock.on(ChangeMessageVisibilityCommand).resolves({});
    const retry = sqsRetryLater(new SQSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), (r) =>
      queueUrlFromArn(r.eventSourceARN),
    );
    expect(await retry(record(2))).toBe(40);
    expect(sqsMock.commandCalls(ChangeMessageVisibilityCommand)[0]!.args[0].input).toEqual({
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/Balie-OutboundQueue',
      ReceiptHandle: 'rh-1',
      VisibilityTimeout: 40,
    });
  });

  it('backs off after a 429 or 5xx from the provider, and not after a final refusal', async () => {
    const delayed: string[] = [];
    const handlerFor = (error: Error) =>
      createSendHandler({ send: () => Promise.reject(error), retryLater: async (r) => (delayed.push(r.messageId), 10), logger: createLogger('test') });
    const context = aLambdaContext();
    expect(await handlerFor(new ProviderError('(#130429) Rate limit hit', '130429', true))({ Records: [record(1)] }, context)).toEqual({
      batchItemFailures: [{ itemIdentifier: 'job-1' }],
    });
    expect(delayed).toEqual(['job-1']);
    await handlerFor(new ProviderError('(#190) token expired', '190', false))({ Records: [record(1)] }, context);
    expect(delayed).toEqual(['job-1']);
  });
});
