import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookApp } from '../../functions/ingest-webhook/app.js';
import { signMetaPayload } from '../../shared/channels/meta-signature.js';
import { DEFAULT_MAX_WEBHOOK_BYTES } from '../../shared/config/env.js';
import { fuzzSeed, recordingLogger, recordingPublisher, rng, unstorable, type Rng } from '../helpers/fuzz.js';

/**
 * Fuzzing Meta's webhook door in-process: mutated copies of the real fixtures, each signed with the app secret so the
 * parser is reached. Whatever comes in: no 5xx, no throw; a refusal is a 4xx with `{ error, message }`; a 200 means
 * every message and receipt of the body went to the queue in a form the triage worker can store.
 * Replay a failure with FUZZ_SEED=<seed printed in the test name>.
 */
const SEED = fuzzSeed(0x5eed_1e57);
const CASES_PER_CHANNEL = 300;
const SECRET = 'fuzz-app-secret';
const CHANNELS = ['whatsapp', 'messenger', 'instagram'] as const;
type FuzzChannel = (typeof CHANNELS)[number];

const fixtures = Object.fromEntries(
  CHANNELS.map((channel) => {
    const dir = new URL(`../fixtures/${channel}/`, import.meta.url);
    return [
      channel,
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => ({ name: f, body: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown })),
    ];
  }),
) as Record<FuzzChannel, Array<{ name: string; body: unknown }>>;

const { publisher, bodies } = recordingPublisher();
const { logger, errors } = recordingLogger();
const app = createWebhookApp({
  secret: async () => ({ appSecret: SECRET, verifyToken: 'fuzz-verify' }),
  maxBodyBytes: DEFAULT_MAX_WEBHOOK_BYTES,
  publisher,
  logger,
});

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => process.off('unhandledRejection', onUnhandled));

// ---- mutations -------------------------------------------------------------------------------------------------

type Path = Array<string | number>;
/** A string value replaced in the JSON text afterwards: by 10,000 levels of nesting or a number JS cannot hold. */
const SPLICE = 'SPLICED-TEXT-GOES-HERE';

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return {};
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1);
  else delete node[path.at(-1)!];
  return root;
}

const leafPaths = (root: unknown, type: string) =>
  pathsOf(root).filter((p) => typeof p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root) === type);
const arrayPaths = (root: unknown) => pathsOf(root).filter((p) => Array.isArray(p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root)));

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e21,
  8.64e15,
  2 ** 53 + 2,
  -0,
  '',
  ' ',
  '0',
  '999999999999',
  '253402300800',
  '-1',
  '1e3',
  'NaN',
  [],
  {},
  [[]],
  { id: {} },
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\r\nBcc: victim@example.com',
  '🙂'.repeat(300),
  'x'.repeat(1_500),
  '€'.repeat(700),
  { constructor: { prototype: { polluted: true } } },
];

const ODD_STRINGS = [
  '',
  '\u0000',
  '\ud800',
  '\r\n',
  'x'.repeat(2_000),
  'é'.repeat(1_000),
  '999999999999',
  '1e400',
  '<script>',
  '../../etc/passwd',
  '\u202e\u2066',
];
const ODD_TIMESTAMPS: unknown[] = [
  '999999999999',
  '253402300800',
  '253402300799',
  '0',
  '-1',
  '1.5',
  ' 1764057600',
  8.64e15,
  8.64e15 + 1,
  253_402_300_800_000,
  -1,
  1.5,
  1e21,
  1e300,
  -1e300,
  '1764057600',
];
/** Numbers JSON can spell but a JavaScript value cannot round-trip: spliced into the text in place of a marker. */
const ODD_NUMBER_TEXT = ['9007199254740993', '1e400', '-1e400', '1.7976931348623157e309', '-0.0', '0e0', '123456789012345678901234567890'];
const INVALID_UTF8 = [[0xff], [0xfe], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]];
const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
];

interface Mutated {
  body: Uint8Array;
  what: string[];
}

