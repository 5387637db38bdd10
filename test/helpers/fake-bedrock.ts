import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type BedrockAnswer =
  | { kind: 'tool'; input: unknown; inputTokens?: number; outputTokens?: number }
  | { kind: 'text'; text: string; stopReason?: string }
  | { kind: 'error'; status: number; type: string }
  | { kind: 'hang'; ms: number };

export interface ConverseRequest {
  modelId: string;
  authorization: string;
  body: {
    system?: Array<{ text: string }>;
    messages: Array<{ role: string; content: Array<{ text?: string }> }>;
    toolConfig?: { tools: Array<{ toolSpec: { name: string; inputSchema: { json: Record<string, unknown> } } }>; toolChoice?: { tool?: { name: string } } };
    inferenceConfig?: { maxTokens?: number; temperature?: number };
  };
}

/**
 * A local HTTP server that speaks Bedrock Runtime's Converse protocol as the AWS SDK sends it:
 * POST /model/{url-encoded model id}/converse answers the scripted tool call (or text, an error with the
 * x-amzn-errortype header Bedrock sends, or nothing in time).
 */
export async function startFakeBedrock() {
  const requests: ConverseRequest[] = [];
  const answers: BedrockAnswer[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const match = /^\/model\/([^/]+)\/converse$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return void res.writeHead(404, { 'x-amzn-errortype': 'UnknownOperationException' }).end('{}');
      requests.push({ modelId: decodeURIComponent(match[1]!), authorization: req.headers.authorization ?? '', body: JSON.parse(raw) });
      const answer = answers.shift() ?? { kind: 'error', status: 500, type: 'InternalServerException' };
      if (answer.kind === 'hang') return void setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), answer.ms);
      if (answer.kind === 'error') {
        res
          .writeHead(answer.status, {
            'content-type': 'application/json',
            'x-amzn-errortype': `${answer.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
          })
          .end(JSON.stringify({ message: `${answer.type} from the fake` }));
        return;
      }
      const content =
        answer.kind === 'tool'
          ? [{ toolUse: { toolUseId: `tooluse_${requests.length}`, name: 'record_triage', input: answer.input } }]
          : [{ text: answer.text }];
      res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${requests.length}` }).end(
        JSON.stringify({
          output: { message: { role: 'assistant', content } },
          stopReason: answer.kind === 'tool' ? 'tool_use' : (answer.stopReason ?? 'end_turn'),
          usage: {
            inputTokens: answer.kind === 'tool' ? (answer.inputTokens ?? 900) : 900,
            outputTokens: answer.kind === 'tool' ? (answer.outputTokens ?? 150) : 150,
            totalTokens: 1050,
          },
          metrics: { latencyMs: 400 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answerNext: (...next: BedrockAnswer[]) => answers.push(...next),
    /** Forgets what was asked and what is still scripted (a test that scripts retries the SDK does not make leaves some). */
    reset: () => {
      requests.length = 0;
      answers.length = 0;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
