import * as z from 'zod';

/** The categories Balie ships with; a shop's own model (`npm run train -- --from FILE`) may have any others. */
export const defaultCategorySchema = z.enum(['complaint', 'order', 'technical', 'billing', 'other']);
export type DefaultCategory = z.infer<typeof defaultCategorySchema>;
export const DEFAULT_CATEGORIES = defaultCategorySchema.options;

/** A category: one of the defaults, or a label a shop's model learned from its history (any name, up to 80 characters). */
export const categorySchema = z.string().trim().min(1).max(80);
export type Category = string;

export function isDefaultCategory(category: string): category is DefaultCategory {
  return (DEFAULT_CATEGORIES as readonly string[]).includes(category);
}

/** At most this many categories a supervisor defines, and examples per category (the page and the LLM prompt stay readable). */
export const MAX_CATEGORY_DEFINITIONS = 200;
export const MAX_CATEGORY_EXAMPLES = 20;
/** All definitions together, as stored: one table item holds them (DynamoDB's limit is 400 KB). */
export const MAX_CATEGORY_DEFINITIONS_BYTES = 300 * 1024;

/**
 * A category as a supervisor defines it: its name (what the model learns and agents choose), what it covers (the LLM
 * reads this), and a few messages it is for (training rows for the next model, and examples in the LLM's prompt).
 */
export const categoryDefinitionSchema = z.object({
  name: categorySchema,
  description: z.string().trim().max(500).default(''),
  // one line each (the page shows one example per line, so a line break would split it on the next save)
  examples: z
    .array(
      z
        .string()
        .transform((e) => e.replace(/\s+/g, ' ').trim())
        .pipe(z.string().min(1).max(1000)),
    )
    .max(MAX_CATEGORY_EXAMPLES)
    .default([]),
});
export type CategoryDefinition = z.infer<typeof categoryDefinitionSchema>;

export const categoryDefinitionsSchema = z
  .array(categoryDefinitionSchema)
  .min(2, 'define at least two categories')
  .max(MAX_CATEGORY_DEFINITIONS)
  .superRefine((list, ctx) => {
    const bytes = Buffer.byteLength(JSON.stringify(list));
    if (bytes > MAX_CATEGORY_DEFINITIONS_BYTES)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `the categories take ${Math.ceil(bytes / 1024)} KB, more than the ${MAX_CATEGORY_DEFINITIONS_BYTES / 1024} KB they may: shorten or remove examples`,
      });
    const seen = new Set<string>();
    for (const [i, d] of list.entries()) {
      const key = d.name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${d.name}" is defined twice` });
      seen.add(key);
    }
  });

/** What the shipped categories cover, as the LLM's prompt has always said it; a shop's own definitions replace them. */
export const DEFAULT_CATEGORY_DEFINITIONS: readonly CategoryDefinition[] = [
  { name: 'complaint', description: 'unhappy with us: service, delays, how they were treated', examples: [] },
  { name: 'order', description: 'order status, delivery, returns, changes and cancellations', examples: [] },
  { name: 'technical', description: 'faults, login, account access, the site or app not working', examples: [] },
  { name: 'billing', description: 'invoices, charges, payments, refunds of a charge', examples: [] },
  { name: 'other', description: 'anything else', examples: [] },
];

/** The definition of a category by name (case ignored): the shop's own, else the shipped one, else none. */
export function definitionOf(name: string, definitions: readonly CategoryDefinition[]): CategoryDefinition | undefined {
  const key = name.toLowerCase();
  return definitions.find((d) => d.name.toLowerCase() === key) ?? DEFAULT_CATEGORY_DEFINITIONS.find((d) => d.name === key);
}

/**
 * Below this category confidence the thread is flagged `unsure` for the agent, and hybrid mode asks the LLM. On the
 * independent set (2026-12-03) the local model was below it for 17% of messages and right on 50% of those, against
 * 85% above it.
 */
export const UNSURE_BELOW = 0.5;
export const UNSURE_FLAG = 'unsure';

export const prioritySchema = z.enum(['P1', 'P2', 'P3', 'P4']);
export type Priority = z.infer<typeof prioritySchema>;

export const sentimentLabelSchema = z.enum(['negative', 'neutral', 'positive']);

export const sentimentSchema = z.object({
  label: sentimentLabelSchema,
  /** -1 (very negative) … 1 (very positive). */
  score: z.number().min(-1).max(1),
});
export type Sentiment = z.infer<typeof sentimentSchema>;

export const languageSchema = z.string().min(2).max(8);

export const triageResultSchema = z.object({
  category: categorySchema,
  /** 0…1: how sure the engine is of the category. */
  confidence: z.number().min(0).max(1),
  sentiment: sentimentSchema,
  language: languageSchema,
  urgencyCues: z.array(z.string()),
  tags: z.array(z.string()),
  priority: prioritySchema,
  /** Why this category and this priority, in words an agent can check. */
  reasons: z.array(z.string()).min(1),
  engine: z.string().min(1),
  /** When an LLM was asked: model, tokens and cost; `fallback` says why its answer was not used. */
  llm: z
    .object({
      model: z.string(),
      inputTokens: z.number().int().min(0),
      outputTokens: z.number().int().min(0),
      costUsd: z.number().min(0),
      fallback: z.string().optional(),
    })
    .optional(),
  /** The message reads like instructions to the AI; it was treated as data, and the thread is flagged. */
  injectionSuspected: z.boolean().optional(),
});
export type TriageResult = z.infer<typeof triageResultSchema>;

/** What a classifier decides before priority rules are applied. */
export type Classification = Omit<TriageResult, 'priority' | 'reasons'> & { reasons: string[] };
