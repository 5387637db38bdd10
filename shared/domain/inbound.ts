import { z } from 'zod';
import { channelSchema } from './channel.js';

/** What a customer sent, whatever the channel: the one shape the triage worker reads from the inbound queue. */
export const messageKindSchema = z.enum([
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive_reply',
  'button_reply',
  'reaction',
  'unsupported',
]);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const mediaRefSchema = z.object({
  id: z.string(),
  mimeType: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
  caption: z.string().optional(),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

export const contactSchema = z.object({
  /** The channel's address for the customer: WhatsApp wa_id, page-scoped id, email address. */
  handle: z.string().min(1),
  name: z.string().optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const inboundMessageSchema = z.object({
  type: z.literal('message'),
  channel: channelSchema,
  /** The channel's own id for this message (wamid, mid, Message-ID); the idempotency key. */
  externalId: z.string().min(1),
  /** The business account the customer wrote to (WhatsApp phone-number id, page id, support address). */
  businessId: z.string().optional(),
  contact: contactSchema,
  kind: messageKindSchema,
  text: z.string().default(''),
  subject: z.string().optional(),
  media: mediaRefSchema.optional(),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() })
    .optional(),
  /** The external id of the message this one answers or reacts to, when the channel says so. */
  replyToExternalId: z.string().optional(),
  /** When the customer sent it, as the channel reports (ISO 8601). */
  sentAt: z.iso.datetime(),
  /** When our webhook acknowledged it (ISO 8601). */
  ingestedAt: z.iso.datetime(),
  /** The channel's payload for this message, kept whole so nothing is lost when we do not understand it. */
  raw: z.unknown(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const deliveryStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed', 'deleted']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** A receipt for a message we sent: recorded on that message, never a thread of its own. */
export const statusUpdateSchema = z.object({
  type: z.literal('status'),
  channel: channelSchema,
  externalId: z.string().min(1),
  status: deliveryStatusSchema,
  recipient: z.string().optional(),
  at: z.iso.datetime(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
  raw: z.unknown(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

export const inboundEventSchema = z.discriminatedUnion('type', [inboundMessageSchema, statusUpdateSchema]);
export type InboundEvent = z.infer<typeof inboundEventSchema>;
