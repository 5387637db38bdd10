import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PublishOptions, SendJob, SendJobPublisher } from '../domain/index.js';
import { QueueUnavailableError } from './errors.js';
import { messageAttributes } from './sqs-publisher.js';

/** One approved draft → one message on the outbound queue. */
export class SqsSendJobPublisher implements SendJobPublisher {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async publish(job: SendJob, options: PublishOptions = {}): Promise<void> {
    try {
      await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(job), MessageAttributes: messageAttributes(options) }));
    } catch (err) {
      throw new QueueUnavailableError('the outbound queue did not take the send job', { cause: err });
    }
  }
}
