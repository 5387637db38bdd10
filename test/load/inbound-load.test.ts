import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStoredMessages } from '../helpers/faults.js';
import { checkStored, drained, driveLoad, NO_PROBLEMS, percentile, planLoad, problems } from '../helpers/load.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

// CI: 1,000 messages. `npm run test:load` (LOAD_MESSAGES=10000) runs the same test at 10,000.
const N = Number(process.env.LOAD_MESSAGES ?? 1_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);
const POLLERS = Number(process.env.LOAD_POLLERS ?? 4);

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ triagePollers: POLLERS });
});
afterAll(() => t?.close());

describe(`inbound load: ${N} messages over WhatsApp, Messenger, Instagram and email`, () => {
  it(
    "stores every unique message exactly once, in its contact's one thread, with redeliveries and concurrent duplicates",
    async () => {
      // warm-up, not measured (model load, JIT, sockets); its messages are checked too
      const warmup = planLoad({ messages: 40, runId: 'w', seed: 7 });
      await driveLoad(t.stack, warmup, { concurrency: CONCURRENCY });
      await drained(t.stack);

      const plan = planLoad({ messages: N });
      const stored = recordStoredMessages(t.stack.dynamoClient);
      const drive = await driveLoad(t.stack, plan, { concurrency: CONCURRENCY });
      await drained(t.stack);
      const doneAt = performance.now();
      stored.remove();

      const check = await checkStored(t.stack, [...warmup.messages, ...plan.messages], { strict: true });
      const latency = plan.messages.map((m) => (stored.storedAt.get(m.key) ?? NaN) - drive.firstPostAt.get(m.key)!).filter((x) => !Number.isNaN(x));
      const lastStored = Math.max(...stored.storedAt.values());
      const seconds = (lastStored - drive.startedAt) / 1000;
      const figures = {
        messages: N,
        posts: drive.posts,
        redeliveries: plan.redeliveries,
        concurrentDuplicates: plan.concurrentDuplicates,
        retried5xx: drive.retried,
        contacts: plan.contacts,
        byChannel: plan.byChannel,
        postingSeconds: +((drive.finishedAt - drive.startedAt) / 1000).toFixed(1),
        storedSeconds: +seconds.toFixed(1),
        drainedSeconds: +((doneAt - drive.startedAt) / 1000).toFixed(1),
        throughputMsgPerS: +(N / seconds).toFixed(1),
        ackP50Ms: Math.round(percentile(drive.ackMs, 50)),
        ackP99Ms: Math.round(percentile(drive.ackMs, 99)),
        webhookToStoredP50Ms: Math.round(percentile(latency, 50)),
        webhookToStoredP99Ms: Math.round(percentile(latency, 99)),
        stored: check.stored - warmup.messages.length,
        lost: check.lost.length,
        duplicated: check.duplicated.length,
        threads: check.threads - warmup.contacts,
        wrongThread: check.wrongThread.length,
      };
      console.log(`load figures ${JSON.stringify(figures)}`);

      expect(problems(check)).toEqual(NO_PROBLEMS);
      expect(check.stored).toBe(N + warmup.messages.length);
      expect(check.threads).toBe(plan.contacts + warmup.contacts);
      expect(latency).toHaveLength(N);
    },
    // the 10k run takes a few minutes on two cores
    Math.max(120_000, N * 100),
  );
});
