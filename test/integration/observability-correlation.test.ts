import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import type { ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The local stack at INFO, its Powertools log lines (JSON on stdout) read back: one id from the webhook to triage,
// and from the approving API call to the send worker.
let t: TestStack;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (!text.startsWith('{')) return write(chunk, ...(rest as []));
    for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    return true;
  });
  t = await startTestStack({ logLevel: 'INFO' });
});
afterAll(async () => {
  await t?.close();
  vi.restoreAllMocks();
});

const logged = (service: string, message: string, match: (line: Record<string, unknown>) => boolean = () => true) =>
  lines.filter((l) => l.service === service && l.message === message && match(l));

async function postWebhook(payload: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${t.stack.url}/webhooks/whatsapp`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(body, t.stack.metaAppSecret), ...headers },
  });
}

async function threadOf(handle: string): Promise<ThreadDetail> {
  return waitFor(async () => {
    const found = (await t.api<ThreadPage>('/api/threads?limit=100')).body.threads.find((th) => th.contact.handle === handle);
    return found?.latestDraftId ? (await t.api<ThreadDetail>(`/api/threads/${found.id}`)).body : undefined;
  });
}

describe('one correlation id from webhook to send', () => {
  it('logs the same correlation id on the ingest line and the triage line of one webhook', async () => {
    const res = await postWebhook(whatsappTextWebhook({ from: '31670000001', name: 'Sanne', text: 'Waar blijft mijn bestelling 10482?' }));
    expect(res.status).toBe(200);
    const correlationId = res.headers.get('x-correlation-id')!;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    await threadOf('31670000001');

    expect(logged('ingest-webhook', 'webhook accepted', (l) => l.correlation_id === correlationId)).toHaveLength(1);
    const triaged = await waitFor(async () => logged('triage', 'inbound event processed', (l) => l.correlation_id === correlationId)[0]);
    expect(triaged).toMatchObject({ level: 'INFO', type: 'message', channel: 'whatsapp', outcome: 'stored' });
  });

  it("carries the approving request's x-request-id to the send worker's log line", async () => {
    const thread = await threadOf(
      (await postWebhook(whatsappTextWebhook({ from: '31670000002', name: 'Pieter', text: 'Ik kan niet inloggen' })), '31670000002'),
    );
    const res = await fetch(`${t.stack.url}/api/threads/${thread.id}/drafts/${thread.latestDraftId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token()}`, 'content-type': 'application/json', 'x-request-id': 'approve-7f3a' },
      body: JSON.stringify({ version: 1 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('approve-7f3a');
    const sent = await waitFor(async () => logged('send', 'send job done', (l) => l.correlation_id === 'approve-7f3a')[0]);
    expect(sent).toMatchObject({ threadId: thread.id, draftId: thread.latestDraftId, outcome: 'sent' });
  });
});
