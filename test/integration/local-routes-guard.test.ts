import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 60_000);
afterAll(() => t?.close());

const mail = readFileSync(new URL('../fixtures/email/plain-nl.eml', import.meta.url));

/** A raw HTTP request to the stack, so the Host header is ours to choose (fetch sets its own). */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.stack.port, method, path, headers: { host: `127.0.0.1:${t.stack.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject).end(body);
  });
}
const postMail = (headers: Record<string, string>) => send('POST', '/local/email', { 'content-type': 'application/x-www-form-urlencoded', ...headers }, mail);

describe('the local-only routes (/local/*)', () => {
  it('refuse a browser request from another site, by Origin or by Sec-Fetch-Site, and take no mail from it', async () => {
    const before = await t.inboundDepth();
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ] as Array<Record<string, string>>) {
      const res = await postMail(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ error: 'forbidden' });
    }
    expect(await t.inboundDepth()).toEqual(before);
    for (const path of ['/local/outbox', '/local/feedback.jsonl']) {
      expect((await send('GET', path, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' })).status, path).toBe(403);
      expect((await send('GET', path, { origin: 'https://evil.example' })).status, path).toBe(403);
    }
  });

  it('still serve curl, the test helpers and the stack’s own page', async () => {
    expect((await postMail({})).status).toBe(202);
    expect((await t.postEmail(mail)).status).toBe(202);
    const own = `http://127.0.0.1:${t.stack.port}`;
    expect((await postMail({ origin: own, 'sec-fetch-site': 'same-origin' })).status).toBe(202);
    expect((await send('GET', '/local/outbox', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' })).status).toBe(200);
    expect((await send('GET', '/local/outbox', { host: `localhost:${t.stack.port}`, origin: `http://localhost:${t.stack.port}` })).status).toBe(200);
    await t.settled();
  });
});

describe('the local server', () => {
  it('answers only to its own loopback name and port (no DNS rebinding), for the local routes, the page and the API', async () => {
    const token = await t.token('supervisor');
    for (const host of ['evil.example', `evil.example:${t.stack.port}`, `127.0.0.1:${t.stack.port + 1}`, `localhost.evil.example:${t.stack.port}`]) {
      for (const [method, path, headers] of [
        ['GET', '/local/outbox', {}],
        ['GET', '/login', {}],
        ['POST', '/login', { 'content-type': 'application/x-www-form-urlencoded' }],
        ['GET', '/api/threads', { authorization: `Bearer ${token}` }],
      ] as const) {
        const res = await send(method, path, { ...headers, host });
        expect(res.status, `${method} ${path} for Host ${host}`).toBe(403);
        expect(JSON.parse(res.text)).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await send('GET', '/login', { host: `localhost:${t.stack.port}` })).status).toBe(200);
  });

  it('still takes Meta’s signed webhooks under any Host (a tunnel forwards them with its own name)', async () => {
    const res = await send('GET', `/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${t.stack.metaVerifyToken}&hub.challenge=42`, {
      host: 'balie.tunnel.example',
    });
    expect([res.status, res.text]).toEqual([200, '42']);
  });
});
