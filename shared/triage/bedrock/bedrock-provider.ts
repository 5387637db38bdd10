import {
  AccessDeniedException,
  BedrockRuntimeServiceException,
  ConverseCommand,
  ModelErrorException,
  ModelNotReadyException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import * as z from 'zod';
import { InvalidAnswerError, type LlmProvider } from '../llm/llm-engine.js';
import { costUsd, type LlmTriageSchema } from '../llm/schema.js';

const TOOL = 'record_triage';

/**
 * Amazon Bedrock through its Converse API: the answer is a forced call of one tool whose input schema is the triage
 * schema (structured output the same way for every model family that supports tool choice: Amazon Nova, Anthropic
 * Claude). In AWS the function's role signs the call: no third-party key, no long-lived secret.
 */
export class BedrockProvider implements LlmProvider {
  readonly id = 'bedrock';
  readonly label = 'Bedrock';
  private readonly inputSchemas = new WeakMap<LlmTriageSchema, Record<string, unknown>>();

  constructor(
    private readonly client: BedrockRuntimeClient,
    readonly model: string,
  ) {}

  async complete(request: { system: string; user: string; schema: LlmTriageSchema }, signal: AbortSignal | undefined) {
    let inputSchema = this.inputSchemas.get(request.schema);
    if (!inputSchema) this.inputSchemas.set(request.schema, (inputSchema = z.toJSONSchema(request.schema) as Record<string, unknown>));
    const response = await this.client.send(
      new ConverseCommand({
        modelId: this.model,
        system: [{ text: request.system }],
        messages: [{ role: 'user', content: [{ text: request.user }] }],
        inferenceConfig: { maxTokens: 1500, temperature: 0.2 },
        toolConfig: {
          tools: [
            {
              toolSpec: { name: TOOL, description: 'Record the triage of the message and the draft reply.', inputSchema: { json: inputSchema as never } },
            },
          ],
          toolChoice: { tool: { name: TOOL } },
        },
      }),
      { abortSignal: signal },
    );
    const call = response.output?.message?.content?.find((block) => block.toolUse?.name === TOOL)?.toolUse;
    if (!call)
      throw new InvalidAnswerError(
        response.stopReason === 'max_tokens' ? 'cut off at the token limit' : `no ${TOOL} call (stop reason ${response.stopReason ?? 'none'})`,
      );
    return { answer: call.input, usage: { inputTokens: response.usage?.inputTokens ?? 0, outputTokens: response.usage?.outputTokens ?? 0 } };
  }

  costUsd(usage: { inputTokens: number; outputTokens: number }): number {
    return costUsd(this.model, usage.inputTokens, usage.outputTokens);
  }

  /** Why the call failed, from the Bedrock SDK's exception classes, never from message text. */
  describe(err: unknown, ms: number): string | undefined {
    if (err instanceof ThrottlingException || err instanceof ServiceQuotaExceededException) return "throttled by Bedrock (after the SDK's retries)";
    if (err instanceof ModelTimeoutException) return `the model timed out after ${ms} ms`;
    if (err instanceof ModelNotReadyException) return "the model is not ready (after the SDK's retries)";
    if (err instanceof AccessDeniedException) return 'access denied: is the model enabled in this account and region, and may the role invoke it?';
    if (err instanceof ResourceNotFoundException) return 'no such model in this region (check the model id, or use an inference profile)';
    if (err instanceof ValidationException) return 'Bedrock refused the request as invalid (ValidationException)';
    if (err instanceof ModelErrorException) return 'the model failed to answer (ModelErrorException)';
    if (err instanceof ServiceUnavailableException) return "Bedrock unavailable (after the SDK's retries)";
    if (err instanceof BedrockRuntimeServiceException) return `HTTP ${err.$metadata.httpStatusCode ?? 'error'} ${err.name} (after the SDK's retries)`;
    if (err instanceof Error && err.name === 'AbortError') return `aborted after ${ms} ms`;
    if (err instanceof Error && err.name === 'TimeoutError') return `timed out after ${ms} ms`;
    return undefined;
  }
}
