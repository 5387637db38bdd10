import { describe, expect, it } from 'vitest';
import { createWebhookApp } from '../../functions/ingest-webhook/app.js';
import { PayloadError } from '../../shared/channels/errors.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { normaliseWhatsappWebhook } from '../../shared/channels/whatsapp/normalise.js';
import { DEFAULT_MAX_WEBHOOK_BYTES } from '../../shared/config/env.js';
import { fixture } from '../helpers/fixtures.js';
import { recordingLogger, recordingPublisher } from '../helpers/fuzz.js';

const SECRET = 'sender-id-secret';
type TextPayload = { entry: Array<{ changes: Array<{ value: { contacts: Array<{ wa_id: string }>; messages: Array<{ from: string }> } }> }> };

/** The text fixture with its sender's ids replaced. */
function textFrom(ids: { wa_id?: string; from?: string }): TextPayload {
  const body = fixture('whatsapp/text.json') as unknown as TextPayload;
  const value = body.entry[0]!.changes[0]!.value;
  if (ids.wa_id !== undefined) value.contacts[0]!.wa_id = ids.wa_id;
  if (ids.from !== undefined) value.messages[0]!.from = ids.from;
  return body;
}

const NOT_DIGITS = ['31 6 12345678', '+31612345678', 'THREAD#x', '3161234567a', '', '١٢٣٤٥'];

describe('a WhatsApp sender id that is not a phone number in digits', () => {
  it.each(NOT_DIGITS)('is a PayloadError as "from" (%j) and as "wa_id"', (id) => {
    expect(() => normaliseWhatsappWebhook(textFrom({ from: id }), new Date())).toThrow(PayloadError);
    expect(() => normaliseWhatsappWebhook(textFrom({ wa_id: id }), new Date())).toThrow(PayloadError);
  });

  it('is a 400 at the webhook, and nothing is queued', async () => {
    const { publisher, bodies } = recordingPublisher();
    const app = createWebhookApp({
      secret: async () => ({ appSecret: SECRET, verifyToken: 'v' }),
      maxBodyBytes: DEFAULT_MAX_WEBHOOK_BYTES,
      publisher,
      logger: recordingLogger().logger,
    });
    for (const ids of [{ from: '31612345678x' }, { wa_id: '+31612345678' }]) {
      const raw = JSON.stringify(textFrom(ids));
      const res = await app.request('/webhooks/whatsapp', {
        method: 'POST',
        body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(raw, SECRET) },
      });
      expect(res.status, JSON.stringify(ids)).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_payload' });
    }
    expect(bodies).toEqual([]);
  });

  it('still accepts the digits Meta sends', () => {
    expect(normaliseWhatsappWebhook(textFrom({ from: '447700900123', wa_id: '447700900123' }), new Date())).toHaveLength(1);
  });
});
