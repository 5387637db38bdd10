import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError } from './errors.js';

const PREFIX = 'sha256=';

/** Meta's own header: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>`. */
export function signMetaPayload(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/**
 * Checks the signature over the exact bytes received, before anything parses them.
 * Comparison is constant-time; a malformed header fails the same way a wrong one does.
 */
export function verifyMetaSignature(rawBody: Uint8Array, header: string | undefined, appSecret: string): void {
  if (!header) throw new SignatureError('missing X-Hub-Signature-256 header');
  if (!header.startsWith(PREFIX)) throw new SignatureError('X-Hub-Signature-256 must start with "sha256="');
  const given = Buffer.from(header.slice(PREFIX.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SignatureError('X-Hub-Signature-256 does not match the body');
  }
}

/** Meta's subscription handshake: answers the challenge only when the verify token matches. */
export function answerVerification(query: { mode?: string; token?: string; challenge?: string }, verifyToken: string): string {
  if (query.mode !== 'subscribe') throw new SignatureError('hub.mode must be "subscribe"');
  if (!query.token || !safeEqual(query.token, verifyToken)) throw new SignatureError('hub.verify_token does not match');
  if (!query.challenge) throw new SignatureError('hub.challenge is missing');
  return query.challenge;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