function nest(r: Rng, levels: number): string {
  return r.chance(0.5) ? '['.repeat(levels) + '1' + ']'.repeat(levels) : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

/** A structural change to a copy of the fixture; a `SPLICE` marker is replaced in the text afterwards. */
function mutateTree(r: Rng, root: unknown, what: string[]): { root: unknown; splice?: string } {
  const paths = pathsOf(root);
  // timestamps weigh more: they become keys and ISO dates, where a value out of range breaks the most
  const op = r.pick([0, 0, 1, 2, 3, 4, 5, 5, 5, 6, 7, 8]);
  if (op === 0) {
    const p = r.pick(paths);
    what.push(`swap ${p.join('.')}`);
    return { root: setAt(root, p, structuredClone(r.pick(ODD_VALUES))) };
  }
  if (op === 1 && paths.length > 1) {
    const p = r.pick(paths.slice(1));
    what.push(`delete ${p.join('.')}`);
    return { root: deleteAt(root, p) };
  }
  if (op === 2) {
    const p = r.pick(paths);
    const levels = r.pick([10_000, 10_000, 2_000, 40, 33, 20]);
    what.push(`nest ${levels} at ${p.join('.')}`);
    return { root: setAt(root, p, SPLICE), splice: nest(r, levels) };
  }
  if (op === 3) {
    const strings = leafPaths(root, 'string');
    if (strings.length) {
      const p = r.pick(strings);
      const size = r.pick([1_100_000, 700_000, 300_000, 200_000, 3_000]);
      what.push(`huge string (${size}) at ${p.join('.')}`);
      return { root: setAt(root, p, r.pick(['x', 'é', '🙂', '\u0000', '"']).repeat(size / 2)) };
    }
  }
  if (op === 4) {
    const strings = leafPaths(root, 'string');
    if (strings.length) {
      const p = r.pick(strings);
      what.push(`odd string at ${p.join('.')}`);
      return { root: setAt(root, p, r.pick(ODD_STRINGS)) };
    }
  }
  if (op === 5) {
    const stamps = pathsOf(root).filter((p) => /^(timestamp|watermark|time)$/.test(String(p.at(-1))));
    if (stamps.length) {
      const p = r.pick(stamps);
      if (r.chance(0.3)) {
        const text = r.pick(ODD_NUMBER_TEXT);
        what.push(`timestamp ${text} at ${p.join('.')}`);
        return { root: setAt(root, p, SPLICE), splice: text };
      }
      const v = r.pick(ODD_TIMESTAMPS);
      what.push(`timestamp ${JSON.stringify(v)} at ${p.join('.')}`);
      return { root: setAt(root, p, v) };
    }
  }
  if (op === 6) {
    const arrays = arrayPaths(root);
    if (arrays.length) {
      const p = r.pick(arrays);
      const list = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root) as unknown[];
      const copies = r.pick([0, 2, 50, 500]);
      what.push(`array ${p.join('.')} × ${copies}`);
      return {
        root: setAt(root, p, list.length ? Array.from({ length: copies }, () => structuredClone(list[0])) : Array.from({ length: copies }, () => ({}))),
      };
    }
  }
  if (op === 7) {
    what.push('whole body replaced');
    return {
      root: r.pick<unknown>([[], null, 'body', 123, true, {}, { object: 'page' }, { object: 'whatsapp_business_account', entry: [] }, { entry: [{}] }]),
    };
  }
  const nonRoot = paths.filter((q) => q.length > 0);
  if (op === 8 && nonRoot.length) {
    const p = r.pick(nonRoot);
    what.push(`sibling keys at ${p.join('.')}`);
    const parent = p.slice(0, -1).reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], root);
    if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
      const own = (key: string, value: unknown) => Object.defineProperty(parent, key, { value, enumerable: true, configurable: true, writable: true });
      own('__proto__', { polluted: true });
      own('constructor', { prototype: { polluted: true } });
      own('toString', 'x');
    }
    return { root };
  }
  return { root };
}

