import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';
import { allowTableIndexes } from './nag.js';
import { workQueueWithDlq } from './queues.js';

/** Room for a batch of ten sends with a provider call each; the outbound queue's visibility timeout is derived from it. */
export const sendTimeout = Duration.seconds(30);

/**
 * How many batches the send function works on at once, at most: a burst of approvals must not exceed the
 * providers' rate limits (SES's sending rate per second, Meta's per-number throughput).
 */
export const sendConcurrency = 5;

export interface OutboundProps {
  readonly table: ITable;
  /** The From header of email replies, e.g. `Shop <support@shop.example>`. */
  readonly supportEmailFrom: string;
  /** The bare address in supportEmailFrom; SES sends only with this From. */
  readonly supportEmailAddress: string;
  readonly logLevel: string;
  /** Meta's Graph API with its version, e.g. `https://graph.facebook.com/v21.0`. */
  readonly graphApiBaseUrl: string;
}

/** The keys of the channel token secret that the send function reads; each one may be absent. */
export const channelTokenKeys = ['whatsappAccessToken', 'pageAccessToken', 'instagramAccessToken'] as const;

/**
 * Where approved replies leave: the outbound queue (with its DLQ) that inbox-api puts one send job on per
 * approval, the send function that delivers each job on the channel the thread came from (SES for email,
 * Meta's Graph API for WhatsApp, Messenger and Instagram), and the secret holding the Meta channel tokens.
 */
export class Outbound extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly sendFunction: BalieFunction;
  /** The Meta channel access tokens; only the send function may read it. */
  readonly channelTokens: Secret;

  constructor(scope: Construct, id: string, props: OutboundProps) {
    super(scope, id);

    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = workQueueWithDlq(this, { queue: 'Queue', dlq: 'Dlq' }, sendTimeout));

    // Created empty: no token is ever in the template or the repository. The operator stores the tokens from
    // Meta's dashboard (aws secretsmanager put-secret-value); the send function reads them with its first chat reply
    // and again once SECRETS_MAX_AGE_SECONDS old, so a new token is used without a deploy. A channel without a token fails visibly on its drafts.
    // Keep the template's `{}` as it is: a changed initial value would overwrite the tokens the operator stored.
    this.channelTokens = new Secret(this, 'ChannelTokens', {
      description: `Meta channel access tokens for the send function, as JSON: ${channelTokenKeys.join(', ')} (each optional). Created empty; the operator fills it in.`,
      secretObjectValue: {},
    });
    NagSuppressions.addResourceSuppressions(this.channelTokens, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          "The Meta access tokens are issued in Meta's dashboard (system-user tokens); Secrets Manager cannot mint new ones, so rotation is the operator's put-secret-value, not a rotation Lambda.",
      },
    ]);

    this.sendFunction = new BalieFunction(this, 'SendFunction', {
      name: 'send',
      description: 'Sends each approved reply once, on the channel its thread came from',
      timeout: sendTimeout,
      // Kept for this function and capped at the event source's maximum concurrency: replies still go out while
      // triage or the API use up the account's pool, and no other invoker (a manual or console test invoke) can
      // push the providers past their rate limits. Equal to maxConcurrency, so the queue never gets throttled.
      reservedConcurrentExecutions: sendConcurrency,
      environment: {
        TABLE_NAME: props.table.tableName,
        SUPPORT_EMAIL_FROM: props.supportEmailFrom,
        LOG_LEVEL: props.logLevel,
        CHANNEL_SECRET_ARN: this.channelTokens.secretArn,
        GRAPH_API_BASE_URL: props.graphApiBaseUrl,
      },
    });
    props.table.grantReadWriteData(this.sendFunction);
    allowTableIndexes(this.sendFunction, props.table);
    this.channelTokens.grantRead(this.sendFunction);
    // The Graph API is plain HTTPS with the token as bearer: no IAM. The function runs outside a VPC, so it
    // has the internet access that needs.

    // SES v2 SendEmail with raw content is authorised against the sending identity; the condition keeps the
    // function from sending as any other address of a verified domain.
    const stack = Stack.of(this);
    this.sendFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
        conditions: { StringEquals: { 'ses:FromAddress': props.supportEmailAddress } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.sendFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'SES authorises against whichever identity is verified for the From (the address, its domain or a parent domain), so the resource is identity/* and the ses:FromAddress condition limits sending to the support address alone.',
          appliesTo: ['Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*'],
        },
      ],
      true,
    );

    this.sendFunction.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        // One failing reply is retried alone (and reaches the DLQ alone); the rest of the batch is sent.
        reportBatchItemFailures: true,
        // A burst of approvals must not exceed the providers' rate limits (SES's sending rate per second,
        // Meta's per-number throughput). Capping the event source (not only the function's reserved concurrency)
        // leaves the excess waiting in the queue: a throttled invocation would return its messages and
        // use up their receive count on the way to the DLQ.
        maxConcurrency: sendConcurrency,
      }),
    );
  }
}
