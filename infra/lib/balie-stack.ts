import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { balieSettings } from './context.js';
import { EmailIngest, sesRegionProblem } from './email.js';
import { Inbox } from './inbox.js';
import { Ingest } from './ingest.js';
import { inboundMaxAgeFor, Monitoring, outboundMaxAge } from './monitoring.js';
import { channelTokenKeys, Outbound } from './outbound.js';
import { Storage } from './storage.js';
import { Triage, triageTimeoutFor } from './triage.js';
import { Training, trainingMaxAge } from './training.js';

/** The HTTP API access log line ($context variables of HTTP APIs; requestId is required by the CDK). */
const httpApiAccessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    httpMethod: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * The whole of Balie in AWS: webhooks and email → inbound queue → triage → table ← inbox API;
 * an approval → outbound queue → send → SES, or Meta's Graph API for WhatsApp, Messenger and Instagram.
 */
export class BalieStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const settings = balieSettings(this);
    const { logLevel } = settings;
    const regionProblem = settings.sesRegionCheck ? sesRegionProblem(this.region) : undefined;
    if (regionProblem) throw new Error(regionProblem);
    if (!settings.alarmEmail) {
      Annotations.of(this).addWarningV2(
        'balie:no-alarm-email',
        'No alarmEmail is set: alarms go to the AlarmTopic only, and nobody is told. Set alarmEmail in balie.settings.json, or subscribe to the topic yourself.',
      );
    }

    // One URL for webhooks, API and UI, as the local stack serves them on one port.
    const httpApi = new HttpApi(this, 'HttpApi', { description: 'Balie webhooks, inbox API and web UI', createDefaultStage: false });
    // One JSON line per request: who (source IP, user agent), what (route, status) and how long; kept as long as
    // the functions' logs. No headers or bodies, so no tokens or customer text.
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    const stage = httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: httpApiAccessLogFormat },
    });

    const storage = new Storage(this, 'Storage');
    const ingest = new Ingest(this, 'Ingest', {
      httpApi,
      consumerTimeout: triageTimeoutFor(settings.triage),
      logLevel,
    });
    const email = new EmailIngest(this, 'EmailIngest', {
      queue: ingest.queue,
      recipients: settings.supportAddresses,
      rawMailRetention: settings.rawMailRetention,
      mailRetention: settings.mailRetention,
      logLevel,
    });
    const outbound = new Outbound(this, 'Outbound', {
      table: storage.table,
      supportEmailFrom: settings.supportEmailFrom,
      supportEmailAddress: settings.supportEmailAddress,
      logLevel,
      graphApiBaseUrl: settings.graphApiBaseUrl,
    });
    const triage = new Triage(this, 'Triage', {
      queue: ingest.queue,
      table: storage.table,
      logLevel,
      mediaBucket: email.bucket,
      channelTokens: outbound.channelTokens,
      graphApiBaseUrl: settings.graphApiBaseUrl,
      settings: settings.triage,
    });
    const training = new Training(this, 'Training', {
      table: storage.table,
      bucket: email.bucket,
      logLevel,
      schedule: settings.retrainSchedule,
    });
    const inbox = new Inbox(this, 'Inbox', {
      httpApi,
      table: storage.table,
      outboundQueue: outbound.queue,
      inboundQueue: ingest.queue,
      trainingQueue: training.queue,
      mailBucket: email.bucket,
      mailRetention: settings.mailRetention,
      logLevel,
      callbackUrl: settings.callbackUrl,
      publicUrl: settings.publicUrl,
      logoutUrl: settings.logoutUrl,
      allowLocalhostCallback: settings.allowLocalhostCallback,
      cognitoDomainPrefix: settings.cognitoDomainPrefix,
    });

    const monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        'ingest-webhook': ingest.webhookFunction,
        'ingest-email': email.ingestFunction,
        triage: triage.triageFunction,
        'inbox-api': inbox.apiFunction,
        send: outbound.sendFunction,
        train: training.trainFunction,
      },
      workQueues: {
        inbound: { queue: ingest.queue, maxAge: inboundMaxAgeFor(triageTimeoutFor(settings.triage)) },
        outbound: { queue: outbound.queue, maxAge: outboundMaxAge },
        training: { queue: training.queue, maxAge: trainingMaxAge },
      },
      deadLetterQueues: {
        inbound: {
          queue: ingest.deadLetterQueue,
          instructions:
            'Each is a customer message triage failed on 5 times. Find the cause in the triage logs (the correlation id is the message id), fix it, then: npm run redrive -- --from <InboundDeadLetterQueueUrl> --to <InboundQueueUrl>.',
        },
        training: {
          queue: training.deadLetterQueue,
          instructions:
            "Each is a training run that crashed twice (out of memory or time): its job on the Model page stays 'training'. Check the train logs; a smaller history, or the same one again from the page, usually does. The request itself need not be redriven.",
        },
        outbound: {
          queue: outbound.deadLetterQueue,
          instructions:
            'Each is an approved reply that could not be sent (the provider refused it 5 times); its draft stays approved. Check the send logs and the channel tokens, then: npm run redrive -- --from <OutboundDeadLetterQueueUrl> --to <OutboundQueueUrl>.',
        },
        'email-ingest': {
          queue: email.deadLetterQueue,
          instructions:
            'Each is a mail SES delivered that ingest-email failed to read three times (a Lambda on-failure record: requestPayload is the SES event; the raw mail is still in the mail bucket under raw/). Do not redrive it to a queue: fix the cause in the ingest-email logs, then: npm run redrive -- --from <EmailIngestDeadLetterQueueUrl> --invoke <EmailIngestFunctionName>.',
        },
      },
      httpApi,
      alarmEmail: settings.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url, description: 'Base URL: /webhooks/{channel}, /api, web UI' });
    new CfnOutput(this, 'UserPoolId', { value: inbox.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: inbox.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'InboxLoginUrl', {
      value: inbox.loginUrl,
      description: "Where agents sign in: the page's own /login, which starts Cognito's hosted UI with state and PKCE",
    });
    new CfnOutput(this, 'TableName', { value: storage.table.tableName });
    new CfnOutput(this, 'InboundQueueUrl', { value: ingest.queue.queueUrl });
    new CfnOutput(this, 'InboundDeadLetterQueueUrl', { value: ingest.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'OutboundQueueUrl', { value: outbound.queue.queueUrl });
    new CfnOutput(this, 'OutboundDeadLetterQueueUrl', {
      value: outbound.deadLetterQueue.queueUrl,
      description: 'Send jobs given up after 5 tries (throttled or provider errors); their drafts stay approved',
    });
    new CfnOutput(this, 'MetaWebhookSecretArn', {
      value: ingest.metaSecret.secretArn,
      description: 'Store the Meta App Secret (appSecret) and your verifyToken here',
    });
    new CfnOutput(this, 'ChannelTokensSecretArn', {
      value: outbound.channelTokens.secretArn,
      description: `Store the Meta access tokens here as JSON: ${channelTokenKeys.join(', ')} (each optional)`,
    });
    // CloudFormation cannot activate a receipt rule set; until the operator does, SES delivers no mail to it.
    new CfnOutput(this, 'ReceiptRuleSetName', {
      value: email.ruleSet.receiptRuleSetName,
      description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this value>',
    });
    new CfnOutput(this, 'MailBucketName', { value: email.bucket.bucketName });
    new CfnOutput(this, 'EmailIngestDeadLetterQueueUrl', { value: email.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'EmailIngestFunctionName', {
      value: email.ingestFunction.functionName,
      description: 'Replay the email-ingest DLQ on it: npm run redrive -- --from <EmailIngestDeadLetterQueueUrl> --invoke <this value>',
    });
    new CfnOutput(this, 'LlmApiKeySecretArn', {
      value: triage.llmApiKey.secretArn,
      description: 'For triageMode llm or hybrid: store the LLM API key here as JSON {"apiKey": "..."}',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: monitoring.alarmTopic.topicArn,
      description: 'Every alarm notifies this topic; subscribe with -c alarmEmail=<address> or add a subscription',
    });
    new CfnOutput(this, 'DashboardUrl', {
      value: `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards/dashboard/${monitoring.dashboard.dashboardName}`,
    });
  }
}
