import { words } from './text.js';

/**
 * Language by function words: short, frequent words that tell Dutch, English, German and French apart
 * even in a one-line WhatsApp message. Ties and texts without any go to the fallback language.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  nl: ['de', 'het', 'een', 'ik', 'niet', 'is', 'mijn', 'en', 'van', 'dat', 'wat', 'nog', 'maar', 'wij', 'jullie', 'u', 'uw', 'graag', 'bij', 'voor', 'met', 'heb', 'hebben', 'kan', 'kunnen', 'waar', 'wanneer', 'geen', 'al', 'ook', 'zijn', 'naar', 'bestelling', 'hoi', 'hallo', 'dank', 'bedankt', 'alstublieft', 'waarom', 'om', 'te', 'er', 'op', 'moet', 'krijg', 'werkt'],
  en: ['the', 'a', 'an', 'i', 'not', 'is', 'my', 'and', 'of', 'that', 'what', 'still', 'but', 'we', 'you', 'your', 'please', 'at', 'for', 'with', 'have', 'has', 'can', 'could', 'where', 'when', 'no', 'already', 'also', 'are', 'to', 'order', 'hi', 'hello', 'thanks', 'thank', 'why', 'it', 'this', 'was', 'did', 'does', 'get', 'got', 'would', 'been', 'me', 'on', 'in'],
  de: ['der', 'die', 'das', 'ein', 'eine', 'ich', 'nicht', 'ist', 'mein', 'meine', 'und', 'von', 'dass', 'was', 'noch', 'aber', 'wir', 'sie', 'ihr', 'bitte', 'bei', 'fur', 'mit', 'habe', 'haben', 'kann', 'wo', 'wann', 'kein', 'keine', 'schon', 'auch', 'sind', 'zu', 'bestellung', 'hallo', 'danke', 'warum', 'es', 'auf', 'wurde'],
  fr: ['le', 'la', 'les', 'un', 'une', 'je', 'ne', 'pas', 'est', 'mon', 'ma', 'mes', 'et', 'de', 'que', 'quoi', 'encore', 'mais', 'nous', 'vous', 'votre', 'merci', 'pour', 'avec', 'ai', 'avez', 'peux', 'ou', 'quand', 'aucun', 'deja', 'aussi', 'sont', 'commande', 'bonjour', 'pourquoi', 'il', 'ce', 'cette', 'des', 'du', 'au', 'toujours'],
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
  for (const w of list) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

export interface LanguageGuess {
  language: string;
  /** Share of the counted function words that belong to the winner. */
  confidence: number;
}

export function detectLanguage(folded: string, fallback = 'en'): LanguageGuess {
  const scores: Record<string, number> = { nl: 0, en: 0, de: 0, fr: 0 };
  let counted = 0;
  for (const w of words(folded)) {
    const langs = LOOKUP.get(w);
    if (!langs) continue;
    counted += 1;
    for (const l of langs) scores[l]! += 1 / langs.length;
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] === 0 || best[1] === second?.[1]) return { language: fallback, confidence: 0 };
  return { language: best[0], confidence: best[1] / counted };
}
