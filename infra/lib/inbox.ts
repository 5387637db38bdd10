import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, Mfa, OAuthScope, UserPool, UserPoolClientIdentityProvider, type UserPoolClient, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { localhostCallbackUrl, localhostLogoutUrl } from './context.js';
import { mailPartsPrefix, mediaPrefix } from './email.js';
import { modelPrefix } from './triage.js';
import { BalieFunction } from './function.js';
import { allowTableIndexes, nagArnOf } from './nag.js';

export interface InboxProps {
  /** The API the JSON API and the agent web UI are routed on. */
  readonly httpApi: HttpApi;
  readonly table: ITable;
  /** The queue an approval puts its send job on. */
  readonly outboundQueue: IQueue;
  /** The inbound queue: an agent's request for a new draft goes to the triage worker through it. */
  readonly inboundQueue: IQueue;
  /** Where an uploaded history or a retrain request goes (the training worker's queue). */
  readonly trainingQueue: IQueue;
  /** The mail bucket: agents download email bodies and attachments (mail/) and chat media (media/) through the API. */
  readonly mailBucket: IBucket;
  /** How long the bucket keeps mail parts and media (its lifecycle rule): the page names it when an original is gone. */
  readonly mailRetention: Duration;
  readonly logLevel: string;
  /** Where Cognito sends the browser back with the authorisation code. @default the API's own `/auth/callback` */
  readonly callbackUrl?: string;
  /** The page's public URL when it is not the API's own (a custom domain): callbackUrl without `/auth/callback`. */
  readonly publicUrl?: string;
  /** Where Cognito sends the browser after sign-out. @default the page's own `/login` */
  readonly logoutUrl?: string;
  /** Also allow the local stack's http://localhost:3000 callback and sign-out URLs. */
  readonly allowLocalhostCallback: boolean;
  /** The prefix of the hosted UI domain: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly cognitoDomainPrefix: string;
}

/**
 * What agents and supervisors use: the Cognito user pool they sign in to and the inbox-api function
 * that serves the JSON API and the web UI. Every `/api` route needs a Cognito JWT, checked at the gateway and again
 * by the function (shared/auth); the UI's pages check their own session cookie.
 */
export class Inbox extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The Cognito hosted UI the web UI sends agents to for sign-in (authorisation code flow with PKCE). */
  readonly userPoolDomain: UserPoolDomain;
  /** The URL the hosted UI returns to with the code; the first of the client's callback URLs. */
  readonly callbackUrl: string;
  /** The page's sign-in: its own `/login`, which starts the hosted UI with state and PKCE. */
  readonly loginUrl: string;
  readonly apiFunction: BalieFunction;

