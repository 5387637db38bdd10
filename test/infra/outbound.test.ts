import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSettings, balieSettings, settingDefaults, bareAddressOf } from '../../infra/lib/context.js';
import {
  actionsAllowedTo,
  asText,
  functionOf,
  onlyResource,
  queueFeeding,
  resourcesAllowedFor,
  statementsAllowedTo,
  synthesizeBalie,
  withoutBundling,
  type Resource,
  type Statement,
} from './template-queries.js';

const days = (n: number): number => n * 24 * 60 * 60;
const sesStatementsOf = (template: Template, fn: Resource): Statement[] =>
  statementsAllowedTo(template, fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
const anySesIdentity = 'arn:AWS::Partition:ses:AWS::Region:AWS::AccountId:identity/*';
/** The keys functions/send/handler.ts reads from the secret named by CHANNEL_SECRET_ARN. */
const tokenKeys = ['whatsappAccessToken', 'pageAccessToken', 'instagramAccessToken'];
/** The channel token secret: the one secret whose description names the token keys (the Meta webhook secret does not). */
const channelSecretOf = (template: Template): [id: string, resource: Resource] =>
  onlyResource(template, 'AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('whatsappAccessToken') });

describe('outbound path', () => {
  let template: Template;
  let cleanup = (): void => undefined;
  let sendId: string;
  let send: Resource;
  let outboundId: string;
  let outbound: Resource;

  // Synthesised once: bundling the five functions with esbuild takes a few seconds.
  beforeAll(() => {
    ({ template, cleanup } = synthesizeBalie());
    [sendId, send] = functionOf(template, 'send');
    [outboundId, outbound] = queueFeeding(template, 'send');
  });
  afterAll(() => cleanup());

  describe('outbound queue', () => {
    it('moves a send job to its DLQ after 5 failed receives and keeps it there for 14 days', () => {
      const redrive = outbound.Properties.RedrivePolicy as { maxReceiveCount: number; deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } };
      expect(redrive.maxReceiveCount).toBe(5);
      const [dlqId] = redrive.deadLetterTargetArn['Fn::GetAtt'];
      expect(template.toJSON().Resources[dlqId]).toMatchObject({
        Type: 'AWS::SQS::Queue',
        Properties: { MessageRetentionPeriod: days(14) },
      });
    });

    it('encrypts the outbound queue and its DLQ and refuses requests to either without TLS', () => {
      const dlqId = (outbound.Properties.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } }).deadLetterTargetArn['Fn::GetAtt'][0];
      for (const queueId of [outboundId, dlqId]) {
        expect(template.toJSON().Resources[queueId]).toMatchObject({ Properties: { SqsManagedSseEnabled: true } });
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queueId }],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    });

    it('keeps a job invisible for 6× the send timeout of 30 seconds while send works on it', () => {
      expect(send.Properties.Timeout).toBe(30);
      expect(outbound.Properties.VisibilityTimeout).toBe(6 * 30);
    });

    it('names the outbound queue and its DLQ in outputs', () => {
      const dlqId = (outbound.Properties.RedrivePolicy as { deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } }).deadLetterTargetArn['Fn::GetAtt'][0];
      template.hasOutput('OutboundQueueUrl', { Value: { Ref: outboundId } });
      template.hasOutput('OutboundDeadLetterQueueUrl', { Value: { Ref: dlqId } });
    });
  });

  describe('send function', () => {
    it('takes jobs in batches of 10, retries only the ones that failed and runs at most 5 batches at once', () => {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: sendId },
        EventSourceArn: { 'Fn::GetAtt': [outboundId, 'Arn'] },
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: 5 },
      });
    });

    it('keeps 5 concurrent executions for itself, no more than the event source may use, so the queue is never throttled', () => {
      expect(send.Properties.ReservedConcurrentExecutions).toBe(5);
      const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: sendId } });
      expect((mapping.Properties.ScalingConfig as { MaximumConcurrency: number }).MaximumConcurrency).toBe(send.Properties.ReservedConcurrentExecutions);
      for (const service of ['ingest-webhook', 'ingest-email', 'triage', 'inbox-api']) {
        expect(functionOf(template, service)[1].Properties.ReservedConcurrentExecutions, service).toBeUndefined();
      }
    });

    it('is told the table, the From of email replies and the log level', () => {
      const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
      expect(send.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          TABLE_NAME: { Ref: tableId },
          SUPPORT_EMAIL_FROM: demoSettings.supportEmailFrom,
          LOG_LEVEL: settingDefaults.logLevel,
        }),
      });
    });

    it('may send email through SES only with the support address as From', () => {
      expect(sesStatementsOf(template, send).map((s) => ({ ...s, Resource: asText(s.Resource) }))).toEqual([
        {
          Effect: 'Allow',
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: anySesIdentity,
          Condition: { StringEquals: { 'ses:FromAddress': 'support@example.com' } },
        },
      ]);
    });

    it('reads and writes the table', () => {
      const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
      for (const action of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']) {
        expect(resourcesAllowedFor(template, send, action)).toContain(`${tableId}.Arn`);
      }
    });

    it('is told the channel token secret and the Graph API v21.0 base URL', () => {
      const [secretId] = channelSecretOf(template);
      expect(send.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          CHANNEL_SECRET_ARN: { Ref: secretId },
          GRAPH_API_BASE_URL: 'https://graph.facebook.com/v21.0',
        }),
      });
    });

    it('may read the channel token secret, as may triage (for media), and no other function', () => {
      const [secretId] = channelSecretOf(template);
      expect(resourcesAllowedFor(template, send, 'secretsmanager:GetSecretValue')).toEqual([secretId]);
      const [triageId, triage] = functionOf(template, 'triage');
      expect(resourcesAllowedFor(template, triage, 'secretsmanager:GetSecretValue')).toEqual([secretId]);
      const functions = Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][];
      const others = functions.filter(([id]) => id !== sendId && id !== triageId);
      expect(others).toHaveLength(4);
      for (const [id, fn] of others) {
        // Neither this secret nor a wildcard that would match it.
        const readable = resourcesAllowedFor(template, fn, 'secretsmanager:GetSecretValue').filter((r) => r === secretId || r.includes('*'));
        expect(readable, id).toEqual([]);
      }
    });

    it('reaches Meta’s Graph API over HTTPS from outside a VPC, with no IAM permission for it', () => {
      expect(send.Properties.VpcConfig).toBeUndefined();
    });

    it('has no access to S3, publishes to no queue and does not touch the inbound queue', () => {
      const [inboundId] = queueFeeding(template, 'triage');
      expect(actionsAllowedTo(template, send).filter((a) => a.startsWith('s3:'))).toEqual([]);
      expect(resourcesAllowedFor(template, send, 'sqs:SendMessage')).toEqual([]);
      expect(resourcesAllowedFor(template, send, 'sqs:ReceiveMessage')).toEqual([`${outboundId}.Arn`]);
      const everyResource = statementsAllowedTo(template, send).flatMap((s) => [s.Resource].flat().map(asText));
      expect(everyResource.filter((r) => r.startsWith(inboundId))).toEqual([]);
    });
  });

  describe('channel token secret', () => {
    it('starts as a JSON object without any token, for the operator to fill in', () => {
      const [, secret] = channelSecretOf(template);
      const props = secret.Properties as { SecretString?: unknown; GenerateSecretString?: { SecretStringTemplate?: unknown; GenerateStringKey?: string } };
      // Without either, Secrets Manager would store a random password, which the send function cannot parse as JSON.
      const initial = [props.SecretString, props.GenerateSecretString?.SecretStringTemplate].filter((v) => v !== undefined);
      expect(initial).toHaveLength(1);
      for (const value of initial) {
        // A literal in the template: nothing resolved at deploy time from a parameter or another secret.
        expect(typeof value).toBe('string');
        const parsed = JSON.parse(value as string) as unknown;
        expect(parsed).toBeTypeOf('object');
        for (const key of tokenKeys) expect((parsed as Record<string, unknown>)[key] ?? '', key).toBe('');
      }
      expect(tokenKeys).not.toContain(props.GenerateSecretString?.GenerateStringKey);
    });

    it('says in its description which keys to store', () => {
      const [, secret] = channelSecretOf(template);
      for (const key of tokenKeys) expect(secret.Properties.Description).toContain(key);
    });

    it('is named in an output', () => {
      const [secretId] = channelSecretOf(template);
      template.hasOutput('ChannelTokensSecretArn', { Value: { Ref: secretId } });
    });
  });

  describe('inbox-api function', () => {
    it('publishes send jobs to the outbound queue, redraft requests to the inbound queue and training runs to the training queue, to no other queue', () => {
      const [, inboxApi] = functionOf(template, 'inbox-api');
      const [inboundId] = queueFeeding(template, 'triage');
      const [trainingId] = queueFeeding(template, 'train');
      const queues = resourcesAllowedFor(template, inboxApi, 'sqs:SendMessage');
      expect([...queues].sort()).toEqual([`${inboundId}.Arn`, `${outboundId}.Arn`, `${trainingId}.Arn`].sort());
    });

    it('is told the outbound queue URL', () => {
      const [, inboxApi] = functionOf(template, 'inbox-api');
      expect(inboxApi.Properties.Environment).toEqual({
        Variables: expect.objectContaining({ OUTBOUND_QUEUE_URL: { Ref: outboundId } }),
      });
    });

    it('may not send email itself', () => {
      expect(sesStatementsOf(template, functionOf(template, 'inbox-api')[1])).toEqual([]);
    });
  });
});

