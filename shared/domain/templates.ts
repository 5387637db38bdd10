import * as z from 'zod';
import { ValidationError } from './errors.js';

/** A WhatsApp message template approved in Meta's manager; `body` shows its text with {{1}}, {{2}} … placeholders. */
export const messageTemplateSchema = z.object({ name: z.string().min(1), language: z.string().min(2), body: z.string().min(1) });
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

/** What the local stack offers when no WHATSAPP_TEMPLATES are configured: a re-engagement message in nl and en. */
export const DEFAULT_TEMPLATES: MessageTemplate[] = [
  { name: 'balie_follow_up', language: 'nl', body: 'Hoi {{1}}, we hebben een antwoord op je vraag. Reageer op dit bericht, dan sturen we het je direct.' },
  { name: 'balie_follow_up', language: 'en', body: 'Hi {{1}}, we have an answer to your question. Reply to this message and we will send it right away.' },
];

export interface TemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

/** The template as the customer will read it; every placeholder must be filled. */
export function renderTemplate(templates: MessageTemplate[], choice: TemplateChoice): string {
  const template = templates.find((t) => t.name === choice.name && t.language === choice.language);
  if (!template) throw new ValidationError(`no approved template "${choice.name}" in "${choice.language}"`);
  const text = template.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => choice.parameters[Number(n) - 1] ?? `{{${n}}}`);
  if (/\{\{\d+\}\}/.test(text)) throw new ValidationError(`template "${choice.name}" needs ${template.body.match(/\{\{\d+\}\}/g)!.length} parameters`);
  return text;
}
