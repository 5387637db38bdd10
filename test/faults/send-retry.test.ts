import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/domain/index.js';
import { SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { GRAPH_ERRORS, startFakeGraphApi } from '../helpers/fake-graph-api.js';
import { interceptSqs, SILENT_LOGS } from '../helpers/faults.js';
import { fixture, waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The send worker against a local server that answers like the Graph API. A 429 or 5xx hands the draft back to
// `approved` and pushes the job's next delivery back with ChangeMessageVisibility: 10 s, then 40 s (DESIGN.md). The
// test records the back-off the worker asks for and gives the emulator a 40th of it (at least 1 s), so a run takes
// seconds. local-aws-sqs counts a ChangeMessageVisibility as a receive (ApproximateReceiveCount goes 1 → 3), so locally
// the second back-off is 160 s, not 40 s, and a send job reaches the DLQ after 3 attempts instead of 5.
const scaled = (seconds: number) => Math.max(1, Math.round(seconds / 40));
let t: TestStack;
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
const backoffAsked: number[] = [];
let clock: { remove: () => void };
beforeAll(async () => {
  graph = await startFakeGraphApi();
  t = await startTestStack({
    logLevel: SILENT_LOGS,
    channels: { graphApiBaseUrl: graph.baseUrl, whatsappAccessToken: 'local-test-wa-token', pageAccessToken: 'local-test-page-token' },
  });
  clock = interceptSqs(t.stack.sqsClient, (call) => {
    if (call.command !== 'ChangeMessageVisibilityCommand' || call.input.QueueUrl !== t.stack.outbound.queue.url) return undefined;
    const asked = Number(call.input.VisibilityTimeout);
    backoffAsked.push(asked);
    return { ...call.input, VisibilityTimeout: scaled(asked) };
  });
});
afterAll(async () => {
  clock?.remove();
  await t?.close();
  await graph?.close();
});

const detail = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`)).body;
const threadFor = (handle: string) =>
  waitFor(async () => {
    const found = (await t.api<ThreadPage>('/api/threads?status=all&limit=100')).body.threads.find((th) => th.contact.handle === handle);
    return found ? detail(found.id) : undefined;
  });

describe('channel API 5xx and 429 on send', () => {
  it('WhatsApp: a 500, then a 429, then success: retried with growing back-off, delivered exactly once', async () => {
    await t.postWhatsapp(whatsappTextWebhook({ from: '31630000001', name: 'Noor', text: 'Wanneer komt mijn pakket?' }));
    const thread = await threadFor('31630000001');
    const mine = (b: Record<string, unknown>) => b.to === '31630000001';
    backoffAsked.length = 0;
    graph.answerNext(GRAPH_ERRORS.unknown, {
      status: 429,
      body: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, fbtrace_id: 'x' } },
    });
    expect((await t.post(`/api/threads/${thread.id}/drafts/${thread.drafts[0]!.id}/approve`, { version: 1 })).status).toBe(200);
    // the worker marks the draft sent, then moves the thread on (send-reply.ts): wait for the second write too
    const sent = await waitFor(
      async () => {
        const d = await detail(thread.id);
        return d.drafts[0]!.state === 'sent' && d.status !== 'sending' ? d : undefined;
      },
      { timeoutMs: 20_000, what: 'the draft to be sent and its thread to leave "sending"' },
    );
    await t.settled();
    const posts = graph.requests.filter((r) => r.method === 'POST' && mine(r.body));
    expect(posts).toHaveLength(3);
    // growing back-off: 10 s, then 40 s in AWS (160 s here: see above); each retry waited for its back-off, measured
    // where the requests arrived (a poll from this busy test process could see the first one late)
    expect(backoffAsked).toHaveLength(2);
    expect(backoffAsked[0]).toBe(10);
    expect([40, 160]).toContain(backoffAsked[1]);
    expect(posts[1]!.receivedAt - posts[0]!.receivedAt).toBeGreaterThanOrEqual(scaled(backoffAsked[0]!) * 1000 - 100);
    expect(posts[2]!.receivedAt - posts[1]!.receivedAt).toBeGreaterThanOrEqual(scaled(backoffAsked[1]!) * 1000 - 100);
    const wamid = sent.drafts[0]!.providerMessageId!;
    expect(wamid).toMatch(/^wamid\.fake\./);
    expect(sent.status).toBe('waiting_customer');
    expect(sent.messages.filter((m) => m.direction === 'outbound').map((m) => m.externalId)).toEqual([wamid]);

    // the same job once more (a repeated approval's job, a redelivery): nothing goes out again
    await new SqsSendJobPublisher(t.stack.sqsClient, t.stack.outbound.queue.url).publish({ threadId: thread.id, draftId: thread.drafts[0]!.id });
    await t.settled();
    expect(graph.requests.filter((r) => mine(r.body))).toHaveLength(3);
  });

  it('Messenger: a 503 without a Graph error body, then success: delivered exactly once', async () => {
    const payload = JSON.parse(JSON.stringify(fixture('messenger/text.json')).replace(/"timestamp":\d+/, `"timestamp":${Date.now()}`));
    payload.entry[0].messaging[0].sender.id = '7100000000000001';
    await t.postMeta('messenger', payload);
    const thread = await threadFor('7100000000000001');
    const mine = (b: Record<string, unknown>) => (b.recipient as { id?: string } | undefined)?.id === '7100000000000001';
    backoffAsked.length = 0;
    graph.answerNext({ status: 503, body: 'Service Unavailable' });
    expect((await t.post(`/api/threads/${thread.id}/drafts/${thread.drafts[0]!.id}/approve`, { version: 1 })).status).toBe(200);
    const sent = await waitFor(
      async () => {
        const d = await detail(thread.id);
        return d.drafts[0]!.state === 'sent' ? d : undefined;
      },
      { timeoutMs: 20_000, what: 'the draft to be sent' },
    );
    await t.settled();
    expect(backoffAsked).toEqual([10]);
    expect(graph.requests.filter((r) => mine(r.body))).toHaveLength(2);
    expect(sent.drafts[0]!.providerMessageId).toMatch(/^m_fake_/);
    expect(sent.messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
  });
});
