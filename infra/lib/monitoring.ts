import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  AlarmWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  SearchExpression,
  Stats,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FunctionName } from './function.js';

/**
 * The namespace of the metrics Balie's functions publish themselves (Powertools Metrics, embedded metric format):
 * MessagesIn, TriageLatency, DraftsApproved, DraftsEdited, DraftsRejected, SendsFailed, LlmTokens and LlmCostUsd,
 * with the dimension `service` (the function's POWERTOOLS_SERVICE_NAME) and possibly more (e.g. `channel`).
 */
export const metricsNamespace = 'Balie';

/**
 * Oldest message on the inbound queue before the alarm: the visibility timeout (6× triage's timeout) plus 2 minutes.
 * Triage takes a batch in seconds, and a message that failed once is visible again only after the visibility
 * timeout; older than that means triage is down, throttled or falling behind, or a message failed a second time.
 * Without an LLM that is 5 minutes (30 s timeout, 180 s visibility), while the tightest SLA (P1, 1 hour) still has
 * 55 minutes left. SQS leaves messages received 3 times or more out of this metric, so one poison message does not
 * hold the alarm until it reaches the DLQ (its DLQ alarm reports it).
 */
export function inboundMaxAgeFor(triageTimeout: Duration): Duration {
  return Duration.seconds(6 * triageTimeout.toSeconds() + 120);
}

/**
 * Oldest send job before the alarm. A provider's 429/5xx pushes a job back 10 s, 40 s, 160 s and 640 s
 * (shared/queue/retry-later.ts), so a job still waiting after 15 minutes has been refused four times: SES or Meta
 * has been failing for over ten minutes and customers are not getting approved replies. Shorter would alarm on
 * every brief provider hiccup that the backoff is there to absorb.
 */
export const outboundMaxAge = Duration.minutes(15);

export interface MonitoringProps {
  /** Every Balie function, by name: Errors and Throttles alarms and dashboard lines for each. */
  readonly functions: Record<FunctionName, IFunction>;
  /** The queues functions consume, with the message age that is too old. */
  readonly workQueues: Record<string, { queue: IQueue; maxAge: Duration }>;
  /** Every DLQ (and on-failure destination): one message in it is one alarm, whose description says what to do. */
  readonly deadLetterQueues: Record<string, { queue: IQueue; instructions: string }>;
  /** The HTTP API of webhooks, inbox API and UI: 4xx, 5xx and latency on the dashboard. */
  readonly httpApi: IHttpApi;
  /** Subscribed to the alarm topic by email when set (the recipient must confirm the subscription). */
  readonly alarmEmail?: string;
}

