import { InternalServerError, ProvisionedThroughputExceededException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { LocalStackOptions } from '../../local/stack.js';

/** Powertools' SILENT level: fault tests make the workers log an error per injected fault, by design. */
export const SILENT_LOGS = 'SILENT' as LocalStackOptions['logLevel'];

/**
 * Stack options for fault tests that want a failed record back after a second instead of 30. With a visibility
 * timeout that short, a batch that merely runs long on a busy machine is received again too, and each such receive
 * counts toward the DLQ like a failure (in AWS the visibility timeout is several times the function's timeout, so a
 * receive means a failed attempt). The DLQ gets room for those receives; the tests still require every record stored
 * once and nothing in the DLQ.
 */
export const FAST_REDELIVERY = { visibilityTimeoutSeconds: 1, maxReceiveCount: 20 } satisfies LocalStackOptions;

/**
 * Fault injection on the real SDK clients of a running local stack. The stack's store is a DocumentClient made
 * `from` its DynamoDBClient, and the two share one middleware stack: a middleware added here sees every call the
 * triage and send workers make, while storage stays dynalite.
 */

export interface DynamoCall {
  /** PutItemCommand, UpdateItemCommand, GetItemCommand… */
  command: string;
  /** The item's or key's pk/sk, entity, externalId (plain strings, whichever form the input is in). */
  pk?: string;
  sk?: string;
  entity?: string;
  externalId?: string;
  state?: string;
  /** 1-based count of calls of this command seen by this injector (every attempt, SDK retries included). */
  n: number;
}

/**
 * - `throttle`: ProvisionedThroughputExceededException (HTTP 400) before the call reaches DynamoDB: nothing written.
 * - `server-error`: InternalServerError (HTTP 500) before the call: nothing written.
 * - `lost-response`: the write is applied, then the caller gets InternalServerError (HTTP 500), as when DynamoDB
 *   answers 500 for a write it did apply, or the connection drops on the way back. DynamoDB's docs: after a 500 the
 *   operation may or may not have succeeded.
 * - `{ delayMs }`: the call is held that long before it goes out.
 */
export type DynamoFault = 'throttle' | 'server-error' | 'lost-response' | { delayMs: number } | undefined;

/**
 * Adds a middleware that decides a fault for each call. `insideSdkRetries: true` places it inside the SDK's retry
 * loop (the SDK retries throttling and 5xx by itself, up to 3 attempts); `false` places it in front of the loop, so
 * every fault reaches the application, as when the SDK's retries are exhausted. Answers a function that removes it.
 */
export function injectDynamoFaults(
  client: DynamoDBClient,
  decide: (call: DynamoCall) => DynamoFault,
  options: { insideSdkRetries: boolean; name?: string },
): { injected: Map<string, number>; escaped: Map<string, number>; remove: () => void } {
  const name = options.name ?? `fault-injector-${Math.random().toString(36).slice(2)}`;
  const counts = new Map<string, number>();
  const injected = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const middleware = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
    const command = context.commandName ?? 'unknown';
    bump(counts, command);
    const call: DynamoCall = { command, n: counts.get(command)!, ...describe(args.input) };
    const fault = decide(call);
    if (!fault) return next(args);
    const label = typeof fault === 'string' ? fault : 'delay';
    bump(injected, label);
    const metadata = (status: number) => ({ httpStatusCode: status, requestId: `injected-${counts.get(command)}`, attempts: 1, totalRetryDelay: 0 });
    if (fault === 'throttle')
      throw new ProvisionedThroughputExceededException({
        message: 'The level of configured provisioned throughput for the table was exceeded (injected)',
        $metadata: metadata(400),
      });
    if (fault === 'server-error') throw new InternalServerError({ message: 'Internal server error (injected)', $metadata: metadata(500) });
    if (fault === 'lost-response') {
      await next(args);
      throw new InternalServerError({ message: 'Internal server error after the write was applied (injected)', $metadata: metadata(500) });
    }
    await new Promise((r) => setTimeout(r, fault.delayMs));
    return next(args);
  };
  const stack = client.middlewareStack as unknown as {
    add: (mw: unknown, o: Record<string, unknown>) => void;
    remove: (name: string) => boolean;
  };
  // inside: after the retry middleware (finalizeRequest, high priority), so each attempt passes here
  stack.add(middleware, options.insideSdkRetries ? { step: 'finalizeRequest', priority: 'low', name } : { step: 'initialize', priority: 'high', name });
  // what reached the application: throttling and 5xx errors the SDK did not absorb
  const escaped = new Map<string, number>();
  const outer = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
    try {
      return await next(args);
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'ProvisionedThroughputExceededException' || (e.$metadata?.httpStatusCode ?? 0) >= 500) bump(escaped, e.name ?? 'unknown');
      throw err;
    }
  };
  stack.add(outer, { step: 'initialize', priority: 'high', name: `${name}-escaped` });
  return {
    injected,
    escaped,
    remove: () => {
      stack.remove(name);
      stack.remove(`${name}-escaped`);
    },
  };
}

