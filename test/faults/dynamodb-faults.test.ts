import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import type { OutboxEntry } from '../../local/outbox.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { countReceives, FAST_REDELIVERY, injectDynamoFaults, SILENT_LOGS } from '../helpers/faults.js';
import { waitFor } from '../helpers/fixtures.js';
import { checkStored, drained, driveLoad, NO_PROBLEMS, planLoad, problems } from '../helpers/load.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// The real stack on dynalite; faults come from a middleware on its DynamoDB client, so storage stays real.
// A visibility timeout of 1 s makes SQS deliver a failed record again after a second instead of 30 (FAST_REDELIVERY).
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ ...FAST_REDELIVERY, logLevel: SILENT_LOGS });
});
afterAll(() => t?.close());

const chat = ['whatsapp', 'messenger', 'instagram'] as const;
const isWrite = (command: string) => command === 'PutItemCommand' || command === 'UpdateItemCommand';

describe('DynamoDB throttling and errors mid-batch', () => {
  it("stores every message once when writes are throttled or fail past the SDK's retries, through SQS redelivery", { timeout: 90_000 }, async () => {
    // a burst: for its first 300 writes the table throttles one write in 9 and fails one in 13 with a 500, in front of
    // the SDK's own retries (as when they are used up), so each fault fails its record and SQS delivers it again
    let writes = 0;
    const faults = injectDynamoFaults(
      t.stack.dynamoClient,
      (call) => {
        if (!isWrite(call.command) || ++writes > 300) return undefined;
        return writes % 9 === 4 ? 'throttle' : writes % 13 === 6 ? 'server-error' : undefined;
      },
      { insideSdkRetries: false },
    );
    const receives = countReceives(t.stack.sqsClient, t.stack.inbound.queue.url);
    try {
      const plan = planLoad({ messages: 100, runId: 'd1', channels: [...chat] });
      await driveLoad(t.stack, plan);
      await drained(t.stack, 60_000);
      expect(faults.injected.get('throttle')).toBeGreaterThan(10);
      expect(faults.injected.get('server-error')).toBeGreaterThan(10);
      // the failed records were indeed delivered again, and each is stored once
      expect([...receives.receives.values()].some((n) => n > 1)).toBe(true);
      expect(problems(await checkStored(t.stack, plan.messages))).toEqual(NO_PROBLEMS);
    } finally {
      faults.remove();
      receives.remove();
    }
  });

  it("absorbs throttling inside the SDK's retries without failing a record", { timeout: 90_000 }, async () => {
    let writes = 0;
    // each item's write is throttled at most once, so the SDK's own retry of it goes through: with writes of parallel
    // workers interleaving, "every 5th write" could otherwise hit one write's three attempts in a row
    const throttled = new Set<string>();
    const faults = injectDynamoFaults(
      t.stack.dynamoClient,
      (call) => {
        if (!isWrite(call.command) || ++writes % 5 !== 0) return undefined;
        const key = `${call.command} ${call.pk} ${call.sk}`;
        if (throttled.has(key)) return undefined;
        throttled.add(key);
        return 'throttle';
      },
      { insideSdkRetries: true },
    );
    try {
      const plan = planLoad({ messages: 40, runId: 'd2', channels: [...chat], redeliveryRate: 0, concurrentRate: 0 });
      await driveLoad(t.stack, plan);
      await drained(t.stack, 60_000);
      expect(faults.injected.get('throttle')).toBeGreaterThan(20);
      // the SDK retried each throttled write itself: none reached the worker
      expect(faults.escaped.size).toBe(0);
      expect(problems(await checkStored(t.stack, plan.messages))).toEqual(NO_PROBLEMS);
    } finally {
      faults.remove();
    }
  });

  it("stores every message once when DynamoDB applies a write but answers 500 (the SDK's retry then meets its own write)", { timeout: 90_000 }, async () => {
    let writes = 0;
    const faults = injectDynamoFaults(t.stack.dynamoClient, (call) => (isWrite(call.command) && ++writes % 4 === 0 ? 'lost-response' : undefined), {
      insideSdkRetries: true,
    });
    try {
      const plan = planLoad({ messages: 60, runId: 'd3', channels: [...chat] });
      await driveLoad(t.stack, plan);
      await drained(t.stack, 60_000);
      expect(faults.injected.get('lost-response')).toBeGreaterThan(20);
      expect(problems(await checkStored(t.stack, plan.messages))).toEqual(NO_PROBLEMS);
    } finally {
      faults.remove();
    }
  });
});

