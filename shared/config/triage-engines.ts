import * as z from 'zod';
import type { Classifier, Drafter } from '../domain/index.js';
import { TemplateDrafter } from '../triage/index.js';
import { ModelClassifier } from '../triage/local/model-classifier.js';
import type { KnowledgeBase } from '../triage/knowledge/knowledge-base.js';
import { parseEnv, secretsShape } from './env.js';
import { llmApiKeyFromSecret } from './llm-secret.js';

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
  /** local: never call an LLM; llm: always (when a key is set); hybrid: only when the local engine is unsure. */
  TRIAGE_MODE: z.enum(['local', 'llm', 'hybrid']).optional(),
  HYBRID_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  REDACT_PII: z.enum(['true', 'false']).default('false'),
};

/**
 * The triage engines from the environment: the local engine always; the OpenAI engine in front of it when
 * OPENAI_API_KEY or LLM_SECRET_ARN is set (and TRIAGE_MODE is not `local`). Parsed once, at cold start; the OpenAI
 * SDK (and the zod helpers it brings) is evaluated only when that engine is configured.
 */
export async function triageEngines(
  knowledge: KnowledgeBase | undefined,
  env: NodeJS.ProcessEnv = process.env,
  /** The local engine's classifier: the published model (PublishedModelClassifier); the shipped model by default. */
  localClassifier: Classifier = new ModelClassifier(),
): Promise<{ classifier: Classifier; drafter: Drafter; mode: string }> {
  const config = parseEnv(triageShape, env);
  const local = { classifier: localClassifier, drafter: new TemplateDrafter(knowledge) };
  const apiKey =
    config.OPENAI_API_KEY ??
    (config.LLM_SECRET_ARN ? llmApiKeyFromSecret(config.LLM_SECRET_ARN, { maxAgeMs: config.SECRETS_MAX_AGE_SECONDS * 1000 }) : undefined);
  const mode = config.TRIAGE_MODE ?? (apiKey ? 'llm' : 'local');
  if (mode === 'local' || !apiKey) return { ...local, mode: 'local' };
  const [{ default: OpenAI }, { OpenAiEngine }] = await Promise.all([import('openai'), import('../triage/openai/openai-engine.js')]);
  const engine = new OpenAiEngine({
    client: new OpenAI({ apiKey, baseURL: config.OPENAI_BASE_URL, timeout: config.OPENAI_TIMEOUT_MS, maxRetries: config.OPENAI_MAX_RETRIES }),
    model: config.OPENAI_MODEL,
    mode,
    hybridThreshold: config.HYBRID_THRESHOLD,
    local,
    knowledge,
    redactPii: config.REDACT_PII === 'true',
    deadlineMs: config.LLM_CALL_DEADLINE_MS ?? config.OPENAI_TIMEOUT_MS * (config.OPENAI_MAX_RETRIES + 1) + 10_000,
  });
  return { classifier: engine, drafter: engine, mode };
}
