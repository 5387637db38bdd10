import type { GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/store/table-definition.js';
import { actionsAllowedTo, functionBehindRoute, functionOf, onlyResource, queueFeeding, resourcesAllowedFor, synthesizeBalie } from './template-queries.js';

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: T[] = []): T[] =>
  [...items].sort((a, b) => (a.AttributeName ?? a.IndexName ?? '').localeCompare(b.AttributeName ?? b.IndexName ?? ''));
const indexShape = ({ IndexName, KeySchema, Projection }: GlobalSecondaryIndex) => ({ IndexName, KeySchema, Projection });

describe('BalieStack', () => {
  let template: Template;
  let cleanup = (): void => undefined;

  // Synthesised once: bundling the five functions with esbuild takes a few seconds.
  beforeAll(() => {
    ({ template, cleanup } = synthesizeBalie());
  });
  afterAll(() => cleanup());

  describe('table', () => {
    it('keys items by pk and sk and indexes the worklist (gsi1) and each agent’s threads (gsi2)', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        GlobalSecondaryIndexes: Match.arrayWith([
          Match.objectLike({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
          Match.objectLike({ IndexName: 'gsi2', Projection: { ProjectionType: 'ALL' } }),
        ]),
      });
    });

    it('is recoverable to any point in time, encrypted, expires items by ttl and survives stack deletion', () => {
      template.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        }),
      });
    });

    it('has the same keys, attributes and indexes as the table the local stack creates', () => {
      const local = tableDefinition('local');
      const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
      const cloud = table.Properties as Partial<typeof local>;
      expect(cloud.KeySchema).toEqual(local.KeySchema);
      expect(byName(cloud.AttributeDefinitions)).toEqual(byName(local.AttributeDefinitions));
      expect(byName(cloud.GlobalSecondaryIndexes).map(indexShape)).toEqual(byName(local.GlobalSecondaryIndexes).map(indexShape));
    });
  });

  describe('inbound queue', () => {
    it('sends a message to the DLQ after 5 failed receives', () => {
      const [, inbound] = queueFeeding(template, 'triage');
      const redrive = inbound.Properties.RedrivePolicy as { maxReceiveCount: number; deadLetterTargetArn: { 'Fn::GetAtt': [string, string] } };
      expect(redrive.maxReceiveCount).toBe(5);
      const [dlqId] = redrive.deadLetterTargetArn['Fn::GetAtt'];
      expect(template.toJSON().Resources[dlqId]).toMatchObject({
        Type: 'AWS::SQS::Queue',
        Properties: { MessageRetentionPeriod: 14 * 24 * 60 * 60 },
      });
    });

    it('keeps a message invisible for 6× the triage timeout while triage works on it', () => {
      const [, triage] = functionOf(template, 'triage');
      const [, inbound] = queueFeeding(template, 'triage');
      expect(inbound.Properties.VisibilityTimeout).toBe(6 * (triage.Properties.Timeout as number));
    });

    it('feeds triage in batches of 10 and retries only the messages that failed', () => {
      const [triageId] = functionOf(template, 'triage');
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: triageId },
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });
  });

  describe('queues', () => {
    it('encrypts all seven queues (inbound, outbound and training with their DLQs, the email DLQ) and refuses requests without TLS', () => {
      template.resourceCountIs('AWS::SQS::Queue', 7);
      template.resourcePropertiesCountIs('AWS::SQS::Queue', { SqsManagedSseEnabled: true }, 7);
      const denyInsecure = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
      template.resourcePropertiesCountIs('AWS::SQS::QueuePolicy', { PolicyDocument: { Statement: Match.arrayWith([denyInsecure]) } }, 7);
    });
  });

  describe('functions', () => {
    it('runs six Node.js 22 functions on ARM64 with tracing and source maps', () => {
      template.resourceCountIs('AWS::Lambda::Function', 6);
      const shared = {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: Match.objectLike({ NODE_OPTIONS: '--enable-source-maps' }) },
      };
      template.resourcePropertiesCountIs('AWS::Lambda::Function', shared, 6);
    });

    it('lets the webhook function send to the queue and do nothing on the table', () => {
      const actions = actionsAllowedTo(template, functionOf(template, 'ingest-webhook')[1]);
      expect(actions).toContain('sqs:SendMessage');
      expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    });

    it('gives the webhook function the Meta secret by ARN, to read at cold start, never its value', () => {
      const [, webhook] = functionOf(template, 'ingest-webhook');
      const env = (webhook.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      const [secretId] = Object.entries(template.findResources('AWS::SecretsManager::Secret')).find(([, r]) => JSON.stringify(r).includes('verifyToken'))!;
      expect(env.META_SECRET_ARN).toEqual({ Ref: secretId });
      expect(env).not.toHaveProperty('META_APP_SECRET');
      expect(JSON.stringify(env)).not.toContain('resolve:secretsmanager');
      expect(resourcesAllowedFor(template, webhook, 'secretsmanager:GetSecretValue')).toEqual([secretId]);
      for (const other of ['triage', 'inbox-api', 'send', 'ingest-email']) {
        expect(resourcesAllowedFor(template, functionOf(template, other)[1], 'secretsmanager:GetSecretValue')).not.toContain(secretId);
      }
    });

    it('lets triage and the inbox API read and write the table', () => {
      for (const service of ['triage', 'inbox-api']) {
        const actions = actionsAllowedTo(template, functionOf(template, service)[1]);
        expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
      }
    });

    it('tells the inbox API which Cognito user pool and client to trust', () => {
      const [, inboxApi] = functionOf(template, 'inbox-api');
      expect(inboxApi.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          COGNITO_USER_POOL_ID: { Ref: onlyResource(template, 'AWS::Cognito::UserPool')[0] },
          COGNITO_CLIENT_ID: { Ref: onlyResource(template, 'AWS::Cognito::UserPoolClient')[0] },
        }),
      });
    });
  });

  describe('HTTP API', () => {
    it('sends Meta’s verification GET and event POST for every channel to the webhook function', () => {
      const [webhookId] = functionOf(template, 'ingest-webhook');
      expect(functionBehindRoute(template, 'GET /webhooks/{channel}')).toBe(webhookId);
      expect(functionBehindRoute(template, 'POST /webhooks/{channel}')).toBe(webhookId);
    });

    it('sends the JSON API and the web UI to the inbox function', () => {
      const [inboxId] = functionOf(template, 'inbox-api');
      for (const route of ['ANY /api/{proxy+}', 'GET /', 'ANY /{proxy+}']) expect(functionBehindRoute(template, route)).toBe(inboxId);
    });

    it('logs every request of the default stage as JSON to a log group kept for a month', () => {
      const [, stage] = onlyResource(template, 'AWS::ApiGatewayV2::Stage', { StageName: '$default' });
      const settings = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
      const [logGroupId] = settings.DestinationArn['Fn::GetAtt'];
      expect(template.toJSON().Resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } });
      const format = JSON.parse(settings.Format) as Record<string, string>;
      expect(format).toMatchObject({
        requestId: '$context.requestId',
        sourceIp: '$context.identity.sourceIp',
        routeKey: '$context.routeKey',
        status: '$context.status',
      });
    });

    it('throttles the default stage', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      });
    });
  });

  describe('sign-in', () => {
    it('has a user pool without self sign-up and the agent and supervisor groups', () => {
      template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
      });
      template.resourceCountIs('AWS::Cognito::UserPoolGroup', 2);
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'agent' });
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'supervisor' });
    });

    it('lets the web client sign in with the OAuth code flow back to the API’s own /auth/callback', () => {
      const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        AllowedOAuthFlows: ['code'],
        CallbackURLs: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/auth/callback']] }],
        GenerateSecret: false,
      });
    });
  });
});
