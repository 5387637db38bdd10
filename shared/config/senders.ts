import type { Channel, Sender } from '../domain/index.js';
import type { GraphApiOptions } from '../channels/meta-graph/graph-api.js';
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
  const graph = graphOptionsFor(credentials);
  const senders: Partial<Record<Channel, Sender>> = {
    whatsapp: graph.whatsapp && new WhatsappSender(graph.whatsapp),
    messenger: graph.messenger && new MetaMessagingSender(graph.messenger),
    instagram: graph.instagram && new MetaMessagingSender(graph.instagram),
    email,
  };
  return (channel) => senders[channel] ?? fallback(channel);
}

/** Graph API options per channel that has a token: for senders and for the media archive. */
export function graphOptionsFor(credentials: ChannelCredentials): Partial<Record<Channel, GraphApiOptions>> {
  const baseUrl = credentials.graphApiBaseUrl ?? DEFAULT_GRAPH_API_BASE_URL;
  const token = { whatsapp: credentials.whatsappAccessToken, messenger: credentials.pageAccessToken, instagram: credentials.instagramAccessToken };
  return Object.fromEntries(
    Object.entries(token)
      .filter(([, t]) => t)
      .map(([channel, accessToken]) => [channel, { baseUrl, accessToken: accessToken! }]),
  );
}
