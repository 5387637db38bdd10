import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BalieStack } from '../../infra/lib/balie-stack.js';

export type Resource = { Properties: Record<string, unknown> };
type Ref = { Ref: string };
type GetAtt = { 'Fn::GetAtt': [string, string] };

/** The context `cdk synth` runs with (feature flags included), so the test sees what deploys. */
export const cdkContext = (
  JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }
).context;

/** Synthesises BalieStack, bundling included, into a temporary directory that `cleanup` removes. */
export function synthesizeBalie(): { template: Template; cleanup: () => void } {
  const outdir = mkdtempSync(join(tmpdir(), 'balie-cdk-'));
  const app = new App({ context: cdkContext, outdir });
  const template = Template.fromStack(new BalieStack(app, 'Test'));
  return { template, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The one resource of `type` whose properties are like `properties`; throws if there are none or several. */
export function onlyResource(template: Template, type: string, properties: object = {}): [id: string, resource: Resource] {
  const entries = Object.entries(template.findResources(type, { Properties: properties })) as [string, Resource][];
  if (entries.length !== 1) throw new Error(`expected one ${type} like ${JSON.stringify(properties)}, found ${entries.length}`);
  return entries[0]!;
}

/** The logical id and resource of the function whose POWERTOOLS_SERVICE_NAME is `service`. */
export function functionOf(template: Template, service: string): [id: string, resource: Resource] {
  return onlyResource(template, 'AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: service }) },
  });
}

/** Every IAM action the function's execution role is allowed, across its attached policies. */
export function actionsAllowedTo(template: Template, fn: Resource): string[] {
  const roleId = (fn.Properties.Role as GetAtt)['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
  return (policies as Resource[])
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: { Effect: string; Action: string | string[] }[] }).Statement)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => s.Action);
}

/** The logical id of the function an HTTP API route (e.g. `GET /`) invokes. */
export function functionBehindRoute(template: Template, routeKey: string): string {
  const [, route] = onlyResource(template, 'AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
  const target = route.Properties.Target as { 'Fn::Join': [string, [string, Ref]] };
  const integration = template.toJSON().Resources[target['Fn::Join'][1][1].Ref] as Resource;
  return (integration.Properties.IntegrationUri as GetAtt)['Fn::GetAtt'][0];
}
