import * as z from 'zod';
import { DEFAULT_CATEGORIES, sentimentLabelSchema } from '../../domain/index.js';

/** One structured answer for triage and draft, validated with zod before anything is stored; `category` is one of `categories`. */
export function llmTriageSchemaFor(categories: readonly string[]) {
  return z.object({
    category: z.enum(categories as [string, ...string[]]),
    confidence: z.number().min(0).max(1),
    sentiment: sentimentLabelSchema,
    sentimentScore: z.number().min(-1).max(1),
    language: z.string().min(2).max(8),
    urgencyCues: z.array(z.enum(['legal_threat', 'cancellation', 'outage', 'safety', 'deadline', 'repeat_contact', 'urgent'])),
    tags: z.array(z.string().max(40)).max(8),
    reasons: z.array(z.string().max(300)).min(1).max(5),
    draft: z.string().min(1).max(4000),
    /** Ids of the knowledge passages the draft relies on; only ids that were given. */
    kbRefs: z.array(z.string()),
    instructionsInMessage: z.boolean(),
  });
}

/** The answer for the default categories. */
export const llmTriageSchema = llmTriageSchemaFor(DEFAULT_CATEGORIES);
export type LlmTriageSchema = ReturnType<typeof llmTriageSchemaFor>;
export type LlmTriage = z.infer<LlmTriageSchema>;

/** USD per million tokens, for the cost per message recorded with each result. */
export const PRICES: Record<string, { input: number; output: number }> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  // Amazon Bedrock, on demand, base (us-east-1) rates as of 2026-10 (an EU inference profile may cost up to 10% more)
  'amazon.nova-micro-v1:0': { input: 0.035, output: 0.14 },
  'amazon.nova-lite-v1:0': { input: 0.06, output: 0.24 },
  'anthropic.claude-haiku-4-5-20251001-v1:0': { input: 1, output: 5 },
};

export function costUsd(model: string, inputTokens: number, outputTokens: number): number {
  // a Bedrock inference profile (eu.…, us.…, global.…) costs what its model does
  const price = PRICES[model] ?? PRICES[model.replace(/^(eu|us|apac|global)\./, '')] ?? PRICES['gpt-4o-mini']!;
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
