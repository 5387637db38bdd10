import { decidePriority, type Channel, type Classifier, type TriageResult } from '../domain/index.js';

/** Classify, then prioritise with the thread's history; the reasons of both steps are kept. */
export async function triageText(
  classifier: Classifier,
  input: { text: string; subject?: string; channel: Channel; contactName?: string; key?: string },
  history: { unansweredBefore: number } = { unansweredBefore: 0 },
): Promise<TriageResult> {
  const classification = await classifier.classify(input);
  const { priority, reasons } = decidePriority(classification, { channel: input.channel, unansweredBefore: history.unansweredBefore });
  return { ...classification, priority, reasons: [...classification.reasons, ...reasons] };
}
