import { signMetaPayload } from '../shared/channels/meta-signature.js';

export interface WhatsappTextInput {
  from: string;
  name: string;
  text: string;
  wamid?: string;
  timestamp?: Date;
  phoneNumberId?: string;
}

/** A WhatsApp Cloud API text-message webhook exactly as Meta posts it. */
export function whatsappTextWebhook(input: WhatsappTextInput): Record<string, unknown> {
  const phoneNumberId = input.phoneNumberId ?? '106540352242922';
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              contacts: [{ profile: { name: input.name }, wa_id: input.from }],
              messages: [
                {
                  from: input.from,
                  id: input.wamid ?? `wamid.${Buffer.from(`${input.from}-${Date.now()}-${Math.random()}`).toString('base64')}`,
                  timestamp: String(Math.floor((input.timestamp ?? new Date()).getTime() / 1000)),
                  type: 'text',
                  text: { body: input.text },
                },
              ],
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** POSTs a payload to a webhook the way Meta does: raw JSON body, signed with the app secret. */
export function postSignedWebhook(url: string, payload: unknown, appSecret: string): Promise<Response> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(body, appSecret) },
    body,
  });
}
