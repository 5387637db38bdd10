import * as z from 'zod';

/** Messenger (`object: page`) and Instagram (`object: instagram`) webhooks: `entry[].messaging[]` events. */
const messagingEvent = z.looseObject({
  sender: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  timestamp: z.number().int().nonnegative().max(8.64e15),
  message: z.looseObject({ mid: z.string().min(1) }).optional(),
  postback: z.looseObject({ payload: z.string().optional(), title: z.string().optional(), mid: z.string().optional() }).optional(),
  delivery: z.looseObject({ mids: z.array(z.string()).optional(), watermark: z.number().optional() }).optional(),
  read: z.looseObject({ watermark: z.number().optional(), mid: z.string().optional() }).optional(),
  reaction: z.looseObject({ mid: z.string(), action: z.string().optional(), emoji: z.string().optional(), reaction: z.string().optional() }).optional(),
});
export type MessagingEvent = z.infer<typeof messagingEvent> & Record<string, unknown>;

export const metaMessagingWebhookSchema = z.object({
  object: z.enum(['page', 'instagram'], { error: 'object must be "page" (Messenger) or "instagram"' }),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        time: z.number().optional(),
        messaging: z.array(messagingEvent).optional(),
      }),
    )
    .min(1),
});
