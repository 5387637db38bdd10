import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { inboundEventSchema, type InboundEvent } from '../../shared/domain/index.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { keys } from '../../shared/store/keys.js';
import { routeHandle } from '../../shared/use-cases/resolve-thread.js';

/** mulberry32: a tiny deterministic PRNG, so a failing fuzz case can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface Rng {
  next: () => number;
  int: (maxExclusive: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

export function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** The seed of a fuzz run: FUZZ_SEED from the environment to replay, else the fixed one. */
export function fuzzSeed(fallback: number): number {
  const given = process.env.FUZZ_SEED;
  return given ? Number(given) >>> 0 : fallback;
}

/**
 * The real SqsEventPublisher (its JSON encoding and 256 KB check) on a fake SQS client that keeps what it was sent:
 * exactly what the triage worker would read from the queue.
 */
export function recordingPublisher() {
  const bodies: string[] = [];
  const sqs = {
    send: async (command: { input: { Entries?: Array<{ MessageBody?: string }> } }) => {
      for (const entry of command.input.Entries ?? []) bodies.push(entry.MessageBody ?? '');
      return { Successful: [], Failed: [] };
    },
  };
  return { publisher: new SqsEventPublisher(sqs as unknown as SQSClient, 'https://sqs.local/fuzz-inbound'), bodies };
}

/** A Powertools-shaped logger that keeps errors, so an "unhandled error" cannot hide behind a 4xx. */
export function recordingLogger() {
  const errors: string[] = [];
  const logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (message: string, extra?: { error?: unknown }) => errors.push(`${message}: ${String(extra?.error ?? '')}`),
  } as unknown as Logger;
  return { logger, errors };
}

/** Depth of nested arrays and objects, without recursion (a hostile value may be nested 10,000 levels). */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d + 1);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

const bytes = (s: string) => Buffer.byteLength(s);

/**
 * Why a queued event could not be stored by the triage worker, or [] when it can: the queue's own schema, and the
 * DynamoDB limits its keys and items meet (partition key ≤ 2,048 bytes, sort key ≤ 1,024, nesting ≤ 32 levels).
 */
export function unstorable(body: string): string[] {
  const problems: string[] = [];
  const parsed = inboundEventSchema.safeParse(JSON.parse(body));
  if (!parsed.success)
    return [
      `the triage worker refuses it: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')
        .slice(0, 300)}`,
    ];
  const event: InboundEvent = parsed.data;
  if (event.type !== 'message' && event.type !== 'status') return [`a ${event.type} event from a channel`];
  const pk = (k: { pk: string }, what: string) => bytes(k.pk) > 2048 && problems.push(`${what} partition key is ${bytes(k.pk)} bytes`);
  const sk = (k: { sk: string }, what: string) => bytes(k.sk) > 1024 && problems.push(`${what} sort key is ${bytes(k.sk)} bytes`);
  pk(keys.messageRef(event.channel, event.externalId), 'message ref');
  if (depthOf(event.raw) > 30) problems.push(`raw is nested ${depthOf(event.raw)} levels (DynamoDB allows 32 in an item)`);
  if (event.type === 'status') {
    pk(keys.orphanStatus(event.channel, event.externalId, event.at, event.status), 'orphan status');
    if (event.recipient) pk(keys.contactRoute(event.channel, event.recipient), 'watermark contact route');
    return problems;
  }
  sk(keys.message('t', event.sentAt, event.externalId), 'message');
  pk(keys.contactRoute(event.channel, routeHandle(event)), 'contact route');
  for (const id of [event.email?.messageId, event.email?.inReplyTo, ...(event.email?.references ?? [])]) {
    if (id) pk(keys.emailRoute(id), 'email route');
  }
  return problems;
}
