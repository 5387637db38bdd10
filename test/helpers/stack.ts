import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalKeys, signLocalToken } from '../../shared/auth/local-keys.js';
import type { Role } from '../../shared/auth/roles.js';
import { queueDepth } from '../../local/queues.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack.js';
import { postSignedWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from './fixtures.js';

export interface TestStack {
  stack: LocalStack;
  token(role?: Role): Promise<string>;
  postWhatsapp(payload: unknown): Promise<Response>;
  /** A signed POST to /webhooks/<channel>. */
  postMeta(channel: 'whatsapp' | 'messenger' | 'instagram', payload: unknown): Promise<Response>;
  /** POST /local/email with one raw message; `query` sets SES verdicts, e.g. `spam=FAIL`. */
  postEmail(raw: string | Uint8Array, query?: string): Promise<Response>;
  api<T = unknown>(path: string, role?: Role): Promise<{ status: number; body: T }>;
  /** POST JSON to the API as an agent (`sub` picks which one). */
  post<T = unknown>(path: string, body: unknown, agent?: { role?: Role; sub?: string; name?: string }): Promise<{ status: number; body: T }>;
  inboundDepth(): Promise<{ visible: number; inFlight: number }>;
  /** Waits until both queues are empty, nothing is in flight and no worker is still handling a batch. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'balie-test-')));
  const stack = await startLocalStack({ port: 0, demo: false, logLevel: 'ERROR', ...options, dataDir });
  const keys = await ensureLocalKeys(dataDir);
  const token = (role: Role = 'agent') => signLocalToken(keys.privateJwk, { sub: `test-${role}`, name: `Test ${role}`, role });
  const inboundDepth = () => queueDepth(stack.sqsClient, stack.inbound.queue.url);
  const outboundDepth = () => queueDepth(stack.sqsClient, stack.outbound.queue.url);
  return {
    stack,
    token,
    postWhatsapp: (payload) => postSignedWebhook(`${stack.url}/webhooks/whatsapp`, payload, stack.metaAppSecret),
    postMeta: (channel, payload) => postSignedWebhook(`${stack.url}/webhooks/${channel}`, payload, stack.metaAppSecret),
    postEmail: (raw, query) =>
      fetch(`${stack.url}/local/email${query ? `?${query}` : ''}`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw }),
    async api(path, role = 'agent') {
      const res = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${await token(role)}` } });
      return { status: res.status, body: (await res.json()) as never };
    },
    async post(path, body, agent = {}) {
      const role = agent.role ?? 'agent';
      const token = await signLocalToken(keys.privateJwk, { sub: agent.sub ?? `test-${role}`, name: agent.name ?? `Test ${role}`, role });
      const res = await fetch(`${stack.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    inboundDepth,
    async settled() {
      // Empty queues alone are not enough: a handler whose record SQS delivered again (visibility timeout) goes on
      // writing after the redelivery deleted it. Ask until three readings in a row, 30 ms apart, say all is quiet.
      let empty = 0;
      await waitFor(
        async () => {
          const [a, b] = await Promise.all([inboundDepth(), outboundDepth()]);
          const quiet = a.visible + a.inFlight + b.visible + b.inFlight === 0 && stack.idle();
          empty = quiet ? empty + 1 : 0;
          if (empty < 3) await new Promise((r) => setTimeout(r, 30));
          return empty >= 3 ? true : undefined;
        },
        { what: 'the queues to drain' },
      );
    },
    async close() {
      await stack.stop({ drainTimeoutMs: 2_000 });
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
