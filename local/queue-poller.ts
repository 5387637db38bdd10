import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsLambdaHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * Does locally what Lambda's SQS event source mapping does in AWS: receive up to 10 messages, call the
 * handler with an SQSEvent, delete what succeeded, leave the reported failures to come back after the
 * visibility timeout (and to the DLQ after maxReceiveCount).
 */
export class QueuePoller {
  private running = false;
  private loops: Promise<void>[] = [];
  private busy = 0;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly queueArn: string,
    private readonly handler: SqsLambdaHandler,
    private readonly options: {
      concurrency: number;
      maxIdleDelayMs?: number;
      /** Messages per batch, as the event source mapping's BatchSize (10). */
      batchSize?: number;
      onError?: (err: unknown) => void;
    },
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.concurrency }, () => this.loop());
  }

  /** True while a batch is being handled. */
  get active(): boolean {
    return this.busy > 0;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /**
   * Short polls with a growing pause while the queue is empty. local-aws-sqs holds a long poll for its
   * whole WaitTimeSeconds even after a message arrives, which would add a second to every message.
   */
  private async loop(): Promise<void> {
    let idleDelay = 0;
    while (this.running) {
      try {
        const received = await this.pollOnce();
        idleDelay = received ? 0 : Math.min(Math.max(5, idleDelay * 2), this.options.maxIdleDelayMs ?? 100);
      } catch (err) {
        this.options.onError?.(err);
        idleDelay = 500;
      }
      if (idleDelay > 0) await new Promise((r) => setTimeout(r, idleDelay));
    }
  }

  private async pollOnce(): Promise<number> {
    const out = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.queueUrl,
        MaxNumberOfMessages: this.options.batchSize ?? 10,
        WaitTimeSeconds: 0,
        // local-aws-sqs honours the legacy AttributeNames only
        AttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    const messages = out.Messages ?? [];
    if (messages.length === 0) return 0;
    this.busy += 1;
    try {
      const records = messages.map((m) => this.toRecord(m));
      const response = await this.handler({ Records: records }, lambdaContext());
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      const done = messages.filter((m) => !failed.has(m.MessageId ?? ''));
      if (done.length > 0) {
        await this.sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
      }
    } finally {
      this.busy -= 1;
    }
    return messages.length;
  }

  private toRecord(m: Message): SQSRecord {
    const attrs = m.Attributes ?? {};
    return {
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attrs.ApproximateReceiveCount ?? '1',
        SentTimestamp: attrs.SentTimestamp ?? String(Date.now()),
        SenderId: attrs.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attrs.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      // as Lambda's event source hands them over: the correlation id travels as a message attribute
      messageAttributes: Object.fromEntries(
        Object.entries(m.MessageAttributes ?? {}).map(([name, v]) => [
          name,
          { dataType: v.DataType ?? 'String', stringValue: v.StringValue, stringListValues: [], binaryListValues: [] },
        ]),
      ),
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.queueArn,
      awsRegion: 'us-east-1',
    };
  }
}

function lambdaContext(): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'balie-local-triage',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:balie-local-triage',
    memoryLimitInMB: '1024',
    awsRequestId: `local-${started}-${Math.random().toString(36).slice(2)}`,
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 30_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