function mutateBytes(r: Rng, body: Uint8Array, what: string[]): Uint8Array {
  const op = r.int(5);
  if (body.length === 0) return body;
  if (op === 0) {
    const copy = Buffer.from(body);
    const flips = 1 + r.int(4);
    for (let i = 0; i < flips; i++) {
      const at = r.int(copy.length);
      copy[at] = copy[at]! ^ (1 + r.int(255));
    }
    what.push(`${flips} byte flips`);
    return copy;
  }
  if (op === 1) {
    const at = r.int(body.length);
    what.push(`truncated at ${at}`);
    return body.subarray(0, at);
  }
  if (op === 2) {
    const at = r.int(body.length);
    const bad = r.pick(INVALID_UTF8);
    what.push(`invalid UTF-8 ${bad.map((b) => b.toString(16)).join(' ')} at ${at}`);
    return Buffer.concat([body.subarray(0, at), Buffer.from(bad), body.subarray(at)]);
  }
  if (op === 3) {
    const from = r.int(body.length);
    const to = Math.min(body.length, from + 1 + r.int(40));
    what.push(`bytes ${from}-${to} removed`);
    return Buffer.concat([body.subarray(0, from), body.subarray(to)]);
  }
  const at = r.int(body.length);
  what.push(`BOM/NUL inserted at ${at}`);
  return Buffer.concat([body.subarray(0, at), Buffer.from(r.pick(['\ufeff', '\u0000', ' ', '\r\n', ',', '}'])), body.subarray(at)]);
}

function mutate(r: Rng, channel: FuzzChannel): Mutated & { fixture: string } {
  const fixture = r.pick(fixtures[channel]);
  const what: string[] = [];
  let root = structuredClone(fixture.body);
  let splice: string | undefined;
  const rounds = 1 + r.int(3);
  for (let i = 0; i < rounds; i++) {
    const out = mutateTree(r, root, what);
    root = out.root;
    splice = out.splice ?? splice;
  }
  let text = JSON.stringify(root) ?? 'undefined';
  if (splice) text = text.replace(`"${SPLICE}"`, splice);
  let body: Uint8Array = Buffer.from(text);
  if (r.chance(0.3)) body = mutateBytes(r, body, what);
  return { fixture: fixture.name, body, what };
}

// ---- oracle ----------------------------------------------------------------------------------------------------

/** How many events a readable body must give: one per message and receipt (a Messenger delivery: one per mid). */
function expectedEvents(channel: FuzzChannel, body: Uint8Array): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
  const arr = (v: unknown) => (Array.isArray(v) ? v : []);
  const o = (v: unknown) => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  if (channel === 'whatsapp') {
    return arr(o(parsed).entry)
      .flatMap((e) => arr(o(e).changes))
      .filter((c) => o(c).field === 'messages')
      .reduce<number>((n, c) => n + arr(o(o(c).value).messages).length + arr(o(o(c).value).statuses).length, 0);
  }
  return arr(o(parsed).entry)
    .flatMap((e) => arr(o(e).messaging))
    .reduce<number>((n, m) => n + (o(m).delivery ? arr(o(o(m).delivery).mids).length : 1), 0);
}

async function post(channel: FuzzChannel, body: Uint8Array, headers: Record<string, string>) {
  bodies.length = 0;
  const res = await app.request(`/webhooks/${channel}`, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, text, published: [...bodies] };
}

/** Every way the answer can be wrong for one signed request, or [] when it is right. */
function judge(channel: FuzzChannel, body: Uint8Array, res: Awaited<ReturnType<typeof post>>): string[] {
  if (res.status >= 500) return [`${res.status}: ${res.text.slice(0, 200)}`];
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(res.text) as Record<string, unknown>;
  } catch {
    return [`${res.status} with a body that is not JSON: ${res.text.slice(0, 100)}`];
  }
  if (res.status >= 400) {
    const problems: string[] = [];
    if (typeof json.error !== 'string' || typeof json.message !== 'string')
      problems.push(`${res.status} without { error, message }: ${res.text.slice(0, 200)}`);
    if (res.published.length) problems.push(`${res.status} but ${res.published.length} events were queued`);
    return problems;
  }
  if (res.status !== 200) return [`unexpected status ${res.status}`];
  const problems: string[] = [];
  if (json.received !== res.published.length) problems.push(`answered received=${String(json.received)} but queued ${res.published.length}`);
  const expected = expectedEvents(channel, body);
  if (expected === undefined) problems.push('200 for a body that is not UTF-8 JSON');
  else if (res.published.length !== expected) problems.push(`200 with ${res.published.length} events queued for ${expected} messages and receipts in the body`);
  for (const queued of res.published) problems.push(...unstorable(queued));
  return problems;
}

