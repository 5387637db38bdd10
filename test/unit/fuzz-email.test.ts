import { readdirSync, readFileSync } from 'node:fs';
import type { SESEvent } from 'aws-lambda';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestEmailHandler } from '../../functions/ingest-email/app.js';
import { composeReplyMime, replyMessageId } from '../../shared/channels/email/compose-reply.js';
import { replySubject } from '../../shared/channels/email/subject.js';
import { NotFoundError, type BlobStore, type InboundMessage, type OutboundMessage } from '../../shared/domain/index.js';
import { fuzzSeed, recordingLogger, recordingPublisher, rng, unstorable, type Rng } from '../helpers/fuzz.js';

/**
 * Fuzzing the email door as the Lambda runs it (SES event → raw MIME from the object store → parse → queue), with
 * hostile MIME written by hand and mutated copies of the real fixtures. Whatever the mail: the handler does not
 * throw (only a retryable error may, and an in-memory store never gives one), exactly one message is queued that the
 * triage worker can store, as `email` or marked `unparseable` with the raw MIME kept; no CR or LF reaches a subject,
 * a name or an address; and each mail takes at most a few seconds. Replay with FUZZ_SEED=<seed in the test name>.
 */
const SEED = fuzzSeed(0x0e4a_11ed);
const MUTATED_CASES = 200;
const CASE_TIME_LIMIT_MS = 5_000;

/** The BlobStore port in memory: good enough to fuzz the parser, not a stand-in for S3 anywhere else. */
class MemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, Uint8Array>();
  async put(key: string, body: Uint8Array | string, _contentType: string): Promise<void> {
    this.objects.set(key, typeof body === 'string' ? Buffer.from(body) : body);
  }
  async get(key: string): Promise<Uint8Array> {
    const found = this.objects.get(key);
    if (!found) throw new NotFoundError(`no object ${key}`);
    return found;
  }
  async list(prefix: string, max = 1000): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).slice(0, max);
  }
}

const blobs = new MemoryBlobStore();
const { publisher, bodies } = recordingPublisher();
const { logger, errors } = recordingLogger();
const handler = createIngestEmailHandler({ blobs, publisher, rawPrefix: 'raw/', logger });

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

let sequence = 0;
function sesEvent(messageId: string, source: string): SESEvent {
  const pass = { status: 'PASS' };
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            messageId,
            source,
            timestamp: '2026-11-25T09:00:00.000Z',
            destination: ['support@demoshop.nl'],
            headersTruncated: false,
            headers: [],
            commonHeaders: { returnPath: source, date: '', messageId: '' },
          },
          receipt: {
            recipients: ['support@demoshop.nl'],
            timestamp: '2026-11-25T09:00:00.000Z',
            processingTimeMillis: 1,
            spamVerdict: pass,
            virusVerdict: pass,
            spfVerdict: pass,
            dkimVerdict: pass,
            dmarcVerdict: pass,
            action: { type: 'Lambda', functionArn: 'arn:aws:lambda:eu-west-1:1:function:ingest-email', invocationType: 'Event' },
          },
        },
      },
    ],
  } as unknown as SESEvent;
}

interface Outcome {
  message?: InboundMessage;
  problems: string[];
  /**
   * CPU time this process spent on the mail (user + system): what parsing it costs, which the case limits are about.
   * Wall time would also count whatever else the machine runs meanwhile (other test files, other jobs).
   */
  cpuMs: number;
}

const CRLF = /[\r\n]/;

