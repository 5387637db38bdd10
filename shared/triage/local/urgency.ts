import { cue, matchCues, type Cue } from './text.js';

const URGENCY: Cue[] = [
  cue('lawyer|attorney|legal action|sue|court|advocaat|juridische|rechter|rechtszaak|consumentenbond|anwalt|gericht|avocat|tribunal', 1, 'legal_threat'),
  cue('cancel (?:my )?(?:subscription|account|contract)|opzeggen|zeg .{0,20}op|kundigen|resilier|close my account|switch to|overstappen', 1, 'cancellation'),
  cue('outage|down for|is down|site is down|storing|niemand kan|nobody can|ausfall|panne', 1, 'outage'),
  cue('caught fire|on fire|fire hazard|smoke|burn|electric shock|rook|vlam|in brand|verbrand|schok|feuer|rauch|incendie|fumee', 1, 'safety'),
  cue('urgent|asap|immediately|dringend|spoed|z\\.?s\\.?m|direct|meteen|sofort|immediatement', 1, 'urgent'),
  cue('today|tomorrow|tonight|by friday|deadline|vandaag|morgen|vanavond|heute|morgen|aujourd|demain', 1, 'deadline'),
  cue(
    '\\d+ (?:keer|times|mal|fois)\\b|again|third time|second time|already (?:called|wrote|emailed|contacted)|weer|opnieuw|derde keer|tweede keer|al (?:eerder|gebeld|gemaild)|schon wieder|encore une fois',
    1,
    'repeat_contact',
  ),
];

export function detectUrgency(folded: string): string[] {
  return [...new Set(matchCues(folded, URGENCY).map((c) => c.label))];
}
