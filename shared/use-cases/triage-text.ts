import {
  decidePriority,
  type AssessRequest,
  type Channel,
  type Classification,
  type Classifier,
  type DraftProposal,
  type TriageEngine,
  type TriageResult,
} from '../domain/index.js';

/** Classify, then prioritise with the thread's history; the reasons of both steps are kept. */
export async function triageText(
  classifier: Classifier,
  input: { text: string; subject?: string; channel: Channel; contactName?: string },
  history: { unansweredBefore: number } = { unansweredBefore: 0 },
): Promise<TriageResult> {
  return prioritised(await classifier.classify(input), input.channel, history.unansweredBefore);
}

/** One engine call for the triage (prioritised with the thread's history) and the draft of a message. */
export async function assessMessage(
  engine: TriageEngine,
  request: AssessRequest,
  history: { unansweredBefore: number } = { unansweredBefore: 0 },
): Promise<{ triage: TriageResult; draft: DraftProposal }> {
  const { classification, draft } = await engine.assess(request);
  return { triage: prioritised(classification, request.channel, history.unansweredBefore), draft };
}

function prioritised(classification: Classification, channel: Channel, unansweredBefore: number): TriageResult {
  const { priority, reasons } = decidePriority(classification, { channel, unansweredBefore });
  return { ...classification, priority, reasons: [...classification.reasons, ...reasons] };
}
