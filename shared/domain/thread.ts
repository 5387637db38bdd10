import * as z from 'zod';
import { channelSchema } from './channel.js';
import { contactSchema, deliveryStatusSchema, inboundMessageSchema } from './inbound.js';
import { threadStatusSchema } from './thread-status.js';
import { categorySchema, prioritySchema, sentimentLabelSchema, sentimentSchema, triageResultSchema } from './triage.js';

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
  /** Channel id of the newest customer message (sent at lastInboundAt), so an older message arriving late never moves the thread backwards. */
  lastInboundId: z.string(),
  lastMessagePreview: z.string(),
  /**
   * The customer message whose triage (category, sentiment, language) and draft the thread shows: the newest one that
   * was triaged, which is not the newest message when that is a reaction or a machine's mail. Absent until one was.
   */
  triagedFrom: z.object({ sentAt: z.iso.datetime(), externalId: z.string() }).optional(),
  /** Customer messages since our last reply. */
  unanswered: z.number().int().min(0),
  latestDraftId: z.string().optional(),
  /** Marks an agent must see: quarantined, dmarc_fail, automated:<kind>, unparseable. */
  flags: z.array(z.string()).default([]),
  /** Up to when the customer has read what we sent (read receipts without a message id). */
  customerReadAt: z.iso.datetime().optional(),
  /** Ids of the newest customer messages already counted, so a retried write never counts one twice. */
  appliedInboundIds: z.array(z.string()).default([]),
  updatedAt: z.iso.datetime(),
  version: z.number().int().min(1),
});
export type Thread = z.infer<typeof threadSchema>;

/** A stored message: what the channel gave us (inbound) or what we sent (outbound), in its thread. */
export const messageSchema = inboundMessageSchema.omit({ type: true, contact: true, businessId: true }).extend({
  threadId: z.string(),
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  triage: triageResultSchema.optional(),
  /** Delivery receipts by status, each with the first time we saw it. */
  statuses: z.partialRecord(deliveryStatusSchema, z.iso.datetime()).default({}),
});
export type Message = z.infer<typeof messageSchema>;

/**
 * The order of messages in a thread: the channel's time, then the channel's id (two messages in one second keep one
 * order everywhere). Negative when `a` came first.
 */
export function compareMessages(a: Pick<Message, 'sentAt' | 'externalId'>, b: Pick<Message, 'sentAt' | 'externalId'>): number {
  if (a.sentAt !== b.sentAt) return a.sentAt < b.sentAt ? -1 : 1;
  return a.externalId === b.externalId ? 0 : a.externalId < b.externalId ? -1 : 1;
}

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
  /** Set on approval: who, when, the text that goes out, and whether the agent changed it. */
  approvedBy: z.string().optional(),
  approvedByName: z.string().optional(),
  approvedAt: z.iso.datetime().optional(),
  finalText: z.string().optional(),
  edited: z.boolean().optional(),
  /** Outside WhatsApp's 24-hour window a reply can only be an approved template. */
  template: z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) }).optional(),
  rejectedBy: z.string().optional(),
  rejectReason: z.string().optional(),
  /** When a sender claimed it (approved → sending), and which attempt did. */
  sendingAt: z.iso.datetime().optional(),
  claimId: z.string().optional(),
  sentAt: z.iso.datetime().optional(),
  /** The channel's id of what we sent (wamid, mid, our email Message-ID). */
  providerMessageId: z.string().optional(),
  failure: z.object({ code: z.string(), message: z.string() }).optional(),
  version: z.number().int().min(1),
});
export type Draft = z.infer<typeof draftSchema>;

/** One approved draft to deliver; the outbound queue carries these. */
export const sendJobSchema = z.object({ threadId: z.string(), draftId: z.string() });
export type SendJob = z.infer<typeof sendJobSchema>;

export const auditEntrySchema = z.object({
  threadId: z.string(),
  at: z.iso.datetime(),
  actor: z.string(),
  action: z.enum(['approve', 'reject', 'send', 'send_failed', 'retriage', 'assign', 'resolve', 'reopen', 'note', 'redraft']),
  draftId: z.string().optional(),
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * A labelled example from an agent: a corrected category or priority, or the text an agent approved.
 * `npm run train` can learn from these (exported as JSON lines).
 */
export const feedbackSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['correction', 'approved_reply']),
  threadId: z.string(),
  agent: z.string(),
  channel: channelSchema,
  language: z.string(),
  text: z.string(),
  subject: z.string().optional(),
  category: categorySchema,
  sentiment: sentimentLabelSchema,
  priority: prioritySchema.optional(),
  /** What the engine had said, for corrections. */
  previous: z.object({ category: categorySchema, priority: prioritySchema }).optional(),
  reply: z.string().optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

/** A private note on a thread: agents only, never sent. */
export const noteSchema = z.object({
  threadId: z.string(),
  at: z.iso.datetime(),
  author: z.string(),
  authorName: z.string(),
  text: z.string().min(1).max(5000),
});
export type Note = z.infer<typeof noteSchema>;
