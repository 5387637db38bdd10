const HEADER_NAMES = /^(?:from|to|cc|subject|date|message-id|received|mime-version|return-path|content-type|reply-to|sender|delivered-to):/i;

/**
 * Whether a body could be an RFC 5322 message at all: a header section (before the first empty line) with at least
 * one well-known header, and no NUL bytes in it. Only the local /local/email door needs this; SES accepts only mail.
 */
export function looksLikeMail(raw: Uint8Array): boolean {
  const head = Buffer.from(raw.subarray(0, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const headers = end === -1 ? head : head.slice(0, end);
  if (headers.includes('\u0000')) return false;
  return headers.split(/\r?\n/).some((line) => HEADER_NAMES.test(line));
}
