import * as z from 'zod';

/**
 * The WhatsApp Cloud API webhook, as Meta posts it. Only what we route on is required;
 * everything else passes through untouched and is kept in `raw`.
 */
/** Unix seconds; 12 digits reach past the year 30000, and anything longer cannot be a date. */
const unixSeconds = z.string().regex(/^\d{1,12}$/, 'timestamp must be unix seconds');
/** The customer's phone number as Meta writes it: digits only (E.164 without "+"). It becomes the thread's contact key and the `to` of our replies. */
const waId = z.string().regex(/^[0-9]{1,20}$/, 'a WhatsApp id must be the phone number in digits');

const waMessage = z.looseObject({
  from: waId,
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string().min(1),
});
export type WaMessage = z.infer<typeof waMessage> & Record<string, unknown>;

const waStatus = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});
export type WaStatus = z.infer<typeof waStatus>;

const waValue = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
  contacts: z.array(z.looseObject({ wa_id: waId, profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
  messages: z.array(waMessage).optional(),
  statuses: z.array(waStatus).optional(),
});
export type WaValue = z.infer<typeof waValue>;

export const whatsappWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account', { error: 'object must be "whatsapp_business_account"' }),
  entry: z
    .array(
      z.looseObject({
        id: z.string(),
        changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
      }),
    )
    .min(1),
});

export const whatsappValueSchema = waValue;
