import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueRef {
  url: string;
  arn: string;
}

/** Same as AWS: a message that fails this many receives moves to the DLQ. */
export const MAX_RECEIVE_COUNT = 5;

/** Creates a queue and its DLQ with a redrive policy; CreateQueue with the same attributes is idempotent. */
export async function ensureQueueWithDlq(
  sqs: SQSClient,
  name: string,
  visibilityTimeoutSeconds: number,
  maxReceiveCount = MAX_RECEIVE_COUNT,
): Promise<{ queue: QueueRef; dlq: QueueRef }> {
  const dlq = await ensureQueue(sqs, `${name}-dlq`, { MessageRetentionPeriod: String(14 * 86_400) });
  const queue = await ensureQueue(sqs, name, {
    VisibilityTimeout: String(visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount }),
  });
  return { queue, dlq };
}

async function ensureQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<QueueRef> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

/**
 * `visible`: messages waiting to be received, delayed ones included. local-aws-sqs holds every new message as
 * "delayed" until its next timer tick (DelaySeconds 0 included), and counts it in neither of the other two numbers
 * meanwhile: without the delayed count, a queue read just after a SendMessage can look empty.
 */
export async function queueDepth(sqs: SQSClient, url: string): Promise<{ visible: number; inFlight: number }> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  const waiting = Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0);
  return { visible: waiting, inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0) };
}
