import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Emulator {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const here = fileURLToPath(new URL('./emulators/', import.meta.url));

/** Starts one emulator script as a child process and waits until it reports the port it listens on. */
async function startChild(script: string, args: string[], name: string): Promise<Emulator> {
  const child = fork(here + script, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 20 s`)), 20_000);
    child.once('message', (m: { port?: number }) => {
      clearTimeout(timer);
      if (typeof m?.port === 'number') resolve(m.port);
      else reject(new Error(`${name} reported no port`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, port, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** DynamoDB-compatible server; persists to `dataDir` when given, else keeps everything in memory. */
export function startDynalite(options: { port?: number; dataDir?: string } = {}): Promise<Emulator> {
  return startChild('dynalite.mjs', [String(options.port ?? 0), options.dataDir ?? ''], 'dynalite');
}

/** SQS-compatible server (messages in memory). */
export function startSqs(options: { port?: number } = {}): Promise<Emulator> {
  return startChild('sqs.mjs', [String(options.port ?? 0)], 'local-aws-sqs');
}

/** S3-compatible server (s3rver) keeping objects under `dataDir`, with `bucket` created. */
export function startS3(options: { port?: number; dataDir: string; bucket: string }): Promise<Emulator> {
  return startChild('s3.mjs', [String(options.port ?? 0), options.dataDir, options.bucket], 's3rver');
}
