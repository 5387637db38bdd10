import { cue, matchCues, type Cue } from './text.js';

const URGENCY: Cue[] = [
  cue('lawyer|attorney|legal action|sue|court|advocaat|juridische|rechter|rechtszaak|consumentenbond|anwalt|gericht|avocat|tribunal', 1, 'legal_threat'),
  cue('cancel (?:my )?(?:subscription|account|contract)|opzeggen|zeg .{0,20}op|kundigen|resilier|close my account|switch to|overstappen', 1, 'cancellation'),
  cue(
    [
      'outage|down for|is down|site is down|storing|niemand kan|nobody can|ausfall|panne',
      // a service that stopped working for the customer, not a question about how it works
      '(?:site|website|app|server|service|network|internet|portal) (?:is |has been |keeps )?(?:down|offline|not loading|unreachable)',
      'ligt (?:\\p{L}+ ){0,4}(?:plat|eruit|uit)(?!\\p{L})|onbereikbaar|werkt (?:al |helemaal |sinds \\p{L}+ )?niet meer|geen (?:internet|verbinding|bereik) meer',
      'storung|stoerung|nicht (?:mehr )?erreichbar|geht (?:gar )?nicht mehr|funktioniert (?:gar )?nicht mehr',
      'hors service|ne fonctionne plus|ne marche plus|inaccessible|plus de (?:reseau|connexion|internet)',
      // server errors customers quote: 500, 502, 503, 504 with the word error (or on their own after "error")
      '(?:error|fout|fehler|erreur|code) ?50[0234]|50[0234] (?:error|bad gateway|service unavailable|gateway)|(?:krijg|get|getting|bekomme|erhalte) (?:\\p{L}+ ){0,3}50[0234]',
    ].join('|'),
    1,
    'outage',
  ),
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
