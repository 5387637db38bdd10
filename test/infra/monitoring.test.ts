import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import { inboundMaxAgeFor, outboundMaxAge } from '../../infra/lib/monitoring.js';
import { triageTimeoutFor } from '../../infra/lib/triage.js';
import { Duration } from 'aws-cdk-lib';
import { asText, cdkContext, onlyResource, queueFeeding, withoutBundling, type Resource } from './template-queries.js';

type GetAtt = { 'Fn::GetAtt': [string, string] };

/** The stack as `cdk synth -c key=value` makes it; no code is bundled, as no assertion here reads it. */
function synth(context: Record<string, unknown> = {}): Template {
  const app = new App({ context: { ...cdkContext, ...withoutBundling, ...context } });
  return Template.fromStack(new BalieStack(app, 'Test'));
}

const alarmsOf = (template: Template) => Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as [string, Resource][];

/** The alarms on `metricName` (namespace `namespace`) whose dimension `name` is `value`. */
function alarmsOn(template: Template, namespace: string, metricName: string, dimension: { name: string; value: unknown }): Resource[] {
  return alarmsOf(template)
    .map(([, alarm]) => alarm)
    .filter((alarm) => {
      const p = alarm.Properties;
      const dims = (p.Dimensions ?? []) as { Name: string; Value: unknown }[];
      return (
        p.Namespace === namespace &&
        p.MetricName === metricName &&
        dims.some((d) => d.Name === dimension.name && JSON.stringify(d.Value) === JSON.stringify(dimension.value))
      );
    });
}

/**
 * Every DLQ in the template, found without the construct code: the targets of the queues' redrive policies and
 * the on-failure destinations of asynchronous invocations (ingest-email).
 */
function deadLetterQueueIds(template: Template): string[] {
  const redriveTargets = Object.values(template.findResources('AWS::SQS::Queue') as Record<string, Resource>)
    .map((q) => (q.Properties.RedrivePolicy as { deadLetterTargetArn?: GetAtt } | undefined)?.deadLetterTargetArn?.['Fn::GetAtt'][0])
    .filter((id): id is string => id !== undefined);
  const onFailure = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig') as Record<string, Resource>)
    .map((c) => (c.Properties.DestinationConfig as { OnFailure?: { Destination: GetAtt } } | undefined)?.OnFailure?.Destination['Fn::GetAtt'][0])
    .filter((id): id is string => id !== undefined);
  return [...new Set([...redriveTargets, ...onFailure])];
}

