import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/** Exponential back-off by receive count: 10 s, 40 s, 160 s, 640 s, then 15 min. */
export function backoffSeconds(receiveCount: number): number {
  return Math.min(900, 10 * 4 ** Math.max(0, receiveCount - 1));
}

/**
 * Makes a failed record come back later than the queue's visibility timeout would: a provider that said 429 or
 * 5xx gets time to recover instead of being asked again at once. The record still counts toward the DLQ. The client
 * may be given as a function that makes it: the SQS SDK then loads with the first retry, not at every cold start.
 */
export function sqsRetryLater(sqs: SQSClient | (() => Promise<SQSClient>), queueUrlOf: (record: SQSRecord) => string) {
  const client = typeof sqs === 'function' ? sqs : async () => sqs;
  return async (record: SQSRecord): Promise<number> => {
    const seconds = backoffSeconds(Number(record.attributes.ApproximateReceiveCount) || 1);
    const { ChangeMessageVisibilityCommand } = await import('@aws-sdk/client-sqs');
    await (
      await client()
    ).send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrlOf(record), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }));
    return seconds;
  };
}

/** arn:aws:sqs:<region>:<account>:<name> → https://sqs.<region>.amazonaws.com/<account>/<name> */
export function queueUrlFromArn(arn: string): string {
  const [, , , region, account, name] = arn.split(':');
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
}
