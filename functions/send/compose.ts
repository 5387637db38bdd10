import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { SesEmailSender } from '../../shared/channels/email/ses-sender.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { once, type Lazy } from '../../shared/config/once.js';
import { derived } from '../../shared/config/refreshing.js';
import { sendersFor, type ChannelCredentials } from '../../shared/config/senders.js';
import { ProviderError, type Channel, type Sender } from '../../shared/domain/index.js';
import type { Observability } from '../../shared/observability/powertools.js';
import { queueUrlFromArn, sqsRetryLater } from '../../shared/queue/retry-later.js';
import { DynamoThreadStore } from '../../shared/store/dynamo-thread-store.js';
import { sendApprovedDraft } from '../../shared/use-cases/send-reply.js';
import { createSendHandler } from './app.js';

export interface SendWiring {
  dynamo: DynamoDBClient;
  /** Only a retryable failure needs SQS (to push the job back): made then. */
  sqs: Lazy<SQSClient>;
  /** Email goes out through SES v2, made with the first email reply; without it, to `unconfigured`. */
  ses?: Lazy<SESv2Client>;
  tableName: string;
  /** The From of email replies. */
  emailFrom: string;
  /** Channel tokens: a chat channel with one is sent through the Graph API. Read with the first chat reply, then as it answers (refreshed). */
  credentials: Lazy<ChannelCredentials>;
  /** Where a channel without a sender goes: the local outbox on a laptop; by default a sender that fails visibly. */
  unconfigured?: Sender;
  /** The queue a retryable job is pushed back on: by default the record's own, from its event source ARN. */
  queueUrlOf?: (record: SQSRecord) => string;
  observability: Observability;
}

/** The send worker as it runs: the Lambda entry and the local stack both build it here. */
export function composeSend(wiring: SendWiring) {
  const { logger, metrics, tracer } = wiring.observability;
  const store = new DynamoThreadStore(createDocumentClient(tracer.captureAWSv3Client(wiring.dynamo)), wiring.tableName);
  const { ses } = wiring;
  const email = ses
    ? new SesEmailSender(
        once(async () => tracer.captureAWSv3Client(await ses())),
        wiring.emailFrom,
      )
    : wiring.unconfigured;
  // an email reply needs no channel token: the secret is read when the first chat reply goes out; the senders are
  // made again when the tokens were (a rotated token)
  const chatSenders = derived(wiring.credentials, (credentials) => sendersFor(credentials, email, (channel) => wiring.unconfigured ?? noSender(channel)));
  const senderFor = (channel: Channel): Sender =>
    channel === 'email' && email ? email : { send: async (message) => (await chatSenders())(channel).send(message) };
  return createSendHandler({
    send: (job) => sendApprovedDraft({ store, senderFor, emailFrom: wiring.emailFrom }, job),
    retryLater: sqsRetryLater(
      once(async () => tracer.captureAWSv3Client(await wiring.sqs())),
      wiring.queueUrlOf ?? ((record) => queueUrlFromArn(record.eventSourceARN)),
    ),
    logger,
    metrics,
  });
}

/** A channel without a token fails visibly on the draft instead of disappearing. */
function noSender(channel: Channel): Sender {
  return { send: () => Promise.reject(new ProviderError(`no ${channel} access token is configured`, 'no_credentials', false)) };
}
