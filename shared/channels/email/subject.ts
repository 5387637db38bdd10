/** Reply and forward prefixes in the languages our customers write: Re, Fwd, AW, WG, Antw, Doorst, TR, SV, VS… */
const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|antw|antwoord|doorst|tr|sv|vs|rif|r|enc|ref)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)/i;

/** The subject without reply/forward prefixes, folded and with spaces collapsed: the key for subject threading. */
export function normaliseSubject(subject: string | undefined): string {
  let s = (subject ?? '').normalize('NFKC');
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** "Re: " once, never "Re: Re: ", for our replies. */
export function replySubject(subject: string | undefined): string {
  const bare = (subject ?? '').trim();
  return /^re\s*:/i.test(bare) ? bare : `Re: ${bare}`.trimEnd();
}