/** One mail through the handler, judged: every way the result is wrong, or no problems. */
async function ingest(raw: Uint8Array, envelopeFrom = 'sender@example.com'): Promise<Outcome> {
  const sesId = `fuzz-${++sequence}`;
  blobs.objects.clear();
  await blobs.put(`raw/${sesId}`, raw, 'message/rfc822');
  bodies.length = 0;
  errors.length = 0;
  const cpuBefore = process.cpuUsage();
  const problems: string[] = [];
  try {
    await handler(sesEvent(sesId, envelopeFrom));
  } catch (err) {
    // a retryable error (S3 or SQS unavailable) is Lambda's to retry; anything else would end in the DLQ
    if (!(err as { retryable?: boolean }).retryable) problems.push(`handler threw ${(err as Error).name}: ${(err as Error).message.slice(0, 200)}`);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (cpuMs > CASE_TIME_LIMIT_MS) problems.push(`took ${Math.round(cpuMs)} ms of CPU`);
  if (errors.length) problems.push(...errors);
  if (bodies.length !== 1) return { problems: [...problems, `${bodies.length} messages queued, not 1`], cpuMs };
  problems.push(...unstorable(bodies[0]!));
  const message = JSON.parse(bodies[0]!) as InboundMessage;
  if (message.kind === 'unparseable') {
    if (!message.email?.unparseable) problems.push('unparseable without a reason');
    if (message.email?.rawKey !== `raw/${sesId}`) problems.push('unparseable without its raw MIME');
  } else if (message.kind === 'email') {
    const keys = [...(message.attachments ?? []).map((a) => a.key), message.email?.htmlKey, message.email?.fullTextKey].filter((k): k is string => !!k);
    for (const key of keys) if (!blobs.objects.has(key)) problems.push(`${key} is referenced but not stored`);
  } else {
    problems.push(`kind ${message.kind}`);
  }
  const lines = {
    subject: message.subject,
    name: message.contact.name,
    handle: message.contact.handle,
    fromName: message.email?.from?.name,
    replyTo: message.email?.replyTo,
    externalId: message.externalId,
  };
  for (const [field, value] of Object.entries(lines))
    if (value && CRLF.test(value)) problems.push(`${field} contains CR or LF: ${JSON.stringify(value.slice(0, 80))}`);
  for (const a of message.attachments ?? [])
    if (CRLF.test(a.filename)) problems.push(`attachment name contains CR or LF: ${JSON.stringify(a.filename.slice(0, 80))}`);
  return { message, problems, cpuMs };
}

// ---- hostile MIME, by hand -------------------------------------------------------------------------------------

const b64 = (s: string) => Buffer.from(s).toString('base64');
const HEAD = [
  'From: Klant <klant@example.com>',
  'To: support@demoshop.nl',
  'Subject: Vraag',
  'Date: Wed, 25 Nov 2026 09:00:00 +0000',
  'Message-ID: <fuzz@example.com>',
  'MIME-Version: 1.0',
];
const with_ = (replace: Record<string, string | null>, extra: string[] = []) => [
  ...HEAD.filter((h) => !(h.split(':')[0]! in replace)),
  ...Object.entries(replace)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`),
  ...extra,
];
const mail = (headers: string[], body: string | Buffer = 'Waar is mijn pakket?\r\n') =>
  Buffer.concat([Buffer.from(headers.join('\r\n') + '\r\n\r\n', 'utf8'), typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
const wrap76 = (s: string) => s.replace(/.{76}/g, '$&\r\n');

function nestedMultipart(depth: number): Buffer {
  let part = 'Content-Type: text/plain; charset=utf-8\r\n\r\nDiep verstopt\r\n';
  for (let i = depth; i > 0; i--) part = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${part}\r\n--n${i}--\r\n`;
  return Buffer.from(HEAD.join('\r\n') + '\r\n' + part);
}

function nestedRfc822(depth: number): Buffer {
  let inner = HEAD.join('\r\n') + '\r\n\r\nBinnenste mail\r\n';
  for (let i = 0; i < depth; i++) inner = `${HEAD.join('\r\n')}\r\nContent-Type: message/rfc822\r\n\r\n${inner}`;
  return Buffer.from(inner);
}

function manyParts(count: number, nameLength = 8): Buffer {
  let body = 'This is a multi-part message\r\n';
  for (let i = 0; i < count; i++)
    body += `--P\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="${'f'.repeat(nameLength)}${i}.bin"\r\n\r\nx\r\n`;
  return mail(with_({ 'Content-Type': 'multipart/mixed; boundary="P"' }), body + '--P--\r\n');
}

function withAttachment(contentHeaders: string[], content: string | Buffer): Buffer {
  return mail(
    with_({ 'Content-Type': 'multipart/mixed; boundary="A"' }),
    Buffer.concat([
      Buffer.from('--A\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlage\r\n--A\r\n' + contentHeaders.join('\r\n') + '\r\n\r\n'),
      typeof content === 'string' ? Buffer.from(content, 'latin1') : content,
      Buffer.from('\r\n--A--\r\n'),
    ]),
  );
}

const INJECTIONS = [
  `=?utf-8?b?${b64('Hallo\r\nBcc: victim@example.com')}?=`,
  `=?utf-8?q?Hallo=0D=0ABcc:_victim@example.com?=`,
  `=?utf-8?b?${b64('Hallo\nBcc: victim@example.com\n')}?= =?utf-8?b?${b64('\r\nSubject: tweede')}?=`,
  `=?utf-8?b?${b64('Hallo\rBcc: victim@example.com')}?=`,
  `=?iso-8859-1?q?Hallo=85Bcc:_x=0Dy?=`,
  `=?utf-8?b?${b64('Hallo\u2028Bcc: victim@example.com\u0085\u0000')}?=`,
  `=?utf-16?b?${Buffer.from('Hallo\r\nBcc: v@x.com', 'utf16le').toString('base64')}?=`,
  `Hallo =?utf-8?q?=0A?= Bcc: victim@example.com`,
];

const HOSTILE: Array<[string, () => Buffer, string?]> = [
  ['multipart nested 150 deep', () => nestedMultipart(150)],
  ['multipart nested 1,000 deep', () => nestedMultipart(1_000)],
  ['message/rfc822 nested 120 deep', () => nestedRfc822(120)],
  ['5,000 tiny parts', () => manyParts(5_000)],
  ['990 attachments with 200-character names', () => manyParts(990, 200)],
  [
    'a 20 MB base64 attachment',
    () =>
      withAttachment(
        ['Content-Type: application/pdf; name="groot.pdf"', 'Content-Transfer-Encoding: base64'],
        wrap76(Buffer.alloc(15 * 1024 * 1024, 0x25).toString('base64')),
      ),
  ],
  [
    'a 20 MB base64 text body',
    () =>
      mail(
        with_({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': 'base64' }),
        wrap76(Buffer.from('Mijn bestelling. '.repeat(900_000)).toString('base64')),
      ),
  ],
  [
    '8 MB of base64 on one line',
    () => withAttachment(['Content-Type: image/png', 'Content-Transfer-Encoding: base64'], Buffer.alloc(6 * 1024 * 1024, 7).toString('base64')),
  ],
  [
    'base64 full of garbage characters',
    () => withAttachment(['Content-Type: image/png', 'Content-Transfer-Encoding: base64'], '!!@@##$$%%^^&&**(())'.repeat(50_000)),
  ],
  [
    'a quoted-printable bomb of soft line breaks',
    () => mail(with_({ 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'quoted-printable' }), '=\r\n'.repeat(500_000) + '=F0=9F=99=82'),
  ],
  [
    'an unknown charset',
    () => mail(with_({ 'Content-Type': 'text/plain; charset=x-klingon', Subject: '=?x-klingon?q?qapla=27?=' }), Buffer.from([0x80, 0x81, 0xfe, 0xff, 0x41])),
  ],
  ['utf-7 and utf-16 with odd bytes', () => withAttachment(['Content-Type: text/plain; charset=utf-16'], Buffer.from([0x41, 0x00, 0xd8, 0x00, 0x42]))],
  [
    'iso-2022-jp full of garbage',
    () => mail(with_({ 'Content-Type': 'text/plain; charset=iso-2022-jp' }), Buffer.from('\x1b$B\x1b(J\x1b$@\xff\xfe\x1b'.repeat(1000), 'latin1')),
  ],
  ['an empty charset', () => mail(with_({ 'Content-Type': 'text/plain; charset=""' }))],
  [
    'NUL bytes in headers and body',
    () => mail(with_({ Subject: 'Hal\u0000lo', From: 'Kl\u0000ant <klant@example.com>' }), 'Waar\u0000 is\u0000\u0000 mijn pakket?'),
  ],
  ['a raw CRLF Bcc after the Subject', () => mail(with_({ Subject: 'Hallo\r\nBcc: victim@example.com' }))],
  ...INJECTIONS.map((s, i): [string, () => Buffer] => [`an encoded-word Subject that decodes to a line break (${i})`, () => mail(with_({ Subject: s }))]),
  ...INJECTIONS.map((s, i): [string, () => Buffer] => [
    `an encoded-word From name that decodes to a line break (${i})`,
    () => mail(with_({ From: `${s} <klant@example.com>` })),
  ]),
  ['a quoted From name with an escaped CR', () => mail(with_({ From: '"Klant\\\rBcc: v@example.com" <klant@example.com>' }))],
  ['an encoded word in the From address', () => mail(with_({ From: `=?utf-8?b?${b64('a\r\nBcc: v@example.com')}?=@example.com` }))],
  [
    'a Reply-To whose name and address carry line breaks',
    () => mail(with_({ 'Reply-To': `=?utf-8?b?${b64('Naam\r\nBcc: v@x.com')}?= <=?utf-8?b?${b64('r\r\n@x.com')}?=>` })),
  ],
  [
    'an attachment name with CRLF and ../',
    () =>
      withAttachment(
        [
          `Content-Type: application/pdf; name="=?utf-8?b?${b64('../../etc/passwd\r\nBcc: x')}?="`,
          `Content-Disposition: attachment; filename="=?utf-8?b?${b64('..\\..\\boot.ini\r\n.pdf')}?="`,
        ],
        'x',
      ),
  ],
  [
    'an unterminated boundary',
    () =>
      mail(
        with_({ 'Content-Type': 'multipart/mixed; boundary="U"' }),
        '--U\r\nContent-Type: text/plain\r\n\r\nnooit af\r\n--U\r\nContent-Type: text/html\r\n\r\n<p>ook niet',
      ),
  ],
  ['a boundary that never appears', () => mail(with_({ 'Content-Type': 'multipart/alternative; boundary="nergens"' }), 'Alleen tekst\r\n')],
  ['an empty boundary', () => mail(with_({ 'Content-Type': 'multipart/mixed; boundary=""' }), '--\r\nContent-Type: text/plain\r\n\r\nleeg\r\n----\r\n')],
  ['multipart without a boundary', () => mail(with_({ 'Content-Type': 'multipart/mixed' }), '--x\r\n\r\nhoi\r\n--x--')],
  ['no headers at all', () => Buffer.from('\r\nAlleen een tekst zonder kop\r\n')],
  ['no From and an empty envelope sender', () => mail(with_({ From: null, 'Message-ID': null, Date: null })), ''],
  ['an empty file', () => Buffer.alloc(0), ''],
  ['1 KB of binary garbage', () => Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7919 + 13) % 256))],
  ['100 KB of binary garbage', () => Buffer.from(Array.from({ length: 100 * 1024 }, (_, i) => (i * 104_729 + 7) % 256))],
  ['a 900 KB Subject', () => mail(with_({ Subject: 'lang '.repeat(180_000) }))],
  ['a 3,000-character Subject that grows under NFKC', () => mail(with_({ Subject: `=?utf-8?b?${b64('\ufdfa'.repeat(3_000))}?=` }))],
  ['10,000 Received headers', () => mail([...Array.from({ length: 10_000 }, (_, i) => `Received: from relay${i}.example.com by mx.example.com`), ...HEAD])],
  [
    '20,000 recipients',
    () =>
      mail(
        with_({
          To: Array.from({ length: 20_000 }, (_, i) => `ontvanger${i}@example.com`).join(', '),
          Cc: Array.from({ length: 5_000 }, (_, i) => `cc${i}@example.com`).join(', '),
        }),
      ),
  ],
  ['20,000 References', () => mail(with_({ References: Array.from({ length: 20_000 }, (_, i) => `<ref${i}@example.com>`).join(' ') }))],
  ['a 300 KB Message-ID', () => mail(with_({ 'Message-ID': `<${'x'.repeat(300_000)}@example.com>` }))],
  ['a 10 KB In-Reply-To of one id', () => mail(with_({ 'In-Reply-To': `<${'é'.repeat(5_000)}@example.com>` }))],
  ['a 300 KB From address', () => mail(with_({ From: `${'a'.repeat(300_000)}@example.com` }))],
  ['a 2 KB From address of multibyte characters', () => mail(with_({ From: `Klant <${'ü'.repeat(1_000)}@example.com>` }))],
  ['100,000 blank lines', () => mail(with_({ 'Content-Type': 'text/plain' }), 'Hallo\r\n' + '\r\n'.repeat(100_000) + 'Groet')],
  ['100,000 whitespace-only lines', () => mail(with_({ 'Content-Type': 'text/plain' }), 'Hallo\r\n' + ' \t\r\n'.repeat(100_000))],
  ['one 10 MB line', () => mail(with_({ 'Content-Type': 'text/plain' }), 'a'.repeat(10 * 1024 * 1024))],
  ['a 1 MB line of dashes and one of spaces', () => mail(with_({ 'Content-Type': 'text/plain' }), '-'.repeat(1024 * 1024) + '\r\n' + ' '.repeat(1024 * 1024))],
  ['a history marker on every one of 200,000 lines', () => mail(with_({ 'Content-Type': 'text/plain' }), 'On 1 Jan 2026 someone wrote:\r\n'.repeat(200_000))],
  ['200,000 nested divs', () => mail(with_({ 'Content-Type': 'text/html' }), '<div>'.repeat(200_000) + 'x' + '</div>'.repeat(200_000))],
  ['400,000 unclosed spans', () => mail(with_({ 'Content-Type': 'text/html' }), '<span><b>'.repeat(400_000))],
  [
    '5 MB of HTML',
    () =>
      mail(
        with_({ 'Content-Type': 'text/html; charset=utf-8' }),
        '<p>Hallo <a href="https://example.com">x</a><img src="https://t.example.com/p.gif"></p>\r\n'.repeat(60_000),
      ),
  ],
  ['a Date in the year -5000', () => mail(with_({ Date: 'Mon, 1 Jan -5000 00:00:00 +0000' }))],
  ['a Date in the year 275760', () => mail(with_({ Date: 'Sat, 13 Sep 275760 00:00:00 +0000' }))],
  ['a Date in the year 10', () => mail(with_({ Date: 'Mon, 1 Jan 0010 00:00:00 +0000' }))],
  ['a Date that is nonsense', () => mail(with_({ Date: 'Mon, 99 Foo 99999 99:99:99 +9999' }))],
  ['header lines without a colon', () => Buffer.from('From klant@example.com\r\nSubject\r\n: leeg\r\n\r\nhoi')],
  [
    'uuencoded garbage',
    () => withAttachment(['Content-Type: application/octet-stream', 'Content-Transfer-Encoding: x-uuencode'], 'begin 644 x\r\n' + 'M'.repeat(5000) + '\r\nend'),
  ],
  ['a text part of 10 MB NUL bytes', () => mail(with_({ 'Content-Type': 'text/plain' }), Buffer.alloc(10 * 1024 * 1024))],
];

