import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalieStack } from '../../infra/lib/balie-stack.js';
import { demoSettings, balieSettings, settingDefaults } from '../../infra/lib/context.js';
import {
  actionsAllowedTo,
  cdkContext,
  functionOf,
  envOf,
  onlyResource,
  asText,
  resourcesAllowedFor,
  statementsAllowedTo,
  synthesizeBalie,
  withoutBundling,
  type Resource,
} from './template-queries.js';

type Join = { 'Fn::Join': [string, unknown[]] };

/** `<the HTTP API's endpoint><path>`, as CloudFormation joins it. */
const apiUrl = (apiId: string, path: string): Join => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, path]] });
/** The mail bucket: the one that expires raw/ (the other bucket holds its access logs). */
const mailBucketId = (template: Template): string =>
  onlyResource(template, 'AWS::S3::Bucket', { LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'raw/' })]) } })[0];
const webClient = (template: Template): Resource => onlyResource(template, 'AWS::Cognito::UserPoolClient')[1];

/** Synthesises without bundling (no function code is asserted here) and returns the template. */
function synthesizeWith(context: Record<string, unknown>): Template {
  const { template, cleanup } = synthesizeBalie({ ...withoutBundling, ...context });
  cleanup();
  return template;
}

describe('agent sign-in through the Cognito hosted UI', () => {
  let template: Template;
  let cleanup = (): void => undefined;
  let apiId: string;
  let inboxApi: Resource;

  beforeAll(() => {
    ({ template, cleanup } = synthesizeBalie(withoutBundling));
    [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    [, inboxApi] = functionOf(template, 'inbox-api');
  });
  afterAll(() => cleanup());

  it('has a hosted UI domain on the user pool with the prefix from context', () => {
    const [poolId] = onlyResource(template, 'AWS::Cognito::UserPool');
    expect(demoSettings.cognitoDomainPrefix).toBe('balie-inbox-demo');
    template.resourcePropertiesCountIs('AWS::Cognito::UserPoolDomain', { Domain: 'balie-inbox-demo', UserPoolId: { Ref: poolId } }, 1);
  });

  it('lets the public web client (no secret) use the code flow only, back to the API’s /auth/callback, out to its /login', () => {
    expect(webClient(template).Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: expect.arrayContaining(['openid', 'email', 'profile']),
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [apiUrl(apiId, '/auth/callback')],
      LogoutURLs: [apiUrl(apiId, '/login')],
    });
    expect(JSON.stringify(webClient(template))).not.toContain('localhost');
  });

  it('requires a TOTP second factor of every agent, and no SMS', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('tells the inbox API the hosted UI base URL, the user pool, the client, the mail bucket and how long it keeps mail', () => {
    const [domainId] = onlyResource(template, 'AWS::Cognito::UserPoolDomain');
    expect(inboxApi.Properties.Environment).toEqual({
      Variables: expect.objectContaining({
        COGNITO_DOMAIN: { 'Fn::Join': ['', ['https://', { Ref: domainId }, '.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com']] },
        COGNITO_USER_POOL_ID: { Ref: onlyResource(template, 'AWS::Cognito::UserPool')[0] },
        COGNITO_CLIENT_ID: { Ref: onlyResource(template, 'AWS::Cognito::UserPoolClient')[0] },
        MAIL_BUCKET: { Ref: mailBucketId(template) },
        MAIL_RETENTION_DAYS: String(settingDefaults.mailRetentionDays),
      }),
    });
  });

  it('lets the inbox API read objects under mail/ and media/ (no raw/, no writing there), and read and write models/ only', () => {
    const bucketId = mailBucketId(template);
    expect([...new Set(actionsAllowedTo(template, inboxApi).filter((a) => a.startsWith('s3:')))].sort()).toEqual([
      's3:GetObject',
      's3:ListBucket',
      's3:PutObject',
    ]);
    expect(resourcesAllowedFor(template, inboxApi, 's3:GetObject')).toEqual([`${bucketId}.Arn/mail/*`, `${bucketId}.Arn/media/*`, `${bucketId}.Arn/models/*`]);
    expect(resourcesAllowedFor(template, inboxApi, 's3:PutObject')).toEqual([`${bucketId}.Arn/models/*`]);
    expect(resourcesAllowedFor(template, inboxApi, 's3:DeleteObject')).toEqual([]);
  });

  it('lets the inbox API list mail/, media/ and models/ only, so S3 answers a missing (expired) key with 404, not 403', () => {
    const lists = statementsAllowedTo(template, inboxApi).filter((s) => s.Action === 's3:ListBucket');
    expect(lists.map((s) => ({ ...s, Resource: asText(s.Resource) }))).toEqual([
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `${mailBucketId(template)}.Arn`,
        Condition: { StringLike: { 's3:prefix': ['mail/*', 'media/*', 'models/*'] } },
      },
    ]);
  });

  it('leads agents to the page’s own /login in the InboxLoginUrl output, which starts the hosted UI with state and PKCE', () => {
    const output = template.findOutputs('InboxLoginUrl').InboxLoginUrl as { Value: Join };
    expect(output.Value['Fn::Join'][1]).toEqual([{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/login']);
    expect(envOf(inboxApi)).not.toHaveProperty('PUBLIC_URL');
  });

  it('checks the Cognito JWT at the gateway on every /api route, and only there', () => {
    const [authorizerId, authorizer] = onlyResource(template, 'AWS::ApiGatewayV2::Authorizer');
    const [poolId] = onlyResource(template, 'AWS::Cognito::UserPool');
    const [clientId] = onlyResource(template, 'AWS::Cognito::UserPoolClient');
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: clientId }] },
    });
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration)).toContain(poolId);
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    const guarded = routes.filter((r) => r.Properties.AuthorizerId).map((r) => r.Properties.RouteKey);
    expect(guarded).toEqual(['ANY /api/{proxy+}']);
    for (const route of routes.filter((r) => r.Properties.AuthorizerId)) {
      expect(route.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });
});

