/** Reply and forward prefixes in the languages our customers write: Re, Fwd, AW, WG, Antw, Doorst, TR, SV, VS… */
const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|antw|antwoord|doorst|tr|sv|vs|rif|r|enc|ref)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)/i;

/** The key is part of a DynamoDB partition key (≤ 2,048 bytes) with the sender's address; NFKC can grow a subject 18×. */
const MAX_KEY_BYTES = 1_000;

/** The subject without reply/forward prefixes, folded and with spaces collapsed: the key for subject threading. */
export function normaliseSubject(subject: string | undefined): string {
  let s = (subject ?? '').normalize('NFKC');
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, '');
    if (next === s) break;
    s = next;
  }
  const key = s.replace(/\s+/g, ' ').trim().toLowerCase();
  return Buffer.byteLength(key) <= MAX_KEY_BYTES ? key : firstBytes(key, MAX_KEY_BYTES);
}

/** The longest start of `text` (whole code points) that fits in `max` UTF-8 bytes. */
function firstBytes(text: string, max: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    bytes += Buffer.byteLength(ch);
    if (bytes > max) break;
    out += ch;
  }
  return out;
}

/** "Re: " once, never "Re: Re: ", for our replies. */
export function replySubject(subject: string | undefined): string {
  const bare = (subject ?? '').trim();
  return /^re\s*:/i.test(bare) ? bare : `Re: ${bare}`.trimEnd();
}
