import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import { balieSettings, demoSettings, readSettingsFile, settingDefaults, type SettingKey } from '../../infra/lib/context.js';
import { sesReceivingRegions } from '../../infra/lib/email.js';
import {
  cdkContext,
  envOf,
  functionOf,
  onlyResource,
  queueFeeding,
  resourcesAllowedFor,
  synthesizeBalie,
  withoutBundling,
  type Resource,
} from './template-queries.js';

/** A real deployment's settings: every key set, none of them a default or a demo placeholder. */
const operatorSettings: Record<SettingKey, string> = {
  demo: 'false',
  cognitoDomainPrefix: 'shop-inbox',
  supportAddresses: 'klantenservice@shop.example,help@shop.example',
  supportEmailFrom: 'Shop Klantenservice <klantenservice@shop.example>',
  callbackUrl: 'https://inbox.shop.example/auth/callback',
  logoutUrl: 'https://www.shop.example/',
  allowLocalhostCallback: 'true',
  logLevel: 'DEBUG',
  rawMailRetentionDays: '30',
  mailRetentionDays: '730',
  graphApiVersion: 'v22.0',
  alarmEmail: 'ops@shop.example',
  triageMode: 'hybrid',
  llmProvider: 'openai',
  llmModel: 'gpt-4.1-mini',
  llmBaseUrl: 'https://llm.shop.example/v1',
  llmTimeoutSeconds: '12',
  triageMaxConcurrency: '10',
  sesRegionCheck: 'false',
  retrainSchedule: 'rate(1 day)',
};

const synth = (context: Record<string, unknown>, env?: { account: string; region: string }) => {
  const app = new App({ context: { ...withoutBundling, ...context } });
  const stack = new BalieStack(app, 'Test', { env });
  return { stack, template: Template.fromStack(stack) };
};

describe('deployment settings', () => {
  it('refuses to deploy the demo placeholders unless demo=true says so, naming each setting to set', () => {
    const context = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;
    expect(() => synth(context)).toThrow(/set cognitoDomainPrefix, supportAddresses, supportEmailFrom in balie\.settings\.json .*-c demo=true/);
    // a placeholder written out is still a placeholder
    expect(() => synth({ ...context, ...demoSettings, cognitoDomainPrefix: 'shop-inbox' })).toThrow(
      /set supportAddresses, supportEmailFrom in balie\.settings\.json/,
    );
    expect(() => synth({ ...context, demo: 'true' })).not.toThrow();
    // a demo flag that is not true or false is a mistake, not a quiet "no"
    expect(() => synth({ ...context, demo: 'yes' })).toThrow(/context demo must be "true" or "false", got "yes"/);
    expect(() => synth({ ...context, ...operatorSettings, demo: 'false' })).not.toThrow();
  });

  it('reads balie.settings.json as one object of settings, refusing a key that is no setting (a typo) by name', () => {
    expect(readSettingsFile('{"cognitoDomainPrefix": "shop-inbox", "mailRetentionDays": 730, "demo": false}', 'f.json')).toEqual({
      cognitoDomainPrefix: 'shop-inbox',
      mailRetentionDays: '730',
      demo: 'false',
    });
    expect(() => readSettingsFile('{"supportAdresses": "a@b.example"}', 'f.json')).toThrow(/f\.json: "supportAdresses" is not a setting/);
    expect(() => readSettingsFile('["x"]', 'f.json')).toThrow(/one JSON object/);
    expect(() => readSettingsFile('{"logLevel": {"a": 1}}', 'f.json')).toThrow(/"logLevel" must be a string/);
    expect(() => readSettingsFile('{logLevel: 1}', 'f.json')).toThrow(/f\.json is not JSON/);
  });

  it('has no setting in cdk.json, which upstream changes: an operator’s values live in balie.settings.json', () => {
    const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> };
    expect(Object.keys(context).filter((key) => key in settingDefaults)).toEqual([]);
  });

  it('refuses metaVerifyToken, which used to feed the Meta secret, and says where the verify token goes now', () => {
    expect(() => balieSettings(new App({ context: { ...cdkContext, metaVerifyToken: 'x' } }))).toThrow(
      /metaVerifyToken is no longer a setting: .*MetaWebhookSecret/,
    );
  });

  it('never lets a setting change a secret: every secret is the same whatever the settings say', () => {
    expect(Object.keys(operatorSettings).sort()).toEqual(Object.keys(settingDefaults).sort());
    const secretsOf = (template: Template) => template.findResources('AWS::SecretsManager::Secret');
    const demo = secretsOf(synthesizeBalie(withoutBundling).template);
    const operator = secretsOf(synth({ ...cdkContext, ...operatorSettings }).template);
    expect(Object.keys(demo).length).toBeGreaterThanOrEqual(3);
    expect(operator).toEqual(demo);
    // and each setting alone, so one that only matters in combination cannot hide either
    for (const [key, value] of Object.entries(operatorSettings).filter(([key]) => !Object.keys(demoSettings).includes(key) && key !== 'demo')) {
      expect(secretsOf(synth({ ...cdkContext, [key]: value }).template), key).toEqual(demo);
    }
  });

  it('has every setting in README’s settings table, and no other', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Settings'), readme.indexOf('\n## ', readme.indexOf('### Settings')));
    const documented = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(settingDefaults).sort());
  });
});

