import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { postSignedWebhook, whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { GRAPH_ERRORS, startFakeGraphApi } from '../helpers/fake-graph-api.js';
import { startFakeOpenAi } from '../helpers/fake-openai.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// Every secret the stack holds, with values no log line could contain by chance.
const SECRETS = {
  metaAppSecret: 'meta-app-secret-5f1c2e9a7b',
  metaVerifyToken: 'meta-verify-token-8d3b6c1f40',
  whatsappAccessToken: 'local-test-wa-token',
  openAiKey: 'sk-test-secret-3a9f0d7e21c4',
};

let t: TestStack;
let graph: Awaited<ReturnType<typeof startFakeGraphApi>>;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
const lines: string[] = [];
const writes = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  // every byte this process writes, while the stack logs at DEBUG
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (writes[stream] as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  graph = await startFakeGraphApi();
  openai = await startFakeOpenAi();
  t = await startTestStack({
    logLevel: 'DEBUG',
    metaAppSecret: SECRETS.metaAppSecret,
    metaVerifyToken: SECRETS.metaVerifyToken,
    channels: { graphApiBaseUrl: graph.baseUrl, whatsappAccessToken: SECRETS.whatsappAccessToken },
    triageEnv: { OPENAI_API_KEY: SECRETS.openAiKey, OPENAI_BASE_URL: openai.baseURL, TRIAGE_MODE: 'llm', OPENAI_TIMEOUT_MS: '1000' },
  });
});
afterAll(async () => {
  await t?.close();
  await graph?.close();
  await openai?.close();
  process.stdout.write = writes.stdout as typeof process.stdout.write;
  process.stderr.write = writes.stderr as typeof process.stderr.write;
});

describe('logs', () => {
  it('never contain a secret, a token or a session, through success and every kind of failure', async () => {
    const agentToken = await t.token('agent');
    // a refused signature, a wrong verify token, a refused API token
    await postSignedWebhook(`${t.stack.url}/webhooks/whatsapp`, whatsappTextWebhook({ from: '31690000001', name: 'K', text: 'x' }), 'not-the-secret');
    await fetch(`${t.stack.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`);
    await fetch(`${t.stack.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${SECRETS.metaVerifyToken}&hub.challenge=1`);
    await fetch(`${t.stack.url}/api/threads`, { headers: { authorization: `Bearer ${agentToken}x` } });
    // the LLM fails (500), then the provider refuses the token (190), then a send goes through
    openai.answerNext({ kind: 'status', status: 500 });
    graph.answerNext(GRAPH_ERRORS.expiredToken);
    await t.postWhatsapp(whatsappTextWebhook({ from: '31690000002', name: 'Kim', text: 'Waar blijft mijn bestelling 10482?' }));
    await t.settled();
    const thread = await waitFor(async () =>
      (await t.api<{ threads: Thread[] }>('/api/threads')).body.threads.find((th) => th.contact.handle === '31690000002'),
    );
    const detail = (await t.api<ThreadDetail>(`/api/threads/${thread.id}`)).body;
    expect((await t.post(`/api/threads/${thread.id}/drafts/${detail.drafts[0]!.id}/approve`, { version: 1 })).status).toBe(200);
    await t.settled();
    // the worker logs the send's outcome after the Graph API refused it and the draft was settled
    await waitFor(async () => (lines.join('').includes('"outcome":"failed"') ? true : undefined), { what: 'the refused send in the log' });
    expect(graph.requests.length).toBeGreaterThan(0);
    // the page's session cookie too
    const login = await fetch(`${t.stack.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: t.stack.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sub=local-agent',
    });
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    await fetch(`${t.stack.url}/`, { headers: { cookie: session } });
    await fetch(`${t.stack.url}/ui/threads/nope`, { headers: { cookie: session, 'x-balie-fragment': '1' } });

    const logged = lines.join('');
    // the capture saw the stack's log lines, the failed send among them
    expect(logged).toContain('"message":"webhook accepted"');
    expect(logged).toContain('"outcome":"failed"');
    for (const [name, secret] of Object.entries({ ...SECRETS, agentToken, session: session.split('=')[1]! })) {
      expect(logged.includes(secret), `${name} appears in a log line`).toBe(false);
    }
  });
});
