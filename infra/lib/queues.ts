import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Every queue of Balie: SQS-managed encryption and TLS only. */
function secureQueue(scope: Construct, id: string, props: ConstructorParameters<typeof Queue>[2] = {}): Queue {
  return new Queue(scope, id, { ...props, encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
}

/** Where failed work waits 14 days for an operator: a DLQ, or a Lambda on-failure destination. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  return secureQueue(scope, id, { retentionPeriod: Duration.days(14) });
}

/**
 * A work queue and its DLQ. A message that fails 5 receives moves to the DLQ instead of retrying for days or
 * blocking its consumer; the visibility timeout is 6× the consumer's timeout, as AWS recommends, so a slow batch
 * is not delivered twice while it runs.
 */
export function workQueueWithDlq(
  scope: Construct,
  ids: { queue: string; dlq: string },
  consumerTimeout: Duration,
  maxReceiveCount = 5,
): { queue: Queue; deadLetterQueue: Queue } {
  const dlq = deadLetterQueue(scope, ids.dlq);
  const queue = secureQueue(scope, ids.queue, {
    visibilityTimeout: Duration.seconds(6 * consumerTimeout.toSeconds()),
    deadLetterQueue: { queue: dlq, maxReceiveCount },
  });
  return { queue, deadLetterQueue: dlq };
}
