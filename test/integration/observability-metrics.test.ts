import type { APIGatewayProxyEventV2, SQSRecord } from 'aws-lambda';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { aLambdaContext, anSqsRecord } from '../helpers/lambda.js';
import { createInboxApiApp } from '../../functions/inbox-api/app.js';
import { createTriageHandler } from '../../functions/triage/app.js';
import { LOCAL_ISSUER, signLocalToken } from '../../shared/auth/local-keys.js';
import { createObservability, instrumented } from '../../shared/observability/powertools.js';
import { triageEngines } from '../../shared/config/triage-engines.js';
import type { Draft, Message, PublishOptions, SendJob } from '../../shared/domain/index.js';
import { DynamoAgentDirectory } from '../../shared/store/index.js';
import { DEMO_KNOWLEDGE_DIR, loadKnowledgeBaseDir } from '../../shared/triage/knowledge/knowledge-base.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { startDynaliteStore } from '../helpers/dynalite-store.js';
import { anLlmAnswer, startFakeOpenAi } from '../helpers/fake-openai.js';
import { fixture } from '../helpers/fixtures.js';
import { aDraft, aMessage, aThread } from '../helpers/threads.js';
import { MemorySettingsStore } from '../helpers/memory-settings.js';
import { MemoryCannedReplyStore } from '../helpers/memory-canned-replies.js';

// Real Powertools Metrics (switched on; they are off outside Lambda) read back from stdout as EMF, around the real
// use cases on dynalite: the triage worker against a server that speaks OpenAI's protocol, the inbox API's reviews.
type Emf = Record<string, unknown> & {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string; Unit: string }> }> };
};
let emf: Emf[];
let db: Awaited<ReturnType<typeof startDynaliteStore>>;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;

beforeAll(async () => {
  [db, openai] = await Promise.all([startDynaliteStore('balie-metrics'), startFakeOpenAi()]);
});
afterAll(async () => {
  await db?.stop();
  await openai?.close();
});
beforeEach(() => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  emf = [];
  const capture = (chunk: string | Uint8Array) => {
    for (const line of String(chunk)
      .split('\n')
      .filter((l) => l.startsWith('{"_aws"')))
      emf.push(JSON.parse(line) as Emf);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const context = aLambdaContext();
const withMetric = (name: string) => emf.filter((blob) => name in blob);

describe('triage metrics', () => {
  const llmAnswer = anLlmAnswer({ sentiment: 'negative', sentimentScore: -0.4 });
  const record = (id: string, externalId: string, handle: string): SQSRecord =>
    anSqsRecord({
      messageId: id,
      body: JSON.stringify({
        type: 'message',
        channel: 'whatsapp',
        externalId,
        contact: { handle, name: 'Sanne' },
        kind: 'text',
        text: 'Waar blijft mijn pakket? Ik wacht al een week.',
        sentAt: new Date().toISOString(),
        ingestedAt: new Date().toISOString(),
        raw: {},
      }),
    });

  it("emits TriageLatency per stored message and the LLM's tokens and cost, one blob per batch, nothing for a redelivery", async () => {
    openai.answerNext({ kind: 'json', content: llmAnswer, promptTokens: 1200, completionTokens: 300 });
    openai.answerNext({ kind: 'json', content: llmAnswer, promptTokens: 1000, completionTokens: 100 });
    const observability = createObservability('triage');
    const engines = await triageEngines(loadKnowledgeBaseDir(DEMO_KNOWLEDGE_DIR), {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
      TRIAGE_MODE: 'llm',
    });
    const handler = instrumented(
      observability,
      createTriageHandler({
        processEvent: createInboundEventProcessor({ store: db.store, ...engines }),
        logger: observability.logger,
        metrics: observability.metrics,
      }),
    );

    const first = await handler({ Records: [record('a', 'wamid.metrics-1', '31600000010'), record('b', 'wamid.metrics-2', '31600000011')] }, context);
    expect(first.batchItemFailures).toEqual([]);
    expect(openai.requests).toHaveLength(2);
    const blobs = withMetric('TriageLatency');
    expect(blobs).toHaveLength(1);
    const blob = blobs[0]!;
    expect(blob).toMatchObject({ service: 'triage' });
    expect(blob.TriageLatency).toEqual([expect.any(Number), expect.any(Number)]);
    expect((blob.LlmTokens as number[]).sort()).toEqual([1100, 1500]);
    expect((blob.LlmCostUsd as number[]).reduce((a, b) => a + b)).toBeCloseTo((2200 * 0.15 + 400 * 0.6) / 1e6, 9);
    expect(blob._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Balie', Dimensions: [['service']] });
    expect(blob._aws.CloudWatchMetrics[0]!.Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'TriageLatency', Unit: 'Milliseconds' },
        { Name: 'LlmTokens', Unit: 'Count' },
        { Name: 'LlmCostUsd', Unit: 'None' },
      ]),
    );

    // SQS delivers the first message again: stored already, so neither latency nor LLM usage is counted twice
    emf.length = 0;
    expect((await handler({ Records: [record('a2', 'wamid.metrics-1', '31600000010')] }, context)).batchItemFailures).toEqual([]);
    expect(emf.filter((b) => !('ColdStart' in b))).toEqual([]);
  });
});

