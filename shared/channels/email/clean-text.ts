import EmailReplyParser from 'email-reply-parser';

/**
 * Where quoted history starts, in the languages our customers write. Each pattern matches the first line of the
 * quoted part; everything from there on is history. Patterns are tried on the text before email-reply-parser runs,
 * because its built-in list misses Dutch and Outlook's localized header blocks.
 */
// An attribution line names a date or time or an address, and ends with a colon: "Op di 24 nov 2026 om 14:02
// schreef Klantenservice <support@shop.nl>:". A customer's own "Op 3 maart schreef ik jullie al…" does not match.
const ATTRIBUTION = '(?=[^\\n]*(?:\\d|@))[^\\n]{0,200}';
const HISTORY_STARTS: RegExp[] = [
  new RegExp(`^[ \\t]*On\\b${ATTRIBUTION}\\bwrote:[ \\t]*$`, 'im'),
  new RegExp(`^[ \\t]*Op\\b${ATTRIBUTION}\\bschreef\\b[^\\n]{0,200}:[ \\t]*$`, 'im'),
  new RegExp(`^[ \\t]*>?[ \\t]*Am\\b${ATTRIBUTION}\\bschrieb\\b[^\\n]{0,200}:[ \\t]*$`, 'im'),
  new RegExp(`^[ \\t]*Le\\b${ATTRIBUTION}\\ba écrit[ \\t]*:[ \\t]*$`, 'im'),
  /^[ \t]*-{2,}[ \t]*(?:Original Message|Oorspronkelijk bericht|Origineel bericht|Ursprüngliche Nachricht|Message d'origine|Forwarded message|Doorgestuurd bericht|Weitergeleitete Nachricht)[ \t]*-{2,}/im,
  /^[ \t]*_{10,}[ \t]*$/m,
  // Outlook's header block: From/Van/Von/De, then Sent/Verzonden/Gesendet/Envoyé within the next lines
  /^[ \t]*\*?(?:From|Van|Von|De)\*?:[^\n]*\n(?:[^\n]*\n){0,2}[ \t]*\*?(?:Sent|Date|Verzonden|Datum|Gesendet|Envoyé)\*?:/im,
];

const FORWARD_MARKER =
  /^[ \t]*-{2,}[^\n]*(?:forwarded|doorgestuurd|weitergeleitet|original|oorspronkelijk|origineel|ursprüngliche|d'origine)[^\n]*-{2,}[ \t]*$/gim;

const MOBILE_SIGNATURE =
  /^[ \t]*(?:Sent from my|Get Outlook for|Verzonden (?:vanaf|met|via) mijn|Verstuurd (?:vanaf|met|via) mijn|Von meinem|Gesendet von meinem|Envoyé de mon)\b.*$/im;

/**
 * What is cleaned: the start of the mail, where the customer's new text is. Triage reads 8,000 characters, and
 * email-reply-parser and the patterns above take quadratic time on some input (100,000 blank lines: minutes).
 */
export const CLEAN_INPUT_LIMIT = 16_384;

export interface CleanText {
  /** What the customer wrote this time: no quoted history, no signature. */
  text: string;
  /** Whether anything was removed. */
  stripped: boolean;
}

export function cleanReplyText(full: string): CleanText {
  // runs of blank (or whitespace-only) lines become one empty line: email-reply-parser is quadratic in them
  const normalised = full
    .replace(/\r\n?/g, '\n')
    .replace(/\n(?:[^\S\n]*\n){2,}/g, '\n\n')
    .slice(0, CLEAN_INPUT_LIMIT);
  let text = normalised;
  for (const pattern of HISTORY_STARTS) {
    const match = pattern.exec(text);
    if (match && match.index > 0) text = text.slice(0, match.index);
  }
  text = new EmailReplyParser().read(text).getVisibleText();
  const mobile = MOBILE_SIGNATURE.exec(text);
  if (mobile && mobile.index > 0) text = text.slice(0, mobile.index);
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  // A message that is nothing but quotes (a bare forward) keeps its whole text, so triage has something to read.
  if (!/[\p{L}\p{N}]/u.test(text.replace(FORWARD_MARKER, ''))) text = normalised.trim();
  return { text, stripped: text !== normalised.trim() };
}

/** Cuts text for triage at `limit` characters, on a word boundary when one is near, with a visible mark. */
export function cutForTriage(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return { text: `${space > limit * 0.8 ? cut.slice(0, space) : cut} […]`, truncated: true };
}
