import type { APIGatewayProxyEventV2, SESEvent, SQSRecord } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aLambdaContext, anSqsRecord } from '../helpers/lambda.js';
import { createIngestEmailHandler } from '../../functions/ingest-email/app.js';
import { createWebhookApp } from '../../functions/ingest-webhook/app.js';
import { createSendHandler } from '../../functions/send/app.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { NotFoundError, ProviderError, type BlobStore, type InboundEvent, type PublishOptions } from '../../shared/domain/index.js';
import type { SendOutcome } from '../../shared/use-cases/send-reply.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { fixture } from '../helpers/fixtures.js';

// Real Powertools Metrics, switched on (they are off outside Lambda) and read back from stdout as the EMF blobs
// CloudWatch would receive.
type Emf = Record<string, unknown> & {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
};
let emf: Emf[];
let logLines: Array<Record<string, unknown>>;

beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('LOG_LEVEL', 'INFO');
  emf = [];
  logLines = [];
  const capture = (chunk: string | Uint8Array) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if ('_aws' in parsed) emf.push(parsed as Emf);
      else logLines.push(parsed);
    }
    return true;
  };
  // Powertools writes INFO lines and EMF to stdout, WARN and ERROR lines to stderr
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const context = aLambdaContext();
/** The blobs that hold `name`, ColdStart aside. */
const withMetric = (name: string) => emf.filter((blob) => name in blob);
const definitions = (blob: Emf) => blob._aws.CloudWatchMetrics[0]!;

function recordingPublisher() {
  const published: Array<{ events: InboundEvent[]; options?: PublishOptions }> = [];
  return { published, publisher: { publish: async (events: InboundEvent[], options?: PublishOptions) => void published.push({ events, options }) } };
}

describe('ingest-webhook metrics and correlation id', () => {
  const secret = 'metrics-secret';
  function webhookLambda() {
    const observability = createObservability('ingest-webhook');
    const { published, publisher } = recordingPublisher();
    const app = createWebhookApp({
      secret: async () => ({ appSecret: secret, verifyToken: 'v' }),
      maxBodyBytes: 1_000_000,
      publisher,
      logger: observability.logger,
      metrics: observability.metrics,
    });
    return { app, published, handler: instrumented(observability, handle(app)) };
  }
  function apiEvent(body: string): APIGatewayProxyEventV2 & LambdaEvent {
    const event = structuredClone(fixture('lambda/api-gateway-v2-post.json')) as unknown as APIGatewayProxyEventV2 & LambdaEvent;
    Object.assign(event, { body });
    event.headers['content-length'] = String(Buffer.byteLength(body));
    event.headers['x-hub-signature-256'] = signMetaPayload(body, secret);
    return event;
  }

  it("counts a WhatsApp message as MessagesIn for channel whatsapp, in namespace Balie with the function's service", async () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const { handler } = webhookLambda();
    const body = JSON.stringify(whatsappTextWebhook({ from: '31600000001', name: 'Sanne', text: 'Waar blijft mijn pakket?' }));
    expect((await handler(apiEvent(body), context)).statusCode).toBe(200);

    const [blob] = withMetric('MessagesIn');
    expect(withMetric('MessagesIn')).toHaveLength(1);
    expect(blob).toMatchObject({ service: 'ingest-webhook', channel: 'whatsapp', MessagesIn: 1 });
    expect(definitions(blob!)).toMatchObject({ Namespace: 'Balie', Dimensions: [['service', 'channel']], Metrics: [{ Name: 'MessagesIn', Unit: 'Count' }] });
    expect(withMetric('ColdStart')).toHaveLength(1);
    expect(withMetric('ColdStart')[0]).toMatchObject({ service: 'ingest-webhook', function_name: 'balie-test', ColdStart: 1 });
  });

  it("tags the queued events with API Gateway's request id and logs it on the accepted line", async () => {
    const { handler, published } = webhookLambda();
    const body = JSON.stringify(whatsappTextWebhook({ from: '31600000002', name: 'Sanne', text: 'Hallo?' }));
    const res = await handler(apiEvent(body), context);
    expect(res.headers?.['x-correlation-id']).toBe('BXbq2jvqDoEEJmA=');
    expect(published.map((p) => p.options?.correlationId)).toEqual(['BXbq2jvqDoEEJmA=']);
    expect(logLines.find((l) => l.message === 'webhook accepted')).toMatchObject({ correlation_id: 'BXbq2jvqDoEEJmA=', function_request_id: 'req-1' });
  });

  it("takes the caller's x-request-id outside API Gateway, and makes one up when there is none or it is not an id", async () => {
    const { app, published } = webhookLambda();
    const post = (headers: Record<string, string>) => {
      const body = JSON.stringify(whatsappTextWebhook({ from: '31600000003', name: 'S', text: 'Hoi' }));
      return app.request('/webhooks/whatsapp', { method: 'POST', body, headers: { 'x-hub-signature-256': signMetaPayload(body, secret), ...headers } });
    };
    await post({ 'x-request-id': 'trace-abc-123' });
    await post({});
    await post({ 'x-request-id': 'not an id\u0007' });
    const ids = published.map((p) => p.options?.correlationId);
    expect(ids[0]).toBe('trace-abc-123');
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[2]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts no MessagesIn for a delivery receipt', async () => {
    const { handler } = webhookLambda();
    const receipt = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '31200000000', phone_number_id: '123' },
                statuses: [{ id: 'wamid.x', status: 'delivered', timestamp: '1795597200', recipient_id: '31600000004' }],
              },
            },
          ],
        },
      ],
    };
    expect((await handler(apiEvent(JSON.stringify(receipt)), context)).statusCode).toBe(200);
    expect(withMetric('MessagesIn')).toHaveLength(0);
  });
});

