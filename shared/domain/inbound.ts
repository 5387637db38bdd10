import * as z from 'zod';
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
  'postback',
  'story_reply',
  'story_mention',
  'email',
  'unsupported',
  /** A mail the parser could not read at all: kept raw in the object store, shown as such, never drafted. */
  'unparseable',
]);
export type MessageKind = z.infer<typeof messageKindSchema>;

export const mediaRefSchema = z.object({
  id: z.string(),
  /** Where the channel serves it (Messenger/Instagram CDN URLs); WhatsApp media is fetched by id. */
  url: z.string().optional(),
  /** Our copy in the object store, once downloaded. */
  key: z.string().optional(),
  size: z.number().int().min(0).optional(),
  /** Why the download failed; the reference stays, so an agent can still see what was sent. */
  fetchError: z.string().optional(),
  mimeType: z.string().optional(),
  sha256: z.string().optional(),
  filename: z.string().optional(),
  caption: z.string().optional(),
});
export type MediaRef = z.infer<typeof mediaRefSchema>;

/** A file kept in the object store (S3), referenced from the message. */
export const attachmentRefSchema = z.object({
  key: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
  contentId: z.string().optional(),
  inline: z.boolean(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const automatedKindSchema = z.enum(['bounce', 'auto_reply', 'bulk', 'list']);
export type AutomatedKind = z.infer<typeof automatedKindSchema>;

const verdict = z.enum(['PASS', 'FAIL', 'GRAY', 'PROCESSING_FAILED', 'DISABLED']);

/** What only email has. Bodies too big to travel in SQS or sit in DynamoDB are in the object store. */
export const emailMetaSchema = z.object({
  messageId: z.string(),
  /** Who wrote this mail (in a thread, not always the thread's first contact: Cc'd people reply too). */
  from: z.object({ address: z.string(), name: z.string().optional() }).optional(),
  /** Where the sender wants replies (contact forms: From noreply@, Reply-To the customer). */
  replyTo: z.string().optional(),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  /** The raw MIME as received, for agents and for a re-parse. */
  rawKey: z.string(),
  /** Sanitized HTML, inline when small, else `htmlKey`. */
  html: z.string().optional(),
  htmlKey: z.string().optional(),
  /** The full text with quoted history, inline when small, else `fullTextKey`. */
  fullText: z.string().optional(),
  fullTextKey: z.string().optional(),
  remoteImagesBlocked: z.number().int().min(0),
  automated: automatedKindSchema.optional(),
  verdicts: z.object({ spam: verdict, virus: verdict, dmarc: verdict, spf: verdict, dkim: verdict }).partial().optional(),
  /** Why the mail is held: a spam or virus FAIL from SES. No draft is made for it. */
  quarantined: z.string().optional(),
  dmarcFail: z.boolean().optional(),
  /** The text given to triage was cut at the limit. */
  truncated: z.boolean(),
  /** Why the parser could not read the mail. */
  unparseable: z.string().optional(),
});
export type EmailMeta = z.infer<typeof emailMetaSchema>;

export const locationSchema = z.object({ latitude: z.number(), longitude: z.number(), name: z.string().optional(), address: z.string().optional() });

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
  location: locationSchema.optional(),
  /** The external id of the message this one answers or reacts to, when the channel says so. */
  replyToExternalId: z.string().optional(),
  attachments: z.array(attachmentRefSchema).optional(),
  email: emailMetaSchema.optional(),
  /** Sent by the business, not the customer (Messenger/Instagram echoes): recorded, never triaged. */
  echo: z.boolean().optional(),
  /** When the customer sent it, as the channel reports (ISO 8601). */
  sentAt: z.iso.datetime(),
  /** When our webhook acknowledged it (ISO 8601). */
  ingestedAt: z.iso.datetime(),
  /** The channel's payload for this message, kept whole so nothing is lost when we do not understand it. */
  raw: z.unknown(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/** `unknown`: a status the channel added that we do not know yet; kept with `providerStatus`, never dropped. */
export const deliveryStatusSchema = z.enum(['sent', 'delivered', 'read', 'failed', 'deleted', 'unknown']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** A receipt for a message we sent: recorded on that message, never a thread of its own. */
export const statusUpdateSchema = z.object({
  type: z.literal('status'),
  channel: channelSchema,
  externalId: z.string().min(1),
  status: deliveryStatusSchema,
  /** Messenger's read receipts name no message: everything we sent up to this time was read. */
  watermark: z.iso.datetime().optional(),
  /** The channel's own word for the status, as sent. */
  providerStatus: z.string().optional(),
  recipient: z.string().optional(),
  at: z.iso.datetime(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
  raw: z.unknown(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

/** An agent asked for a new draft of the thread's reply; the triage worker writes it, as it writes every draft. */
export const redraftRequestSchema = z.object({
  type: z.literal('redraft'),
  threadId: z.string().min(1),
  /** The draft it replaces; when the thread has moved on to another draft, the request is dropped. */
  draftId: z.string().min(1),
  requestedBy: z.string().min(1),
  requestedAt: z.iso.datetime(),
});
export type RedraftRequest = z.infer<typeof redraftRequestSchema>;

export const inboundEventSchema = z.discriminatedUnion('type', [inboundMessageSchema, statusUpdateSchema, redraftRequestSchema]);
export type InboundEvent = z.infer<typeof inboundEventSchema>;