describe('outbound settings from context', () => {
  it('sends as the address inside a "Name <address>" From given on the command line', () => {
    // No function code is asserted here, so esbuild is skipped.
    const { template, cleanup } = synthesizeBalie({ ...withoutBundling, supportEmailFrom: 'Shop Support <help@shop.example>' });
    try {
      const [, send] = functionOf(template, 'send');
      expect(send.Properties.Environment).toEqual({
        Variables: expect.objectContaining({ SUPPORT_EMAIL_FROM: 'Shop Support <help@shop.example>' }),
      });
      expect(sesStatementsOf(template, send).map((s) => s.Condition)).toEqual([{ StringEquals: { 'ses:FromAddress': 'help@shop.example' } }]);
    } finally {
      cleanup();
    }
  });

  it('calls the Graph API version given as graphApiVersion on the command line', () => {
    const { template, cleanup } = synthesizeBalie({ ...withoutBundling, graphApiVersion: 'v22.0' });
    try {
      const [, send] = functionOf(template, 'send');
      expect(send.Properties.Environment).toEqual({
        Variables: expect.objectContaining({ GRAPH_API_BASE_URL: 'https://graph.facebook.com/v22.0' }),
      });
    } finally {
      cleanup();
    }
  });

  it('refuses a graphApiVersion not of the form v21.0, naming the key', () => {
    for (const version of ['v22', '22.0', 'V22.0', 'v22.0/', 'v22.0/me', 'v22.0?x=1', ' v22.0', 'v22.0 ', 'latest', '']) {
      expect(() => balieSettings(new App({ context: { demo: 'true', graphApiVersion: version } })), version).toThrow(/graphApiVersion/);
    }
  });

  it('uses Graph API v21.0 when graphApiVersion is not set', () => {
    expect(balieSettings(new App({ context: { demo: 'true' } })).graphApiBaseUrl).toBe('https://graph.facebook.com/v21.0');
  });

  it('finds the bare address in a From with a display name and takes a bare address as it is', () => {
    expect(bareAddressOf('Balie <support@example.com>')).toBe('support@example.com');
    expect(bareAddressOf('"Shop, Inc." <Help@Shop.example>')).toBe('Help@Shop.example');
    expect(bareAddressOf(' support@shop.example ')).toBe('support@shop.example');
  });

  it('refuses a supportEmailFrom without exactly one address, naming the key', () => {
    for (const from of ['Balie', 'Balie <support>', 'Balie support@example.com', 'a@shop.example, b@shop.example', '<a@shop.example> <b@shop.example>', '']) {
      expect(() => balieSettings(new App({ context: { demo: 'true', supportEmailFrom: from } })), from).toThrow(/supportEmailFrom/);
    }
  });

  it('uses "Balie <support@example.com>" when supportEmailFrom is not set', () => {
    const settings = balieSettings(new App({ context: { demo: 'true' } }));
    expect(settings).toMatchObject({ supportEmailFrom: 'Balie <support@example.com>', supportEmailAddress: 'support@example.com' });
  });
});