describe('sign-in settings from context', () => {
  it('takes cognitoDomainPrefix given on the command line', () => {
    const template = synthesizeWith({ cognitoDomainPrefix: 'shop-support-1' });
    template.resourcePropertiesCountIs('AWS::Cognito::UserPoolDomain', { Domain: 'shop-support-1' }, 1);
  });

  it('fails the synth on a prefix Cognito would refuse, naming the key', () => {
    const bad = ['', '-shop', 'shop-', 'Shop', 'shop_support', 'shop.support', 'shop support', 'a'.repeat(64), 'my-aws-inbox', 'amazonshop', 'cognito-login'];
    for (const prefix of bad) {
      expect(() => balieSettings(new App({ context: { demo: 'true', cognitoDomainPrefix: prefix } })), prefix).toThrow(/context cognitoDomainPrefix/);
    }
    const app = new App({ context: { ...cdkContext, ...withoutBundling, cognitoDomainPrefix: 'balie-aws' } });
    expect(() => new BalieStack(app, 'Test')).toThrow(/cognitoDomainPrefix must not contain "aws"/);
  });

  it('accepts prefixes of 1 to 63 lowercase letters, digits and inner hyphens', () => {
    for (const prefix of ['a', '7', 'a'.repeat(63), 'balie-shop-1', 'shop--inbox']) {
      expect(balieSettings(new App({ context: { demo: 'true', cognitoDomainPrefix: prefix } })).cognitoDomainPrefix).toBe(prefix);
    }
  });

  it('adds the local stack’s localhost URLs to the API’s own only when allowLocalhostCallback is "true"', () => {
    const template = synthesizeWith({ allowLocalhostCallback: 'true' });
    const [apiId] = onlyResource(template, 'AWS::ApiGatewayV2::Api');
    expect(webClient(template).Properties).toMatchObject({
      CallbackURLs: [apiUrl(apiId, '/auth/callback'), 'http://localhost:3000/auth/callback'],
      LogoutURLs: [apiUrl(apiId, '/login'), 'http://localhost:3000/login'],
    });
    expect(balieSettings(new App({ context: { demo: 'true' } })).allowLocalhostCallback).toBe(false);
    expect(balieSettings(new App({ context: { demo: 'true', allowLocalhostCallback: false } })).allowLocalhostCallback).toBe(false);
  });

  it('takes a custom domain’s callbackUrl: Cognito returns there, the function learns its public URL, InboxLoginUrl leads to its /login', () => {
    const template = synthesizeWith({ callbackUrl: 'https://inbox.shop.example/auth/callback' });
    expect(webClient(template).Properties).toMatchObject({
      CallbackURLs: ['https://inbox.shop.example/auth/callback'],
      LogoutURLs: ['https://inbox.shop.example/login'],
    });
    const [, inboxApi] = functionOf(template, 'inbox-api');
    expect(envOf(inboxApi).PUBLIC_URL).toBe('https://inbox.shop.example');
    expect((template.findOutputs('InboxLoginUrl').InboxLoginUrl as { Value: unknown }).Value).toBe('https://inbox.shop.example/login');
  });

  it('registers a logoutUrl given beside the page’s own /login, which the function always signs out to', () => {
    const template = synthesizeWith({ callbackUrl: 'https://inbox.shop.example/auth/callback', logoutUrl: 'https://www.shop.example/bye' });
    expect(webClient(template).Properties.LogoutURLs).toEqual(['https://inbox.shop.example/login', 'https://www.shop.example/bye']);
  });

  it('refuses a callbackUrl or logoutUrl Cognito would refuse, and an allowLocalhostCallback that is not true or false, naming the key', () => {
    for (const url of [
      'inbox.shop.example/auth/callback',
      'http://inbox.shop.example/auth/callback',
      'https://inbox.shop.example/auth/callback#x',
      'ftp://x',
    ]) {
      expect(() => balieSettings(new App({ context: { demo: 'true', callbackUrl: url } })), url).toThrow(/context callbackUrl/);
      expect(() => balieSettings(new App({ context: { demo: 'true', logoutUrl: url } })), url).toThrow(/context logoutUrl/);
    }
    expect(balieSettings(new App({ context: { demo: 'true', callbackUrl: 'http://localhost:3000/auth/callback' } })).callbackUrl).toBe(
      'http://localhost:3000/auth/callback',
    );
    // the function's callback route is /auth/callback; any other path would never reach it
    expect(() => balieSettings(new App({ context: { demo: 'true', callbackUrl: 'https://inbox.shop.example/oauth' } }))).toThrow(
      /must end in \/auth\/callback/,
    );
    expect(() => balieSettings(new App({ context: { demo: 'true', allowLocalhostCallback: 'yes' } }))).toThrow(/context allowLocalhostCallback/);
  });
});
