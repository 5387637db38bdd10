import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LlmTriage } from '../../shared/triage/llm/schema.js';

/** A valid structured answer of the LLM (an order question in Dutch, with a draft); override what a test is about. */
export function anLlmAnswer(overrides: Partial<LlmTriage> = {}): LlmTriage {
  return {
    category: 'order',
    confidence: 0.9,
    sentiment: 'neutral',
    sentimentScore: 0,
    language: 'nl',
    urgencyCues: [],
    tags: [],
    reasons: ['vraagt naar een pakket'],
    draft: 'Hoi! We zoeken je pakket op.',
    kbRefs: [],
    instructionsInMessage: false,
    ...overrides,
  };
}

/**
 * A double charge in Dutch: billing, with a knowledge reference the engine was given and one it was not (an LLM
 * engine must keep only the first). The same answer for every LLM provider's tests.
 */
export function aBillingAnswer(overrides: Partial<LlmTriage> = {}): LlmTriage {
  return anLlmAnswer({
    category: 'billing',
    confidence: 0.93,
    sentiment: 'negative',
    sentimentScore: -0.6,
    tags: ['double_charge'],
    reasons: ['"twee keer afgeschreven" → billing'],
    draft: 'Hoi Sanne, vervelend! Een tweede afschrijving is vaak een reservering die de bank binnen 5 werkdagen vrijgeeft.',
    kbRefs: ['betalen-nl#Dubbel afgeschreven', 'made-up#Free money'],
    ...overrides,
  });
}

export type OpenAiAnswer =
  | { kind: 'json'; content: unknown; promptTokens?: number; completionTokens?: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; content: string }
  | { kind: 'hang'; ms: number };

/**
 * A local HTTP server that speaks OpenAI's chat completions protocol: POST /v1/chat/completions answers with a
 * `chat.completion` whose message content is the scripted JSON (or an HTTP error, a malformed body, or nothing).
 */
export async function startFakeOpenAi() {
  const requests: Array<{ model: string; messages: Array<{ role: string; content: string }>; response_format?: unknown }> = [];
  const answers: OpenAiAnswer[] = [];
  /** The Authorization header of each request, in order. */
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      requests.push(JSON.parse(raw));
      authorizations.push(req.headers.authorization ?? '');
      const answer = answers.shift() ?? { kind: 'status', status: 500 };
      if (answer.kind === 'hang') return void setTimeout(() => res.writeHead(200).end('{}'), answer.ms);
      if (answer.kind === 'status') {
        res
          .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
          .end(JSON.stringify(answer.body ?? { error: { message: `status ${answer.status}`, type: 'server_error', code: null } }));
        return;
      }
      const content = answer.kind === 'json' ? JSON.stringify(answer.content) : answer.content;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'gpt-4o-mini-2024-07-18',
          choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
          usage: {
            prompt_tokens: answer.kind === 'json' ? (answer.promptTokens ?? 900) : 900,
            completion_tokens: answer.kind === 'json' ? (answer.completionTokens ?? 150) : 150,
            total_tokens: 1050,
          },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    authorizations,
    answerNext: (...next: OpenAiAnswer[]) => answers.push(...next),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
