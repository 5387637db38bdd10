import type { Sentiment } from '../../domain/index.js';
import { cue, matchCues, type Cue } from './text.js';

const NEGATIVE: Cue[] = [
  cue('angry|furious|boos|woedend|kwaad|wutend|furieux|en colere', 2, 'angry'),
  cue('terrible|awful|horrible|worst|schandalig|belachelijk|waardeloos|schrecklich', 2, 'terrible'),
  cue('unacceptable|onacceptabel|inakzeptabel|inacceptable', 2, 'unacceptable'),
  cue('disappointed|teleurgesteld|enttauscht|decu', 1.5, 'disappointed'),
  cue('annoy|irritant|ergerlijk|nervig|agacant', 1, 'annoyed'),
  cue('bad|poor|slecht|schlecht|mauvais', 1, 'bad'),
  cue('ridiculous|absurd|bizar|lacherlich|ridicule', 1.5, 'ridiculous'),
  cue('scam|fraud|oplichting|oplichters|betrug|arnaque', 2, 'scam'),
  cue('never again|nooit meer|nie wieder|plus jamais', 2, 'never again'),
  cue('fed up|genoeg van|beu|die nase voll|marre', 1.5, 'fed up'),
  cue('problem|probleem|problemen|problem|probleme', 0.5, 'problem'),
  cue('broken|kapot|defect|kaputt|casse', 0.5, 'broken'),
  cue('hate|haat|hasse|deteste', 2, 'hate'),
];

const POSITIVE: Cue[] = [
  cue('thank|thanks|bedankt|dank|danke|merci', 1, 'thanks'),
  cue('great|excellent|fantastic|amazing|love|geweldig|top\\b|super\\b|prima|fijn|toll|genial|parfait|genial', 1.5, 'praise'),
  cue('happy|blij\\b|blije\\b|tevreden|zufrieden|content|satisfied', 1.5, 'happy'),
  cue('perfect|perfect|perfekt|parfait', 1.5, 'perfect'),
  cue('quick|fast|snel|schnell|rapide', 0.5, 'quick'),
  cue('helpful|behulpzaam|hilfreich|serviable', 1.5, 'helpful'),
];

const NEGATORS =
  /(?:^|[^\p{L}])(?:not|niet|nicht|pas|geen|no)\s+(?:\p{L}+\s+)?(?:happy|blij\\b|tevreden|great|geweldig|good|goed|satisfied|zufrieden|content)/u;

/** Lexicon sentiment with a little shouting and negation awareness; returns the cues it counted. */
export function scoreSentiment(folded: string, original: string): { sentiment: Sentiment; cues: string[] } {
  const neg = matchCues(folded, NEGATIVE);
  const pos = matchCues(folded, POSITIVE);
  let negative = neg.reduce((s, c) => s + c.weight, 0);
  let positive = pos.reduce((s, c) => s + c.weight, 0);
  const cues = [...neg.map((c) => c.label), ...pos.map((c) => c.label)];
  if (NEGATORS.test(folded)) {
    negative += 1.5;
    positive = Math.max(0, positive - 1.5);
    cues.push('negated praise');
  }
  const exclamations = (original.match(/!/g) ?? []).length;
  const letters = original.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length >= 12 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  if (shouting) {
    negative += 1;
    cues.push('written in capitals');
  }
  if (exclamations >= 3 && negative > 0) {
    negative += 0.5;
    cues.push('many exclamation marks');
  }
  const raw = positive - negative;
  const score = Math.max(-1, Math.min(1, raw / 4));
  const label = score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral';
  return { sentiment: { label, score: Math.round(score * 100) / 100 }, cues };
}
