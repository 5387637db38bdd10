import { readFileSync } from 'node:fs';
import { DeleteObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread, ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { SqsEventPublisher } from '../../shared/queue/sqs-publisher.js';
import { S3BlobStore } from '../../shared/store/index.js';
import { ingestEmail } from '../../shared/use-cases/ingest-email.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { counted } from '../helpers/threads.js';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

const eml = (name: string) => readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));

const allThreads = async (): Promise<Thread[]> => (await t.api<ThreadPage>('/api/threads?status=all&limit=100')).body.threads;
const detail = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`)).body;

/** Sends a mail, waits until triage stored it and its thread counted it, and answers that thread. */
async function deliver(raw: string | Uint8Array, query?: string): Promise<ThreadDetail> {
  const res = await t.postEmail(raw, query);
  expect(res.status).toBe(202);
  const { sesMessageId } = (await res.json()) as { sesMessageId: string };
  await t.settled();
  return waitFor(
    async () => {
      for (const th of await allThreads()) {
        const d = await detail(th.id);
        if (d.messages.some((m) => (m.raw as { sesMessageId?: string }).sesMessageId === sesMessageId && counted(d, m))) return d;
      }
      return undefined;
    },
    { what: `the thread of ${sesMessageId} to count it` },
  );
}

const mail = (o: { from: string; subject: string; body: string; id: string; date?: string; inReplyTo?: string }) =>
  [
    `From: Klant <${o.from}>`,
    'To: support@demoshop.nl',
    `Subject: ${o.subject}`,
    `Date: ${o.date ?? 'Wed, 25 Nov 2026 09:00:00 +0100'}`,
    `Message-ID: <${o.id}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`, `References: <${o.inReplyTo}>`] : []),
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
    '',
  ].join('\r\n');

describe('email through /local/email (S3 → ingest-email → SQS → triage)', () => {
  it('turns a Dutch mail into a triaged thread with an email-shaped draft and the raw MIME kept in S3', async () => {
    const thread = await deliver(eml('plain-nl.eml'));
    expect(thread).toMatchObject({
      channel: 'email',
      subject: 'Bestelling 10482 nog niet ontvangen',
      category: 'order',
      language: 'nl',
      status: 'awaiting_approval',
    });
    expect(thread.contact).toEqual({ handle: 'sanne.devries@gmail.com', name: 'Sanne de Vries' });
    expect(thread.drafts[0]!.text).toMatch(/^Hoi Sanne,\n\n[\s\S]*\n\nMet vriendelijke groet,/);
    const message = thread.messages[0]!;
    expect(message.email?.messageId).toBe('<CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>');
    const raw = await t.stack.s3Client.send(new GetObjectCommand({ Bucket: t.stack.mailBucket, Key: message.email!.rawKey }));
    expect(Buffer.from(await raw.Body!.transformToByteArray()).equals(eml('plain-nl.eml'))).toBe(true);
  });

  it('puts a reply with References in the thread of the mail it answers', async () => {
    // another sender than the first test, so only the References header can join these two
    const variant = (name: string) =>
      eml(name).toString().replaceAll('CAH7Lx0aBcD3', 'REFTEST0aBcD3').replaceAll('sanne.devries@gmail.com', 'sanne.ref@gmail.com');
    const first = await deliver(variant('plain-nl.eml'));
    const reply = await deliver(variant('reply-gmail-nl.eml'));
    expect(reply.id).toBe(first.id);
    expect(reply.messages).toHaveLength(2);
    const latest = reply.messages.at(-1)!;
    expect(latest.text).toContain('Dit is de derde keer');
    expect(latest.text).not.toContain('Op di 24 nov');
    expect(latest.email?.fullText).toContain('Op di 24 nov');
  });

  it('joins a reply without threading headers by sender and normalised subject within 14 days, and not after', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toUTCString();
    const base = await deliver(
      mail({
        from: 'p.jansen@hotmail.nl',
        subject: 'Factuur € 49,95 klopt niet',
        body: 'Er is te veel afgeschreven.',
        id: 'subj-1@hotmail.nl',
        date: daysAgo(30),
      }),
    );
    const outlookReply = Buffer.from(
      eml('reply-outlook-nl-cp1252.eml')
        .toString('latin1')
        .replace(/^Date: .*$/m, `Date: ${daysAgo(29)}`),
      'latin1',
    );
    const reply = await deliver(outlookReply);
    expect(reply.id).toBe(base.id);
    expect(reply.messages.at(-1)!.text).toContain('creditnota');
    const other = await deliver(
      mail({ from: 'p.jansen@hotmail.nl', subject: 'Andere vraag', body: 'Hebben jullie ook blauwe jassen?', id: 'subj-2@hotmail.nl', date: daysAgo(28) }),
    );
    expect(other.id).not.toBe(base.id);
    const late = await deliver(
      mail({ from: 'p.jansen@hotmail.nl', subject: 'Re: Factuur € 49,95 klopt niet', body: 'Weer een vraag', id: 'subj-3@hotmail.nl', date: daysAgo(10) }),
    );
    expect(late.id).not.toBe(base.id);
  });

  it.each([
    ['bounce.eml', 'automated:bounce'],
    ['out-of-office-nl.eml', 'automated:auto_reply'],
    ['autoreply-x-autoreply.eml', 'automated:auto_reply'],
    ['mailing-list.eml', 'automated:list'],
  ])('stores %s, marks it %s and drafts nothing, so no mail loop can start', async (file, flag) => {
    const thread = await deliver(eml(file));
    expect(thread.flags).toContain(flag);
    expect(thread.drafts).toEqual([]);
    expect(thread.messages[0]!.triage).toBeUndefined();
  });

  it('quarantines a mail SES calls spam: visible, flagged, not triaged, no draft', async () => {
    const thread = await deliver(
      mail({ from: 'win@lottery.example', subject: 'You won', body: 'Claim your prize', id: 'spam-1@lottery.example' }),
      'spam=FAIL',
    );
    expect(thread.flags).toContain('quarantined');
    expect(thread.messages[0]!.email?.quarantined).toBe('SES spam verdict FAIL');
    // no classification and no LLM call: a spam run costs a store write per mail, nothing more
    expect(thread.messages[0]!.triage).toBeUndefined();
    expect(thread.drafts).toEqual([]);
  });

  it('flags a DMARC failure but still drafts a reply', async () => {
    const thread = await deliver(
      mail({ from: 'ceo@bigcorp.example', subject: 'Refund', body: 'I want a refund for order 5', id: 'dmarc-1@bigcorp.example' }),
      'dmarc=FAIL',
    );
    expect(thread.flags).toContain('dmarc_fail');
    expect(thread.drafts).toHaveLength(1);
  });

  it('sanitizes HTML before storing it and keeps the inline image in S3', async () => {
    const thread = await deliver(eml('html-en-script.eml'));
    const message = thread.messages[0]!;
    const html = message.email!.html!;
    for (const bad of ['<script', 'onclick', 'javascript:', '<form', '<iframe', 'onload']) expect(html).not.toContain(bad);
    expect(message.email!.remoteImagesBlocked).toBe(1);
    const logo = message.attachments!.find((a) => a.filename === 'logo.png')!;
    expect(html).toContain(`data-attachment-key="${logo.key}"`);
    const stored = await t.stack.s3Client.send(new GetObjectCommand({ Bucket: t.stack.mailBucket, Key: logo.key }));
    expect(stored.ContentType).toBe('image/png');
    expect(thread).toMatchObject({ category: 'billing', language: 'en' });
  });

  it('stores attachments in S3 and references them on the message', async () => {
    const thread = await deliver(eml('attachment-pdf.eml'));
    const [pdf] = thread.messages[0]!.attachments!;
    expect(pdf).toMatchObject({ filename: 'factuur-2026-1183.pdf', contentType: 'application/pdf', inline: false });
    const stored = await t.stack.s3Client.send(new GetObjectCommand({ Bucket: t.stack.mailBucket, Key: pdf!.key }));
    expect(
      Buffer.from(await stored.Body!.transformToByteArray())
        .subarray(0, 8)
        .toString(),
    ).toBe('%PDF-1.4');
  });

  it('answers 404 with a clear JSON error, not a 500, once an attachment is no longer in the bucket (expired)', async () => {
    const raw = eml('attachment-pdf.eml').toString('utf8').replace('<att-pdf-1@deboer-bv.nl>', '<att-pdf-expired@deboer-bv.nl>');
    const thread = await deliver(raw);
    const message = thread.messages[0]!;
    const url = `${t.stack.url}/ui/threads/${thread.id}/messages/${message.id}/attachments/0`;
    const cookie = `balie_session=${await t.token('supervisor')}`;
    // while it is there: a presigned GET on the bucket (s3rver here)
    const there = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    expect(there.status).toBe(302);
    expect((await fetch(there.headers.get('location')!)).status).toBe(200);

    await t.stack.s3Client.send(new DeleteObjectCommand({ Bucket: t.stack.mailBucket, Key: message.attachments![0]!.key }));
    const gone = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: 'original_gone', message: 'The original is no longer available.' });
    const page = await fetch(url, { headers: { cookie, accept: 'text/html', 'accept-language': 'nl' }, redirect: 'manual' });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Het origineel is niet meer beschikbaar.');
  });

  it.each(['iso-2022-jp.eml', 'latin1-de.eml', 'utf8-headers.eml', 'bare-lf.eml', 'malformed-headers.eml', 'reply-apple-de.eml'])(
    'lands %s as a readable message, never a 5xx',
    async (file) => {
      const thread = await deliver(eml(file));
      expect(thread.messages[0]!.text.length).toBeGreaterThan(10);
    },
  );

  it('keeps two mails from two senders that reuse one Message-ID', async () => {
    const a = await deliver(mail({ from: 'een@klant.nl', subject: 'Vraag A', body: 'Eerste vraag over mijn bestelling', id: '123@localhost' }));
    const b = await deliver(mail({ from: 'twee@klant.nl', subject: 'Vraag B', body: 'Tweede vraag over mijn factuur', id: '123@localhost' }));
    expect(a.id).not.toBe(b.id);
    expect([a.messages.length, b.messages.length]).toEqual([1, 1]);
  });

  it('keeps one message when the same mail without a Message-ID arrives twice', async () => {
    const first = await deliver(eml('missing-message-id.eml'));
    await t.postEmail(eml('missing-message-id.eml'));
    await t.settled();
    const again = await detail(first.id);
    expect(again.messages).toHaveLength(1);
  });

  it('moves a big body to S3, cuts the triage text with a mark, and keeps the message under the queue limit', async () => {
    const body = 'Mijn bestelling is niet aangekomen. '.repeat(12_000);
    const thread = await deliver(mail({ from: 'lang@example.nl', subject: 'Lang verhaal', body, id: 'big-1@example.nl' }));
    const message = thread.messages[0]!;
    expect(message.email?.truncated).toBe(true);
    expect(message.text.endsWith('[…]')).toBe(true);
    expect(message.text.length).toBeLessThan(8_100);
    expect(message.email?.fullText).toBeUndefined();
    const full = await t.stack.s3Client.send(new GetObjectCommand({ Bucket: t.stack.mailBucket, Key: message.email!.fullTextKey! }));
    expect((await full.Body!.transformToString()).length).toBeGreaterThan(400_000);
  });

  it('keeps a mail the parser cannot read as "unparseable": raw in S3, visible to agents, no draft', async () => {
    const blobs = new S3BlobStore(t.stack.s3Client, t.stack.mailBucket);
    await blobs.put('raw/broken-1', 'From: x\r\n\r\n\u0000\u0000', 'message/rfc822');
    const message = await ingestEmail(
      {
        blobs,
        publisher: new SqsEventPublisher(t.stack.sqsClient, t.stack.inbound.queue.url),
        parse: () => Promise.reject(new Error('unexpected end of MIME part')),
      },
      { sesMessageId: 'broken-1', rawKey: 'raw/broken-1', envelopeFrom: 'Someone@Example.com', receivedAt: new Date().toISOString() },
    );
    expect(message).toMatchObject({ kind: 'unparseable', email: { unparseable: 'unexpected end of MIME part', rawKey: 'raw/broken-1' } });
    await t.settled();
    const thread = await waitFor(async () => (await allThreads()).find((th) => th.contact.handle === 'someone@example.com'));
    const d = await detail(thread.id);
    expect(d.flags).toContain('unparseable');
    expect(d.drafts).toEqual([]);
  });

  it.each([
    ['an empty body', '', 400],
    ['plain text', 'hello, I am not a mail', 400],
    ['JSON', '{"from":"a@b.c","text":"hi"}', 400],
  ])('answers %s with a 4xx and a reason, and stores nothing', async (_name, body, status) => {
    const before = (await allThreads()).length;
    const res = await t.postEmail(body);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    await t.settled();
    expect((await allThreads()).length).toBe(before);
  });

  it('refuses a mail over the SES limit of 40 MB with 413', async () => {
    const res = await t.postEmail(Buffer.concat([Buffer.from('From: a@b.c\r\nSubject: big\r\n\r\n'), Buffer.alloc(40 * 1024 * 1024 + 1, 65)]));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });
});
