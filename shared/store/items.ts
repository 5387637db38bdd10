import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { threadSchema, type MessageRef, type Thread } from '../domain/index.js';

type Item = Record<string, NativeAttributeValue>;

/**
 * A thread item as the domain sees it. Items written before the store owned message keys carry `lastInboundSk`
 * (`MSG#<sentAt>#<externalId>`) instead of `lastInboundId`; the id is read from it.
 */
export function threadFromItem(item: Item): Thread {
  if (item.lastInboundId === undefined && typeof item.lastInboundSk === 'string') {
    return threadSchema.parse({ ...item, lastInboundId: idFromMessageSk(item.lastInboundSk) });
  }
  return threadSchema.parse(item);
}

/** A message reference item; older ones name the message by its sort key (`messageSk`) instead of its time. */
export function messageRefFromItem(item: Item, externalId: string): MessageRef {
  const sentAt = typeof item.sentAt === 'string' ? item.sentAt : sentAtFromMessageSk(String(item.messageSk));
  return { threadId: String(item.threadId), externalId, sentAt, done: item.done === true };
}

// ISO 8601 times hold no '#': MSG#<sentAt>#<externalId>, where the external id may hold '#' itself
function sentAtFromMessageSk(sk: string): string {
  return sk.split('#')[1] ?? '';
}

function idFromMessageSk(sk: string): string {
  return sk.split('#').slice(2).join('#');
}
