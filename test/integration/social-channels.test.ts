import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import type { OutboxEntry } from '../../local/outbox.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { GRAPH_ERRORS, startFakeGraphApi } from '../helpers/fake-graph-api.js';
import { fixture, waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Messenger and Instagram go to the local outbox (no tokens); WhatsApp goes to a local server that speaks the Graph API.
let t: TestStack;
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
beforeAll(async () => {
  graph = await startFakeGraphApi();
  t = await startTestStack({ channels: { graphApiBaseUrl: graph.baseUrl, whatsappAccessToken: 'local-test-wa-token' } });
});
afterAll(async () => {
  await t?.close();
  await graph?.close();
});

const outbox = async () => ((await (await fetch(`${t.stack.url}/local/outbox`)).json()) as { items: OutboxEntry[] }).items;
const detail = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`)).body;
const threadFor = (handle: string) =>
  waitFor(async () => {
    const found = (await t.api<ThreadPage>('/api/threads?status=all&limit=100')).body.threads.find((th) => th.contact.handle === handle);
    return found ? detail(found.id) : undefined;
  });
const approve = (d: ThreadDetail, body: Record<string, unknown> = { version: 1 }, agent?: { sub: string; name: string }) =>
  t.post<{ draft?: Draft; error?: string; message?: string; details?: Record<string, unknown> }>(
    `/api/threads/${d.id}/drafts/${d.drafts[0]!.id}/approve`,
    body,
    agent,
  );
const withTimestamp = (payload: Record<string, unknown>, ms: number) => JSON.parse(JSON.stringify(payload).replace(/"timestamp":\d+/g, `"timestamp":${ms}`));

describe('Messenger and Instagram', () => {
  it('turn signed messages into threads with drafts, and record echoes without triage', async () => {
    const now = Date.now();
    expect((await t.postMeta('messenger', withTimestamp(fixture('messenger/text.json'), now))).status).toBe(200);
    expect((await t.postMeta('instagram', withTimestamp(fixture('instagram/text.json'), now))).status).toBe(200);
    const fb = await threadFor('6523987412365478');
    const ig = await threadFor('5723456789012345');
    expect(fb).toMatchObject({ channel: 'messenger', status: 'awaiting_approval', language: 'nl', category: 'order' });
    expect(ig).toMatchObject({ channel: 'instagram', status: 'awaiting_approval', language: 'en' });
    expect(fb.drafts).toHaveLength(1);

    await t.postMeta('messenger', withTimestamp(fixture('messenger/echo.json'), now + 1000));
    await t.settled();
    const after = await detail(fb.id);
    expect(after.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect([after.unanswered, after.drafts.length]).toEqual([1, 1]);
  });

  it('refuse the Messenger webhook without a valid signature', async () => {
    const res = await fetch(`${t.stack.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fixture('messenger/text.json')),
    });
    expect(res.status).toBe(401);
  });

  it('deliver an approved reply to the outbox, addressed to the PSID, exactly once', async () => {
    const payload = withTimestamp(fixture('messenger/postback.json'), Date.now());
    payload.entry[0].messaging[0].sender.id = '1111222233334444';
    await t.postMeta('messenger', payload);
    const thread = await threadFor('1111222233334444');
    // two agents at once: one wins, the other is told (the same agent twice is a retry, answered 200 by design)
    const [a, b] = await Promise.all([
      approve(thread, { version: 1 }, { sub: 'test-agent-anna', name: 'Anna' }),
      approve(thread, { version: 1 }, { sub: 'test-agent-bram', name: 'Bram' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    await t.settled();
    expect((await outbox()).filter((e) => e.to.handle === '1111222233334444')).toMatchObject([{ channel: 'messenger', text: thread.drafts[0]!.text }]);
  });

  it('answer after 3 days with the HUMAN_AGENT tag and refuse after 7', async () => {
    const three = withTimestamp(fixture('instagram/story-reply.json'), Date.now() - 3 * 86_400_000);
    three.entry[0].messaging[0].sender.id = '9000000000000003';
    const eight = withTimestamp(fixture('instagram/story-reply.json'), Date.now() - 8 * 86_400_000);
    eight.entry[0].messaging[0].sender.id = '9000000000000008';
    eight.entry[0].messaging[0].message.mid = 'ig_story_reply_8';
    await t.postMeta('instagram', three);
    await t.postMeta('instagram', eight);
    expect((await approve(await threadFor('9000000000000003'))).status).toBe(200);
    await t.settled();
    expect((await outbox()).find((e) => e.to.handle === '9000000000000003')).toMatchObject({ channel: 'instagram', tag: 'HUMAN_AGENT' });
    const within = (await outbox()).find((e) => e.to.handle === '1111222233334444');
    expect(within?.tag).toBeUndefined();
    const refused = await approve(await threadFor('9000000000000008'));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/at most 7 days/);
  });
});

describe('WhatsApp through the Graph API', () => {
  it('sends one POST to /{phone-number-id}/messages and records later receipts on the sent message', async () => {
    await t.postWhatsapp(whatsappTextWebhook({ from: '31690000100', name: 'Noor', text: 'Wanneer komt mijn pakket?', wamid: 'wamid.in.100' }));
    const thread = await threadFor('31690000100');
    expect((await approve(thread)).status).toBe(200);
    await t.settled();
    const posts = graph.requests.filter((r) => r.body.to === '31690000100');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ path: '/v21.0/106540352242922/messages', authorization: 'Bearer local-test-wa-token' });
    const sent = await detail(thread.id);
    const wamid = sent.drafts[0]!.providerMessageId!;
    expect(wamid).toMatch(/^wamid\.fake\./);

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
                metadata: { phone_number_id: '106540352242922' },
                statuses: [{ id: wamid, status: 'read', timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '31690000100' }],
              },
            },
          ],
        },
      ],
    };
    expect((await t.postWhatsapp(receipt)).status).toBe(200);
    const outbound = await waitFor(
      async () => {
        const m = (await detail(thread.id)).messages.find((x) => x.direction === 'outbound')!;
        return m.statuses.read ? m : undefined;
      },
      { what: 'the read receipt on the sent message' },
    );
    expect(Object.keys(outbound.statuses).sort()).toEqual(['read', 'sent']);
  });

  it("copies a customer's photo into the bucket and keeps its key on the message", async () => {
    const image = fixture('whatsapp/image.json') as {
      entry: Array<{ changes: Array<{ value: { contacts: Array<{ wa_id: string }>; messages: Array<Record<string, unknown>> } }> }>;
    };
    const value = image.entry[0]!.changes[0]!.value;
    value.contacts[0]!.wa_id = '31690000103';
    value.messages[0]!.from = '31690000103';
    value.messages[0]!.timestamp = String(Math.floor(Date.now() / 1000));
    await t.postWhatsapp(image);
    const thread = await threadFor('31690000103');
    const media = thread.messages[0]!.media!;
    expect(media).toMatchObject({ id: '1204538037498131', mimeType: 'image/jpeg', size: 21, key: expect.stringMatching(/^media\/whatsapp\//) });
    const stored = await t.stack.s3Client.send(new GetObjectCommand({ Bucket: t.stack.mailBucket, Key: media.key }));
    expect(await stored.Body!.transformToString()).toBe('JPEG-1204538037498131');
  });

  it("refuses free text more than 24 hours after the customer's last message, offers the templates, and sends one", async () => {
    const before = graph.requests.length;
    await t.postWhatsapp(whatsappTextWebhook({ from: '31690000101', name: 'Oud', text: 'Hallo?', timestamp: new Date(Date.now() - 25 * 3_600_000) }));
    const thread = await threadFor('31690000101');
    const res = await approve(thread);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: 'send_refused',
      details: { templateRequired: true, templates: expect.arrayContaining([expect.objectContaining({ name: 'balie_follow_up', language: 'nl' })]) },
    });
    await t.settled();
    expect(graph.requests.length).toBe(before);

    const withTemplate = await approve(thread, { version: 1, template: { name: 'balie_follow_up', language: 'nl', parameters: ['Oud'] } });
    expect(withTemplate.status).toBe(200);
    expect(withTemplate.body.draft).toMatchObject({ finalText: expect.stringMatching(/^Hoi Oud, we hebben een antwoord/) });
    await t.settled();
    const sent = graph.requests.filter((r) => r.body.to === '31690000101');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({
      type: 'template',
      template: { name: 'balie_follow_up', language: { code: 'nl' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Oud' }] }] },
    });
    expect(sent[0]!.body.text).toBeUndefined();
  });

  it("keeps Meta's error code on the draft when the send is refused (131047)", async () => {
    await t.postWhatsapp(whatsappTextWebhook({ from: '31690000102', name: 'Fout', text: 'Test' }));
    const thread = await threadFor('31690000102');
    graph.answerNext(GRAPH_ERRORS.reengagement);
    await approve(thread);
    await t.settled();
    const after = await detail(thread.id);
    expect(after.drafts[0]).toMatchObject({ state: 'failed', failure: { code: '131047', message: expect.stringContaining('Re-engagement') } });
    expect(after.status).toBe('awaiting_approval');
  });
});
