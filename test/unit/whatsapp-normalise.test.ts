import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../shared/channels/errors.js';
import { normaliseWhatsappWebhook } from '../../shared/channels/whatsapp/normalise.js';
import { inboundEventSchema, type InboundMessage, type StatusUpdate } from '../../shared/domain/index.js';
import { fixture } from '../helpers/fixtures.js';

const at = new Date('2026-11-25T10:00:00Z');
const one = (name: string) => {
  const events = normaliseWhatsappWebhook(fixture(`whatsapp/${name}.json`), at);
  expect(events).toHaveLength(1);
  for (const e of events) expect(inboundEventSchema.safeParse(e).success).toBe(true);
  return events[0] as InboundMessage;
};

describe('WhatsApp webhook normalisation', () => {
  it('turns a text message into an inbound message with the contact name and wamid', () => {
    const m = one('text');
    expect(m).toMatchObject({
      type: 'message',
      channel: 'whatsapp',
      kind: 'text',
      externalId: 'wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQUY1QTk0RjM0RjU1RTkzQjAwQQA=',
      businessId: '106540352242922',
      contact: { handle: '31612345678', name: 'Sanne de Vries' },
      sentAt: '2025-11-25T08:00:00.000Z',
      ingestedAt: at.toISOString(),
    });
    expect(m.text).toContain('bestelling 10482');
  });

  it.each([
    ['image', '1204538037498131', 'image/jpeg', 'Zo kwam de lamp binnen, glas gebroken'],
    ['audio', '1032843271782339', 'audio/ogg; codecs=opus', ''],
    ['video', '901284733827314', 'video/mp4', ''],
    ['document', '1456298321987345', 'application/pdf', 'My invoice'],
    ['sticker', '823192374712392', 'image/webp', ''],
  ])('keeps the media id of a %s message, with its caption as text', (kind, id, mimeType, caption) => {
    const m = one(kind);
    expect(m.kind).toBe(kind);
    expect(m.media).toMatchObject({ id, mimeType });
    expect(m.text).toBe(caption);
  });

  it('keeps the filename of a document', () => {
    expect(one('document').media?.filename).toBe('factuur-2025-1183.pdf');
  });

  it('normalises a location with coordinates, name and address', () => {
    const m = one('location');
    expect(m.kind).toBe('location');
    expect(m.location).toEqual({ latitude: 52.3766, longitude: 4.8983, name: 'Afhaalpunt Damrak', address: 'Damrak 1, 1012 LG Amsterdam' });
    expect(m.text).toBe('Afhaalpunt Damrak, Damrak 1, 1012 LG Amsterdam');
  });

  it('writes shared contact cards as text', () => {
    expect(one('contacts')).toMatchObject({ kind: 'contacts', text: 'Jan Bakker +31 6 11122233' });
  });

  it('reads interactive button and list replies with the message they answer', () => {
    expect(one('interactive-button-reply')).toMatchObject({
      kind: 'interactive_reply',
      text: 'Volg mijn pakket',
      replyToExternalId: 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI4RjFDMDBFRjQ3QzJGNEM1OTIA',
    });
    expect(one('interactive-list-reply')).toMatchObject({ kind: 'interactive_reply', text: 'Retour aanmelden — Binnen 30 dagen gratis' });
  });

  it('reads a template quick-reply button', () => {
    expect(one('button')).toMatchObject({ kind: 'button_reply', text: 'Ja, bezorg morgen' });
  });

  it('keeps a reaction with the emoji and the message it reacts to', () => {
    expect(one('reaction')).toMatchObject({ kind: 'reaction', text: '👍', replyToExternalId: 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI4RjFDMDBFRjQ3QzJGNEM1OTIA' });
  });

  it.each(['unsupported', 'order'])('keeps a "%s" message as unsupported with its whole raw payload', (name) => {
    const payload = fixture(`whatsapp/${name}.json`) as { entry: Array<{ changes: Array<{ value: { messages: unknown[] } }> }> };
    const m = one(name);
    expect(m.kind).toBe('unsupported');
    expect(m.raw).toEqual(payload.entry[0]!.changes[0]!.value.messages[0]);
  });

  it('turns statuses into receipts for the message they refer to, never into messages', () => {
    const events = normaliseWhatsappWebhook(fixture('whatsapp/statuses.json'), at) as StatusUpdate[];
    expect(events.map((e) => [e.type, e.status, e.externalId])).toEqual([
      ['status', 'delivered', 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI4RjFDMDBFRjQ3QzJGNEM1OTIA'],
      ['status', 'read', 'wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI4RjFDMDBFRjQ3QzJGNEM1OTIA'],
    ]);
  });

  it('keeps the provider error code of a failed delivery', () => {
    const [status] = normaliseWhatsappWebhook(fixture('whatsapp/status-failed.json'), at) as StatusUpdate[];
    expect(status?.errors).toEqual([{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message' }]);
  });

  it('gives each message in a batch the name of its own sender', () => {
    const events = normaliseWhatsappWebhook(fixture('whatsapp/batch-two-contacts.json'), at) as InboundMessage[];
    expect(events.map((e) => e.contact.name)).toEqual(['James Carter', 'Pieter Jansen']);
  });

  it('ignores changes that are not messages (account updates, template reviews)', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }] };
    expect(normaliseWhatsappWebhook(body, at)).toEqual([]);
  });

  it.each([
    ['the wrong object', { object: 'page', entry: [{ id: '1', changes: [] }] }],
    ['no entries', { object: 'whatsapp_business_account', entry: [] }],
    [
      'a message without an id',
      {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '1' }, messages: [{ from: '1', timestamp: '1', type: 'text' }] },
              },
            ],
          },
        ],
      },
    ],
    ['an array body', []],
  ])('refuses %s with a PayloadError that lists the problems', (_name, body) => {
    expect(() => normaliseWhatsappWebhook(body, at)).toThrow(PayloadError);
  });
});

describe('WhatsApp receipts and timestamps the code does not expect', () => {
  it('keeps a status value it does not know as "unknown" with the provider word, and the messages beside it', () => {
    const body = fixture('whatsapp/text.json') as { entry: Array<{ changes: Array<{ value: Record<string, unknown> }> }> };
    body.entry[0]!.changes[0]!.value.statuses = [{ id: 'wamid.out-1', status: 'warning', timestamp: '1764057600', recipient_id: '31612345678' }];
    const events = normaliseWhatsappWebhook(body, at);
    expect(events.map((e) => e.type)).toEqual(['message', 'status']);
    expect(events[1]).toMatchObject({ status: 'unknown', providerStatus: 'warning', externalId: 'wamid.out-1' });
  });

  it('refuses a timestamp no date can hold with a PayloadError, not a crash', () => {
    const body = fixture('whatsapp/text.json') as { entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }> };
    body.entry[0]!.changes[0]!.value.messages[0]!.timestamp = '99999999999999';
    expect(() => normaliseWhatsappWebhook(body, at)).toThrow(PayloadError);
  });
});
