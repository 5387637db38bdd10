import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSRecord } from 'aws-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aLambdaContext, anSqsEvent, anSqsRecord } from '../helpers/lambda.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import { DynamoThreadStore, ensureTable } from '../../shared/store/index.js';
import { approveDraft } from '../../shared/use-cases/review-draft.js';
import { startDynalite, startSqs, type Emulator } from '../../local/emulators.js';
import { ensureQueueWithDlq } from '../../local/queues.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { fixture } from '../helpers/fixtures.js';

// The Lambda entry points exactly as Lambda loads them: configured by environment variables, with the
// SDK pointed at the emulators through its own AWS_ENDPOINT_URL_* variables.
let dynalite: Emulator;
let sqsEmulator: Emulator;
let sqs: SQSClient;
let queueUrl: string;
let outboundUrl: string;
let ses: Server;
const sesRequests: Array<{ path: string; body: { Content?: { Raw?: { Data?: string } } } }> = [];
const context = aLambdaContext();

beforeAll(async () => {
  [dynalite, sqsEmulator] = await Promise.all([startDynalite(), startSqs()]);
  // SES v2 is a REST JSON API: a local server that answers SendEmail the way SES does stands in for it.
  ses = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      sesRequests.push({ path: req.url ?? '', body: JSON.parse(body || '{}') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: '0102018c-lambda-000000' }));
    });
  });
  await new Promise<void>((r) => ses.listen(0, '127.0.0.1', r));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
    AWS_ENDPOINT_URL_SQS: sqsEmulator.endpoint,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    TABLE_NAME: 'balie-lambda-test',
    META_APP_SECRET: 'lambda-secret',
    META_VERIFY_TOKEN: 'lambda-verify',
    COGNITO_USER_POOL_ID: 'eu-west-1_TestPool',
    AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(ses.address() as AddressInfo).port}`,
    SUPPORT_EMAIL_FROM: 'Demoshop <support@demoshop.nl>',
    LOG_LEVEL: 'ERROR',
  });
  sqs = new SQSClient({});
  queueUrl = (await ensureQueueWithDlq(sqs, 'lambda-inbound', 30)).queue.url;
  process.env.INBOUND_QUEUE_URL = queueUrl;
  outboundUrl = (await ensureQueueWithDlq(sqs, 'lambda-outbound', 30)).queue.url;
  process.env.OUTBOUND_QUEUE_URL = outboundUrl;
  await ensureTable(new DynamoDBClient({}), 'balie-lambda-test');
});
afterAll(async () => {
  sqs?.destroy();
  await Promise.all([dynalite?.stop(), sqsEmulator?.stop(), new Promise((r) => ses?.close(r))]);
});

/** A message received from the emulator, as Lambda would hand it to the function. */
function sqsRecord(m: { MessageId?: string; ReceiptHandle?: string; Body?: string }, queue: string): SQSRecord {
  return anSqsRecord({ messageId: m.MessageId!, receiptHandle: m.ReceiptHandle!, body: m.Body!, queue });
}

function apiEvent(body: string, signature: string): APIGatewayProxyEventV2 & LambdaEvent {
  const event = structuredClone(fixture('lambda/api-gateway-v2-post.json')) as unknown as APIGatewayProxyEventV2 & LambdaEvent;
  event.body = body;
  event.headers['content-length'] = String(Buffer.byteLength(body));
  event.headers['x-hub-signature-256'] = signature;
  return event;
}

describe('Lambda handlers', () => {
  it('ingest-webhook: an API Gateway event with a signed WhatsApp body is queued, then triage stores it', async () => {
    const { handler: ingest } = await import('../../functions/ingest-webhook/handler.js');
    const body = JSON.stringify(
      whatsappTextWebhook({ from: '31655555555', name: 'Lambda Lisa', text: 'Er is twee keer € 49,95 afgeschreven voor order 1234', wamid: 'wamid.lambda-1' }),
    );
    const res = await ingest(apiEvent(body, signMetaPayload(body, 'lambda-secret')), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ received: 1 });

    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, AttributeNames: ['All'] }));
    expect(received.Messages).toHaveLength(1);
    const m = received.Messages![0]!;
    const sqsEvent = anSqsEvent(sqsRecord(m, 'lambda-inbound'), anSqsRecord({ messageId: 'poison-1', queue: 'lambda-inbound', body: '{"type":"message"}' }));
    const { handler: triage } = await import('../../functions/triage/handler.js');
    expect(await triage(sqsEvent, context)).toEqual({ batchItemFailures: [{ itemIdentifier: 'poison-1' }] });

    const store = new DynamoThreadStore(createDocumentClient(new DynamoDBClient({})), 'balie-lambda-test');
    const { threads } = await store.listThreads({ limit: 10 });
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ category: 'billing', language: 'nl', status: 'awaiting_approval', contact: { name: 'Lambda Lisa' } });
  });

  it('ingest-webhook: a wrong signature is a 401 JSON answer', async () => {
    const { handler: ingest } = await import('../../functions/ingest-webhook/handler.js');
    const res = await ingest(apiEvent('{"object":"whatsapp_business_account"}', 'sha256=' + '0'.repeat(64)), context);
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body!)).toMatchObject({ error: 'invalid_signature' });
  });

  it('inbox-api: refuses a request without a token before touching Cognito or the table', async () => {
    const { handler: inbox } = await import('../../functions/inbox-api/handler.js');
    const event = apiEvent('', 'unused');
    Object.assign(event, {
      rawPath: '/api/threads',
      routeKey: 'ANY /api/{proxy+}',
      requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method: 'GET', path: '/api/threads' } },
    });
    delete event.headers['x-hub-signature-256'];
    const res = await inbox(event, context);
    expect(res.statusCode).toBe(401);
  });

  it('send: an approved email reply goes out through SES v2 as raw MIME with its threading headers', async () => {
    const { handler: triage } = await import('../../functions/triage/handler.js');
    const { handler: send } = await import('../../functions/send/handler.js');
    // an inbound email event, as ingest-email would queue it
    const inbound = {
      type: 'message',
      channel: 'email',
      externalId: '<cust-1@mail.example>',
      contact: { handle: 'klant@mail.example', name: 'Klant' },
      kind: 'email',
      text: 'Waar blijft mijn bestelling?',
      subject: 'Bestelling 77',
      sentAt: '2026-11-25T08:00:00.000Z',
      ingestedAt: '2026-11-25T08:00:01.000Z',
      raw: {},
      email: {
        messageId: '<cust-1@mail.example>',
        references: ['<older@mail.example>'],
        to: ['support@demoshop.nl'],
        cc: [],
        rawKey: 'raw/x',
        remoteImagesBlocked: 0,
        truncated: false,
      },
    };
    await triage({ Records: [sqsRecord({ MessageId: 'in-1', ReceiptHandle: 'r', Body: JSON.stringify(inbound) }, 'lambda-inbound')] }, context);
    const store = new DynamoThreadStore(createDocumentClient(new DynamoDBClient({})), 'balie-lambda-test');
    const threadId = (await store.findThreadByEmailIds(['<cust-1@mail.example>']))!;
    const detail = (await store.getThreadDetail(threadId))!;
    await approveDraft(
      { store, jobs: new SqsSendJobPublisher(sqs, outboundUrl) },
      { threadId, draftId: detail.drafts[0]!.id, version: 1, agent: { sub: 'a', name: 'Anna', role: 'agent' } },
    );

    const jobs = await sqs.send(new ReceiveMessageCommand({ QueueUrl: outboundUrl, MaxNumberOfMessages: 10 }));
    expect(jobs.Messages).toHaveLength(1);
    const event = { Records: [sqsRecord(jobs.Messages![0]!, 'lambda-outbound'), sqsRecord(jobs.Messages![0]!, 'lambda-outbound')] };
    event.Records[1]!.messageId = 'same-job-again';
    expect(await send(event, context)).toEqual({ batchItemFailures: [] });

    expect(sesRequests).toHaveLength(1);
    expect(sesRequests[0]!.path).toBe('/v2/email/outbound-emails');
    const raw = Buffer.from(sesRequests[0]!.body.Content!.Raw!.Data!, 'base64').toString();
    expect(raw).toContain('In-Reply-To: <cust-1@mail.example>');
    expect(raw).toContain('References: <older@mail.example> <cust-1@mail.example>');
    expect(raw).toContain('Subject: Re: Bestelling 77');
    expect(await store.getDraft(threadId, detail.drafts[0]!.id)).toMatchObject({
      state: 'sent',
      providerMessageId: '<0102018c-lambda-000000@eu-west-1.amazonses.com>',
    });
    expect(await store.findThreadByEmailIds(['<0102018c-lambda-000000@eu-west-1.amazonses.com>'])).toBe(threadId);
  });
});
