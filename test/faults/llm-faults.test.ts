import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/domain/index.js';
import type { LlmTriage } from '../../shared/triage/llm/schema.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { startFakeOpenAi, type OpenAiAnswer } from '../helpers/fake-openai.js';
import { SILENT_LOGS } from '../helpers/faults.js';
import { waitFor } from '../helpers/fixtures.js';
import { checkStored, drained, driveLoad, NO_PROBLEMS, planLoad, problems } from '../helpers/load.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// test/unit/openai-engine.test.ts covers the engine's fallback on its own; here the same faults go end to end:
// signed webhook → SQS → triage worker (TRIAGE_MODE=llm) → DynamoDB, against a local server that speaks OpenAI's
// protocol. A failing LLM must never fail, delay into the DLQ or duplicate a customer's message.
let t: TestStack;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
// The worker's calls to OpenAI, counted where it makes them (the SDK takes the global fetch when the stack starts): on a
// busy machine an attempt can time out (400 ms) before the fake server has read its request, and the server never
// counts it.
const realFetch = globalThis.fetch;
let llmAttempts = 0;
beforeAll(async () => {
  openai = await startFakeOpenAi();
  globalThis.fetch = ((input, init) => {
    if (String(input instanceof Request ? input.url : input).startsWith(openai.baseURL)) llmAttempts += 1;
    return realFetch(input, init);
  }) as typeof fetch;
  t = await startTestStack({
    logLevel: SILENT_LOGS,
    triageEnv: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, TRIAGE_MODE: 'llm', OPENAI_TIMEOUT_MS: '400' },
  });
});
afterAll(async () => {
  await t?.close();
  await openai?.close();
  globalThis.fetch = realFetch;
});

const good: LlmTriage = {
  category: 'order',
  confidence: 0.92,
  sentiment: 'neutral',
  sentimentScore: 0,
  language: 'nl',
  urgencyCues: [],
  tags: [],
  reasons: ['vraagt naar de levering'],
  draft: 'Hoi! We zoeken het voor je uit.',
  kbRefs: [],
  instructionsInMessage: false,
};
const times = (n: number, a: OpenAiAnswer) => Array.from({ length: n }, () => a);

async function storedThread(handle: string): Promise<ThreadDetail> {
  return waitFor(
    async () => {
      const found = (await t.api<ThreadPage>('/api/threads?status=all&limit=100')).body.threads.find((th) => th.contact.handle === handle);
      return found ? (await t.api<ThreadDetail>(`/api/threads/${found.id}`)).body : undefined;
    },
    { timeoutMs: 20_000, what: `the thread of ${handle}` },
  );
}

describe('LLM faults through the triage worker', () => {
  it.each([
    ['answers 429 on every try', times(3, { kind: 'status', status: 429 }), /HTTP 429/, '31660000001'],
    ['answers 500 on every try', times(3, { kind: 'status', status: 500 }), /HTTP 500/, '31660000002'],
    ['does not answer within the timeout', times(3, { kind: 'hang', ms: 1_500 }), /timed out/, '31660000003'],
    ['answers garbage', [{ kind: 'raw', content: '{"category": "order", "confid' }], /invalid answer/, '31660000004'],
    ['answers JSON of the wrong shape', [{ kind: 'json', content: { ...good, category: 'spam' } }], /invalid answer/, '31660000005'],
  ] as Array<[string, OpenAiAnswer[], RegExp, string]>)(
    "stores the message once with the local engine's triage and draft when OpenAI %s",
    async (_name, answers, why, handle) => {
      openai.answerNext(...answers);
      await t.postWhatsapp(whatsappTextWebhook({ from: handle, name: 'Klant', text: 'Waar blijft mijn bestelling 10482?' }));
      const thread = await storedThread(handle);
      await t.settled();
      const after = (await t.api<ThreadDetail>(`/api/threads/${thread.id}`)).body;
      expect([after.messages.length, after.drafts.length, after.unanswered]).toEqual([1, 1, 1]);
      expect(after.messages[0]!.triage).toMatchObject({ engine: 'local-model-v1+fallback', llm: { fallback: expect.stringMatching(why) } });
      expect(after.drafts[0]!.engine).not.toMatch(/^openai/);
      expect(after.status).toBe('awaiting_approval');
    },
  );

  it('uses the LLM again once it recovers after a 429', async () => {
    openai.answerNext({ kind: 'status', status: 429 }, { kind: 'json', content: good });
    await t.postWhatsapp(whatsappTextWebhook({ from: '31669999001', name: 'Klant', text: 'Waar blijft mijn bestelling 10483?' }));
    const thread = await storedThread('31669999001');
    expect(thread.messages[0]!.triage).toMatchObject({ engine: 'openai:gpt-4o-mini' });
    expect(thread.drafts[0]).toMatchObject({ engine: 'openai:gpt-4o-mini', text: good.draft });
  });

  it('stores a burst of 20 messages once each while OpenAI is down (500 on every call)', async () => {
    await t.settled();
    const before = llmAttempts;
    const plan = planLoad({ messages: 20, runId: 'llm', channels: ['whatsapp', 'messenger', 'instagram'] });
    await driveLoad(t.stack, plan);
    await drained(t.stack, 60_000);
    expect(problems(await checkStored(t.stack, plan.messages))).toEqual(NO_PROBLEMS);
    // every message asked (the SDK retried each twice) and fell back; a duplicate handled at the same moment asks too
    expect(llmAttempts - before).toBeGreaterThanOrEqual(20 * 3);
  });
});
