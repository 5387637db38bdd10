import type { Category } from '../../domain/index.js';
import { cue, matchCues } from './text.js';

const TAG_CUES = [
  cue('refund|terugbetal|geld terug|erstattung|rembours', 1, 'refund'),
  cue('twice|double|dubbel|twee keer|doppelt|deux fois', 1, 'double_charge'),
  cue(
    'late|delay|vertraag|te laat|nog niet (?:ontvangen|bezorgd|binnen)|still not (?:arrived|delivered)|verspat|noch nicht angekommen|retard',
    1,
    'delivery_delay',
  ),
  cue('return|retour|ruckgabe|terugsturen|exchange|ruilen|umtausch', 1, 'return'),
  cue('cancel|annuleer|opzeggen|stornier|annuler|kundigen|resilier', 1, 'cancellation'),
  cue('log ?in|inloggen|password|wachtwoord|passwort|mot de passe|locked|geblokkeerd|gesperrt|2fa|verification code|verificatiecode', 1, 'login'),
  cue('invoice|factuur|rechnung|facture|receipt|bonnetje|btw|vat\\b', 1, 'invoice'),
  cue('damaged|broken|kapot|beschadigd|defect|kaputt|casse|endommage', 1, 'damaged'),
  cue('card|kaart|pas\\b|karte|carte', 1, 'card'),
];

/** Suggested tags from plain cues; the category adds the obvious one when no cue fired. */
export function suggestTags(folded: string, category: Category, urgencyCues: string[]): string[] {
  const tags = new Set(matchCues(folded, TAG_CUES).map((c) => c.label));
  if (urgencyCues.includes('legal_threat')) tags.add('legal_threat');
  if (urgencyCues.includes('cancellation')) tags.add('cancellation');
  if (tags.size === 0 && category === 'technical') tags.add('technical_issue');
  return [...tags];
}
