import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { fixture, waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { counted } from '../helpers/threads.js';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

const threadOf = async (handle: string) =>
  waitFor(
    async () => {
      const { body } = await t.api<ThreadPage>('/api/threads?status=all&limit=100');
      const found = body.threads.find((th) => th.contact.handle === handle);
      if (!found) return undefined;
      const detail = await t.api<ThreadDetail>(`/api/threads/${found.id}`);
      return detail.body;
    },
    { what: `a thread for ${handle}` },
  );

describe('a signed WhatsApp message through the local stack', () => {
  it('becomes a triaged thread with a draft, visible to an agent', async () => {
    const res = await t.postWhatsapp(
      whatsappTextWebhook({
        from: '31600000001',
        name: 'Sanne de Vries',
        text: 'Waar blijft mijn bestelling 10482? Ik heb al 3 keer gebeld!',
        wamid: 'wamid.e2e-1',
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 1 });

    const thread = await threadOf('31600000001');
    expect(thread).toMatchObject({ channel: 'whatsapp', status: 'awaiting_approval', category: 'order', language: 'nl', contact: { name: 'Sanne de Vries' } });
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({ direction: 'inbound', externalId: 'wamid.e2e-1', kind: 'text' });
    expect(thread.triage?.reasons.join(' ')).toContain('order');
    expect(thread.triage?.engine).toBe('local-model-v1');
    expect(thread.drafts).toHaveLength(1);
    expect(thread.drafts[0]).toMatchObject({ state: 'proposed', language: 'nl', version: 1 });
    expect(thread.drafts[0]!.text).toMatch(/^Hoi Sanne/);
    expect(Date.parse(thread.slaDueAt)).toBeGreaterThan(Date.parse(thread.lastInboundAt));
  });

  it('puts a second message from the same contact in the same thread', async () => {
    await t.postWhatsapp(
      whatsappTextWebhook({
        from: '31600000002',
        name: 'Pieter',
        text: 'Ik kan niet inloggen',
        wamid: 'wamid.same-1',
        timestamp: new Date(Date.now() - 60_000),
      }),
    );
    await threadOf('31600000002');
    await t.postWhatsapp(whatsappTextWebhook({ from: '31600000002', name: 'Pieter', text: 'Hallo?? Nog steeds niet', wamid: 'wamid.same-2' }));
    const thread = await waitFor(
      async () => {
        const th = await threadOf('31600000002');
        return th.messages.length === 2 && th.messages.every((m) => counted(th, m)) ? th : undefined;
      },
      { what: 'the thread to count both messages' },
    );
    expect(thread.messages.map((m) => m.externalId)).toEqual(['wamid.same-1', 'wamid.same-2']);
    expect(thread.unanswered).toBe(2);
    expect(thread.drafts).toHaveLength(2);
  });

  it('keeps every message type, unknown ones as unsupported with their raw payload', async () => {
    for (const name of ['image', 'location', 'interactive-button-reply', 'unsupported', 'order']) {
      const payload = fixture(`whatsapp/${name}.json`) as {
        entry: Array<{ changes: Array<{ value: { contacts: Array<{ wa_id: string }>; messages: Array<Record<string, unknown>> } }> }>;
      };
      const value = payload.entry[0]!.changes[0]!.value;
      value.contacts[0]!.wa_id = '31600000003';
      value.messages[0]!.from = '31600000003';
      expect((await t.postWhatsapp(payload)).status).toBe(200);
    }
    const thread = await waitFor(async () => {
      const th = await threadOf('31600000003');
      return th.messages.length === 5 ? th : undefined;
    });
    expect(thread.messages.map((m) => m.kind).sort()).toEqual(['image', 'interactive_reply', 'location', 'unsupported', 'unsupported']);
    const order = thread.messages.find((m) => (m.raw as { type?: string }).type === 'order');
    expect(order?.raw).toMatchObject({ order: { product_items: [{ product_retailer_id: 'LAMP-042' }] } });
  });

  it('records receipts on the message they refer to and never opens a thread for them', async () => {
    await t.postWhatsapp(
      whatsappTextWebhook({ from: '31600000004', name: 'Ann', text: 'test', wamid: 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI4RjFDMDBFRjQ3QzJGNEM1OTIA' }),
    );
    const before = await threadOf('31600000004');
    const res = await t.postWhatsapp(fixture('whatsapp/statuses.json'));
    expect(res.status).toBe(200);
    const statuses = await waitFor(
      async () => {
        const s = (await t.api<ThreadDetail>(`/api/threads/${before.id}`)).body.messages[0]!.statuses;
        return Object.keys(s).length === 2 ? s : undefined;
      },
      { what: 'both receipts on the message' },
    );
    expect(statuses).toEqual({ delivered: '2025-11-25T08:01:00.000Z', read: '2025-11-25T08:02:00.000Z' });
    await t.settled();
    const { body } = await t.api<ThreadPage>('/api/threads?status=all&limit=100');
    expect(body.threads.filter((th) => th.contact.handle === '31612345678')).toHaveLength(0);
  });

  it('answers the subscription handshake only with the right verify token', async () => {
    const ok = await fetch(`${t.stack.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${t.stack.metaVerifyToken}&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(`${t.stack.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_signature' });
  });
});

describe('bad webhook input', () => {
  const post = (body: string | Uint8Array, headers: Record<string, string>) =>
    fetch(`${t.stack.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signed = (body: string | Uint8Array) => post(body, { 'x-hub-signature-256': signMetaPayload(body, t.stack.metaAppSecret) });
  const valid = JSON.stringify(whatsappTextWebhook({ from: '31600000099', name: 'X', text: 'hi' }));

  it.each([
    ['a non-JSON body', () => signed('this is not json'), 400, 'invalid_payload'],
    ['invalid UTF-8', () => signed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 400, 'invalid_payload'],
    ['the wrong object', () => signed(JSON.stringify({ object: 'page', entry: [{ id: '1', changes: [] }] })), 400, 'invalid_payload'],
    ['missing fields', () => signed(JSON.stringify({ object: 'whatsapp_business_account' })), 400, 'invalid_payload'],
    ['a message without an id', () => signed(valid.replace(/"id":"wamid[^"]*",/, '')), 400, 'invalid_payload'],
    ['a 10 MB body', () => signed(JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(10 * 1024 * 1024) })), 413, 'too_large'],
    ['no signature', () => post(valid, {}), 401, 'invalid_signature'],
    ['a wrong signature', () => post(valid, { 'x-hub-signature-256': signMetaPayload(valid, 'not-the-secret') }), 401, 'invalid_signature'],
  ])('answers %s with a clear JSON 4xx and enqueues nothing', async (_name, send, status, error) => {
    await t.settled();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe(error);
    expect(body.message.length).toBeGreaterThan(5);
    expect(await t.inboundDepth()).toEqual({ visible: 0, inFlight: 0 });
    expect((await fetch(`${t.stack.url}/health`)).status).toBe(200);
  });
});

describe('duplicate deliveries', () => {
  const countMessages = async (handle: string) => (await threadOf(handle)).messages.length;

  it('keeps one message when Meta delivers the same webhook three times', async () => {
    const payload = whatsappTextWebhook({ from: '31600000010', name: 'Dup', text: 'Mijn pakket is kapot aangekomen', wamid: 'wamid.dup-sequential' });
    for (let i = 0; i < 3; i++) {
      expect((await t.postWhatsapp(payload)).status).toBe(200);
      await t.settled();
    }
    const thread = await threadOf('31600000010');
    expect([thread.messages.length, thread.drafts.length, thread.unanswered]).toEqual([1, 1, 1]);
  });

  it('keeps one message when the same webhook arrives three times at once', async () => {
    const payload = whatsappTextWebhook({ from: '31600000011', name: 'Dup', text: 'Refund please, charged twice', wamid: 'wamid.dup-concurrent' });
    const answers = await Promise.all([t.postWhatsapp(payload), t.postWhatsapp(payload), t.postWhatsapp(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await t.settled();
    const thread = await threadOf('31600000011');
    expect([thread.messages.length, thread.drafts.length, thread.unanswered, await countMessages('31600000011')]).toEqual([1, 1, 1, 1]);
  });
});
