import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import {
  actionsAllowedTo,
  asText,
  cdkContext,
  functionOf,
  queueFeeding,
  resourcesAllowedFor,
  synthesizeBalie,
  withoutBundling,
  type Resource,
} from './template-queries.js';

describe('the training worker in AWS', () => {
  let template: Template;
  let cleanup = (): void => undefined;
  let train: Resource;
  let trainingId: string;
  let training: Resource;

  beforeAll(() => {
    ({ template, cleanup } = synthesizeBalie());
    [, train] = functionOf(template, 'train');
    [trainingId, training] = queueFeeding(template, 'train');
  });
  afterAll(() => cleanup());

  it('runs up to 15 minutes with 3 GB (two vCPU shares) and the shipped models beside its code', () => {
    expect(train.Properties).toMatchObject({ Timeout: 900, MemorySize: 3008 });
    expect(train.Properties.Environment).toMatchObject({ Variables: { MODEL_PREFIX: 'models/' } });
  });

  it('takes one request at a time from its own queue, at most two runs at once; a run that crashed twice waits in the DLQ', () => {
    const [, mapping] = Object.entries(template.findResources('AWS::Lambda::EventSourceMapping')).find(([, m]) =>
      asText((m as Resource).Properties.EventSourceArn).startsWith(trainingId),
    )! as [string, Resource];
    expect(mapping.Properties).toMatchObject({ BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(training.Properties).toMatchObject({ VisibilityTimeout: 6 * 900, RedrivePolicy: { maxReceiveCount: 2 } });
  });

  it('reads the table (a setting, the feedback) without writing, and touches only models/ in the bucket', () => {
    const actions = actionsAllowedTo(template, train);
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    expect(resourcesAllowedFor(template, train, 'dynamodb:Query').every((r) => !r.includes('index'))).toBe(true);
    expect(actions.filter((a) => a.startsWith('sqs:Send'))).toEqual([]);
    expect(resourcesAllowedFor(template, train, 's3:PutObject').map((r) => r.replace(/^[^.]+\.Arn/, ''))).toEqual(['/models/*']);
  });

  it('retrains every Monday at 03:00 UTC by default: the schedule puts {"scheduled":true} on the training queue', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')) as Resource[];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 ? * MON *)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': [trainingId, 'Arn'] }, Input: '{"scheduled":true}' }],
    });
  });

  describe('retrainSchedule', () => {
    const synth = (retrainSchedule: string) =>
      Template.fromStack(new BalieStack(new App({ context: { ...cdkContext, ...withoutBundling, retrainSchedule } }), 'T'));

    it('takes another schedule, or off for none', () => {
      expect(Object.values(synth('rate(1 day)').findResources('AWS::Events::Rule')).map((r) => (r as Resource).Properties.ScheduleExpression)).toEqual([
        'rate(1 day)',
      ]);
      expect(Object.keys(synth('off').findResources('AWS::Events::Rule'))).toEqual([]);
    });

    it.each(['weekly', 'cron(0 3 * *)', 'rate(one day)', ''])('fails the synth on "%s", naming the key', (bad) => {
      expect(() => synth(bad)).toThrow(/context retrainSchedule must be "off", "cron\(min hour day month weekday year\)" or "rate\(7 days\)"/);
    });
  });
});
