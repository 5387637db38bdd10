import type { Channel, Sender } from '../domain/index.js';
import { MetaMessagingSender, WhatsappSender } from '../channels/meta-graph/senders.js';

export const DEFAULT_GRAPH_API_BASE_URL = 'https://graph.facebook.com/v21.0';

export interface ChannelCredentials {
  graphApiBaseUrl?: string;
  whatsappAccessToken?: string;
  pageAccessToken?: string;
  instagramAccessToken?: string;
}

/**
 * Which sender delivers each channel: the real API where a credential is configured, otherwise `fallback`
 * (the local outbox on a laptop; a sender that fails visibly in AWS).
 */
export function sendersFor(credentials: ChannelCredentials, email: Sender | undefined, fallback: (channel: Channel) => Sender): (channel: Channel) => Sender {
  const baseUrl = credentials.graphApiBaseUrl ?? DEFAULT_GRAPH_API_BASE_URL;
  const senders: Partial<Record<Channel, Sender>> = {
    whatsapp: credentials.whatsappAccessToken ? new WhatsappSender({ baseUrl, accessToken: credentials.whatsappAccessToken }) : undefined,
    messenger: credentials.pageAccessToken ? new MetaMessagingSender({ baseUrl, accessToken: credentials.pageAccessToken }) : undefined,
    instagram: credentials.instagramAccessToken ? new MetaMessagingSender({ baseUrl, accessToken: credentials.instagramAccessToken }) : undefined,
    email,
  };
  return (channel) => senders[channel] ?? fallback(channel);
}
