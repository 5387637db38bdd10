import { Aspects, Stack, type CfnElement } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Runs cdk-nag's AWS Solutions rules on everything under `scope` at synth. A finding is an error or warning
 * annotation, and `cdk synth` fails on errors; each accepted finding is suppressed, with its reason, next to the
 * resource it concerns (the NagSuppressions calls in infra/lib). `cdk synth` (infra/bin/balie.ts) and
 * test/infra/nag.test.ts both call this, so the test sees what the CLI does.
 */
export function checkAwsSolutions(scope: IConstruct): void {
  Aspects.of(scope).add(new AwsSolutionsChecks({ verbose: true }));
}

/** How cdk-nag writes the ARN of a resource of this stack in an IAM5 finding: `<LogicalId.Arn>`. */
export function nagArnOf(construct: IConstruct): string {
  const cfn = construct.node.defaultChild as CfnElement;
  return `<${Stack.of(cfn).getLogicalId(cfn)}.Arn>`;
}

/** Accepts the `<table>/index/*` resource that `table.grant…Data(fn)` adds to the function's policy. */
export function allowTableIndexes(fn: IConstruct, table: ITable): void {
  NagSuppressions.addResourceSuppressions(
    fn,
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Queries on the single table's own global secondary indexes (gsi1, the worklist; gsi2, an agent's threads): index/* names only that table's indexes, granted by the CDK with the table.",
        appliesTo: [`Resource::${nagArnOf(table)}/index/*`],
      },
    ],
    true,
  );
}