describe('monitoring', () => {
  let template: Template;
  let topicId: string;

  beforeAll(() => {
    template = synth();
    [topicId] = onlyResource(template, 'AWS::SNS::Topic');
  });

  describe('alarm topic', () => {
    it('is encrypted with a rotated customer managed key that CloudWatch may use', () => {
      const [, topic] = onlyResource(template, 'AWS::SNS::Topic');
      const keyId = (topic.Properties.KmsMasterKeyId as GetAtt)['Fn::GetAtt'][0];
      const key = template.toJSON().Resources[keyId] as Resource & { Type: string };
      expect(key.Type).toBe('AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      const statements = (key.Properties.KeyPolicy as { Statement: { Principal?: { Service?: string }; Action: string[] }[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      );
    });

    it('refuses publishing without TLS and lets only this account’s alarms publish', () => {
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topicId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({
              Effect: 'Allow',
              Action: 'sns:Publish',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }, ArnLike: { 'aws:SourceArn': Match.anyValue() } },
            }),
          ]),
        },
      });
    });

    it('has no subscription unless alarmEmail is set', () => {
      template.resourceCountIs('AWS::SNS::Subscription', 0);
    });

    it('subscribes alarmEmail to the topic by email when it is set', () => {
      const withEmail = synth({ alarmEmail: 'ops@shop.example' });
      const [withEmailTopic] = onlyResource(withEmail, 'AWS::SNS::Topic');
      withEmail.resourceCountIs('AWS::SNS::Subscription', 1);
      withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@shop.example', TopicArn: { Ref: withEmailTopic } });
    });

    it.each(['not-an-address', 'Ops <ops@shop.example>', 'ops@shop.example,cto@shop.example', 'ops@localhost'])(
      'fails the synth on alarmEmail "%s", naming the key',
      (bad) => {
        expect(() => synth({ alarmEmail: bad })).toThrow(/context alarmEmail must be one bare email address/);
      },
    );

    it('is an output, with the dashboard URL', () => {
      template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
      template.hasOutput('DashboardUrl', Match.anyValue());
    });
  });

  describe('alarms', () => {
    it('all notify the one alarm topic, and only when something is wrong (missing data is fine)', () => {
      const alarms = alarmsOf(template);
      // 4 DLQs + 3 queue ages + 6 functions × (errors, throttles) + sends failed + sends retrying
      expect(alarms).toHaveLength(4 + 3 + 12 + 2);
      for (const [id, alarm] of alarms) {
        expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
        expect(alarm.Properties.TreatMissingData, id).toBe('notBreaching');
        expect(alarm.Properties.ComparisonOperator, id).toBe('GreaterThanThreshold');
        expect(alarm.Properties.AlarmName, id).toMatch(/^Test-/);
      }
    });

    it('alarms on the first message in every DLQ (inbound, outbound, training and the email on-failure queue)', () => {
      const dlqs = deadLetterQueueIds(template);
      expect(dlqs).toHaveLength(4);
      for (const dlq of dlqs) {
        const [alarm, ...others] = alarmsOn(template, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible', {
          name: 'QueueName',
          value: { 'Fn::GetAtt': [dlq, 'QueueName'] },
        });
        expect(others, dlq).toEqual([]);
        expect(alarm?.Properties, dlq).toMatchObject({ Threshold: 0, Period: 60, EvaluationPeriods: 1, DatapointsToAlarm: 1, Statistic: 'Maximum' });
      }
    });

    it('alarms when a message waits too long on the queues that feed triage (5 min), send (15 min) and train (35 min)', () => {
      expect(inboundMaxAgeFor(triageTimeoutFor({ mode: 'local', llmTimeout: Duration.seconds(8) })).toSeconds()).toBe(300);
      expect(outboundMaxAge.toSeconds()).toBe(900);
      for (const [service, seconds] of [
        ['triage', 300],
        ['send', 900],
        ['train', 2100],
      ] as const) {
        const [queueId] = queueFeeding(template, service);
        const alarms = alarmsOn(template, 'AWS/SQS', 'ApproximateAgeOfOldestMessage', { name: 'QueueName', value: { 'Fn::GetAtt': [queueId, 'QueueName'] } });
        expect(
          alarms.map((a) => a.Properties),
          service,
        ).toEqual([expect.objectContaining({ Threshold: seconds, Period: 60, EvaluationPeriods: 1, Statistic: 'Maximum' })]);
      }
    });

    it('alarms on any error and any throttle of every function', () => {
      const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
      expect(functions).toHaveLength(6);
      for (const fn of functions) {
        for (const metric of ['Errors', 'Throttles']) {
          const alarms = alarmsOn(template, 'AWS/Lambda', metric, { name: 'FunctionName', value: { Ref: fn } });
          expect(
            alarms.map((a) => a.Properties),
            `${fn} ${metric}`,
          ).toEqual([expect.objectContaining({ Threshold: 0, Period: 300, EvaluationPeriods: 1, Statistic: 'Sum' })]);
        }
      }
    });

    it('alarms on any failed send in 5 minutes, over every dimension set of Balie’s SendsFailed', () => {
      const [, alarm] = onlyResource(template, 'AWS::CloudWatch::Alarm', { AlarmName: 'Test-sends-failed' });
      expect(alarm.Properties).toMatchObject({ Threshold: 0, EvaluationPeriods: 1 });
      expect(alarm.Properties.Metrics).toEqual([expect.objectContaining({ Expression: 'SELECT SUM(SendsFailed) FROM Balie', Period: 300, ReturnData: true })]);
    });
  });

  describe('provider outage', () => {
    it('alarms when sends were retried in each of three 5-minute periods (the age alarm cannot see jobs received 3 times)', () => {
      const [, alarm] = onlyResource(template, 'AWS::CloudWatch::Alarm', { AlarmName: 'Test-sends-retrying' });
      expect(alarm.Properties).toMatchObject({ Threshold: 0, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
      expect(alarm.Properties.Metrics).toEqual([expect.objectContaining({ Expression: 'SELECT SUM(SendsRetried) FROM Balie', Period: 300 })]);
    });
  });

  describe('dashboard', () => {
    let body: string;
    beforeAll(() => {
      const [, dashboard] = onlyResource(template, 'AWS::CloudWatch::Dashboard');
      body = asText(dashboard.Properties.DashboardBody);
    });

    it('shows the Balie metrics: messages in per channel, triage latency p50/p99, drafts, sends failed, LLM tokens and cost', () => {
      expect(body).toContain('SELECT SUM(MessagesIn) FROM Balie GROUP BY channel');
      expect(body).toMatch(/SEARCH\('Namespace=\\"Balie\\" MetricName=\\"TriageLatency\\"', 'p50', 300\)/);
      expect(body).toMatch(/SEARCH\('Namespace=\\"Balie\\" MetricName=\\"TriageLatency\\"', 'p99', 300\)/);
      for (const metric of ['DraftsApproved', 'DraftsEdited', 'DraftsRejected', 'LlmTokens', 'LlmCostUsd'])
        expect(body).toContain(`SELECT SUM(${metric}) FROM Balie`);
      expect(body).toContain('Sends failed');
    });

    it('shows the depth of every queue and DLQ, each function’s errors and duration, and the API’s 4xx, 5xx and latency', () => {
      const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
      expect(queues).toHaveLength(7);
      for (const queue of queues) expect(body, queue).toContain(`"ApproximateNumberOfMessagesVisible","QueueName","${queue}.QueueName"`);
      for (const fn of Object.keys(template.findResources('AWS::Lambda::Function'))) {
        expect(body, fn).toContain(`"AWS/Lambda","Errors","FunctionName","${fn}"`);
        expect(body, fn).toContain(`"AWS/Lambda","Duration","FunctionName","${fn}"`);
      }
      const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
      for (const metric of ['4xx', '5xx', 'Latency']) expect(body).toContain(`"AWS/ApiGateway","${metric}","ApiId","${apiId}"`);
    });

    it('lists every alarm', () => {
      for (const [id] of alarmsOf(template)) expect(body, id).toContain(`${id}.Arn`);
    });
  });
});
