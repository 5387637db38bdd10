import type { SQSClient } from '@aws-sdk/client-sqs';
import type { PublishOptions, SendJob, SendJobPublisher } from '../domain/index.js';
import { QueueUnavailableError } from './errors.js';
import { messageAttributes } from './sqs-publisher.js';

/**
 * One JSON message on a queue. The client may be given as a function that makes it, and the SDK's command is
 * imported on first use: the inbox API loads SQS with the first approval, not at every cold start.
 */
export class SqsJsonPublisher {
  private readonly client: () => Promise<SQSClient>;

  constructor(
    sqs: SQSClient | (() => Promise<SQSClient>),
    private readonly queueUrl: string,
    /** What the queue is and what it takes, for the error: "the outbound queue did not take the send job". */
    private readonly refusal: string,
  ) {
    this.client = typeof sqs === 'function' ? sqs : async () => sqs;
  }

  async publish(body: unknown, options: PublishOptions = {}): Promise<void> {
    try {
      const [sqs, { SendMessageCommand }] = await Promise.all([this.client(), import('@aws-sdk/client-sqs')]);
      await sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(body), MessageAttributes: messageAttributes(options) }));
    } catch (err) {
      throw new QueueUnavailableError(this.refusal, { cause: err });
    }
  }
}

/** One approved draft → one message on the outbound queue. */
export class SqsSendJobPublisher implements SendJobPublisher {
  private readonly queue: SqsJsonPublisher;

  constructor(sqs: SQSClient | (() => Promise<SQSClient>), queueUrl: string) {
    this.queue = new SqsJsonPublisher(sqs, queueUrl, 'the outbound queue did not take the send job');
  }

  publish(job: SendJob, options: PublishOptions = {}): Promise<void> {
    return this.queue.publish(job, options);
  }
}