describe('where SES can receive mail', () => {
  const account = '123456789012';

  it('refuses a region where SES receives no mail, naming the regions that do', () => {
    expect(() => synth(cdkContext, { account, region: 'eu-north-1' })).toThrow(/SES does not receive mail in eu-north-1; deploy Balie in one of .*eu-west-1/);
    expect(() => synth({ ...cdkContext, sesRegionCheck: 'false' }, { account, region: 'eu-north-1' })).not.toThrow();
  });

  it('deploys in every region that receives mail, and checks nothing when the region is not known at synth', () => {
    for (const region of sesReceivingRegions) expect(() => synth(cdkContext, { account, region }), region).not.toThrow();
    expect(() => synth(cdkContext)).not.toThrow();
  });
});

describe('what protects a live inbox', () => {
  const { template, stack } = synth(cdkContext);

  it('warns at synth when no alarm address is set, and not when one is', () => {
    Annotations.fromStack(stack).hasWarning('/Test', Match.stringLikeRegexp('No alarmEmail is set'));
    const withAddress = synth({ ...cdkContext, alarmEmail: 'ops@shop.example' }).stack;
    Annotations.fromStack(withAddress).hasNoWarning('/Test', Match.stringLikeRegexp('No alarmEmail is set'));
  });

  it('refuses to delete the table: deletion protection on, and kept when the stack goes', () => {
    const [, table] = onlyResource(template, 'AWS::DynamoDB::Table');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('tells the operator what to do with a mail in the email-ingest DLQ: invoke ingest-email again, not a queue redrive', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const emailDlq = alarms.find((a) => String(a.Properties.AlarmName ?? a.Properties.AlarmDescription).includes('email-ingest'));
    expect(emailDlq?.Properties.AlarmDescription).toMatch(/requestPayload is the SES event.*--invoke/);
    const inboundDlq = alarms.find((a) => String(a.Properties.AlarmDescription).startsWith('The inbound DLQ'));
    expect(inboundDlq?.Properties.AlarmDescription).toMatch(/--from <InboundDeadLetterQueueUrl> --to <InboundQueueUrl>/);
  });
});

describe('triage in AWS: the LLM and the limits that fit together', () => {
  const mapping = (template: Template) =>
    onlyResource(template, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: functionOf(template, 'triage')[0] } })[1];

  it('runs the local engine by default: no LLM secret read, 30 s per batch, the queue 6× that, the age alarm at 5 minutes', () => {
    const { template } = synthesizeBalie(withoutBundling);
    const [, triage] = functionOf(template, 'triage');
    expect(envOf(triage)).toMatchObject({ TRIAGE_MODE: 'local' });
    expect(envOf(triage)).not.toHaveProperty('LLM_SECRET_ARN');
    expect(triage.Properties.Timeout).toBe(30);
    const [queueId, queue] = queueFeeding(template, 'triage');
    expect(queue.Properties.VisibilityTimeout).toBe(180);
    expect(ageAlarmSeconds(template, queueId)).toBe(300);
    expect(mapping(template).Properties.ScalingConfig).toEqual({ MaximumConcurrency: 5 });
    const [secretId] = onlyResource(template, 'AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('LLM API key') });
    expect(resourcesAllowedFor(template, triage, 'secretsmanager:GetSecretValue')).not.toContain(secretId);
  });

  it('with triageMode llm: reads the key from the LLM secret, and the timeout covers every try of the LLM call', () => {
    const { template } = synthesizeBalie({ ...withoutBundling, triageMode: 'llm', llmTimeoutSeconds: '10', triageMaxConcurrency: '20' });
    const [triageId, triage] = functionOf(template, 'triage');
    const [secretId] = onlyResource(template, 'AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('LLM API key') });
    expect(envOf(triage)).toMatchObject({
      TRIAGE_MODE: 'llm',
      LLM_SECRET_ARN: { Ref: secretId },
      OPENAI_MODEL: 'gpt-4o-mini',
      OPENAI_TIMEOUT_MS: '10000',
      OPENAI_MAX_RETRIES: '2',
      // the call's own deadline: 3 tries of 10 s and 10 s of waits, the figure the timeout below is built from
      LLM_CALL_DEADLINE_MS: '40000',
    });
    expect(envOf(triage)).not.toHaveProperty('OPENAI_API_KEY');
    // 3 tries of 10 s, 10 s of backoff, 15 s for the store: 55 s; the queue keeps a message hidden 6× that
    const timeout = triage.Properties.Timeout as number;
    expect(timeout).toBe(55);
    const [queueId, queue] = queueFeeding(template, 'triage');
    expect(queue.Properties.VisibilityTimeout).toBe(6 * timeout);
    expect(ageAlarmSeconds(template, queueId)).toBe(6 * timeout + 120);
    expect(mapping(template).Properties.ScalingConfig).toEqual({ MaximumConcurrency: 20 });
    expect(resourcesAllowedFor(template, triage, 'secretsmanager:GetSecretValue')).toContain(secretId);
    for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function')) as [string, Resource][]) {
      if (id !== triageId) expect(resourcesAllowedFor(template, fn, 'secretsmanager:GetSecretValue'), id).not.toContain(secretId);
    }
  });

  it('with llmProvider bedrock: no key and no secret read, the model invoked by the role, in any region its EU profile routes to', () => {
    const { template } = synthesizeBalie({ ...withoutBundling, triageMode: 'hybrid', llmProvider: 'bedrock' });
    const [, triage] = functionOf(template, 'triage');
    const [secretId] = onlyResource(template, 'AWS::SecretsManager::Secret', { Description: Match.stringLikeRegexp('LLM API key') });
    expect(envOf(triage)).toMatchObject({
      TRIAGE_MODE: 'hybrid',
      LLM_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'eu.amazon.nova-micro-v1:0',
      OPENAI_MAX_RETRIES: '2',
    });
    expect(envOf(triage)).not.toHaveProperty('LLM_SECRET_ARN');
    expect(resourcesAllowedFor(template, triage, 'secretsmanager:GetSecretValue')).not.toContain(secretId);
    expect(resourcesAllowedFor(template, triage, 'bedrock:InvokeModel').map((r) => JSON.stringify(r))).toEqual([
      expect.stringMatching(/bedrock.*inference-profile\/eu\.amazon\.nova-micro-v1:0/),
      expect.stringMatching(/:bedrock:\*::foundation-model\/amazon\.nova-micro-v1:0/),
    ]);
    const plain = synthesizeBalie({ ...withoutBundling, triageMode: 'llm', llmProvider: 'bedrock', llmModel: 'amazon.nova-lite-v1:0' }).template;
    expect(resourcesAllowedFor(plain, functionOf(plain, 'triage')[1], 'bedrock:InvokeModel').map((r) => JSON.stringify(r))).toEqual([
      expect.stringMatching(/:bedrock:.*Region.*::foundation-model\/amazon\.nova-lite-v1:0/),
    ]);
  });

  it('refuses a triage mode, LLM timeout or concurrency it cannot run, naming the key', () => {
    for (const [key, value] of [
      ['triageMode', 'gpt'],
      ['llmProvider', 'azure'],
      ['llmTimeoutSeconds', '0'],
      ['llmTimeoutSeconds', '61'],
      ['triageMaxConcurrency', '1'],
      ['llmBaseUrl', 'http://llm.example'],
      ['logLevel', 'LOUD'],
    ]) {
      expect(() => balieSettings(new App({ context: { ...cdkContext, [key!]: value } })), `${key}=${value}`).toThrow(new RegExp(`context ${key}`));
    }
  });
});

function ageAlarmSeconds(template: Template, queueId: string): number | undefined {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
  const age = alarms.find(
    (a) => a.Properties.MetricName === 'ApproximateAgeOfOldestMessage' && JSON.stringify(a.Properties.Dimensions).includes(`"${queueId}"`),
  );
  return age?.Properties.Threshold as number | undefined;
}
