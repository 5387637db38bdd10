import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { SqsLambdaHandler } from './queue-poller.js';

const WORKER = fileURLToPath(new URL('./train-worker.ts', import.meta.url));
/** As the Lambda's timeout (infra/lib/training.ts): a run still going then is stopped, and SQS delivers it again. */
export const TRAIN_TIMEOUT_MS = 15 * 60_000;

/**
 * The training worker's handler as the local stack polls it: each batch runs in a child process (the same compose
 * module as the Lambda), so a minute of training never stalls the page. A child that crashes or answers nothing
 * fails the whole batch, and SQS delivers it again, as Lambda would.
 */
export function trainInChildProcess(
  env: Record<string, string>,
  log: (line: string) => void,
  timeoutMs = TRAIN_TIMEOUT_MS,
): SqsLambdaHandler & { stop(): void } {
  const running = new Set<ReturnType<typeof spawn>>();
  const handler = (event: SQSEvent) =>
    new Promise<SQSBatchResponse>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
        env: { ...process.env, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      running.add(child);
      const timer = setTimeout(() => {
        log(`training worker: still running after ${Math.round(timeoutMs / 1000)} s; stopped`);
        child.kill('SIGKILL');
      }, timeoutMs);
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => log(d.toString('utf8').trimEnd()));
      const failAll = (why: string) => {
        log(`training worker: ${why}`);
        resolve({ batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) });
      };
      child.on('error', (err) => failAll(err.message));
      child.on('close', (code) => {
        clearTimeout(timer);
        running.delete(child);
        const lines = out.trimEnd().split('\n');
        const last = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) log(line);
        try {
          if (code !== 0) throw new Error(`exited with ${code}`);
          resolve(JSON.parse(last) as SQSBatchResponse);
        } catch (err) {
          failAll((err as Error).message);
        }
      });
      child.stdin.end(JSON.stringify(event));
    });
  /** Ends a training under way: the stack is stopping (its job is left "training", and the page says it was interrupted). */
  const stop = () => {
    for (const child of running) child.kill('SIGTERM');
  };
  return Object.assign(handler, { stop });
}
