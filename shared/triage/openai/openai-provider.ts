import type OpenAI from 'openai';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  ContentFilterFinishReasonError,
  LengthFinishReasonError,
  OpenAIError,
} from 'openai/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { InvalidAnswerError, type LlmProvider } from '../llm/llm-engine.js';
import { costUsd, type LlmTriageSchema } from '../llm/schema.js';

/** OpenAI (or any endpoint that speaks its protocol): chat completions with a JSON-schema response format. */
export class OpenAiProvider implements LlmProvider {
  readonly id = 'openai';
  readonly label = 'OpenAI';

  constructor(
    private readonly client: OpenAI,
    readonly model: string,
  ) {}

  async complete(request: { system: string; user: string; schema: LlmTriageSchema }, signal: AbortSignal | undefined) {
    const completion = await this.client.chat.completions.parse(
      {
        model: this.model,
        temperature: 0.2,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: request.user },
        ],
        response_format: zodResponseFormat(request.schema, 'triage'),
      },
      { signal },
    );
    const parsed = completion.choices[0]?.message.parsed;
    if (!parsed) throw new InvalidAnswerError(completion.choices[0]?.message.refusal ? 'the model refused' : 'no parsed answer');
    return { answer: parsed, usage: { inputTokens: completion.usage?.prompt_tokens ?? 0, outputTokens: completion.usage?.completion_tokens ?? 0 } };
  }

  costUsd(usage: { inputTokens: number; outputTokens: number }): number {
    return costUsd(this.model, usage.inputTokens, usage.outputTokens);
  }

  /** Why the call failed, from the OpenAI SDK's error classes, never from message text. */
  describe(err: unknown, ms: number): string | undefined {
    if (err instanceof APIConnectionTimeoutError) return `timed out after ${ms} ms`;
    if (err instanceof APIUserAbortError) return `aborted after ${ms} ms`;
    if (err instanceof APIConnectionError) return `could not connect (after the SDK's retries)`;
    if (err instanceof APIError) return `HTTP ${err.status ?? 'error'} (after the SDK's retries)`;
    if (err instanceof LengthFinishReasonError) return 'invalid answer: cut off at the token limit';
    if (err instanceof ContentFilterFinishReasonError) return "invalid answer: stopped by the provider's content filter";
    // the key comes from a function (the LLM secret), which the SDK wraps; our configuration errors name the secret,
    // never its value
    if (err instanceof OpenAIError && err.cause instanceof Error) {
      // the reason is stored on the message and shown to agents: no ARN (account id, secret name) in it
      return /^configuration error: /.test(err.cause.message)
        ? err.cause.message.replace(/\s*\(arn:[^)]*\)/g, '')
        : `could not read the API key (${err.cause.name})`;
    }
    return undefined;
  }
}
