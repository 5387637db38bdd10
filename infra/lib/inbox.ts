import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccountRecovery, OAuthScope, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';

export interface InboxProps {
  /** The API the JSON API and the agent web UI are routed on. */
  readonly httpApi: HttpApi;
  readonly table: ITable;
  /** The queue an approval puts its send job on. */
  readonly outboundQueue: IQueue;
  readonly logLevel: string;
  /** Where Cognito sends the browser back with the authorisation code. */
  readonly callbackUrl: string;
  readonly logoutUrl: string;
}

/**
 * What agents and supervisors use: the Cognito user pool they sign in to and the inbox-api function
 * that serves the JSON API and the web UI. The function checks the JWT itself (shared/auth), so the
 * UI's pages stay public while every `/api` route needs a token.
 */
export class Inbox extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
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
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The role claim (cognito:groups) that shared/auth/roles.ts reads.
    this.userPool.addGroup('AgentGroup', { groupName: 'agent', description: 'Works the inbox', precedence: 20 });
    this.userPool.addGroup('SupervisorGroup', {
      groupName: 'supervisor',
      description: 'Watches SLAs and volumes; can do what an agent does',
      precedence: 10,
    });

    this.userPoolClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.callbackUrl],
        logoutUrls: [props.logoutUrl],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.apiFunction = new BalieFunction(this, 'ApiFunction', {
      name: 'inbox-api',
      description: 'Inbox JSON API and agent web UI',
      environment: {
        TABLE_NAME: props.table.tableName,
        COGNITO_USER_POOL_ID: this.userPool.userPoolId,
        COGNITO_CLIENT_ID: this.userPoolClient.userPoolClientId,
        OUTBOUND_QUEUE_URL: props.outboundQueue.queueUrl,
        LOG_LEVEL: props.logLevel,
      },
    });
    props.table.grantReadWriteData(this.apiFunction);
    // Approving a draft publishes one send job; the send function, not the API, talks to the providers.
    props.outboundQueue.grantSendMessages(this.apiFunction);

    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    props.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration });
    props.httpApi.addRoutes({ path: '/', methods: [HttpMethod.GET], integration });
    props.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration });
  }
}
