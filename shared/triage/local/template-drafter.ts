import type { DraftProposal, DraftRequest, Drafter } from '../../domain/index.js';
import { TEMPLATES, templateLanguage } from './reply-templates.js';

export const TEMPLATE_ENGINE = 'local-template-v1';

/**
 * Drafts from per-intent templates in the customer's language, shaped for the channel:
 * chat channels get one short message, email gets a greeting and a sign-off.
 */
export class TemplateDrafter implements Drafter {
  async draft(request: DraftRequest): Promise<DraftProposal> {
    const language = templateLanguage(request.language);
    const pack = TEMPLATES[language];
    const firstName = request.contact.name?.trim().split(/\s+/)[0];
    const body = pack.bodies[request.category];
    const text = request.channel === 'email' ? `${pack.greeting(firstName)}\n\n${body}\n\n${pack.signOff}` : `${pack.greeting(firstName)} ${body}`;
    const reasons = [`template ${request.category}/${language}`];
    if (language !== request.language) reasons.push(`no template in "${request.language}", drafted in English`);
    return { text, engine: TEMPLATE_ENGINE, reasons, kbRefs: [] };
  }
}