/** Times (performance.now) at which each inbound message item was first written, by channel and externalId. */
export function recordStoredMessages(client: DynamoDBClient): { storedAt: Map<string, number>; remove: () => void } {
  const storedAt = new Map<string, number>();
  const name = `stored-at-${Math.random().toString(36).slice(2)}`;
  const middleware = (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
    const out = await next(args);
    if (context.commandName === 'PutItemCommand') {
      const item = args.input.Item as Record<string, unknown> | undefined;
      if (item && plain(item.entity) === 'message' && plain(item.direction) === 'inbound') {
        const key = `${plain(item.channel)}:${plain(item.externalId)}`;
        if (!storedAt.has(key)) storedAt.set(key, performance.now());
      }
    }
    return out;
  };
  const stack = client.middlewareStack as unknown as { add: (mw: unknown, o: Record<string, unknown>) => void; remove: (name: string) => boolean };
  stack.add(middleware, { step: 'initialize', priority: 'low', name });
  return { storedAt, remove: () => void stack.remove(name) };
}

export interface SqsCall {
  command: string;
  input: Record<string, unknown>;
}

/**
 * A middleware on the stack's SQS client (the pollers', the publishers' and the send worker's): `rewrite` may
 * change a call's input (answer the new input), throw to fail it, or answer undefined to let it pass unchanged;
 * `observe` sees each answer.
 */
export function interceptSqs(
  client: SQSClient,
  rewrite: (call: SqsCall) => Record<string, unknown> | undefined,
  observe?: (call: SqsCall, output: Record<string, unknown>) => void,
): { remove: () => void } {
  const name = `sqs-interceptor-${Math.random().toString(36).slice(2)}`;
  const middleware =
    (next: (args: unknown) => Promise<{ output: Record<string, unknown> }>, context: { commandName?: string }) =>
    async (args: { input: Record<string, unknown> }) => {
      const call = { command: context.commandName ?? 'unknown', input: args.input };
      const input = rewrite(call);
      const result = await next(input ? { ...args, input } : args);
      observe?.({ ...call, input: input ?? args.input }, result.output);
      return result;
    };
  const stack = client.middlewareStack as unknown as { add: (mw: unknown, o: Record<string, unknown>) => void; remove: (name: string) => boolean };
  stack.add(middleware, { step: 'initialize', priority: 'high', name });
  return { remove: () => void stack.remove(name) };
}

/** How often each inbound message body was received from a queue (SQS redeliveries show as counts above 1). */
export function countReceives(client: SQSClient, queueUrl: string): { receives: Map<string, number>; remove: () => void } {
  const receives = new Map<string, number>();
  const { remove } = interceptSqs(
    client,
    () => undefined,
    (call, output) => {
      if (call.command !== 'ReceiveMessageCommand' || call.input.QueueUrl !== queueUrl) return;
      for (const m of (output.Messages ?? []) as Array<{ Body?: string }>) {
        const body = JSON.parse(m.Body ?? '{}') as { channel?: string; externalId?: string; draftId?: string };
        const key = body.draftId ?? `${body.channel}:${body.externalId}`;
        receives.set(key, (receives.get(key) ?? 0) + 1);
      }
    },
  );
  return { receives, remove };
}

function describe(input: Record<string, unknown>): Omit<DynamoCall, 'command' | 'n'> {
  const item = (input.Item ?? input.Key ?? {}) as Record<string, unknown>;
  return { pk: plain(item.pk), sk: plain(item.sk), entity: plain(item.entity), externalId: plain(item.externalId), state: plain(item.state) };
}

/** A string attribute in document form (`'x'`) or wire form (`{ S: 'x' }`). */
function plain(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { S?: unknown }).S === 'string') return (v as { S: string }).S;
  return undefined;
}
