import * as z from 'zod';
import { UNSURE_BELOW, type CategoryDefinition, type Classifier, type TriageEngine } from '../domain/index.js';
import { LocalEngine } from '../triage/local/local-engine.js';
import { TemplateDrafter } from '../triage/index.js';
import { ModelClassifier } from '../triage/local/model-classifier.js';
import type { KnowledgeBase } from '../triage/knowledge/knowledge-base.js';
import { parseEnv, secretsShape } from './env.js';
import { llmApiKeyFromSecret } from './llm-secret.js';
import type { LlmProvider } from '../triage/llm/llm-engine.js';

export const triageShape = {
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  /**
   * The most one LLM call may take, tries and waits included; past it the local engine decides. In AWS the stack
   * sets it from the same figure as the function's timeout (infra/lib/triage.ts); otherwise every try and 10 s.
   */
  LLM_CALL_DEADLINE_MS: z.coerce.number().int().positive().optional(),
  /** In AWS: the LlmApiKeySecret (JSON {"apiKey"}), read with a maximum age so a new key needs no redeploy. */
  LLM_SECRET_ARN: z.string().min(1).optional(),
  /** How long the key read from LLM_SECRET_ARN is used before it is read again. */
  ...secretsShape,
  /** openai (with OPENAI_API_KEY or LLM_SECRET_ARN) or bedrock (Amazon Bedrock's Converse API, signed by the role). */
  LLM_PROVIDER: z.enum(['openai', 'bedrock']).default('openai'),
  /** A Bedrock model or inference profile id that supports tool choice (Amazon Nova, Anthropic Claude). */
  BEDROCK_MODEL_ID: z.string().min(1).default('eu.amazon.nova-micro-v1:0'),
  /** Tests and local use: a server that speaks Bedrock Runtime's protocol (signed with dummy credentials). */
  BEDROCK_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
  /** local: never call an LLM; llm: always (when a key is set); hybrid: only when the local engine is unsure. */
  TRIAGE_MODE: z.enum(['local', 'llm', 'hybrid']).optional(),
  /** Hybrid mode asks the LLM below this confidence: the messages the page marks unsure (UNSURE_BELOW). */
  HYBRID_THRESHOLD: z.coerce.number().min(0).max(1).default(UNSURE_BELOW),
  REDACT_PII: z.enum(['true', 'false']).default('false'),
};

/**
 * The triage engines from the environment: the local engine always; an LLM engine in front of it when one is
 * configured (and TRIAGE_MODE is not `local`): OpenAI when OPENAI_API_KEY or LLM_SECRET_ARN is set, Amazon Bedrock
 * when LLM_PROVIDER=bedrock (the role signs the calls; no key). Parsed once, at cold start; an LLM SDK is evaluated
 * only when its engine is configured.
 */
export async function triageEngines(
  knowledge: KnowledgeBase | undefined,
  env: NodeJS.ProcessEnv = process.env,
  /** The local engine's classifier: the published model (PublishedModelClassifier); the shipped model by default. */
  localClassifier: Classifier = new ModelClassifier(),
  /** The shop's category definitions (descriptions and examples for the LLM's prompt), read when a call needs them. */
  definitions?: () => Promise<readonly CategoryDefinition[]>,
): Promise<{ engine: TriageEngine; mode: string }> {
  const config = parseEnv(triageShape, env);
  const local = new LocalEngine(localClassifier, new TemplateDrafter(knowledge));
  const provider = await llmProvider(config);
  const mode = config.TRIAGE_MODE ?? (provider ? 'llm' : 'local');
  if (mode === 'local' || !provider) return { engine: local, mode: 'local' };
  const { LlmEngine, LlmWithFallback } = await import('../triage/llm/llm-engine.js');
  const llm = new LlmEngine({
    provider,
    knowledge,
    redactPii: config.REDACT_PII === 'true',
    deadlineMs: config.LLM_CALL_DEADLINE_MS ?? config.OPENAI_TIMEOUT_MS * (config.OPENAI_MAX_RETRIES + 1) + 10_000,
    // the local model's categories: a shop's own once its model is published, and the LLM chooses from the same
    ...(hasCategories(localClassifier) ? { categories: () => localClassifier.categories } : {}),
    ...(definitions ? { definitions } : {}),
  });
  return { engine: new LlmWithFallback({ llm, local, mode, hybridThreshold: config.HYBRID_THRESHOLD }), mode };
}

async function llmProvider(config: z.infer<z.ZodObject<typeof triageShape>>): Promise<LlmProvider | undefined> {
  if (config.LLM_PROVIDER === 'bedrock') {
    const [{ BedrockRuntimeClient }, { NodeHttpHandler }, { BedrockProvider }] = await Promise.all([
      import('@aws-sdk/client-bedrock-runtime'),
      import('@smithy/node-http-handler'),
      import('../triage/bedrock/bedrock-provider.js'),
    ]);
    const client = new BedrockRuntimeClient({
      maxAttempts: config.OPENAI_MAX_RETRIES + 1,
      // a per-try timeout that is thrown (and retried), as OPENAI_TIMEOUT_MS is for OpenAI; HTTP/1.1, which a local
      // endpoint speaks too
      requestHandler: new NodeHttpHandler({ requestTimeout: config.OPENAI_TIMEOUT_MS, throwOnRequestTimeout: true }),
      ...(config.BEDROCK_ENDPOINT
        ? { endpoint: config.BEDROCK_ENDPOINT, region: config.AWS_REGION ?? 'eu-central-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    return new BedrockProvider(client, config.BEDROCK_MODEL_ID);
  }
  const apiKey =
    config.OPENAI_API_KEY ??
    (config.LLM_SECRET_ARN ? llmApiKeyFromSecret(config.LLM_SECRET_ARN, { maxAgeMs: config.SECRETS_MAX_AGE_SECONDS * 1000 }) : undefined);
  if (!apiKey) return undefined;
  const [{ default: OpenAI }, { OpenAiProvider }] = await Promise.all([import('openai'), import('../triage/openai/openai-provider.js')]);
  return new OpenAiProvider(
    new OpenAI({ apiKey, baseURL: config.OPENAI_BASE_URL, timeout: config.OPENAI_TIMEOUT_MS, maxRetries: config.OPENAI_MAX_RETRIES }),
    config.OPENAI_MODEL,
  );
}

function hasCategories(classifier: Classifier): classifier is Classifier & { categories: string[] } {
  return Array.isArray((classifier as { categories?: unknown }).categories);
}
