import { verifyMetaSignature } from '../channels/meta-signature.js';
import { PayloadError } from '../channels/errors.js';
import type { EventPublisher, InboundEvent } from '../domain/index.js';

export interface IngestWebhookDeps {
  appSecret: string;
  publisher: EventPublisher;
  normalise: (body: unknown, ingestedAt: Date) => InboundEvent[];
  now?: () => Date;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Signature over the raw bytes first, then JSON, then the channel's shape, then the queue.
 * Answers only once every event is in SQS, so an acknowledged webhook is never lost.
 */
export async function ingestMetaWebhook(deps: IngestWebhookDeps, rawBody: Uint8Array, signature: string | undefined): Promise<{ accepted: number }> {
  verifyMetaSignature(rawBody, signature, deps.appSecret);
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(rawBody));
  } catch {
    throw new PayloadError('body is not valid UTF-8 JSON');
  }
  const events = deps.normalise(body, (deps.now ?? (() => new Date()))());
  if (events.length > 0) await deps.publisher.publish(events);
  return { accepted: events.length };
}
