import { createHash } from 'node:crypto';
import type { BlobStore, Channel, MediaArchive, MediaRef } from '../../domain/index.js';
import { obj, str } from '../json.js';
import { graphGet, type GraphApiOptions } from './graph-api.js';

/** Media over this size stays a reference only (WhatsApp allows 100 MB documents; Lambda memory is not for that). */
export const MAX_ARCHIVED_MEDIA_BYTES = 64 * 1024 * 1024;

/**
 * Downloads customer media into the object store: WhatsApp by media id (Graph API lookup, then the URL it gives,
 * both with the token), Messenger and Instagram from the signed CDN URL in the webhook.
 */
export class GraphMediaArchive implements MediaArchive {
  constructor(
    private readonly blobs: BlobStore,
    private readonly graph: Partial<Record<Channel, GraphApiOptions>>,
  ) {}

  async archive(channel: Channel, media: MediaRef): Promise<MediaRef> {
    const options = this.graph[channel];
    if (!options) return media;
    const source = channel === 'whatsapp' ? await this.whatsappUrl(options, media) : { url: media.url, mimeType: media.mimeType };
    if (!source.url) return media;
    const res = await fetch(source.url, {
      headers: channel === 'whatsapp' ? { authorization: `Bearer ${options.accessToken}` } : {},
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    if (!res.ok) throw new Error(`media download answered HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > MAX_ARCHIVED_MEDIA_BYTES) return { ...media, fetchError: `larger than ${MAX_ARCHIVED_MEDIA_BYTES} bytes; kept as a reference` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = source.mimeType ?? res.headers.get('content-type') ?? 'application/octet-stream';
    const key = `media/${channel}/${createHash('sha256').update(media.id).digest('hex').slice(0, 32)}`;
    await this.blobs.put(key, bytes, contentType);
    return { ...media, key, size: bytes.length, mimeType: contentType };
  }

  private async whatsappUrl(options: GraphApiOptions, media: MediaRef): Promise<{ url?: string; mimeType?: string }> {
    const info = obj(await graphGet(options, encodeURIComponent(media.id)));
    return { url: str(info?.url), mimeType: str(info?.mime_type) ?? media.mimeType };
  }
}
