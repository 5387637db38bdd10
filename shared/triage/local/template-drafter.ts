import { isDefaultCategory, type DraftProposal, type DraftRequest, type Drafter } from '../../domain/index.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { TEMPLATES, templateLanguage } from './reply-templates.js';

export const TEMPLATE_ENGINE = 'local-template-v1';

/** A passage must match at least this well (BM25) to be quoted; below it the draft promises nothing. */
const MIN_PASSAGE_SCORE = 4;

/**
 * Drafts from per-intent templates in the customer's language, filled with the best-matching knowledge-base
 * passage, shaped for the channel: chat channels get one short message, email a greeting and a sign-off. The
 * draft only states what the knowledge base says, and lists the passages it used.
 */
export class TemplateDrafter implements Drafter {
  constructor(private readonly knowledge?: KnowledgeBase) {}

  async draft(request: DraftRequest): Promise<DraftProposal> {
    const language = templateLanguage(request.language);
    const pack = TEMPLATES[language];
    const firstName = request.contact.name?.trim().split(/\s+/)[0];
    const [hit] =
      this.knowledge?.search(`${request.subject ?? ''} ${request.text}`, { language, category: request.category, k: 1, minScore: MIN_PASSAGE_SCORE }) ?? [];
    const body = withPassage(
      isDefaultCategory(request.category) ? pack.bodies[request.category] : pack.bodies.other,
      hit?.passage.text,
      request.channel === 'email' ? 3 : 1,
    );
    const text = request.channel === 'email' ? `${pack.greeting(firstName)}\n\n${body}\n\n${pack.signOff}` : `${pack.greeting(firstName)} ${body}`;
    const reasons = [`template ${request.category}/${language}`];
    if (hit) reasons.push(`knowledge: ${hit.ref} (score ${hit.score})`);
    if (language !== request.language) reasons.push(`no template in "${request.language}", drafted in English`);
    return { text, engine: TEMPLATE_ENGINE, reasons, kbRefs: hit ? [hit.ref] : [] };
  }
}

/** The template's first sentence, then up to `sentences` of the passage, then the rest of the template. */
function withPassage(body: string, passage: string | undefined, sentences: number): string {
  if (!passage) return body;
  const quoted = (passage.match(/[^.!?]+[.!?]+/g) ?? [passage]).slice(0, sentences).join(' ').trim();
  const split = body.search(/[.!?]\s/);
  if (split === -1) return `${body} ${quoted}`;
  return `${body.slice(0, split + 1)} ${quoted}${body.slice(split + 1)}`;
}