describe("DynamoDB losing the answer to the send worker's writes", () => {
  const outbox = async () => ((await (await fetch(`${t.stack.url}/local/outbox`)).json()) as { items: OutboxEntry[] }).items;
  const detail = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`)).body;
  async function approvedThread(handle: string): Promise<ThreadDetail> {
    await t.postWhatsapp(whatsappTextWebhook({ from: handle, name: 'Klant', text: 'Waar blijft mijn pakket?' }));
    const thread = await waitFor(async () => {
      const found = (await t.api<ThreadPage>('/api/threads?limit=100')).body.threads.find((th) => th.contact.handle === handle);
      return found ? detail(found.id) : undefined;
    });
    return thread;
  }
  /** Loses DynamoDB's answer to the first write that moves this thread's draft to `state`. */
  function loseAnswerTo(threadId: string, state: Draft['state']) {
    let done = false;
    return injectDynamoFaults(
      t.stack.dynamoClient,
      (call) => {
        if (done || call.command !== 'PutItemCommand' || call.pk !== `THREAD#${threadId}` || call.entity !== 'draft' || call.state !== state) return undefined;
        done = true;
        return 'lost-response';
      },
      { insideSdkRetries: true },
    );
  }

  it('sends once when the answer to its claim is lost: the claim id tells the worker the claim is its own', async () => {
    const thread = await approvedThread('31650000001');
    const fault = loseAnswerTo(thread.id, 'sending');
    try {
      expect((await t.post(`/api/threads/${thread.id}/drafts/${thread.drafts[0]!.id}/approve`, { version: 1 })).status).toBe(200);
      const settled = await waitFor(
        async () => {
          const d = (await detail(thread.id)).drafts[0]!;
          return d.state === 'sent' || d.state === 'failed' ? d : undefined;
        },
        { what: 'the draft to be sent or settled' },
      );
      await t.settled();
      const sent = (await outbox()).filter((e) => e.to.handle === '31650000001');
      expect(fault.injected.get('lost-response')).toBe(1);
      // the SDK's retry met our own claim; its claim id says it is ours, so the reply goes out once. (Before claim
      // ids: first skipped, unsent and silent; then settled as outcome_unknown for an agent to check, though unsent.)
      expect(sent).toHaveLength(1);
      expect(settled).toMatchObject({ state: 'sent' });
      expect((await t.api<ThreadDetail>(`/api/threads/${thread.id}`, 'supervisor')).body.audit?.map((a) => a.action)).not.toContain('send_failed');
    } finally {
      fault.remove();
    }
  });

  it('sends once and finishes the thread when the answer to the "sent" write is lost', async () => {
    const thread = await approvedThread('31650000002');
    const fault = loseAnswerTo(thread.id, 'sent');
    try {
      expect((await t.post(`/api/threads/${thread.id}/drafts/${thread.drafts[0]!.id}/approve`, { version: 1 })).status).toBe(200);
      await waitFor(async () => ((await detail(thread.id)).drafts[0]!.state === 'sent' ? true : undefined));
      await t.settled();
      expect(fault.injected.get('lost-response')).toBe(1);
      expect((await outbox()).filter((e) => e.to.handle === '31650000002')).toHaveLength(1);
      const after = await waitFor(
        async () => {
          const d = await detail(thread.id);
          return d.status !== 'sending' ? d : undefined;
        },
        { timeoutMs: 5_000, what: 'the thread to leave "sending"' },
      );
      expect(after).toMatchObject({ status: 'waiting_customer', unanswered: 0 });
      expect(after.messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
    } finally {
      fault.remove();
    }
  });
});
