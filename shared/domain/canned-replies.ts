import * as z from 'zod';
import { categorySchema } from './triage.js';

/**
 * What a canned reply's body may say in double braces, filled from what the message and thread know when a draft
 * uses it (`agent_name` by the agent who sends). Anything else in braces is refused when the reply is saved, so a
 * typo never reaches a customer as `{{ordernummer}}`.
 */
export const PLACEHOLDERS = ['first_name', 'last_name', 'name', 'order_number', 'tracking_number', 'invoice_number', 'amount', 'date', 'agent_name'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const MAX_CANNED_REPLY_BODY = 5000;

/** The placeholders a body uses, in order of first use; or why the body's braces cannot be read. */
export function placeholdersOf(body: string): { placeholders: Placeholder[] } | { problem: string } {
  const used: Placeholder[] = [];
  let at = 0;
  for (;;) {
    const open = body.indexOf('{{', at);
    const close = body.indexOf('}}', at);
    if (open === -1) {
      if (close !== -1) return { problem: `"}}" at character ${close + 1} closes nothing: write placeholders as {{first_name}}` };
      return { placeholders: used };
    }
    if (close !== -1 && close < open) return { problem: `"}}" at character ${close + 1} closes nothing: write placeholders as {{first_name}}` };
    const end = body.indexOf('}}', open + 2);
    const nextOpen = body.indexOf('{{', open + 2);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end))
      return { problem: `"{{" at character ${open + 1} is not closed with "}}": write placeholders as {{first_name}}` };
    const name = body.slice(open + 2, end).trim();
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      return { problem: `{{${name}}} is not a placeholder; the placeholders are ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` };
    if (!used.includes(name as Placeholder)) used.push(name as Placeholder);
    at = end + 2;
  }
}

/** A canned reply as supervisors write it (`POST`/`PUT /api/canned-replies`). */
export const cannedReplyInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, 'language is a two- or three-letter code, e.g. nl'),
  body: z
    .string()
    .max(MAX_CANNED_REPLY_BODY)
    .refine((b) => b.trim() !== '', 'the body is empty')
    .superRefine((body, ctx) => {
      const read = placeholdersOf(body);
      if ('problem' in read) ctx.addIssue({ code: 'custom', message: read.problem });
    }),
  category: categorySchema.optional(),
  /** Messages this reply answers: how a draft knows when it applies (one line each). */
  examples: z
    .array(
      z
        .string()
        .transform((e) => e.replace(/\s+/g, ' ').trim())
        .pipe(z.string().min(1).max(1000)),
    )
    .max(20)
    .default([]),
});
export type CannedReplyInput = z.infer<typeof cannedReplyInputSchema>;

export interface CannedReply extends CannedReplyInput {
  id: string;
  /** The version a change must name. */
  version: number;
  updatedAt: string;
  updatedBy: string;
}