describe('ingest-email metrics and correlation id', () => {
  it("counts a mail as MessagesIn for channel email and queues it with SES's message id", async () => {
    const observability = createObservability('ingest-email');
    const objects = new Map<string, Uint8Array>();
    const blobs: BlobStore = {
      put: async (key, body) => void objects.set(key, typeof body === 'string' ? Buffer.from(body) : body),
      get: async (key) => objects.get(key) ?? Promise.reject(new NotFoundError(key)),
      list: async (prefix) => [...objects.keys()].filter((k) => k.startsWith(prefix)),
    };
    const raw = [
      'From: Eva <eva@example.nl>',
      'To: support@demoshop.nl',
      'Subject: Factuur',
      'Message-ID: <m1@example.nl>',
      'Date: Wed, 25 Nov 2026 09:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Het bedrag klopt niet.',
      '',
    ].join('\r\n');
    await blobs.put('raw/ses-0001', raw, 'message/rfc822');
    const { published, publisher } = recordingPublisher();
    const handler = instrumented(
      observability,
      createIngestEmailHandler({ blobs, publisher, rawPrefix: 'raw/', logger: observability.logger, metrics: observability.metrics }),
    );
    const pass = { status: 'PASS' };
    const event = {
      Records: [
        {
          eventSource: 'aws:ses',
          eventVersion: '1.0',
          ses: {
            mail: { messageId: 'ses-0001', source: 'eva@example.nl', timestamp: '2026-11-25T09:00:01.000Z' },
            receipt: { spamVerdict: pass, virusVerdict: pass, dmarcVerdict: pass, spfVerdict: pass, dkimVerdict: pass },
          },
        },
      ],
    } as unknown as SESEvent;

    await handler(event, context);
    expect(withMetric('MessagesIn')[0]).toMatchObject({ service: 'ingest-email', channel: 'email', MessagesIn: 1 });
    expect(published.map((p) => p.options?.correlationId)).toEqual(['ses-0001']);
    expect(logLines.find((l) => l.message === 'email accepted')).toMatchObject({ correlation_id: 'ses-0001' });
  });
});

describe('send metrics', () => {
  const record = (id: string, correlationId?: string): SQSRecord =>
    anSqsRecord({
      messageId: id,
      queue: 'balie-outbound',
      body: JSON.stringify({ threadId: 't_1', draftId: `d_${id}` }),
      messageAttributes: correlationId ? { correlationId: { dataType: 'String', stringValue: correlationId } } : {},
    });

  it('flushes SendsSucceeded, SendsFailed (final refusals) and SendsRetried (provider errors SQS retries) once per invocation', async () => {
    const observability = createObservability('send');
    const outcomes: Record<string, () => Promise<SendOutcome>> = {
      d_ok: async () => 'sent',
      d_refused: async () => 'failed',
      d_busy: () => Promise.reject(new ProviderError('rate limited', '130429', true)),
      d_done: async () => 'skipped',
    };
    const handler = instrumented(
      observability,
      createSendHandler({ send: (job) => outcomes[job.draftId]!(), retryLater: async () => 10, logger: observability.logger, metrics: observability.metrics }),
    );

    const response = await handler({ Records: [record('ok', 'api-req-7'), record('refused'), record('busy'), record('done')] }, context);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'busy' }]);
    const blobs = withMetric('SendsFailed');
    expect(blobs).toHaveLength(1);
    expect(blobs[0]).toMatchObject({ service: 'send', SendsSucceeded: 1, SendsFailed: 1, SendsRetried: 1 });
    expect(definitions(blobs[0]!).Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'SendsSucceeded', Unit: 'Count' },
        { Name: 'SendsFailed', Unit: 'Count' },
      ]),
    );
    expect(logLines.find((l) => l.message === 'send job done' && l.draftId === 'd_ok')).toMatchObject({ correlation_id: 'api-req-7' });
  });

  it('still flushes what was counted when the handler throws, and prints nothing when nothing was counted', async () => {
    const observability = createObservability('send');
    const failing = instrumented(observability, async () => {
      observability.metrics.addMetric('SendsFailed', 'Count', 1);
      throw new Error('boom');
    });
    await expect(failing({}, context)).rejects.toThrow('boom');
    expect(withMetric('SendsFailed')).toHaveLength(1);

    const quiet = createObservability('send');
    await instrumented(quiet, async () => 'nothing to count')({}, context);
    expect(emf.filter((b) => !('ColdStart' in b))).toHaveLength(1);
    expect(logLines.filter((l) => String(l.message).includes('No application metrics'))).toEqual([]);
  });
});
