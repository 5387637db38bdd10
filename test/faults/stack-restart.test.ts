import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_DEFAULTS } from '../../local/stack.js';
import { SILENT_LOGS } from '../helpers/faults.js';
import { waitFor } from '../helpers/fixtures.js';
import { checkStored, drained, driveLoad, NO_PROBLEMS, planLoad, problems, type PlannedMessage } from '../helpers/load.js';
import { startTestStack } from '../helpers/stack.js';

// What a restart of the local stack with messages in flight keeps. dynalite keeps the table in DATA_DIR; local-aws-sqs
// keeps its queues in memory, so whatever is still queued when the emulator stops is gone, and Meta will not send it
// again: it got its 200. A graceful stop therefore drains the queues first (test/integration/local-stack-lifecycle
// covers 40 single WhatsApp messages; here: several messages per contact, redeliveries, a backlog mid-processing).
// In AWS, SQS is durable: none of this applies there.

const chat = ['whatsapp', 'messenger', 'instagram'] as const;

async function withDataDir<T>(run: (dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'balie-restart-'));
  try {
    return await run(dataDir);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Posts these messages again, 16 at a time. */
async function replay(stack: { url: string; metaAppSecret: string }, messages: PlannedMessage[]): Promise<void> {
  const queue = [...messages];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) expect((await m.post(stack.url, stack.metaAppSecret)).status).toBe(200);
    }),
  );
}

describe('the local stack restarted with messages in flight', () => {
  it(
    'loses nothing on a graceful stop: the backlog drains, and after a restart every message is stored once',
    () =>
      withDataDir(async (dataDir) => {
        const plan = planLoad({ messages: 120, runId: 'g', channels: [...chat] });
        const first = await startTestStack({ dataDir, logLevel: SILENT_LOGS });
        await driveLoad(first.stack, plan);
        const backlog = await first.inboundDepth();
        expect(backlog.visible + backlog.inFlight).toBeGreaterThan(0);
        expect(await first.stack.stop()).toEqual({ drained: true });

        const second = await startTestStack({ dataDir, logLevel: SILENT_LOGS });
        try {
          expect(problems(await checkStored(second.stack, plan.messages, { strict: true }))).toEqual(NO_PROBLEMS);
        } finally {
          await second.close();
        }
      }),
    60_000,
  );

  it(
    'stop({ drainTimeoutMs: 0 }) loses what the in-memory SQS still held, and only that: nothing is half-written or doubled',
    () =>
      withDataDir(async (dataDir) => {
        const plan = planLoad({ messages: 120, runId: 'z', channels: [...chat] });
        const first = await startTestStack({ dataDir, logLevel: SILENT_LOGS });
        await driveLoad(first.stack, plan);
        const backlog = await first.inboundDepth();
        // batches being handled finish (the pollers stop after them); what waits in the queue is dropped with the emulator
        expect(await first.stack.stop({ drainTimeoutMs: 0 })).toEqual({ drained: false });

        const second = await startTestStack({ dataDir, logLevel: SILENT_LOGS });
        try {
          const after = await checkStored(second.stack, plan.messages, { strict: true });
          console.log(
            `stop({ drainTimeoutMs: 0 }) with ${backlog.visible} queued and ${backlog.inFlight} in flight: ${after.lost.length} of ${plan.messages.length} messages lost`,
          );
          expect(after.lost.length).toBeGreaterThan(0);
          expect(after.lost.length).toBeLessThanOrEqual(backlog.visible + backlog.inFlight);
          expect({ ...problems(after), lost: [] }).toEqual({ ...NO_PROBLEMS, refsNotDone: after.lost.slice(0, 10) });
          expect(after.refsNotDone).toEqual(after.lost);

          // posted again (a replay; Meta itself would not), the lost ones are stored once and nothing else changes
          await replay(
            second.stack,
            plan.messages.filter((m) => after.lost.includes(m.key)),
          );
          await drained(second.stack, 60_000);
          expect(problems(await checkStored(second.stack, plan.messages, { strict: true }))).toEqual(NO_PROBLEMS);
        } finally {
          await second.close();
        }
      }),
    60_000,
  );

  it(
    'after a SIGKILL of `npm start` mid-batch: nothing stored twice, and replaying the webhooks completes the half-written',
    () =>
      withDataDir(async (dataDir) => {
        const plan = planLoad({ messages: 80, runId: 'k', channels: [...chat] });
        const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'ERROR' };
        const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        try {
          const url = await waitFor(async () => out.match(/Balie is running at (http:\/\/127\.0\.0\.1:\d+)/)?.[1], {
            timeoutMs: 30_000,
            what: 'the start banner',
          });
          const dynamoPort = Number(out.match(/DynamoDB \(dynalite\) http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
          await driveLoad({ url, metaAppSecret: LOCAL_DEFAULTS.metaAppSecret }, plan);
          // mid-batch: the triage pollers are working through the backlog
          await new Promise((r) => setTimeout(r, 500));
          child.kill('SIGKILL');
          await exited;
          // the emulators stop when their parent's IPC channel closes; dynalite must release DATA_DIR before a restart
          await waitFor(() => portClosed(dynamoPort).then((closed) => (closed ? true : undefined)), { timeoutMs: 10_000, what: 'dynalite to exit' });
        } finally {
          child.kill('SIGKILL');
        }

        const second = await startTestStack({ dataDir, logLevel: SILENT_LOGS });
        try {
          const after = await checkStored(second.stack, plan.messages, { strict: true });
          const halfWritten = after.refsNotDone.filter((k) => !after.lost.includes(k));
          console.log(
            `SIGKILL mid-batch: ${after.stored} of ${plan.messages.length} stored, ${after.lost.length} lost with the SQS emulator, ${halfWritten.length} half-written`,
          );
          expect(after.duplicated).toEqual([]);
          expect(after.lost.length).toBeGreaterThan(0);

          await replay(second.stack, plan.messages);
          await drained(second.stack, 60_000);
          expect(problems(await checkStored(second.stack, plan.messages, { strict: true }))).toEqual(NO_PROBLEMS);
        } finally {
          await second.close();
        }
      }),
    90_000,
  );
});

function portClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}
