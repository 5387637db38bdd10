import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/** Exponential back-off by receive count: 10 s, 40 s, 160 s, 640 s, then 15 min. */
export function backoffSeconds(receiveCount: number): number {
  return Math.min(900, 10 * 4 ** Math.max(0, receiveCount - 1));
}

/**
 * Makes a failed record come back later than the queue's visibility timeout would: a provider that said 429 or
 * 5xx gets time to recover instead of being asked again at once. The record still counts toward the DLQ.
 */
export function sqsRetryLater(sqs: SQSClient, queueUrlOf: (record: SQSRecord) => string) {
  return async (record: SQSRecord): Promise<number> => {
    const seconds = backoffSeconds(Number(record.attributes.ApproximateReceiveCount) || 1);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl: queueUrlOf(record), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }));
    return seconds;
  };
}

/** arn:aws:sqs:<region>:<account>:<name> → https://sqs.<region>.amazonaws.com/<account>/<name> */
export function queueUrlFromArn(arn: string): string {
  const [, , , region, account, name] = arn.split(':');
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
}