// ---- mutated real mail -----------------------------------------------------------------------------------------

const FIXTURES = (() => {
  const dir = new URL('../fixtures/email/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => ({ name: f, raw: readFileSync(new URL(f, dir)) }));
})();

const SNIPPETS = [
  '\r\n',
  '\n',
  '\r',
  '\u0000',
  '\r\nBcc: victim@example.com\r\n',
  '\r\n\r\n',
  '--',
  '=?utf-8?b?DQpCY2M6IHhAeC5jb20=?=',
  '=?',
  '?=',
  ':',
  '<',
  '>',
  '"',
  '\ufeff',
  '=\r\n',
  'Content-Type: multipart/mixed; boundary=""\r\n',
];

function mutateMail(r: Rng): { name: string; raw: Buffer; what: string[] } {
  const fixture = r.pick(FIXTURES);
  let raw = Buffer.from(fixture.raw);
  const what: string[] = [];
  for (let round = 1 + r.int(3); round > 0 && raw.length > 0; round--) {
    const at = r.int(raw.length);
    const op = r.int(6);
    if (op === 0) {
      for (let i = 1 + r.int(8); i > 0; i--) {
        const p = r.int(raw.length);
        raw[p] = raw[p]! ^ (1 + r.int(255));
      }
      what.push('byte flips');
    } else if (op === 1) {
      raw = raw.subarray(0, at);
      what.push(`cut at ${at}`);
    } else if (op === 2) {
      const snippet = r.pick(SNIPPETS);
      raw = Buffer.concat([raw.subarray(0, at), Buffer.from(snippet), raw.subarray(at)]);
      what.push(`${JSON.stringify(snippet)} at ${at}`);
    } else if (op === 3) {
      raw = Buffer.concat([raw.subarray(0, at), raw.subarray(Math.min(raw.length, at + 1 + r.int(200)))]);
      what.push(`bytes removed at ${at}`);
    } else if (op === 4) {
      const end = Math.min(raw.length, at + 1 + r.int(300));
      raw = Buffer.concat([raw.subarray(0, end), ...Array.from({ length: 1 + r.int(200) }, () => raw.subarray(at, end)), raw.subarray(end)]);
      what.push(`bytes ${at}-${end} repeated`);
    } else {
      const bad = r.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80, 0x80], [0xf8, 0x88]]);
      raw = Buffer.concat([raw.subarray(0, at), Buffer.from(bad), raw.subarray(at)]);
      what.push(`invalid UTF-8 at ${at}`);
    }
  }
  return { name: fixture.name, raw, what };
}

