import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import { checkAwsSolutions } from '../../infra/lib/nag.js';
import { cdkContext, withoutBundling } from './template-queries.js';

type Suppression = { id: string; reason: string; applies_to?: (string | { regex: string })[] };
type Metadata = { cdk_nag?: { rules_to_suppress?: Suppression[] } };

const awsSolutions = Match.stringLikeRegexp('AwsSolutions-.*');

/** Every suppression in the template, with the logical id of the resource it is on. */
function suppressionsOf(template: Template): { resource: string; suppression: Suppression }[] {
  const json = template.toJSON() as { Metadata?: Metadata; Resources: Record<string, { Metadata?: Metadata }> };
  const onStack = (json.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((suppression) => ({ resource: '(stack)', suppression }));
  const onResources = Object.entries(json.Resources).flatMap(([resource, r]) =>
    (r.Metadata?.cdk_nag?.rules_to_suppress ?? []).map((suppression) => ({ resource, suppression })),
  );
  return [...onStack, ...onResources];
}

describe('cdk-nag AWS Solutions checks', () => {
  let stack: Stack;
  let template: Template;

  // The checks run as an aspect during synthesis, as in `cdk synth` (infra/bin/balie.ts); no code is bundled, as no rule reads it.
  beforeAll(() => {
    const app = new App({ context: { ...cdkContext, ...withoutBundling } });
    stack = new BalieStack(app, 'Test');
    checkAwsSolutions(app);
    template = Template.fromStack(stack);
  });

  // An unsuppressed error would already have failed Template.fromStack above (annotationsInValidationReport).
  it('leaves no unsuppressed error, which would fail `cdk synth`', () => {
    const errors = Annotations.fromStack(stack).findError('*', awsSolutions);
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  it('leaves no unsuppressed warning', () => {
    const warnings = Annotations.fromStack(stack).findWarning('*', awsSolutions);
    expect(warnings.map((w) => `${w.id}: ${String(w.entry.data).split(':')[0]}`)).toEqual([]);
  });

  it('gives every suppression a written reason and suppresses nothing for the whole stack', () => {
    const all = suppressionsOf(template);
    expect(all.length).toBeGreaterThan(0);
    for (const { resource, suppression } of all) {
      expect(suppression.reason.trim().length, `${resource} ${suppression.id}`).toBeGreaterThanOrEqual(40);
      expect(resource).not.toBe('(stack)');
    }
  });

  it('accepts wildcard IAM findings (IAM5) only for the resources listed, never a wildcard action', () => {
    const iam5 = suppressionsOf(template).filter(({ suppression }) => suppression.id === 'AwsSolutions-IAM5');
    expect(iam5.length).toBeGreaterThan(0);
    for (const { resource, suppression } of iam5) {
      expect(suppression.applies_to?.length, resource).toBeGreaterThan(0);
      for (const finding of suppression.applies_to ?? []) {
        expect(typeof finding, resource).toBe('string');
        expect(finding as string, resource).toMatch(/^Resource::/);
      }
    }
  });

  it('suppresses only the rules reviewed for this stack', () => {
    const ids = new Set(suppressionsOf(template).map(({ suppression }) => suppression.id));
    expect([...ids].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM4',
      'AwsSolutions-IAM5',
      'AwsSolutions-L1',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
  });

  it('fails the synth on a resource that breaks a rule, naming the rule and the resource', () => {
    const app = new App({ context: { ...cdkContext, ...withoutBundling } });
    const other = new BalieStack(app, 'WithUnloggedBucket');
    new Bucket(other, 'Unlogged');
    checkAwsSolutions(app);
    // With annotationsInValidationReport (cdk.json) an error annotation fails synthesis itself, as it fails `cdk synth`.
    expect(() => app.synth()).toThrow(/AwsSolutions-S1:[^\n]*\n\s*WithUnloggedBucket\/Unlogged\/Resource/);
  });
});
