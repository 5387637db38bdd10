import { describe, expect, it } from 'vitest';
import { SignatureError } from '../../shared/channels/errors.js';
import { answerVerification, signMetaPayload, verifyMetaSignature } from '../../shared/channels/meta-signature.js';

const secret = 'app-secret';
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

describe('X-Hub-Signature-256', () => {
  it('accepts the HMAC-SHA256 of the exact raw bytes', () => {
    expect(() => verifyMetaSignature(body, signMetaPayload(body, secret), secret)).not.toThrow();
  });

  it('matches the value Meta documents for a known body and secret', () => {
    // echo -n 'hello' | openssl dgst -sha256 -hmac 'secret'
    expect(signMetaPayload('hello', 'secret')).toBe('sha256=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b');
  });

  it.each([
    ['missing', undefined],
    ['without the sha256= prefix', signMetaPayload(body, secret).slice(7)],
    ['signed with another secret', signMetaPayload(body, 'other')],
    ['of different length', 'sha256=abcd'],
    ['not hex', 'sha256=' + 'z'.repeat(64)],
  ])('refuses a signature that is %s', (_name, header) => {
    expect(() => verifyMetaSignature(body, header, secret)).toThrow(SignatureError);
  });

  it('refuses a body changed by one byte after signing, even if it parses the same', () => {
    const header = signMetaPayload(body, secret);
    const reformatted = Buffer.from('{"object": "whatsapp_business_account","entry":[]}');
    expect(() => verifyMetaSignature(reformatted, header, secret)).toThrow(SignatureError);
  });
});

describe('hub.challenge handshake', () => {
  it('answers the challenge when the verify token matches', () => {
    expect(answerVerification({ mode: 'subscribe', token: 'tok', challenge: '1158201444' }, 'tok')).toBe('1158201444');
  });

  it.each([
    [{ mode: 'subscribe', token: 'nope', challenge: '1' }],
    [{ mode: 'unsubscribe', token: 'tok', challenge: '1' }],
    [{ mode: 'subscribe', challenge: '1' }],
    [{ mode: 'subscribe', token: 'tok' }],
  ])('refuses %o', (query) => {
    expect(() => answerVerification(query, 'tok')).toThrow(SignatureError);
  });
});
