import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModeReport } from '../../shared/use-cases/triage-report.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { anLlmAnswer, startFakeOpenAi } from '../helpers/fake-openai.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The stack in hybrid mode against a local server that speaks OpenAI's protocol and reports token usage.
let t: TestStack;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
beforeAll(async () => {
  openai = await startFakeOpenAi();
  t = await startTestStack({
    triageEnv: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL, TRIAGE_MODE: 'hybrid', HYBRID_THRESHOLD: '0.95', OPENAI_TIMEOUT_MS: '2000' },
  });
});
afterAll(async () => {
  await t?.close();
  await openai?.close();
});

const answer = anLlmAnswer({ category: 'other', reasons: ['vraag zonder categorie'], draft: 'Hoi! Waarmee kunnen we je helpen?' });

describe('cost per 1,000 messages from recorded token counts', () => {
  it('reports, per mode, the LLM calls, tokens and cost the triage worker recorded', async () => {
    for (let i = 0; i < 6; i++) openai.answerNext({ kind: 'json', content: answer, promptTokens: 1200, completionTokens: 300 });
    const texts = [
      'Ik kan niet inloggen, mijn wachtwoord reset werkt niet en ik krijg een foutmelding',
      'hmm',
      'Er is twee keer € 49,95 afgeschreven voor mijn bestelling',
      'vraagje',
    ];
    for (const [i, text] of texts.entries()) await t.postWhatsapp(whatsappTextWebhook({ from: `3169800000${i}`, name: 'K', text }));
    await t.settled();
    const report = await waitFor(async () => {
      const r = await t.api<{ modes: ModeReport[] }>('/api/stats/triage?days=1', 'supervisor');
      const hybrid = r.body.modes.find((m) => m.mode === 'hybrid');
      return hybrid?.messages === 4 ? hybrid : undefined;
    });
    expect(report.llmCalls).toBe(openai.requests.length);
    expect(report.llmCalls).toBeGreaterThan(0);
    expect(report.llmCalls).toBeLessThan(4);
    expect(report.inputTokens).toBe(1200 * report.llmCalls);
    const perCall = (1200 * 0.15 + 300 * 0.6) / 1e6;
    expect(report.costPer1000MessagesUsd).toBeCloseTo((perCall * report.llmCalls * 1000) / 4, 6);
  });

  it('is for supervisors only', async () => {
    expect((await t.api('/api/stats/triage', 'agent')).status).toBe(403);
  });
});
