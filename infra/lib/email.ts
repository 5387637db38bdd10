import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType, S3 } from 'aws-cdk-lib/aws-ses-actions';
import type { IQueue, Queue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';
import { nagArnOf } from './nag.js';
import { deadLetterQueue } from './queues.js';

/** Histories supervisors upload to train a model (shared/triage/local/training-jobs.ts: models/ + uploads/). */
export const uploadedHistoriesPrefix = 'models/uploads/';

/** Where the SES receipt rule writes the raw MIME; ingest-email reads `<prefix><SES message id>`. */
export const rawMailPrefix = 'raw/';
/** Where ingest-email writes attachments and bodies too big for the queue (shared/use-cases/ingest-email.ts). */
export const mailPartsPrefix = 'mail/';
/** Where triage copies customer media of the chat channels (WhatsApp, Messenger, Instagram). */
export const mediaPrefix = 'media/';

/**
 * The regions where SES receives mail (the inbound-smtp.<region>.amazonaws.com endpoints listed in the AWS General
 * Reference, "Amazon Simple Email Service endpoints and quotas", as of 2024). Elsewhere the receipt rule set deploys
 * but no mail ever arrives; a region AWS has added since can be allowed with `-c sesRegionCheck=false`.
 */
export const sesReceivingRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-northeast-1',
];

/** Why `region` cannot receive mail with SES, or undefined when it can or is not known at synth (no env given). */
export function sesRegionProblem(region: string): string | undefined {
  if (Token.isUnresolved(region) || sesReceivingRegions.includes(region)) return undefined;
  return `SES does not receive mail in ${region}; deploy Balie in one of ${sesReceivingRegions.join(', ')} (or pass -c sesRegionCheck=false if AWS has added email receiving to ${region} since)`;
}

export interface EmailIngestProps {
  /** The inbound queue that ingest-email publishes normalised events to. */
  readonly queue: IQueue;
  /** The addresses (or domains) SES accepts mail for; their domain must be verified in SES with an MX record. */
  readonly recipients: string[];
  /** How long the raw MIME stays in the bucket. */
  readonly rawMailRetention: Duration;
  /** How long attachments and big bodies stay in the bucket. */
  readonly mailRetention: Duration;
  readonly logLevel: string;
}

/**
 * The email channel in AWS: SES receives the mail, its receipt rule stores the raw MIME in the mail bucket and
 * then invokes ingest-email asynchronously, which parses it and queues it for triage like any other message.
 */
export class EmailIngest extends Construct {
  readonly bucket: Bucket;
  /** S3 server access logs of the mail bucket: who read or wrote which customer mail, attachment or media file. */
  readonly accessLogBucket: Bucket;
  readonly ingestFunction: BalieFunction;
  /** Invocations that failed every retry; each names the SES message id, so `raw/<id>` can be replayed. */
  readonly deadLetterQueue: Queue;
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: EmailIngestProps) {
    super(scope, id);

    // Server access logs support SSE-S3 only as the target's encryption. S3's logging service writes through a
    // bucket policy (the serverAccessLogsUseBucketPolicy flag), which BUCKET_OWNER_ENFORCED needs.
    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      // The record of access to a mail is kept as long as the mail itself.
      lifecycleRules: [{ id: 'expire-access-logs', expiration: props.mailRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.accessLogBucket, [
      {
        id: 'AwsSolutions-S1',
        reason:
          "This bucket is the target of the mail bucket's server access logs; logging its own access would log into itself or need a third bucket without end.",
      },
    ]);

    this.bucket = new Bucket(this, 'MailBucket', {
      // S3-managed keys: SES can write with them without a KMS key policy of its own.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'mail-bucket/',
      lifecycleRules: [
        { id: 'expire-raw-mail', prefix: rawMailPrefix, expiration: props.rawMailRetention },
        { id: 'expire-mail-parts', prefix: mailPartsPrefix, expiration: props.mailRetention },
        // customer media from the chat channels, copied by triage
        { id: 'expire-media', prefix: mediaPrefix, expiration: props.mailRetention },
        // labelled histories supervisors uploaded (customers' messages too); a retrain after this asks for a new one
        { id: 'expire-uploaded-histories', prefix: uploadedHistoriesPrefix, expiration: props.mailRetention },
      ],
      // Customers' mail outlives any one deployment of the stack, as the table does.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.deadLetterQueue = deadLetterQueue(this, 'Dlq');
    NagSuppressions.addResourceSuppressions(this.deadLetterQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          "This queue is itself a dead-letter queue: ingest-email's on-failure destination for invocations that failed every retry. cdk-nag recognises only redrive-policy DLQs.",
      },
    ]);

    this.ingestFunction = new BalieFunction(this, 'Function', {
      name: 'ingest-email',
      description: 'Parses the raw mail SES stored, keeps attachments in S3 and queues the message for triage',
      // SES accepts mails up to 40 MB, and the whole MIME is parsed in memory.
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: {
        INBOUND_QUEUE_URL: props.queue.queueUrl,
        MAIL_BUCKET: this.bucket.bucketName,
        RAW_MAIL_PREFIX: rawMailPrefix,
        LOG_LEVEL: props.logLevel,
      },
    });
    // Exactly the two calls it makes (S3BlobStore get and put), not the grantRead/grantPut sets (GetObject*,
    // List*, GetBucket*, PutObject* and Abort*): it reads raw/ only and writes mail/ only.
    this.ingestFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${rawMailPrefix}*`)] }));
    this.ingestFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`${mailPartsPrefix}*`)] }));
    NagSuppressions.addResourceSuppressions(
      this.ingestFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Object keys are made per mail (raw/<SES message id>, mail/<SES message id>/...), so the grant is by prefix: GetObject on raw/* only, PutObject on mail/* only.',
          appliesTo: [`Resource::${nagArnOf(this.bucket)}/${rawMailPrefix}*`, `Resource::${nagArnOf(this.bucket)}/${mailPartsPrefix}*`],
        },
      ],
      true,
    );
    props.queue.grantSendMessages(this.ingestFunction);
    // SES invokes asynchronously and does not retry itself: after Lambda's retries the event is parked, not lost.
    this.ingestFunction.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
    });

    // The S3 action adds the bucket policy statement (SES may put under raw/* only, from this account) and the
    // Lambda action the invoke permission (ses.amazonaws.com, this account); both run in the order listed.
    //
    // CloudFormation cannot make a rule set the active one. After the first deploy the operator runs
    //   aws ses set-active-receipt-rule-set --rule-set-name <ReceiptRuleSetName output>
    // (one active rule set per account and region; activating this one deactivates any other).
    this.ruleSet = new ReceiptRuleSet(this, 'ReceiptRuleSet', {
      rules: [
        {
          recipients: props.recipients,
          // Spam and virus verdicts reach ingest-email, which quarantines rather than drops.
          scanEnabled: true,
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [
            new S3({ bucket: this.bucket, objectKeyPrefix: rawMailPrefix }),
            new Lambda({ function: this.ingestFunction, invocationType: LambdaInvocationType.EVENT }),
          ],
        },
      ],
    });
  }
}