describe('draft review metrics and the send job correlation id', () => {
  let privateJwk: JWK;
  let publicJwk: JWK;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'k1', alg: 'ES256' };
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  });

  async function seed(id: string): Promise<void> {
    const at = new Date(Date.now() - 30 * 60_000).toISOString();
    const message: Message = aMessage({ threadId: id, id: `m_${id}`, externalId: `w_${id}`, text: 'Waar blijft mijn bestelling?', sentAt: at });
    const draft: Draft = aDraft({ threadId: id, id: `d_${id}`, inReplyTo: `m_${id}`, createdAt: at });
    await db.store.saveThread(
      aThread({
        id,
        contact: { handle: `316${id.length}0000${id.charCodeAt(id.length - 1)}` },
        latestDraftId: draft.id,
        lastInboundAt: at,
        lastInboundId: message.externalId,
        createdAt: at,
      }),
      0,
    );
    await db.store.putMessageOnce(message);
    await db.store.putDraftOnce(draft);
  }

  function inboxLambda() {
    const observability = createObservability('inbox-api');
    const jobs: Array<{ job: SendJob; options?: PublishOptions }> = [];
    const app = createInboxApiApp({
      settings: new MemorySettingsStore(),
      cannedReplies: new MemoryCannedReplyStore(),
      store: db.store,
      agents: new DynamoAgentDirectory(db.documents, 'balie-metrics'),
      jobs: { publish: async (job, options) => void jobs.push({ job, options }) },
      auth: { kind: 'local', keys: [publicJwk], issuer: LOCAL_ISSUER },
      logger: observability.logger,
      metrics: observability.metrics,
    });
    return { jobs, handler: instrumented(observability, handle(app)) };
  }

  async function apiPost(path: string, body: unknown, requestId: string): Promise<APIGatewayProxyEventV2 & LambdaEvent> {
    const event = structuredClone(fixture('lambda/api-gateway-v2-post.json')) as unknown as APIGatewayProxyEventV2 & LambdaEvent;
    const json = JSON.stringify(body);
    Object.assign(event, { rawPath: path, body: json, routeKey: 'ANY /api/{proxy+}' });
    Object.assign(event.requestContext, { requestId, http: { ...event.requestContext.http, method: 'POST', path } });
    delete event.headers['x-hub-signature-256'];
    Object.assign(event.headers, {
      'content-length': String(Buffer.byteLength(json)),
      authorization: `Bearer ${await signLocalToken(privateJwk, { sub: 'ann', name: 'Ann', role: 'agent' })}`,
    });
    return event;
  }

  it('counts an edited approval as DraftsApproved and DraftsEdited, and queues its send job with the request id', async () => {
    await seed('t_edit');
    const { handler, jobs } = inboxLambda();
    const res = await handler(
      await apiPost('/api/threads/t_edit/drafts/d_t_edit/approve', { version: 1, text: 'Hoi Sanne, je pakket komt morgen.' }, 'approve-req-1'),
      context,
    );
    expect(res.statusCode).toBe(200);
    expect(withMetric('DraftsApproved')).toHaveLength(1);
    expect(withMetric('DraftsApproved')[0]).toMatchObject({ service: 'inbox-api', DraftsApproved: 1, DraftsEdited: 1 });
    expect(jobs).toEqual([{ job: { threadId: 't_edit', draftId: 'd_t_edit' }, options: { correlationId: 'approve-req-1' } }]);
  });

  it('counts an approval as proposed without DraftsEdited, a rejection as DraftsRejected, and a refused approval as nothing', async () => {
    await Promise.all([seed('t_plain'), seed('t_reject')]);
    const { handler } = inboxLambda();
    expect((await handler(await apiPost('/api/threads/t_plain/drafts/d_t_plain/approve', { version: 1 }, 'r-2'), context)).statusCode).toBe(200);
    expect(withMetric('DraftsApproved')[0]).not.toHaveProperty('DraftsEdited');
    expect(
      (await handler(await apiPost('/api/threads/t_reject/drafts/d_t_reject/reject', { version: 1, reason: 'verkeerde toon' }, 'r-3'), context)).statusCode,
    ).toBe(200);
    expect(withMetric('DraftsRejected')[0]).toMatchObject({ DraftsRejected: 1 });
    // an approval of a version the agent no longer sees is a 409 and counts nothing
    const before = emf.length;
    expect((await handler(await apiPost('/api/threads/t_reject/drafts/d_t_reject/approve', { version: 1 }, 'r-4'), context)).statusCode).toBe(409);
    expect(emf.slice(before).filter((b) => !('ColdStart' in b))).toEqual([]);
  });

  it('counts nothing when the same agent repeats an approval that went through (a lost response), though it answers 200 and queues the job again', async () => {
    await seed('t_repeat');
    const { handler, jobs } = inboxLambda();
    const approve = async (requestId: string) => handler(await apiPost('/api/threads/t_repeat/drafts/d_t_repeat/approve', { version: 1 }, requestId), context);
    expect((await approve('r-5')).statusCode).toBe(200);
    expect(withMetric('DraftsApproved')).toHaveLength(1);
    const before = emf.length;
    expect((await approve('r-6')).statusCode).toBe(200);
    expect(jobs).toHaveLength(2);
    expect(emf.slice(before).filter((b) => !('ColdStart' in b))).toEqual([]);
  });

  it('counts one approval when two agents race for the same draft: the loser gets 409 and counts nothing', async () => {
    await seed('t_race');
    const { handler } = inboxLambda();
    const [a, b] = await Promise.all([
      handler(await apiPost('/api/threads/t_race/drafts/d_t_race/approve', { version: 1 }, 'r-7'), context),
      handler(await apiPost('/api/threads/t_race/drafts/d_t_race/approve', { version: 1, text: 'Een andere tekst.' }, 'r-8'), context),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(withMetric('DraftsApproved').map((blob) => blob.DraftsApproved)).toEqual([1]);
  });
});
