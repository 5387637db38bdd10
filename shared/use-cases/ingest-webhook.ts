import { verifyMetaSignature } from '../channels/meta-signature.js';
import { PayloadError, SignatureError } from '../channels/errors.js';
import { inboundEventSchema, type EventPublisher, type InboundEvent } from '../domain/index.js';

export interface IngestWebhookDeps {
  /** The App Secret in hand (cached by the instance). */
  appSecret: string;
  /** The App Secret read again now; it answers the one in hand when it may not read again yet (rate-limited). */
  rereadAppSecret?: () => Promise<string>;
  publisher: EventPublisher;
  normalise: (body: unknown, ingestedAt: Date) => InboundEvent[];
  now?: () => Date;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Meta's bodies are nested about 15 levels. The payload is kept whole in `raw` and stored as a DynamoDB map, which
 * allows 32 levels in an item; and JSON.stringify overflows the stack at a few thousand.
 */
export const MAX_JSON_DEPTH = 32;
/** Ids become DynamoDB keys (a sort key holds 1,024 bytes); Meta's ids are under 100 characters. */
export const MAX_ID_BYTES = 512;

/**
 * Signature over the raw bytes first, then JSON, then the channel's shape, then the queue.
 * Answers only once every event is in SQS, so an acknowledged webhook is never lost; and only events the triage
 * worker can read and store are acknowledged: anything else is a 400 for Meta, not a poison message after a 200.
 */
export async function ingestMetaWebhook(deps: IngestWebhookDeps, rawBody: Uint8Array, signature: string | undefined): Promise<{ accepted: number }> {
  await verifySignature(deps, rawBody, signature);
  let text: string;
  let body: unknown;
  try {
    text = utf8.decode(rawBody);
    body = JSON.parse(text);
  } catch {
    throw new PayloadError('body is not valid UTF-8 JSON');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new PayloadError(`body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  const events = deps.normalise(body, (deps.now ?? (() => new Date()))());
  events.forEach(assertStorable);
  if (events.length > 0) await deps.publisher.publish(events);
  return { accepted: events.length };
}

/**
 * Meta signs with a rotated App Secret from the moment the operator rotates it, while this instance may hold the old
 * one for a few minutes more: a signature that does not verify is checked once more with the secret read again.
 */
async function verifySignature(deps: IngestWebhookDeps, rawBody: Uint8Array, signature: string | undefined): Promise<void> {
  try {
    verifyMetaSignature(rawBody, signature, deps.appSecret);
  } catch (error) {
    if (!(error instanceof SignatureError) || !signature || !deps.rereadAppSecret) throw error;
    const fresh = await deps.rereadAppSecret();
    if (fresh === deps.appSecret) throw error;
    verifyMetaSignature(rawBody, signature, fresh);
  }
}

function assertStorable(event: InboundEvent, index: number): void {
  const checked = inboundEventSchema.safeParse(event);
  if (!checked.success) throw new PayloadError(`event ${index} is not one we can store`, checked.error.issues);
  const ids = event.type === 'message' ? [event.externalId, event.contact.handle] : event.type === 'status' ? [event.externalId, event.recipient ?? ''] : [];
  if (ids.some((id) => Buffer.byteLength(id) > MAX_ID_BYTES)) throw new PayloadError(`event ${index} has an id over ${MAX_ID_BYTES} bytes`);
}

/** Nesting depth of arrays and objects in JSON text, counted without recursion (strings skipped). */
export function jsonDepth(json: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote
      for (i++; i < json.length && json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return max;
}
