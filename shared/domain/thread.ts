import { z } from 'zod';
import { channelSchema } from './channel.js';
import { attachmentRefSchema, contactSchema, deliveryStatusSchema, emailMetaSchema, locationSchema, mediaRefSchema, messageKindSchema } from './inbound.js';
import { threadStatusSchema } from './thread-status.js';
import { categorySchema, prioritySchema, sentimentSchema, triageResultSchema } from './triage.js';

export const threadSchema = z.object({
  id: z.string(),
  channel: channelSchema,
  contact: contactSchema,
  businessId: z.string().optional(),
  subject: z.string().optional(),
  status: threadStatusSchema,
  category: categorySchema,
  priority: prioritySchema,
  sentiment: sentimentSchema,
  language: z.string(),
  assignee: z.string().optional(),
  slaDueAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  lastInboundAt: z.iso.datetime(),
  /** Sort key of the newest customer message, so an older message arriving late never moves the thread backwards. */
  lastInboundSk: z.string(),
  lastMessagePreview: z.string(),
  /** Customer messages since our last reply. */
  unanswered: z.number().int().min(0),
  latestDraftId: z.string().optional(),
  /** Marks an agent must see: quarantined, dmarc_fail, automated:<kind>, unparseable. */
  flags: z.array(z.string()).default([]),
  /** Ids of the newest customer messages already counted, so a retried write never counts one twice. */
  appliedInboundIds: z.array(z.string()).default([]),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Thread = z.infer<typeof threadSchema>;

export const messageSchema = z.object({
  threadId: z.string(),
  id: z.string(),
  sk: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  channel: channelSchema,
  externalId: z.string(),
  kind: messageKindSchema,
  text: z.string(),
  subject: z.string().optional(),
  media: mediaRefSchema.optional(),
  location: locationSchema.optional(),
  replyToExternalId: z.string().optional(),
  attachments: z.array(attachmentRefSchema).optional(),
  email: emailMetaSchema.optional(),
  sentAt: z.iso.datetime(),
  ingestedAt: z.iso.datetime(),
  triage: triageResultSchema.optional(),
  /** Delivery receipts by status, each with the first time we saw it. */
  statuses: z.partialRecord(deliveryStatusSchema, z.iso.datetime()).default({}),
  raw: z.unknown(),
});
export type Message = z.infer<typeof messageSchema>;

export const draftStateSchema = z.enum(['proposed', 'approved', 'sending', 'sent', 'rejected', 'failed']);

export const draftSchema = z.object({
  threadId: z.string(),
  id: z.string(),
  /** The customer message this draft answers. */
  inReplyTo: z.string(),
  state: draftStateSchema,
  text: z.string(),
  language: z.string(),
  engine: z.string(),
  reasons: z.array(z.string()),
  kbRefs: z.array(z.string()),
  createdAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Draft = z.infer<typeof draftSchema>;
