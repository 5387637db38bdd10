import { Duration } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';
import { workQueueWithDlq } from './queues.js';

export interface IngestProps {
  /** The API the Meta webhooks are routed on. */
  readonly httpApi: HttpApi;
  /** How long the consumer (triage) may take per batch; the queue's visibility timeout is 6× this. */
  readonly consumerTimeout: Duration;
  readonly logLevel: string;
}

/**
 * What the Meta secret starts as, before the operator stores the real values. A constant on purpose: CloudFormation
 * generates a new secret value (overwriting what the operator stored) whenever GenerateSecretString changes, so no
 * setting may feed it. `balie-verify-token` is what deployments before settings moved out of it were created with.
 */
export const metaSecretTemplate = JSON.stringify({ verifyToken: 'balie-verify-token' });

/**
 * Where every customer message enters: the Meta webhook endpoint and the inbound queue (with its DLQ)
 * that it publishes normalised events to.
 */
export class Ingest extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly metaSecret: Secret;
  readonly webhookFunction: BalieFunction;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);

    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = workQueueWithDlq(
      this,
      { queue: 'InboundQueue', dlq: 'InboundDlq' },
      props.consumerTimeout,
    ));

    // appSecret starts random, so no one can forge X-Hub-Signature-256 before the operator stores the real App
    // Secret from Meta's dashboard here, with their own verifyToken (README, "Deploy to AWS").
    this.metaSecret = new Secret(this, 'MetaWebhookSecret', {
      description: 'Meta webhook credentials: appSecret (X-Hub-Signature-256) and verifyToken (hub.challenge)',
      generateSecretString: {
        secretStringTemplate: metaSecretTemplate,
        generateStringKey: 'appSecret',
        excludePunctuation: true,
        passwordLength: 48,
      },
    });
    NagSuppressions.addResourceSuppressions(this.metaSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          "The App Secret is issued by Meta (App Dashboard, Reset) and the verify token must equal the one set in Meta's webhook settings; a rotation Lambda cannot change either at Meta, so rotating is the operator's put-secret-value.",
      },
    ]);

    this.webhookFunction = new BalieFunction(this, 'WebhookFunction', {
      name: 'ingest-webhook',
      description: 'Verifies and normalises Meta webhooks, then queues them for triage',
      environment: {
        INBOUND_QUEUE_URL: this.queue.queueUrl,
        // read on the first request and again once SECRETS_MAX_AGE_SECONDS old (or at once after a signature that does
        // not verify): the secret never sits in the function's configuration, and rotating it needs no redeploy
        META_SECRET_ARN: this.metaSecret.secretArn,
        LOG_LEVEL: props.logLevel,
      },
    });
    this.queue.grantSendMessages(this.webhookFunction);
    this.metaSecret.grantRead(this.webhookFunction);

    const integration = new HttpLambdaIntegration('WebhookIntegration', this.webhookFunction);
    const routes = props.httpApi.addRoutes({
      path: '/webhooks/{channel}',
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration,
    });
    NagSuppressions.addResourceSuppressions(routes, [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Meta calls these without AWS credentials or a JWT: the function authenticates each POST by its X-Hub-Signature-256 HMAC with the App Secret, and the GET subscription check by the verify token.',
      },
    ]);
  }
}
