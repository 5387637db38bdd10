import type { SQSClient } from '@aws-sdk/client-sqs';
import type { PublishOptions, SendJob, SendJobPublisher } from '../domain/index.js';
import { QueueUnavailableError } from './errors.js';
import { messageAttributes } from './sqs-publisher.js';

/**
 * One approved draft → one message on the outbound queue. The client may be given as a function that makes it, and
 * the SDK's command is imported on first use: the inbox API loads SQS with the first approval, not at every cold start.
 */
export class SqsSendJobPublisher implements SendJobPublisher {
  private readonly client: () => Promise<SQSClient>;

  constructor(
    sqs: SQSClient | (() => Promise<SQSClient>),
    private readonly queueUrl: string,
  ) {
    this.client = typeof sqs === 'function' ? sqs : async () => sqs;
  }

  async publish(job: SendJob, options: PublishOptions = {}): Promise<void> {
    try {
      const [sqs, { SendMessageCommand }] = await Promise.all([this.client(), import('@aws-sdk/client-sqs')]);
      await sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job), MessageAttributes: messageAttributes(options) }));
    } catch (err) {
      throw new QueueUnavailableError('the outbound queue did not take the send job', { cause: err });
    }
  }
}
