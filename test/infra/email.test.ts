import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSettings, balieSettings, settingDefaults } from '../../infra/lib/context.js';
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
} from './template-queries.js';
import { uploadedHistoriesPrefix } from '../../infra/lib/email.js';
import { modelPrefix } from '../../infra/lib/triage.js';
import { UPLOADS_FOLDER } from '../../shared/triage/local/training-jobs.js';

type Statement = { Effect: string; Principal?: { Service?: string }; Action: string | string[]; Resource: unknown; Condition?: unknown };

const days = (n: number): number => n * 24 * 60 * 60;
/** The mail bucket: the one that expires raw/ (the other bucket holds its access logs). */
const mailBucketOf = (template: Template): [id: string, resource: Resource] =>
  onlyResource(template, 'AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'raw/' })]) } });

describe('email channel', () => {
  let template: Template;
  let cleanup = (): void => undefined;
  let bucketId: string;
  let emailFunctionId: string;
  let emailFunction: Resource;

  // Synthesised once: bundling the five functions with esbuild takes a few seconds.
  beforeAll(() => {
    ({ template, cleanup } = synthesizeBalie());
    [bucketId] = mailBucketOf(template);
    [emailFunctionId, emailFunction] = functionOf(template, 'ingest-email');
  });
  afterAll(() => cleanup());

  describe('mail bucket', () => {
    it('blocks all public access, encrypts every object and survives stack deletion', () => {
      template.hasResource('AWS::S3::Bucket', {
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: Match.objectLike({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: Match.stringLikeRegexp('^(AES256|aws:kms)$') } }],
          },
        }),
      });
    });

    it('refuses every request without TLS', () => {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
        },
      });
    });

    it('logs every access to an encrypted, TLS-only, private log bucket that survives stack deletion', () => {
      const [, bucket] = mailBucketOf(template);
      const logging = bucket.Properties.LoggingConfiguration as { DestinationBucketName: { Ref: string }; LogFilePrefix: string };
      expect(logging.LogFilePrefix).toBe('mail-bucket/');
      const logBucketId = logging.DestinationBucketName.Ref;
      expect(logBucketId).not.toBe(bucketId);
      template.resourceCountIs('AWS::S3::Bucket', 2);
      expect(template.toJSON().Resources[logBucketId]).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: {
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: Number(settingDefaults.mailRetentionDays) })] },
        },
      });
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: logBucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' }),
          ]),
        },
      });
    });

    it('expires raw MIME under raw/, attachments and big bodies under mail/, and uploaded histories after the days set in context', () => {
      expect(uploadedHistoriesPrefix).toBe(`${modelPrefix}${UPLOADS_FOLDER}`);
      template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: 'raw/', ExpirationInDays: Number(settingDefaults.rawMailRetentionDays), Status: 'Enabled' }),
            Match.objectLike({ Prefix: 'mail/', ExpirationInDays: Number(settingDefaults.mailRetentionDays), Status: 'Enabled' }),
            Match.objectLike({ Prefix: 'models/uploads/', ExpirationInDays: Number(settingDefaults.mailRetentionDays), Status: 'Enabled' }),
          ]),
        },
      });
    });

    it('lets SES put objects under raw/ only, and only on behalf of this account', () => {
      const [, policy] = onlyResource(template, 'AWS::S3::BucketPolicy', { Bucket: { Ref: bucketId } });
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      const forSes = statements.filter((s) => s.Principal?.Service === 'ses.amazonaws.com');
      expect(forSes).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'ses.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/raw/*']] },
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ]);
    });
  });

  describe('receipt rule', () => {
    it('accepts mail for the support addresses over TLS only and has SES scan it for spam and viruses', () => {
      template.hasResourceProperties('AWS::SES::ReceiptRule', {
        Rule: Match.objectLike({
          Enabled: true,
          Recipients: demoSettings.supportAddresses.split(','),
          ScanEnabled: true,
          TlsPolicy: 'Require',
        }),
      });
    });

    it('stores the raw MIME under raw/ before it invokes ingest-email asynchronously', () => {
      const [ruleSetId] = onlyResource(template, 'AWS::SES::ReceiptRuleSet');
      template.hasResourceProperties('AWS::SES::ReceiptRule', {
        RuleSetName: { Ref: ruleSetId },
        Rule: Match.objectLike({
          Actions: [
            { S3Action: { BucketName: { Ref: bucketId }, ObjectKeyPrefix: 'raw/' } },
            { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [emailFunctionId, 'Arn'] }, InvocationType: 'Event' } },
          ],
        }),
      });
    });

    it('lets SES invoke ingest-email only on behalf of this account', () => {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [emailFunctionId, 'Arn'] },
        Principal: 'ses.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    });

    it('names the rule set in an output, since the operator has to activate it', () => {
      const [ruleSetId] = onlyResource(template, 'AWS::SES::ReceiptRuleSet');
      template.hasOutput('ReceiptRuleSetName', {
        Value: { Ref: ruleSetId },
        Description: Match.stringLikeRegexp('set-active-receipt-rule-set'),
      });
    });
  });

  describe('ingest-email function', () => {
    it('has 1024 MB to parse a 40 MB mail in memory and a minute to do it', () => {
      expect(emailFunction.Properties).toMatchObject({ MemorySize: 1024, Timeout: 60 });
    });

    it('is told the inbound queue, the mail bucket, where raw mail lands and the log level', () => {
      const [inboundQueueId] = queueFeeding(template, 'triage');
      expect(emailFunction.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          INBOUND_QUEUE_URL: { Ref: inboundQueueId },
          MAIL_BUCKET: { Ref: bucketId },
          RAW_MAIL_PREFIX: 'raw/',
          LOG_LEVEL: settingDefaults.logLevel,
        }),
      });
    });

    it('retries a failed invocation twice, then parks it in an encrypted, TLS-only queue for 14 days', () => {
      const [, invokeConfig] = onlyResource(template, 'AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: emailFunctionId } });
      expect(invokeConfig.Properties).toMatchObject({ MaximumRetryAttempts: 2, Qualifier: '$LATEST' });
      const destination = (invokeConfig.Properties.DestinationConfig as { OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } } }).OnFailure
        .Destination;
      const [dlqId, attribute] = destination['Fn::GetAtt'];
      expect(attribute).toBe('Arn');
      expect(template.toJSON().Resources[dlqId]).toMatchObject({
        Type: 'AWS::SQS::Queue',
        Properties: { MessageRetentionPeriod: days(14), SqsManagedSseEnabled: true },
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: dlqId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      expect(resourcesAllowedFor(template, emailFunction, 'sqs:SendMessage')).toContain(`${dlqId}.Arn`);
    });

    it('reads objects under raw/ only, writes objects under mail/ only and sends to the inbound queue', () => {
      const [inboundQueueId] = queueFeeding(template, 'triage');
      expect(
        actionsAllowedTo(template, emailFunction)
          .filter((a) => a.startsWith('s3:'))
          .sort(),
      ).toEqual(['s3:GetObject', 's3:PutObject']);
      expect(resourcesAllowedFor(template, emailFunction, 's3:GetObject')).toEqual([`${bucketId}.Arn/raw/*`]);
      expect(resourcesAllowedFor(template, emailFunction, 's3:PutObject')).toEqual([`${bucketId}.Arn/mail/*`]);
      expect(resourcesAllowedFor(template, emailFunction, 's3:DeleteObject')).toEqual([]);
      expect(resourcesAllowedFor(template, emailFunction, 'sqs:SendMessage')).toContain(`${inboundQueueId}.Arn`);
    });

    it('does nothing on the table', () => {
      expect(actionsAllowedTo(template, emailFunction).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    });

    it('is the only function with access to raw mail; the inbox API may only read mail/ and media/ and read and write models/, triage put media/ and read knowledge/ and models/, train read and write models/', () => {
      for (const service of ['ingest-webhook', 'send']) {
        expect(actionsAllowedTo(template, functionOf(template, service)[1]).filter((a) => a.startsWith('s3:'))).toEqual([]);
      }
      const inboxApi = functionOf(template, 'inbox-api')[1];
      expect([...new Set(actionsAllowedTo(template, inboxApi).filter((a) => a.startsWith('s3:')))].sort()).toEqual([
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ]);
      expect(resourcesAllowedFor(template, inboxApi, 's3:GetObject')).toEqual([
        `${bucketId}.Arn/mail/*`,
        `${bucketId}.Arn/media/*`,
        `${bucketId}.Arn/models/*`,
      ]);
      // uploaded histories and training jobs: written under models/ only
      expect(resourcesAllowedFor(template, inboxApi, 's3:PutObject')).toEqual([`${bucketId}.Arn/models/*`]);
      expect(resourcesAllowedFor(template, inboxApi, 's3:ListBucket')).toEqual([`${bucketId}.Arn`]);

      const train = functionOf(template, 'train')[1];
      expect([...new Set(actionsAllowedTo(template, train).filter((a) => a.startsWith('s3:')))].sort()).toEqual([
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ]);
      expect(resourcesAllowedFor(template, train, 's3:GetObject')).toEqual([`${bucketId}.Arn/models/*`]);
      expect(resourcesAllowedFor(template, train, 's3:PutObject')).toEqual([`${bucketId}.Arn/models/*`]);
      expect(train.Properties.Environment).toEqual({ Variables: expect.objectContaining({ MODEL_PREFIX: 'models/' }) });

      const triage = functionOf(template, 'triage')[1];
      expect(
        actionsAllowedTo(template, triage)
          .filter((a) => a.startsWith('s3:'))
          .sort(),
      ).toEqual(['s3:GetObject', 's3:ListBucket', 's3:PutObject']);
      expect(resourcesAllowedFor(template, triage, 's3:PutObject')).toEqual([`${bucketId}.Arn/media/*`]);
      expect(resourcesAllowedFor(template, triage, 's3:GetObject')).toEqual([`${bucketId}.Arn/knowledge/*`, `${bucketId}.Arn/models/*`]);
      const [list] = statementsAllowedTo(template, triage).filter((s) => s.Action === 's3:ListBucket');
      expect({ ...list, Resource: asText(list!.Resource) }).toEqual({
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `${bucketId}.Arn`,
        Condition: { StringLike: { 's3:prefix': ['knowledge/*', 'models/*'] } },
      });
      expect(triage.Properties.Environment).toEqual({ Variables: expect.objectContaining({ KNOWLEDGE_PREFIX: 'knowledge/', MODEL_PREFIX: 'models/' }) });
    });
  });
});

