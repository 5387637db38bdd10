import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MetaMessagingSender, WhatsappSender } from '../../shared/channels/meta-graph/senders.js';
import { ProviderError, type OutboundMessage } from '../../shared/domain/index.js';
import { GRAPH_ERRORS, startFakeGraphApi } from '../helpers/fake-graph-api.js';

let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
beforeAll(async () => {
  graph = await startFakeGraphApi();
});
afterAll(() => graph?.close());
beforeEach(() => {
  graph.requests.length = 0;
});

const whatsapp = () => new WhatsappSender({ baseUrl: graph.baseUrl, accessToken: 'wa-token-secret' });
const messaging = () => new MetaMessagingSender({ baseUrl: graph.baseUrl, accessToken: 'page-token-secret' });
const wa: OutboundMessage = { channel: 'whatsapp', to: { handle: '31612345678' }, text: 'Hoi Sanne, uw pakket komt morgen.', businessId: '106540352242922' };
const fb: OutboundMessage = { channel: 'messenger', to: { handle: '6523987412365478' }, text: 'Hoi! Het is onderweg.', businessId: '104836512345678' };

describe('WhatsApp Cloud API sender', () => {
  it('posts a text to /{phone-number-id}/messages with the bearer token and answers the wamid', async () => {
    expect(await whatsapp().send(wa)).toEqual({ providerMessageId: 'wamid.fake.1' });
    expect(graph.requests).toEqual([
      {
        method: 'POST',
        path: '/v21.0/106540352242922/messages',
        authorization: 'Bearer wa-token-secret',
        body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '31612345678', type: 'text', text: { body: wa.text, preview_url: false } },
        receivedAt: expect.any(Number),
      },
    ]);
  });

  it.each([
    ['131047 re-engagement (outside 24 h)', GRAPH_ERRORS.reengagement, '131047', false, 'more than 24 hours'],
    ['130429 rate limit', GRAPH_ERRORS.rateLimit, '130429', true, 'Rate limit hit'],
    ['190 expired token', GRAPH_ERRORS.expiredToken, '190', false, 'Session has expired'],
    ['a 500', GRAPH_ERRORS.unknown, '1', true, 'unknown error'],
  ])("turns %s into a ProviderError with Meta's code, retryable as it should be", async (_name, answer, code, retryable, text) => {
    graph.answerNext(answer);
    const error = await whatsapp()
      .send(wa)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, retryable, message: expect.stringContaining(text) });
    expect((error as Error).message).not.toContain('wa-token-secret');
  });

  it('never retries a send that got no answer in time: it may have been delivered', async () => {
    const silent = createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const slow = new WhatsappSender({ baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v21.0`, accessToken: 't', timeoutMs: 200 });
    await expect(slow.send(wa)).rejects.toMatchObject({ code: 'outcome_unknown', retryable: false });
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
  });

  it('calls a Graph API that refuses the connection retryable: nothing was sent', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const sender = new WhatsappSender({ baseUrl: `http://127.0.0.1:${port}/v21.0`, accessToken: 't', timeoutMs: 2_000 });
    await expect(sender.send(wa)).rejects.toMatchObject({ code: 'network', retryable: true });
  });
});

describe('Messenger and Instagram sender', () => {
  it('answers within 24 hours as a RESPONSE to the PSID', async () => {
    expect(await messaging().send(fb)).toEqual({ providerMessageId: expect.stringMatching(/^m_fake_\d+$/) });
    expect(graph.requests[0]).toMatchObject({
      path: '/v21.0/104836512345678/messages',
      body: { recipient: { id: '6523987412365478' }, messaging_type: 'RESPONSE', message: { text: fb.text } },
    });
  });

  it('sends with the HUMAN_AGENT tag when the window rules ask for it', async () => {
    await messaging().send({ ...fb, channel: 'instagram', tag: 'HUMAN_AGENT' });
    expect(graph.requests[0]!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });
});
