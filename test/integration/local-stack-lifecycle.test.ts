import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ThreadPage } from '../../shared/domain/index.js';
import { DEMO_EMAILS, DEMO_MESSAGES } from '../../local/demo.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack } from '../helpers/stack.js';

const run = promisify(execFile);

describe('local stack lifecycle', () => {
  it('runs two stacks side by side with their own ports and data', async () => {
    const [a, b] = await Promise.all([startTestStack(), startTestStack()]);
    try {
      expect(new Set([a.stack.port, b.stack.port, a.stack.dynamodb.port, b.stack.dynamodb.port, a.stack.sqs.port, b.stack.sqs.port]).size).toBe(6);
      await a.postWhatsapp(whatsappTextWebhook({ from: '31611111111', name: 'Only A', text: 'hoi' }));
      await waitFor(async () => ((await a.api<ThreadPage>('/api/threads')).body.threads.length === 1 ? true : undefined));
      expect((await b.api<ThreadPage>('/api/threads')).body.threads).toEqual([]);
      // a token from one stack's key is refused by the other
      const res = await fetch(`${b.stack.url}/api/threads`, { headers: { authorization: `Bearer ${await a.token()}` } });
      expect(res.status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('drains the queue on stop, so messages accepted just before are stored, and keeps them across a restart', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'balie-restart-'));
    try {
      const first = await startTestStack({ dataDir });
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          first.postWhatsapp(whatsappTextWebhook({ from: `3162000${String(i).padStart(4, '0')}`, name: `C${i}`, text: 'Waar is mijn pakket?' })),
        ),
      );
      expect(answers.every((r) => r.status === 200)).toBe(true);
      expect(await first.stack.stop()).toEqual({ drained: true });

      const second = await startTestStack({ dataDir });
      try {
        const { body } = await second.api<ThreadPage>('/api/threads?limit=100');
        expect(body.threads).toHaveLength(40);
        expect(body.threads.every((th) => th.latestDraftId)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('npm start: sends demo traffic on a fresh DATA_DIR, accepts `npm run token`, and exits cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'balie-start-'));
    const env = { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const url = await waitFor(async () => out.match(/Balie is running at (http:\/\/127\.0\.0\.1:\d+)/)?.[1], { timeoutMs: 30_000, what: 'the start banner' });
      expect(out).toContain('META_APP_SECRET   balie-local-app-secret');
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'local/token.ts', '--role', 'supervisor'], { env });
      const token = stdout.trim().split('\n').at(-1)!;
      const threads = await waitFor(
        async () => {
          const res = await fetch(`${url}/api/threads`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as ThreadPage;
          return body.threads.length === DEMO_MESSAGES.length + DEMO_EMAILS.length ? body.threads : undefined;
        },
        { what: 'the demo threads' },
      );
      expect(new Set(threads.map((th) => th.language))).toEqual(new Set(['nl', 'en', 'de']));
      expect(new Set(threads.map((th) => th.channel))).toEqual(new Set(['whatsapp', 'email']));
      expect(threads[0]!.priority).toBe('P1');
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('queue drained; stopped.');
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