/**
 * Alarms and a dashboard. Every alarm notifies one SNS topic (KMS-encrypted, TLS only); the operator subscribes
 * to it (context `alarmEmail`, or any other subscription added by hand). The dashboard shows the path of a
 * message: webhooks in, triage, drafts decided, replies sent, with queue and DLQ depths, Lambda and API health.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // A customer managed key, not the AWS managed alias/aws/sns: CloudWatch alarms cannot publish to a topic
    // encrypted with the AWS managed key, whose key policy no one can change to let cloudwatch.amazonaws.com use it.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Balie alarm topic; CloudWatch alarms use it to publish',
      enableKeyRotation: true,
      // it only encrypts notifications in flight; nothing needs it after the topic is gone
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: `${stack.stackName} alarms`,
      masterKey: key,
      // a Deny on sns:Publish without aws:SecureTransport in the topic policy
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one, so CloudWatch is allowed explicitly: this account's alarms only.
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
          },
        },
      }),
    );
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, name: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1): Alarm => {
      const created = new Alarm(this, alarmId, {
        alarmName: `${stack.stackName}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods,
        datapointsToAlarm: evaluationPeriods,
        // no data means nothing happened (no failed message, no invocation): not a problem
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
      return created;
    };

    // Any message in a DLQ is work Balie gave up on: an operator looks at it and redrives it (README, Operating Balie).
    for (const [name, { queue, instructions }] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${pascal(name)}DlqAlarm`,
        `dlq-${name}`,
        `The ${name} DLQ holds messages Balie gave up on. ${instructions}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
        0,
      );
    }

    for (const [name, { queue, maxAge }] of Object.entries(props.workQueues)) {
      alarm(
        `${pascal(name)}QueueAgeAlarm`,
        `age-${name}`,
        `A message has waited on the ${name} queue for over ${maxAge.toSeconds()} s: its consumer is failing, throttled or behind.`,
        queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
        maxAge.toSeconds(),
      );
    }

    // Five-minute windows: any error alarms, but a stream of sporadic errors sends one notification, not one a minute.
    const functions = Object.entries(props.functions) as [FunctionName, IFunction][];
    for (const [name, fn] of functions) {
      alarm(
        `${pascal(name)}ErrorsAlarm`,
        `errors-${name}`,
        `The ${name} function failed (an uncaught error or a timeout); see its log group.`,
        fn.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }),
        0,
      );
      alarm(
        `${pascal(name)}ThrottlesAlarm`,
        `throttles-${name}`,
        `Lambda throttled the ${name} function: the account's (or its reserved) concurrency is used up.`,
        fn.metricThrottles({ period: Duration.minutes(5), statistic: Stats.SUM }),
        0,
      );
    }

    // A Metrics Insights query over every dimension set of SendsFailed, so the alarm does not depend on which
    // dimensions (service, channel…) the send function adds to the metric.
    const sendsFailed = new MathExpression({
      expression: `SELECT SUM(SendsFailed) FROM ${metricsNamespace}`,
      label: 'Sends failed',
      period: Duration.minutes(5),
      usingMetrics: {},
    });
    const sendsFailedAlarm = alarm(
      'SendsFailedAlarm',
      'sends-failed',
      'A reply will not go out without an agent: the provider refused it for good, or a send stopped midway (outcome unknown). The failed drafts show the reason, the send log the rest.',
      sendsFailed,
      0,
    );
    // A provider outage: SQS leaves a job out of the age-of-oldest-message metric once it was received 3 times (about
    // 50 s into the back-off), so the age alarm cannot see it; retries in each of three 5-minute periods can.
    const sendsRetried = new MathExpression({
      expression: `SELECT SUM(SendsRetried) FROM ${metricsNamespace}`,
      label: 'Sends retried',
      period: Duration.minutes(5),
      usingMetrics: {},
    });
    alarm(
      'SendsRetryingAlarm',
      'sends-retrying',
      'Sends have been retried (provider 429 or 5xx) in each of the last 15 minutes: SES or Meta is refusing or failing, and approved replies are waiting.',
      sendsRetried,
      0,
      3,
    );

    this.dashboard = new Dashboard(this, 'Dashboard', {
      // dashboards are global in an account, so the region keeps two deployments of the stack apart
      dashboardName: `${stack.stackName}-${stack.region}`,
      defaultInterval: Duration.hours(3),
    });
    const graph = (title: string, left: IMetric[], right: IMetric[] = [], width = 8) =>
      new GraphWidget({ title, left, right, width, height: 6, leftYAxis: { min: 0 }, rightYAxis: { min: 0 } });
    const insights = (label: string, query: string) => new MathExpression({ expression: query, label, period: Duration.minutes(5), usingMetrics: {} });
    const search = (label: string, metricName: string, statistic: string) =>
      new SearchExpression({
        expression: `SEARCH('Namespace="${metricsNamespace}" MetricName="${metricName}"', '${statistic}', 300)`,
        label,
        period: Duration.minutes(5),
      });
    const byFunction = (metric: (fn: IFunction, name: FunctionName) => IMetric) => functions.map(([name, fn]) => metric(fn, name));

    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# ${stack.stackName}\nCustomer messages in → triage → drafts decided → replies sent. A message in a DLQ is redriven with \`npm run redrive\` (README, Operating Balie).`,
        width: 24,
        height: 2,
      }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }),
    );
    this.dashboard.addWidgets(
      graph('Messages in per channel', [insights('', `SELECT SUM(MessagesIn) FROM ${metricsNamespace} GROUP BY channel`)]),
      graph('Triage latency (ms)', [search('p50', 'TriageLatency', 'p50'), search('p99', 'TriageLatency', 'p99')]),
      graph('Drafts decided', [
        insights('approved', `SELECT SUM(DraftsApproved) FROM ${metricsNamespace}`),
        insights('edited', `SELECT SUM(DraftsEdited) FROM ${metricsNamespace}`),
        insights('rejected', `SELECT SUM(DraftsRejected) FROM ${metricsNamespace}`),
      ]),
    );
    this.dashboard.addWidgets(
      new AlarmWidget({ title: 'Sends failed', alarm: sendsFailedAlarm, width: 8, height: 6, leftYAxis: { min: 0 } }),
      graph(
        'LLM tokens and cost',
        [insights('tokens', `SELECT SUM(LlmTokens) FROM ${metricsNamespace}`)],
        [insights('cost (USD)', `SELECT SUM(LlmCostUsd) FROM ${metricsNamespace}`)],
      ),
      graph(
        'Queue depth and age of oldest message',
        Object.entries(props.workQueues).map(([name, { queue }]) =>
          queue.metricApproximateNumberOfMessagesVisible({ label: `${name} visible`, period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
        ),
        Object.entries(props.workQueues).map(([name, { queue }]) =>
          queue.metricApproximateAgeOfOldestMessage({ label: `${name} oldest (s)`, period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
        ),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'DLQ depth',
        Object.entries(props.deadLetterQueues).map(([name, { queue }]) =>
          queue.metricApproximateNumberOfMessagesVisible({ label: name, period: Duration.minutes(1), statistic: Stats.MAXIMUM }),
        ),
      ),
      graph(
        'Lambda errors and throttles',
        byFunction((fn, name) => fn.metricErrors({ label: `${name} errors`, period: Duration.minutes(5), statistic: Stats.SUM })),
        byFunction((fn, name) => fn.metricThrottles({ label: `${name} throttles`, period: Duration.minutes(5), statistic: Stats.SUM })),
      ),
      graph(
        'Lambda duration p99 (ms)',
        byFunction((fn, name) => fn.metricDuration({ label: name, period: Duration.minutes(5), statistic: Stats.percentile(99) })),
      ),
    );
    this.dashboard.addWidgets(
      graph(
        'HTTP API 4xx and 5xx',
        [
          props.httpApi.metricClientError({ label: '4xx', period: Duration.minutes(5), statistic: Stats.SUM }),
          props.httpApi.metricServerError({ label: '5xx', period: Duration.minutes(5), statistic: Stats.SUM }),
        ],
        [props.httpApi.metricCount({ label: 'requests', period: Duration.minutes(5), statistic: Stats.SUM })],
        12,
      ),
      graph(
        'HTTP API latency (ms)',
        [
          props.httpApi.metricLatency({ label: 'p50', period: Duration.minutes(5), statistic: Stats.percentile(50) }),
          props.httpApi.metricLatency({ label: 'p99', period: Duration.minutes(5), statistic: Stats.percentile(99) }),
        ],
        [],
        12,
      ),
    );
  }
}

/** `ingest-webhook` → `IngestWebhook`, for construct ids. */
function pascal(name: string): string {
  return name.replace(/(^|[-_\s]+)(\w)/g, (_, _sep: string, c: string) => c.toUpperCase());
}
