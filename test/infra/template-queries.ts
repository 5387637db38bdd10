import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { BalieStack } from '../../infra/lib/balie-stack.js';

export type Resource = { Properties: Record<string, unknown> };
type Ref = { Ref: string };

/** A function's environment variables as the template sets them. */
export function envOf(fn: Resource): Record<string, unknown> {
  return (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
}
type GetAtt = { 'Fn::GetAtt': [string, string] };
export type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The context `cdk synth` runs with (feature flags included), so the test sees what deploys. */
/** cdk.json's context with `demo: 'true'`, as `npm run synth` gives it: the demo placeholders of the required settings. */
export const cdkContext: Record<string, unknown> = {
  ...(JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context,
  demo: 'true',
};

/** Context that skips esbuild (as `cdk deploy --exclusively` does for other stacks), for tests that need no code. */
export const withoutBundling = { 'aws:cdk:bundling-stacks': [] };

/**
 * Synthesises BalieStack, bundling included, into a temporary directory that `cleanup` removes.
 * `context` overrides cdk.json as `cdk synth -c key=value` would.
 */
export function synthesizeBalie(context: Record<string, unknown> = {}): { template: Template; cleanup: () => void } {
  const outdir = mkdtempSync(join(tmpdir(), 'balie-cdk-'));
  const app = new App({ context: { ...cdkContext, ...context }, outdir });
  const template = Template.fromStack(new BalieStack(app, 'Test'));
  return { template, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The one resource of `type` whose properties are like `properties`; throws if there are none or several. */
export function onlyResource(template: Template, type: string, properties: object = {}): [id: string, resource: Resource] {
  // A resource without properties (AWS::SES::ReceiptRuleSet) has no Properties key to match.
  const pattern = Object.keys(properties).length > 0 ? { Properties: properties } : {};
  const entries = Object.entries(template.findResources(type, pattern)) as [string, Resource][];
  if (entries.length !== 1) throw new Error(`expected one ${type} like ${JSON.stringify(properties)}, found ${entries.length}`);
  return entries[0]!;
}

/** The logical id and resource of the function whose POWERTOOLS_SERVICE_NAME is `service`. */
export function functionOf(template: Template, service: string): [id: string, resource: Resource] {
  return onlyResource(template, 'AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: service }) },
  });
}

/**
 * The logical id and resource of the queue that feeds the function whose POWERTOOLS_SERVICE_NAME is `service`,
 * found through its event source mapping.
 */
export function queueFeeding(template: Template, service: string): [id: string, resource: Resource] {
  const [functionId] = functionOf(template, service);
  const [, mapping] = onlyResource(template, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: functionId } });
  const [queueId] = (mapping.Properties.EventSourceArn as GetAtt)['Fn::GetAtt'];
  return [queueId, template.toJSON().Resources[queueId] as Resource];
}

/** The Allow statements of the function's execution role, across its attached policies. */
export function statementsAllowedTo(template: Template, fn: Resource): Statement[] {
  const roleId = (fn.Properties.Role as GetAtt)['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
  return (policies as Resource[]).flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement).filter((s) => s.Effect === 'Allow');
}

/** Every IAM action the function's execution role is allowed, across its attached policies. */
export function actionsAllowedTo(template: Template, fn: Resource): string[] {
  return statementsAllowedTo(template, fn).flatMap((s) => s.Action);
}

/**
 * The resources the function's role may do `action` on, wildcards in the granted actions included
 * (`s3:GetObject*` allows `s3:GetObject`), as text: `MailBucket1234.Arn/raw/*`.
 */
export function resourcesAllowedFor(template: Template, fn: Resource, action: string): string[] {
  // IAM action names are letters, digits and a colon, so `*` is the only character a pattern needs to translate.
  const allows = (granted: string): boolean => new RegExp(`^${granted.replaceAll('*', '.*')}$`).test(action);
  return statementsAllowedTo(template, fn)
    .filter((s) => [s.Action].flat().some(allows))
    .flatMap((s) => [s.Resource].flat().map(asText));
}

/** A CloudFormation value as readable text: `{ Ref: 'X' }` → `X`, `{ 'Fn::GetAtt': ['X', 'Arn'] }` → `X.Arn`, joins joined. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Partial<Ref & GetAtt & { 'Fn::Join': [string, unknown[]] }>;
  if (v.Ref) return v.Ref;
  if (v['Fn::GetAtt']) return v['Fn::GetAtt'].join('.');
  if (v['Fn::Join']) return v['Fn::Join'][1].map(asText).join(v['Fn::Join'][0]);
  return JSON.stringify(value);
}

/** The logical id of the function an HTTP API route (e.g. `GET /`) invokes. */
export function functionBehindRoute(template: Template, routeKey: string): string {
  const [, route] = onlyResource(template, 'AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
  const target = route.Properties.Target as { 'Fn::Join': [string, [string, Ref]] };
  const integration = template.toJSON().Resources[target['Fn::Join'][1][1].Ref] as Resource;
  return (integration.Properties.IntegrationUri as GetAtt)['Fn::GetAtt'][0];
}
