import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../shared/channels/errors.js';
import { normaliseMetaMessagingWebhook } from '../../shared/channels/meta-messaging/normalise.js';
import { inboundEventSchema, type InboundMessage, type StatusUpdate } from '../../shared/domain/index.js';
import { fixture } from '../helpers/fixtures.js';

const at = new Date('2026-11-25T10:00:00Z');
const messenger = normaliseMetaMessagingWebhook('messenger');
const instagram = normaliseMetaMessagingWebhook('instagram');
const events = (channel: 'messenger' | 'instagram', name: string) => {
  const out = (channel === 'messenger' ? messenger : instagram)(fixture(`${channel}/${name}.json`), at);
  for (const e of out) expect(inboundEventSchema.safeParse(e).success).toBe(true);
  return out;
};
const one = (channel: 'messenger' | 'instagram', name: string) => events(channel, name)[0] as InboundMessage;

describe('Messenger and Instagram webhooks', () => {
  it('turns a Messenger text into a message from the PSID, to the page', () => {
    expect(one('messenger', 'text')).toMatchObject({
      type: 'message',
      channel: 'messenger',
      kind: 'text',
      contact: { handle: '6523987412365478' },
      businessId: '104836512345678',
      sentAt: '2025-11-25T08:00:00.000Z',
      text: expect.stringContaining('bestelling 10482'),
    });
  });

  it('reads quick replies, postbacks and image attachments', () => {
    expect(one('messenger', 'quick-reply')).toMatchObject({ kind: 'button_reply', text: 'Retour aanmelden' });
    expect(one('messenger', 'postback')).toMatchObject({ kind: 'postback', text: 'Praat met een medewerker', externalId: 'm_pb1' });
    expect(one('messenger', 'image')).toMatchObject({ kind: 'image', media: { url: expect.stringContaining('damaged-box.jpg') } });
  });

  it('marks an echo of what the page sent, with the customer as contact', () => {
    expect(one('messenger', 'echo')).toMatchObject({ echo: true, contact: { handle: '6523987412365478' }, text: 'Hoi! We kijken het direct na.' });
  });

  it('turns deliveries into one receipt per message, and a read watermark into a receipt with the watermark', () => {
    const delivered = events('messenger', 'delivery') as StatusUpdate[];
    expect(delivered.map((d) => [d.externalId, d.status])).toEqual([
      ['m_out_1', 'delivered'],
      ['m_out_2', 'delivered'],
    ]);
    const [read] = events('messenger', 'read') as StatusUpdate[];
    expect(read).toMatchObject({ status: 'read', watermark: '2025-11-25T08:00:02.000Z', recipient: '6523987412365478' });
  });

  it('keeps a reaction as a reaction to the message it names', () => {
    expect(one('messenger', 'reaction')).toMatchObject({ kind: 'reaction', text: '❤️', replyToExternalId: 'm_out_1' });
  });

  it('reads Instagram texts, story replies and story mentions', () => {
    expect(one('instagram', 'text')).toMatchObject({
      channel: 'instagram',
      kind: 'text',
      contact: { handle: '5723456789012345' },
      businessId: '17841401234567890',
    });
    expect(one('instagram', 'story-reply')).toMatchObject({
      kind: 'story_reply',
      text: 'Where can I buy these shoes?',
      replyToExternalId: '17890012345678901',
    });
    expect(one('instagram', 'story-mention')).toMatchObject({ kind: 'story_mention', media: { url: expect.stringContaining('asset_id=1790') } });
  });

  it('turns an Instagram unsend into a "deleted" receipt on that message, and seen into read', () => {
    expect(events('instagram', 'deleted')[0]).toMatchObject({ type: 'status', externalId: 'ig_deleted_1', status: 'deleted' });
    expect(events('instagram', 'seen')[0]).toMatchObject({ type: 'status', externalId: 'ig_out_1', status: 'read' });
  });

  it('refuses an Instagram payload on the Messenger webhook and a payload without entries', () => {
    expect(() => messenger(fixture('instagram/text.json'), at)).toThrow(PayloadError);
    expect(() => instagram({ object: 'instagram', entry: [] }, at)).toThrow(PayloadError);
    expect(() => messenger({ object: 'page', entry: [{ id: '1', messaging: [{ sender: {}, timestamp: 1 }] }] }, at)).toThrow(PayloadError);
  });
});
