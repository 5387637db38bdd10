import type { AssessRequest, Assessment, Classification, Classifier, DraftProposal, Drafter, TriageEngine } from '../../domain/index.js';

/** The local engine: a classifier (the trained model) and a drafter (templates and knowledge passages), in-process. */
export class LocalEngine implements TriageEngine {
  constructor(
    readonly classifier: Classifier,
    readonly drafter: Drafter,
  ) {}

  async assess(request: AssessRequest): Promise<Assessment> {
    const classification = await this.classify(request);
    return { classification, draft: await this.draftFor(request, classification) };
  }

  classify(request: AssessRequest): Promise<Classification> {
    return this.classifier.classify({ text: request.text, subject: request.subject, channel: request.channel, contactName: request.contact.name });
  }

  /** The draft for a message classified as `classification` (unless the request names its own category and language). */
  draftFor(request: AssessRequest, classification: Classification): Promise<DraftProposal> {
    return this.drafter.draft({
      text: request.text,
      subject: request.subject,
      channel: request.channel,
      contact: request.contact,
      category: request.category ?? classification.category,
      language: request.language ?? classification.language,
    });
  }
}
