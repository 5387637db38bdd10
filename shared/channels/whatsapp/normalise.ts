import type { DeliveryStatus, InboundEvent, InboundMessage, MediaRef, MessageKind, StatusUpdate } from '../../domain/index.js';
import { PayloadError } from '../errors.js';
import { obj, str, stripUndefined } from '../json.js';
import { whatsappValueSchema, whatsappWebhookSchema, type WaMessage, type WaStatus, type WaValue } from './payload.js';

type Normalised = Pick<InboundMessage, 'kind' | 'text'> & Partial<Pick<InboundMessage, 'media' | 'location' | 'replyToExternalId'>>;

/**
 * Turns one parsed webhook body into inbound events: one per customer message and one per receipt.
 * A message type we do not know is kept as `unsupported` with its raw payload, never dropped.
 */
export function normaliseWhatsappWebhook(body: unknown, ingestedAt: Date): InboundEvent[] {
  const parsed = whatsappWebhookSchema.safeParse(body);
  if (!parsed.success) throw new PayloadError('not a WhatsApp Cloud API webhook', parsed.error.issues);
  const events: InboundEvent[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const value = whatsappValueSchema.safeParse(change.value);
      if (!value.success) throw new PayloadError('a "messages" change has an unreadable value', value.error.issues);
      events.push(...normaliseValue(value.data, ingestedAt));
    }
  }
  return events;
}

function normaliseValue(value: WaValue, ingestedAt: Date): InboundEvent[] {
  const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
  const businessId = value.metadata.phone_number_id;
  const messages = (value.messages ?? []).map((m): InboundMessage => ({
    type: 'message',
    channel: 'whatsapp',
    externalId: m.id,
    businessId,
    contact: { handle: m.from, name: names.get(m.from) ?? undefined },
    ...normaliseContent(m as WaMessage),
    sentAt: fromUnix(m.timestamp),
    ingestedAt: ingestedAt.toISOString(),
    raw: m,
  }));
  const statuses = (value.statuses ?? []).map((s): StatusUpdate => normaliseStatus(s));
  return [...messages, ...statuses];
}

const MEDIA_KINDS = new Set(['image', 'audio', 'video', 'document', 'sticker']);

function normaliseContent(m: WaMessage): Normalised {
  const body = (m as Record<string, unknown>)[m.type];
  const replyToExternalId = str(obj(m.context)?.id);
  const base = replyToExternalId ? { replyToExternalId } : {};
  if (m.type === 'text') return { ...base, kind: 'text', text: str(obj(body)?.body) ?? '' };
  if (MEDIA_KINDS.has(m.type) && obj(body)?.id) return { ...base, ...media(m.type as MessageKind, obj(body)!) };
  if (m.type === 'location' && obj(body)) return { ...base, ...location(obj(body)!) };
  if (m.type === 'contacts' && Array.isArray(body)) return { ...base, kind: 'contacts', text: contactsText(body) };
  if (m.type === 'interactive' && obj(body)) return { ...base, ...interactive(obj(body)!) };
  if (m.type === 'button' && obj(body)) {
    return { ...base, kind: 'button_reply', text: str(obj(body)!.text) ?? str(obj(body)!.payload) ?? '' };
  }
  if (m.type === 'reaction' && obj(body)) {
    const r = obj(body)!;
    return { kind: 'reaction', text: str(r.emoji) ?? '', replyToExternalId: str(r.message_id) };
  }
  return { ...base, kind: 'unsupported', text: '' };
}

function media(kind: MessageKind, body: Record<string, unknown>): Normalised {
  const ref: MediaRef = {
    id: String(body.id),
    mimeType: str(body.mime_type),
    sha256: str(body.sha256),
    filename: str(body.filename),
    caption: str(body.caption),
  };
  return { kind, text: ref.caption ?? '', media: stripUndefined(ref) };
}

function location(body: Record<string, unknown>): Normalised {
  const latitude = Number(body.latitude);
  const longitude = Number(body.longitude);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return { kind: 'unsupported', text: '' };
  const name = str(body.name);
  const address = str(body.address);
  return {
    kind: 'location',
    text: [name, address].filter(Boolean).join(', '),
    location: stripUndefined({ latitude, longitude, name, address }),
  };
}

function interactive(body: Record<string, unknown>): Normalised {
  const reply = obj(body.button_reply) ?? obj(body.list_reply) ?? obj(body.nfm_reply);
  if (!reply) return { kind: 'unsupported', text: '' };
  const text = [str(reply.title), str(reply.description)].filter(Boolean).join(' — ');
  return { kind: 'interactive_reply', text: text || (str(reply.id) ?? '') };
}

function contactsText(cards: unknown[]): string {
  return cards
    .map((card) => {
      const c = obj(card);
      const name = str(obj(c?.name)?.formatted_name) ?? '';
      const phones = Array.isArray(c?.phones) ? c.phones.map((p) => str(obj(p)?.phone)).filter(Boolean) : [];
      return [name, ...phones].filter(Boolean).join(' ');
    })
    .join('; ');
}

const STATUSES: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  deleted: 'deleted',
};

function normaliseStatus(s: WaStatus): StatusUpdate {
  return stripUndefined({
    type: 'status' as const,
    channel: 'whatsapp' as const,
    externalId: s.id,
    status: STATUSES[s.status] ?? 'unknown',
    providerStatus: s.status,
    recipient: s.recipient_id,
    at: fromUnix(s.timestamp),
    errors: s.errors?.map((e) => stripUndefined({ code: e.code, title: e.title, message: e.message })),
    raw: s,
  });
}

function fromUnix(seconds: string): string {
  return new Date(Number(seconds) * 1000).toISOString();
}
