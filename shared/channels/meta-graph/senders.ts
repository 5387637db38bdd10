import { ProviderError, type OutboundMessage, type Sender } from '../../domain/index.js';
import { obj, str } from '../json.js';
import { graphPost, type GraphApiOptions } from './graph-api.js';

/** WhatsApp Cloud API: POST /{phone-number-id}/messages, a text message to the customer's wa_id. */
export class WhatsappSender implements Sender {
  constructor(private readonly graph: GraphApiOptions) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const phoneNumberId = requireBusiness(message);
    const content = message.template
      ? {
          type: 'template',
          template: {
            name: message.template.name,
            language: { code: message.template.language },
            components: message.template.parameters.length
              ? [{ type: 'body', parameters: message.template.parameters.map((text) => ({ type: 'text', text })) }]
              : [],
          },
        }
      : { type: 'text', text: { body: message.text, preview_url: false } };
    const out = await graphPost(this.graph, `${phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: message.to.handle,
      ...content,
    });
    const id = str(obj((out.messages as unknown[] | undefined)?.[0])?.id);
    if (!id) throw new ProviderError('WhatsApp answered without a message id', 'no_message_id', false);
    return { providerMessageId: id };
  }
}

/**
 * Messenger Send API and Instagram messaging share one shape: POST /{page-or-ig-id}/messages. Within 24 hours a
 * RESPONSE; after that (up to 7 days) only with the HUMAN_AGENT tag, which the window rules set.
 */
export class MetaMessagingSender implements Sender {
  constructor(private readonly graph: GraphApiOptions) {}

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const businessId = requireBusiness(message);
    const out = await graphPost(this.graph, `${businessId}/messages`, {
      recipient: { id: message.to.handle },
      ...(message.tag ? { messaging_type: 'MESSAGE_TAG', tag: message.tag } : { messaging_type: 'RESPONSE' }),
      message: { text: message.text },
    });
    const id = str(out.message_id);
    if (!id) throw new ProviderError(`${message.channel} answered without a message id`, 'no_message_id', false);
    return { providerMessageId: id };
  }
}

function requireBusiness(message: OutboundMessage): string {
  if (!message.businessId) throw new ProviderError(`no business account id on this ${message.channel} thread`, 'no_business_id', false);
  return message.businessId;
}