// ---- the runs --------------------------------------------------------------------------------------------------

describe.each(CHANNELS)('fuzzing the %s webhook', (channel) => {
  it(`survives ${CASES_PER_CHANNEL} mutated, correctly signed payloads (seed ${SEED})`, async () => {
    const r = rng(SEED ^ (channel.length * 0x9e3779b1));
    errors.length = 0;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES_PER_CHANNEL; i++) {
      const c = mutate(r, channel);
      const contentType = r.pick(CONTENT_TYPES);
      const res = await post(channel, c.body, {
        'x-hub-signature-256': signMetaPayload(c.body, SECRET),
        ...(contentType ? { 'content-type': contentType } : {}),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      for (const problem of judge(channel, c.body, res)) failures.push(`#${i} ${c.fixture} [${c.what.join('; ')}] → ${problem}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(errors).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // the run reached every outcome: accepted, refused as unreadable, refused as too large
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 413]));
  });

  it('answers the untouched fixtures with 200 and every event queued', async () => {
    for (const f of fixtures[channel]) {
      const body = Buffer.from(JSON.stringify(f.body));
      const res = await post(channel, body, { 'x-hub-signature-256': signMetaPayload(body, SECRET), 'content-type': 'application/json' });
      expect({ fixture: f.name, problems: judge(channel, body, res), status: res.status }).toEqual({ fixture: f.name, problems: [], status: 200 });
    }
  });

  it('refuses bad signatures with 401 and queues nothing, whatever the body', async () => {
    const good = Buffer.from(JSON.stringify(fixtures[channel][0]!.body));
    const hostile = [good, Buffer.from(nest(rng(SEED), 10_000)), Buffer.from([0xff, 0xfe, 0x00, 0x7b]), Buffer.alloc(0), Buffer.from('x'.repeat(900_000))];
    const signatures = (body: Buffer): Array<string | undefined> => [
      undefined,
      '',
      'sha256=',
      signMetaPayload(body, SECRET).slice(7),
      signMetaPayload(body, 'another-secret'),
      signMetaPayload(body, SECRET).slice(0, -2),
      signMetaPayload(body, SECRET) + '00',
      signMetaPayload(body, SECRET).toUpperCase(),
      'sha1=' + signMetaPayload(body, SECRET).slice(7),
      'sha256=' + 'zz'.repeat(32),
      'sha256=' + '0'.repeat(10_000),
      `${signMetaPayload(Buffer.from('{}'), SECRET)}, ${signMetaPayload(body, SECRET)}`,
      signMetaPayload(Buffer.concat([body, Buffer.from(' ')]), SECRET),
    ];
    let cases = 0;
    for (const body of hostile) {
      for (const signature of signatures(body)) {
        const res = await post(channel, body, signature === undefined ? {} : { 'x-hub-signature-256': signature });
        cases++;
        expect(
          { status: res.status, body: JSON.parse(res.text) as unknown, queued: res.published.length },
          `${signature?.slice(0, 80)} on ${body.length} bytes`,
        ).toEqual({
          status: 401,
          body: { error: 'invalid_signature', message: expect.any(String) },
          queued: 0,
        });
      }
    }
    expect(cases).toBe(hostile.length * 13);
  });

  it('answers the subscription handshake only for the right token, and refuses the rest with JSON', async () => {
    const queries = [
      '',
      'hub.mode=subscribe',
      'hub.mode=subscribe&hub.verify_token=fuzz-verify',
      'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
      'hub.mode=unsubscribe&hub.verify_token=fuzz-verify&hub.challenge=1',
      'hub.mode=subscribe&hub.verify_token=fuzz-verif&hub.challenge=1',
      `hub.mode=subscribe&hub.verify_token=${'x'.repeat(5_000)}&hub.challenge=1`,
      'hub.mode=subscribe&hub.verify_token=%00&hub.challenge=1',
      'hub.mode=subscribe&hub.verify_token=%E2%82&hub.challenge=1',
    ];
    for (const q of queries) {
      const res = await app.request(`/webhooks/${channel}?${q}`);
      expect({ q, status: res.status, body: await res.json() }).toEqual({ q, status: 401, body: { error: 'invalid_signature', message: expect.any(String) } });
    }
    const ok = await app.request(`/webhooks/${channel}?hub.mode=subscribe&hub.verify_token=fuzz-verify&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
  });
});

describe('webhook regressions found by the fuzz run', () => {
  const signed = async (channel: FuzzChannel, text: string) =>
    post(channel, Buffer.from(text), { 'x-hub-signature-256': signMetaPayload(Buffer.from(text), SECRET) });
  const withMessage = (change: (m: Record<string, unknown>) => void) => {
    const body = structuredClone(fixtures.whatsapp.find((f) => f.name === 'text.json')!.body) as {
      entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }>;
    };
    change(body.entry[0]!.changes[0]!.value.messages[0]!);
    return JSON.stringify(body);
  };

  it('answers a message nested 10,000 levels deep with 400, not 500 (JSON.stringify overflowed the stack in the publisher)', async () => {
    const text = withMessage((m) => (m.extra = SPLICE)).replace(`"${SPLICE}"`, '['.repeat(10_000) + ']'.repeat(10_000));
    const res = await signed('whatsapp', text);
    expect([res.status, JSON.parse(res.text), res.published.length]).toEqual([
      400,
      { error: 'invalid_payload', message: 'body is nested deeper than 32 levels' },
      0,
    ]);
  });

  it('answers a message whose raw payload is nested deeper than DynamoDB stores (32 levels) with 400, not a 200 the worker cannot store', async () => {
    const text = withMessage((m) => (m.extra = SPLICE)).replace(`"${SPLICE}"`, '{"a":'.repeat(30) + '1' + '}'.repeat(30));
    expect((await signed('whatsapp', text)).status).toBe(400);
    const shallow = withMessage((m) => (m.extra = SPLICE)).replace(`"${SPLICE}"`, '{"a":'.repeat(20) + '1' + '}'.repeat(20));
    const ok = await signed('whatsapp', shallow);
    expect([ok.status, ok.published.flatMap(unstorable)]).toEqual([200, []]);
  });

  it('answers a WhatsApp timestamp past the year 9999 with 400, not a 200 whose event the triage worker refuses', async () => {
    const res = await signed(
      'whatsapp',
      withMessage((m) => (m.timestamp = '999999999999')),
    );
    expect([res.status, JSON.parse(res.text).error, res.published.length]).toEqual([400, 'invalid_payload', 0]);
    const lastSecond = await signed(
      'whatsapp',
      withMessage((m) => (m.timestamp = '253402300799')),
    );
    expect([lastSecond.status, lastSecond.published.flatMap(unstorable)]).toEqual([200, []]);
  });

  it('answers a Messenger message dated 8.64e15 ms (year 275760) with 400, not a 200 the worker refuses', async () => {
    const body = structuredClone(fixtures.messenger.find((f) => f.name === 'text.json')!.body) as {
      entry: Array<{ messaging: Array<Record<string, unknown>> }>;
    };
    body.entry[0]!.messaging[0]!.timestamp = 8.64e15;
    expect((await signed('messenger', JSON.stringify(body))).status).toBe(400);
  });

  it.each([1e300, 8.64e15, -1])('keeps a Messenger read receipt whose watermark is no time (%s) at the event time, instead of a 500', async (watermark) => {
    const body = structuredClone(fixtures.messenger.find((f) => f.name === 'read.json')!.body) as {
      entry: Array<{ messaging: Array<{ timestamp: number; read: Record<string, unknown> }> }>;
    };
    body.entry[0]!.messaging[0]!.read.watermark = watermark;
    const res = await signed('messenger', JSON.stringify(body));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.published[0]!)).toMatchObject({
      type: 'status',
      status: 'read',
      watermark: new Date(body.entry[0]!.messaging[0]!.timestamp).toISOString(),
    });
  });

  it('answers an id over 512 bytes (a DynamoDB key downstream) with 400', async () => {
    const res = await signed(
      'whatsapp',
      withMessage((m) => (m.id = 'wamid.' + 'é'.repeat(600))),
    );
    expect([res.status, JSON.parse(res.text).message]).toEqual([400, 'event 0 has an id over 512 bytes']);
  });
});