  constructor(scope: Construct, id: string, props: InboxProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      // Agents are invited by an administrator; customers never sign in.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Agents read customers' messages and send replies in the company's name: a password alone is not enough.
      // TOTP only (an authenticator app, set up at first sign-in on the hosted UI); SMS would need an SNS role
      // and a sending budget, and is the weaker factor.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.userPool, [
      {
        id: 'AwsSolutions-COG8',
        reason:
          "Essentials tier by choice: only administrators create users, TOTP MFA is required and the password policy is strict, so the Plus tier's threat protection (compromised credentials, risky sign-ins) adds little for a small staff pool at a monthly price per user; switching is a one-line featurePlan change.",
      },
    ]);
    // The role claim (cognito:groups) that shared/auth/roles.ts reads.
    this.userPool.addGroup('AgentGroup', { groupName: 'agent', description: 'Works the inbox', precedence: 20 });
    this.userPool.addGroup('SupervisorGroup', {
      groupName: 'supervisor',
      description: 'Watches SLAs and volumes; can do what an agent does',
      precedence: 10,
    });

    // The hosted UI. The prefix must be unique in the region across all of AWS, so it comes from context.
    this.userPoolDomain = this.userPool.addDomain('HostedUiDomain', {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix },
    });

    // The UI is served by the API itself, so by default Cognito returns to the API's own URL. The client depends
    // on the API (not the other way round), and the function only on the client, so there is no cycle.
    // With a custom domain the function must know its public URL: it builds the redirect and sign-out URLs from it.
    const publicUrl = props.publicUrl ?? props.httpApi.apiEndpoint;
    this.callbackUrl = props.callbackUrl ?? `${publicUrl}/auth/callback`;
    this.loginUrl = `${publicUrl}/login`;
    // the function always signs out to its own /login, so that URL is registered whatever logoutUrl says
    const logoutUrls = [...new Set([this.loginUrl, ...(props.logoutUrl ? [props.logoutUrl] : [])])];

    // A public client (no secret: the browser cannot keep one) using the authorisation code flow; the web UI
    // adds PKCE (code_challenge S256), which Cognito verifies when the code is exchanged.
    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [this.callbackUrl, ...(props.allowLocalhostCallback ? [localhostCallbackUrl] : [])],
        logoutUrls: [...logoutUrls, ...(props.allowLocalhostCallback ? [localhostLogoutUrl] : [])],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.apiFunction = new BalieFunction(this, 'ApiFunction', {
      name: 'inbox-api',
      description: 'Inbox JSON API and agent web UI',
      // the page's script and stylesheet, read once per cold start from assets/ next to the bundle
      runtimeFiles: { 'functions/inbox-api/web/assets': 'assets' },
      environment: {
        TABLE_NAME: props.table.tableName,
        COGNITO_USER_POOL_ID: this.userPool.userPoolId,
        COGNITO_CLIENT_ID: this.userPoolClient.userPoolClientId,
        // https://<prefix>.auth.<region>.amazoncognito.com: /oauth2/authorize, /oauth2/token and /logout
        COGNITO_DOMAIN: this.userPoolDomain.baseUrl(),
        ...(props.publicUrl ? { PUBLIC_URL: props.publicUrl } : {}),
        MAIL_BUCKET: props.mailBucket.bucketName,
        MAIL_RETENTION_DAYS: String(props.mailRetention.toDays()),
        OUTBOUND_QUEUE_URL: props.outboundQueue.queueUrl,
        INBOUND_QUEUE_URL: props.inboundQueue.queueUrl,
        TRAINING_QUEUE_URL: props.trainingQueue.queueUrl,
        LOG_LEVEL: props.logLevel,
      },
    });
    props.table.grantReadWriteData(this.apiFunction);
    allowTableIndexes(this.apiFunction, props.table);
    // Approving a draft publishes one send job; the send function, not the API, talks to the providers.
    props.outboundQueue.grantSendMessages(this.apiFunction);
    // "New draft" queues a request for the triage worker, which holds the engines and the LLM's longer timeout.
    props.inboundQueue.grantSendMessages(this.apiFunction);
    // Agents download attachments, email bodies and chat media through the API: GetObject under those two
    // prefixes only (not raw/, the unparsed MIME), no writing. The bucket is S3-encrypted, no KMS.
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.mailBucket.arnForObjects(`${mailPartsPrefix}*`), props.mailBucket.arnForObjects(`${mediaPrefix}*`)],
      }),
    );
    // Supervisors train and promote models on the Model page: the model in use and its categories, the training jobs
    // and uploaded histories (read and write under models/), and a request on the training queue for each run.
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [props.mailBucket.arnForObjects(`${modelPrefix}*`)] }),
    );
    props.trainingQueue.grantSendMessages(this.apiFunction);
    // Mail parts and media expire (mailRetention) while their threads stay. S3 tells a caller that a key is missing
    // (NoSuchKey, 404) only when it may list it, else AccessDenied (403), and the page would answer 500 where it
    // should say the original is gone. Listing is allowed for the same two prefixes (S3 checks a GET of a missing
    // key with the key as s3:prefix); the API itself never lists.
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.mailBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${mailPartsPrefix}*`, `${mediaPrefix}*`, `${modelPrefix}*`] } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.apiFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Attachment, body and media keys are made per message (mail/<SES message id>/..., media/<channel>/<hash>), so reading them is granted by prefix: s3:GetObject on mail/* and media/* only, never raw/. Models, training jobs and uploaded histories are named by hash or id under models/: read and write there only.',
          appliesTo: [
            `Resource::${nagArnOf(props.mailBucket)}/${mailPartsPrefix}*`,
            `Resource::${nagArnOf(props.mailBucket)}/${mediaPrefix}*`,
            `Resource::${nagArnOf(props.mailBucket)}/${modelPrefix}*`,
          ],
        },
      ],
      true,
    );

    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    // The gateway checks the JWT (signature, issuer, this app client, expiry) before any /api request reaches the
    // function, so unauthenticated traffic never runs (or bills) a Lambda; the function checks again, with its
    // stricter rules (agent or supervisor group, iat, a maximum age), as it does in the local stack.
    const authorizer = new HttpUserPoolAuthorizer('ApiAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });
    props.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
    const uiRoutes = [
      ...props.httpApi.addRoutes({ path: '/', methods: [HttpMethod.GET], integration }),
      ...props.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration }),
    ];
    NagSuppressions.addResourceSuppressions(uiRoutes, [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'The web UI checks its own session cookie (the same Cognito ID token, verified by shared/auth as on /api) on every page and action; the login page, the login redirect and the OAuth callback must load before the agent has a token.',
      },
    ]);
  }
}
