// npm run triage [-- --model DIR]: JSON lines {"id","text","subject"?,"channel"?} on stdin → one JSON line of triage
// per input. --model: a folder `npm run train -- --out DIR` wrote (category.json, sentiment.json); the shipped model
// by default.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { channelSchema } from '../shared/domain/index.js';
import { ModelClassifier } from '../shared/triage/local/model-classifier.js';
import { triageText } from '../shared/use-cases/triage-text.js';

const inputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  subject: z.string().optional(),
  channel: channelSchema.default('email'),
});

const { values } = parseArgs({ options: { model: { type: 'string' } } });
let classifier: ModelClassifier;
try {
  classifier = new ModelClassifier(values.model ? pathToFileURL(`${values.model.replace(/\/$/, '')}/`) : undefined);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
let failed = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    failed += 1;
    console.log(JSON.stringify({ id: null, error: 'line is not JSON' }));
    continue;
  }
  const input = inputSchema.safeParse(json);
  if (!input.success) {
    failed += 1;
    const id = (json as { id?: unknown })?.id ?? null;
    console.log(JSON.stringify({ id, error: input.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') }));
    continue;
  }
  const { id, ...message } = input.data;
  const r = await triageText(classifier, message);
  console.log(
    JSON.stringify({
      id,
      category: r.category,
      priority: r.priority,
      sentiment: r.sentiment.label,
      sentimentScore: r.sentiment.score,
      language: r.language,
      confidence: r.confidence,
      engine: r.engine,
      urgencyCues: r.urgencyCues,
      tags: r.tags,
      reasons: r.reasons,
    }),
  );
}
if (failed > 0) process.exitCode = 1;