// ---- the runs --------------------------------------------------------------------------------------------------

describe('fuzzing the email door', () => {
  it(`survives ${HOSTILE.length} hand-written hostile mails, each stored (or marked unparseable) in under ${CASE_TIME_LIMIT_MS / 1000} s`, async () => {
    const failures: string[] = [];
    const kinds: Record<string, number> = {};
    for (const [name, build, envelope] of HOSTILE) {
      const outcome = await ingest(build(), envelope);
      const kind = outcome.message?.kind ?? 'none';
      if (process.env.FUZZ_REPORT) console.info(`${Math.round(outcome.cpuMs)} ms CPU\t${kind}\t${name}\t${outcome.message?.email?.unparseable ?? ''}`);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      for (const problem of outcome.problems) failures.push(`${name} → ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(kinds.email).toBeGreaterThan(HOSTILE.length / 2);
  }, 120_000);

  it(`survives ${MUTATED_CASES} mutated copies of the real mails (seed ${SEED})`, async () => {
    const r = rng(SEED);
    const failures: string[] = [];
    for (let i = 0; i < MUTATED_CASES; i++) {
      const c = mutateMail(r);
      const outcome = await ingest(c.raw, r.pick(['klant@example.com', '', 'MAILER-DAEMON@example.com']));
      for (const problem of outcome.problems) failures.push(`#${i} ${c.name} [${c.what.join('; ')}] → ${problem}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('reads every untouched fixture as an email', async () => {
    for (const f of FIXTURES) {
      const outcome = await ingest(f.raw);
      expect({ name: f.name, kind: outcome.message?.kind, problems: outcome.problems }).toEqual({ name: f.name, kind: 'email', problems: [] });
    }
  });
});

// ---- the reply ---------------------------------------------------------------------------------------------------

/** The outbound mail as send-reply builds it (functions/send): to the writer, Re: the thread's subject. */
function replyTo(subject: string | undefined, to: { handle: string; name?: string }, inReplyTo: string, references: string[]): OutboundMessage {
  return {
    channel: 'email',
    to,
    text: 'Beste klant, uw pakket is onderweg.',
    email: {
      subject: replySubject(subject),
      messageId: replyMessageId('d_fuzz', 'support@demoshop.nl'),
      inReplyTo,
      references: [...references, inReplyTo].slice(-20),
    },
  };
}

async function injectedHeaders(outbound: OutboundMessage): Promise<string[]> {
  const raw = (await composeReplyMime(outbound, 'Demoshop Klantenservice <support@demoshop.nl>')).toString('utf8');
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const parsed = await simpleParser(raw);
  const problems: string[] = [];
  if (/^bcc:/im.test(head) || parsed.headers.has('bcc')) problems.push('a Bcc header');
  if (/^x:/im.test(head)) problems.push('an X header');
  const count = (key: string) => parsed.headerLines.filter((l) => l.key === key).length;
  if (count('subject') !== 1) problems.push(`${count('subject')} Subject headers`);
  if (count('to') !== 1) problems.push(`${count('to')} To headers`);
  const to = Array.isArray(parsed.to) ? parsed.to.flatMap((a) => a.value) : (parsed.to?.value ?? []);
  if (to.length !== 1 || to[0]!.address !== outbound.to.handle) problems.push(`To is ${JSON.stringify(to.map((a) => a.address))}`);
  if (CRLF.test(parsed.subject ?? '') || CRLF.test(to[0]?.name ?? ''))
    problems.push(`a line break in the Subject or To name: ${JSON.stringify([parsed.subject, to[0]?.name])}`);
  return problems;
}

describe('the reply to a mail with header injection', () => {
  it.each(INJECTIONS.map((s, i) => [i, s]))(
    'has no injected header when subject and name carry injection %i, from the stored message',
    async (_i, injection) => {
      const outcome = await ingest(mail(with_({ Subject: injection, From: `${injection} <klant@example.com>` })));
      expect(outcome.problems).toEqual([]);
      const m = outcome.message!;
      expect(m.email?.from?.address).toBe('klant@example.com');
      const outbound = replyTo(
        m.subject,
        { handle: m.email!.replyTo ?? m.email!.from!.address, name: m.email!.replyTo ? undefined : m.email!.from?.name },
        m.email!.messageId,
        m.email!.references,
      );
      expect(await injectedHeaders(outbound)).toEqual([]);
    },
  );

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
    ['CRLF and a folded continuation', '\r\n '],
  ])('has no injected header for a thread stored before the fix, with %s in its subject and contact name', async (_name, br) => {
    const outbound = replyTo(
      `Hallo${br}Bcc: victim@example.com${br}X: y`,
      { handle: 'klant@example.com', name: `Klant${br}Bcc: victim@example.com` },
      '<a@example.com>',
      [`<b@example.com>${br}Bcc: v@example.com`],
    );
    expect(await injectedHeaders(outbound)).toEqual([]);
  });
});

