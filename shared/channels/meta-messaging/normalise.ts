import type { Channel, InboundEvent, InboundMessage, MediaRef, StatusUpdate } from '../../domain/index.js';
import { PayloadError } from '../errors.js';
import { obj, str, stripUndefined } from '../json.js';
import { metaMessagingWebhookSchema, type MessagingEvent } from './payload.js';

type Content = Pick<InboundMessage, 'kind' | 'text'> & Partial<Pick<InboundMessage, 'media' | 'replyToExternalId'>>;

/**
 * Messenger and Instagram webhooks → inbound events. Customer messages, quick replies, postbacks, story replies and
 * mentions become messages; echoes of what the business sent are messages marked `echo`; deliveries, reads and
 * unsends are receipts. Anything else in `messaging[]` is kept as `unsupported` with its raw payload.
 */
export function normaliseMetaMessagingWebhook(channel: Extract<Channel, 'messenger' | 'instagram'>) {
  const expected = channel === 'messenger' ? 'page' : 'instagram';
  return (body: unknown, ingestedAt: Date): InboundEvent[] => {
    const parsed = metaMessagingWebhookSchema.safeParse(body);
    if (!parsed.success) throw new PayloadError(`not a ${channel} webhook`, parsed.error.issues);
    if (parsed.data.object !== expected) throw new PayloadError(`object must be "${expected}" on the ${channel} webhook, not "${parsed.data.object}"`);
    return parsed.data.entry.flatMap((entry) =>
      (entry.messaging ?? []).flatMap((event) => normaliseEvent(channel, entry.id, event as MessagingEvent, ingestedAt)),
    );
  };
}

function normaliseEvent(channel: 'messenger' | 'instagram', businessId: string, e: MessagingEvent, ingestedAt: Date): InboundEvent[] {
  const at = new Date(e.timestamp).toISOString();
  const receipt = (externalId: string, status: StatusUpdate['status'], extra: Partial<StatusUpdate> = {}): StatusUpdate => ({
    type: 'status',
    channel,
    externalId,
    status,
    recipient: e.sender.id,
    at,
    raw: e,
    ...extra,
  });
  if (e.delivery) return (e.delivery.mids ?? []).map((mid) => receipt(mid, 'delivered'));
  if (e.read) {
    if (e.read.mid) return [receipt(e.read.mid, 'read')];
    // a watermark that is no time (1e300, year 275760) reads as the event's own time, as a missing one does
    const watermark = new Date(validTime(e.read.watermark) ?? e.timestamp).toISOString();
    return [receipt(`read-watermark:${e.sender.id}`, 'read', { watermark })];
  }
  if (e.message?.is_deleted === true) return [receipt(e.message.mid, 'deleted', { providerStatus: 'is_deleted' })];
  const echo = e.message?.is_echo === true;
  const base = {
    type: 'message' as const,
    channel,
    businessId,
    // an echo goes from the business to the customer: the customer is its recipient
    contact: { handle: echo ? e.recipient.id : e.sender.id },
    sentAt: at,
    ingestedAt: ingestedAt.toISOString(),
    raw: e,
    ...(echo ? { echo: true } : {}),
  };
  if (e.message) return [{ ...base, externalId: e.message.mid, ...messageContent(e.message) }];
  if (e.postback) {
    const text = e.postback.title ?? e.postback.payload ?? '';
    return [{ ...base, externalId: e.postback.mid ?? `postback:${e.sender.id}:${e.timestamp}`, kind: 'postback', text }];
  }
  if (e.reaction) {
    return [
      {
        ...base,
        externalId: `reaction:${e.reaction.mid}:${e.sender.id}:${e.reaction.action ?? 'react'}`,
        kind: 'reaction',
        text: e.reaction.emoji ?? e.reaction.reaction ?? '',
        replyToExternalId: e.reaction.mid,
      },
    ];
  }
  return [{ ...base, externalId: `unsupported:${e.sender.id}:${e.timestamp}`, kind: 'unsupported', text: '' }];
}

function messageContent(message: Record<string, unknown>): Content {
  const text = typeof message.text === 'string' ? message.text : '';
  const replyTo = obj(message.reply_to);
  const story = obj(replyTo?.story);
  if (story)
    return { kind: 'story_reply', text, replyToExternalId: str(story.id), media: stripUndefined({ id: str(story.id) ?? 'story', url: str(story.url) }) };
  const quick = obj(message.quick_reply);
  if (quick) return { kind: 'button_reply', text: text || (str(quick.payload) ?? '') };
  const attachments = Array.isArray(message.attachments) ? message.attachments.map(obj).filter((a): a is Record<string, unknown> => !!a) : [];
  const first = attachments[0];
  if (first?.type === 'story_mention') return { kind: 'story_mention', text, media: stripUndefined({ id: 'story', url: str(obj(first.payload)?.url) }) };
  const base = { ...(str(replyTo?.mid) ? { replyToExternalId: str(replyTo?.mid) } : {}) };
  if (first) {
    const kind = MEDIA[String(first.type)] ?? 'document';
    const payload = obj(first.payload);
    const media: MediaRef = stripUndefined({ id: str(payload?.attachment_id) ?? str(payload?.url) ?? 'attachment', url: str(payload?.url) });
    return { ...base, kind, text, media };
  }
  if (text) return { ...base, kind: 'text', text };
  return { ...base, kind: 'unsupported', text: '' };
}

const MEDIA: Record<string, Content['kind']> = {
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'document',
  sticker: 'sticker',
  animated_image_share: 'image',
  ig_reel: 'video',
  reel: 'video',
  share: 'document',
};

/** Milliseconds from 1970 to the end of 9999 (what an ISO date with a four-digit year can say), else undefined. */
function validTime(ms: number | undefined): number | undefined {
  return ms !== undefined && ms >= 0 && ms <= 253_402_300_799_999 ? ms : undefined;
}