describe('email channel settings from context', () => {
  // No function code is asserted here, so esbuild is skipped.
  it('takes every comma-separated support address and the retention days given as strings on the command line', () => {
    const { template, cleanup } = synthesizeBalie({
      ...withoutBundling,
      supportAddresses: 'support@shop.example, klantenservice@shop.example ,',
      rawMailRetentionDays: '30',
      mailRetentionDays: '730',
    });
    try {
      template.hasResourceProperties('AWS::SES::ReceiptRule', {
        Rule: Match.objectLike({ Recipients: ['support@shop.example', 'klantenservice@shop.example'] }),
      });
      template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: {
          Rules: Match.arrayWith([Match.objectLike({ Prefix: 'raw/', ExpirationInDays: 30 }), Match.objectLike({ Prefix: 'mail/', ExpirationInDays: 730 })]),
        },
      });
      // the page names the retention when an original is gone
      expect(functionOf(template, 'inbox-api')[1].Properties.Environment).toEqual({ Variables: expect.objectContaining({ MAIL_RETENTION_DAYS: '730' }) });
    } finally {
      cleanup();
    }
  });

  it('refuses a retention that is not a whole number of days, naming the key', () => {
    expect(() => balieSettings(new App({ context: { demo: 'true', mailRetentionDays: '1y' } }))).toThrow(/mailRetentionDays/);
    expect(() => balieSettings(new App({ context: { demo: 'true', rawMailRetentionDays: 0 } }))).toThrow(/rawMailRetentionDays/);
  });

  it('refuses an empty support address list, which would take mail for every verified domain', () => {
    expect(() => balieSettings(new App({ context: { demo: 'true', supportAddresses: ' , ' } }))).toThrow(/supportAddresses/);
  });
});