describe('email regressions found by the fuzz run', () => {
  const stored = async (raw: Buffer, envelope?: string) => {
    const outcome = await ingest(raw, envelope);
    expect(outcome.problems).toEqual([]);
    return { ...outcome.message!, cpuMs: outcome.cpuMs };
  };

  it('stores an encoded-word Subject and From name that decode to CRLF + Bcc as one line', async () => {
    const m = await stored(mail(with_({ Subject: INJECTIONS[0]!, From: `${INJECTIONS[0]!} <klant@example.com>` })));
    expect([m.subject, m.contact.name, m.email?.from]).toEqual([
      'Hallo Bcc: victim@example.com',
      'Hallo Bcc: victim@example.com',
      { address: 'klant@example.com', name: 'Hallo Bcc: victim@example.com' },
    ]);
  });

  it('reads the sender of a From whose injected name makes it a group ("Hallo Bcc: <klant@example.com>;")', async () => {
    const m = await stored(mail(with_({ From: `=?utf-8?q?Hallo=0D=0ABcc:_x?= <klant@example.com>` })));
    expect(m.contact.handle).toBe('klant@example.com');
  });

  it('cleans 100,000 blank lines in well under a second (email-reply-parser took minutes: a Lambda timeout, then the DLQ)', async () => {
    const m = await stored(mail(with_({ 'Content-Type': 'text/plain' }), 'Hallo\r\n' + '\r\n'.repeat(100_000) + 'Groet'));
    expect(m.cpuMs).toBeLessThan(1_000);
    expect(m.text).toBe('Hallo\n\nGroet');
  });

  it('sanitizes at most 256 KB of HTML, marked […] (400,000 unclosed spans took minutes)', async () => {
    const m = await stored(mail(with_({ 'Content-Type': 'text/html' }), '<span><b>'.repeat(400_000)));
    expect(m.cpuMs).toBeLessThan(CASE_TIME_LIMIT_MS);
    const html = m.email?.html ?? Buffer.from(blobs.objects.get(m.email!.htmlKey!)!).toString();
    expect(html.endsWith('<p>[…]</p>')).toBe(true);
  });

  it('marks a mail of 990 attachments unparseable with the reason, instead of throwing MessageTooLargeError into the DLQ', async () => {
    const m = await stored(manyParts(990, 200));
    expect(m.kind).toBe('unparseable');
    expect(m.email?.unparseable).toMatch(/^the parsed mail is \d+ bytes, over the queue's 262144$/);
    expect(blobs.objects.size).toBeGreaterThan(990);
  });

  it('gives a mail without From from an empty envelope sender (a bounce) the handle unknown@invalid, not "" (the worker refused it)', async () => {
    const m = await stored(mail(with_({ From: null })), '');
    expect(m.contact.handle).toBe('unknown@invalid');
  });

  it('dates a mail from the year -5000 when SES received it (its ISO date was refused by the worker)', async () => {
    expect((await stored(mail(with_({ Date: 'Mon, 1 Jan -5000 00:00:00 +0000' })))).sentAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('keeps the thread key of a subject that NFKC grows 18× within a DynamoDB key (it was 33 KB)', async () => {
    const m = await stored(mail(with_({ Subject: `=?utf-8?b?${b64('\ufdfa'.repeat(3_000))}?=` })));
    expect(m.subject).toHaveLength(998);
  });

  it('replaces a 300 KB Message-ID by its hash, the same one an In-Reply-To naming it gets, so the reply still threads', async () => {
    const long = `<${'x'.repeat(300_000)}@example.com>`;
    const first = await stored(mail(with_({ 'Message-ID': long })));
    const reply = await stored(mail(with_({ 'Message-ID': '<reply@example.com>', 'In-Reply-To': long, References: long })));
    expect(first.email?.messageId).toMatch(/^<[0-9a-f]{32}@balie\.long-id>$/);
    expect([reply.email?.inReplyTo, reply.email?.references]).toEqual([first.email?.messageId, [first.email?.messageId]]);
  });

  it('keeps at most 100 To, 100 Cc and the last 50 References (20,000 recipients made a message over 256 KB)', async () => {
    const m = await stored(
      mail(
        with_({
          To: Array.from({ length: 20_000 }, (_, i) => `o${i}@example.com`).join(', '),
          References: Array.from({ length: 20_000 }, (_, i) => `<r${i}@example.com>`).join(' '),
        }),
      ),
    );
    expect([m.email?.to.length, m.email?.references.length, m.email?.references.at(-1)]).toEqual([100, 50, '<r19999@example.com>']);
  });
});
