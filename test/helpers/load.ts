import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Channel } from '../../shared/domain/index.js';
import { createDocumentClient } from '../../shared/config/clients.js';
import { queueDepth } from '../../local/queues.js';
import type { LocalStack } from '../../local/stack.js';
import { postSignedWebhook, whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { fixture } from './fixtures.js';
import { mulberry32 } from './fuzz.js';

/**
 * A mixed inbound workload for the local stack (all four channels, many contacts, several messages each, Meta
 * redeliveries and concurrent duplicates), a driver that posts it the way Meta and SES do, and a check, read
 * straight from DynamoDB, that every unique message is stored exactly once in its contact's one thread.
 */

export type LoadChannel = Extract<Channel, 'whatsapp' | 'messenger' | 'instagram' | 'email'>;

export interface PlannedMessage {
  /** `<channel>:<externalId>`, as the triage worker stores it. */
  key: string;
  channel: LoadChannel;
  externalId: string;
  /** `<channel>:<handle>`: the thread the message must land in. */
  contact: string;
  /** The request that delivers it; calling it again is a redelivery of the very same bytes. */
  post: (url: string, appSecret: string) => Promise<Response>;
}

export interface Delivery {
  message: PlannedMessage;
  /** 1 = a single post; 2 = the same body posted twice at the same moment. */
  copies: 1 | 2;
  redelivery: boolean;
}

export interface LoadPlan {
  messages: PlannedMessage[];
  /** In posting order (shuffled: one contact's messages overlap; redeliveries come later, sometimes first). */
  deliveries: Delivery[];
  contacts: number;
  byChannel: Record<LoadChannel, number>;
  redeliveries: number;
  concurrentDuplicates: number;
}

const TEXTS = [
  'Waar blijft mijn bestelling {n}? Ik wacht al een week.',
  'I was charged twice for order {n}, please refund the second payment.',
  'Ik kan niet inloggen, mijn wachtwoord reset werkt niet.',
  'Zijn jullie op zondag open?',
  'This is the third time my delivery {n} is late. Unacceptable.',
  'Guten Tag, mein Paket {n} ist noch nicht angekommen.',
  'Kan ik mijn bestelling {n} nog ruilen voor een andere maat?',
  'Hello? Any news about my question?',
];

/**
 * `messages` unique customer messages. Contacts cycle whatsapp, whatsapp, messenger, instagram, email and write
 * 1–6 messages each (`channels` narrows that). `redeliveryRate` of the messages are posted again later (Meta redelivers what it thinks was not
 * acknowledged); `concurrentRate` are posted twice at the same moment. `runId` keeps two plans in one table apart.
 */
export function planLoad(options: {
  messages: number;
  seed?: number;
  redeliveryRate?: number;
  concurrentRate?: number;
  runId?: string;
  channels?: LoadChannel[];
}): LoadPlan {
  const random = mulberry32(options.seed ?? 20261125);
  const run = options.runId ?? 'l';
  // three digits from the run id, so two runs in one table never share a contact
  const runNo = String([...run].reduce((a, ch) => (a * 31 + ch.charCodeAt(0)) % 900, 7) + 100);
  const order = (['whatsapp', 'whatsapp', 'messenger', 'instagram', 'email'] as const).filter((c) => !options.channels || options.channels.includes(c));
  const messages: PlannedMessage[] = [];
  const byChannel: Record<LoadChannel, number> = { whatsapp: 0, messenger: 0, instagram: 0, email: 0 };
  // customers wrote during the last hour; each contact's messages a few seconds apart
  const base = Date.now() - 3_600_000;
  let contacts = 0;
  while (messages.length < options.messages) {
    const c = contacts++;
    const channel = order[c % order.length]!;
    const count = Math.min(1 + Math.floor(random() * 6), options.messages - messages.length);
    const start = base + Math.floor(random() * 3_000_000);
    const handle =
      channel === 'email'
        ? `klant.${run}.${c}@load.example`
        : channel === 'whatsapp'
          ? `31${runNo}${String(c).padStart(8, '0')}`
          : `${channel === 'messenger' ? 7 : 8}${runNo}${String(c).padStart(12, '0')}`;
    for (let k = 0; k < count; k++) {
      const at = new Date(start + k * 7_000);
      const text = TEXTS[Math.floor(random() * TEXTS.length)]!.replace('{n}', String(10_000 + c));
      messages.push(plannedMessage(channel, handle, c, k, at, text, run));
      byChannel[channel] += 1;
    }
  }
  const deliveries: Delivery[] = [];
  let redeliveries = 0;
  let concurrentDuplicates = 0;
  for (const message of messages) {
    const concurrent = random() < (options.concurrentRate ?? 0.02);
    concurrentDuplicates += concurrent ? 1 : 0;
    deliveries.push({ message, copies: concurrent ? 2 : 1, redelivery: false });
    if (random() < (options.redeliveryRate ?? 0.05)) {
      deliveries.push({ message, copies: 1, redelivery: true });
      redeliveries += 1;
    }
  }
  // Fisher–Yates: one contact's messages and their redeliveries arrive interleaved and in parallel
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  return { messages, deliveries, contacts, byChannel, redeliveries, concurrentDuplicates };
}

function plannedMessage(channel: LoadChannel, handle: string, c: number, k: number, at: Date, text: string, run: string): PlannedMessage {
  const contact = `${channel}:${handle}`;
  if (channel === 'whatsapp') {
    const externalId = `wamid.${run}.${c}.${k}`;
    const body = JSON.stringify(whatsappTextWebhook({ from: handle, name: `Klant ${c}`, text, wamid: externalId, timestamp: at }));
    return { key: `whatsapp:${externalId}`, channel, externalId, contact, post: (url, secret) => postSignedWebhook(`${url}/webhooks/whatsapp`, body, secret) };
  }
  if (channel === 'messenger' || channel === 'instagram') {
    const payload = structuredClone(fixture(`${channel}/text.json`)) as {
      entry: Array<{ time: number; messaging: Array<{ sender: { id: string }; timestamp: number; message: { mid: string; text: string } }> }>;
    };
    const event = payload.entry[0]!.messaging[0]!;
    const externalId = `m_${run}_${c}_${k}`;
    event.sender.id = handle;
    event.timestamp = at.getTime();
    event.message = { mid: externalId, text };
    payload.entry[0]!.time = at.getTime() + 500;
    const body = JSON.stringify(payload);
    return {
      key: `${channel}:${externalId}`,
      channel,
      externalId,
      contact,
      post: (url, secret) => postSignedWebhook(`${url}/webhooks/${channel}`, body, secret),
    };
  }
  const messageId = `<load.${run}.${c}.${k}@load.example>`;
  const previous = k > 0 ? `<load.${run}.${c}.${k - 1}@load.example>` : undefined;
  const raw = [
    `From: Klant ${c} <${handle}>`,
    'To: Balie Klantenservice <support@balie.local>',
    `Subject: ${k === 0 ? '' : 'Re: '}Vraag over bestelling ${10_000 + c}`,
    `Date: ${at.toUTCString()}`,
    `Message-ID: ${messageId}`,
    ...(previous ? [`In-Reply-To: ${previous}`, `References: ${previous}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '',
    `Klant ${c}`,
    '',
  ].join('\r\n');
  const externalId = `${messageId}#${handle}`;
  return {
    key: `email:${externalId}`,
    channel,
    externalId,
    contact,
    post: (url) => fetch(`${url}/local/email`, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw }),
  };
}

export interface DriveResult {
  /** performance.now() of the first post of each message, by key. */
  firstPostAt: Map<string, number>;
  startedAt: number;
  finishedAt: number;
  posts: number;
  /** 5xx answers that were posted again, as Meta and SES retry. */
  retried: number;
  ackMs: number[];
}

/** Posts the plan with at most `concurrency` requests open. A 5xx is retried after 200 ms (Meta and SES retry too). */
export async function driveLoad(
  stack: Pick<LocalStack, 'url' | 'metaAppSecret'>,
  plan: LoadPlan,
  options: { concurrency?: number } = {},
): Promise<DriveResult> {
  const firstPostAt = new Map<string, number>();
  const ackMs: number[] = [];
  let posts = 0;
  let retried = 0;
  const postOnce = async (message: PlannedMessage): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const t0 = performance.now();
      if (!firstPostAt.has(message.key)) firstPostAt.set(message.key, t0);
      posts += 1;
      const res = await message.post(stack.url, stack.metaAppSecret);
      await res.arrayBuffer();
      ackMs.push(performance.now() - t0);
      if (res.status === 200 || res.status === 202) return;
      if (res.status < 500 || attempt >= 5) throw new Error(`${message.key}: answered ${res.status} on attempt ${attempt}`);
      retried += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const startedAt = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 32, plan.deliveries.length) }, async () => {
      while (next < plan.deliveries.length) {
        const d = plan.deliveries[next++]!;
        if (d.copies === 2) await Promise.all([postOnce(d.message), postOnce(d.message)]);
        else await postOnce(d.message);
      }
    }),
  );
  return { firstPostAt, startedAt, finishedAt: performance.now(), posts, retried, ackMs };
}

/**
 * Waits until both queues show nothing visible or in flight and no poller is handling a batch, five readings in a
 * row, 50 ms apart (a handler whose record was delivered again can still be writing after the queue emptied).
 */
export async function drained(stack: Pick<LocalStack, 'sqsClient' | 'inbound' | 'outbound' | 'idle'>, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let empty = 0;
  while (empty < 5) {
    if (Date.now() > deadline) throw new Error('the queues did not drain in time');
    const [a, b] = await Promise.all([queueDepth(stack.sqsClient, stack.inbound.queue.url), queueDepth(stack.sqsClient, stack.outbound.queue.url)]);
    empty = a.visible + a.inFlight + b.visible + b.inFlight === 0 && stack.idle() ? empty + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface StoredCheck {
  unique: number;
  stored: number;
  threads: number;
  contacts: number;
  /** Keys of planned messages with no stored message item. */
  lost: string[];
  /** Keys stored more than once. */
  duplicated: string[];
  /** Stored messages nobody planned (a wrong id, or another run's). */
  unexpected: string[];
  /** Contacts whose messages are spread over more than one thread, or whose thread is someone else's. */
  wrongThread: string[];
  /** Threads whose unanswered count, draft count or applied ids do not match their messages. */
  badCounts: string[];
  /** Message references that are not marked done. */
  refsNotDone: string[];
  inDlq: { inbound: number; outbound: number };
}

type Row = Record<string, unknown> & { pk: string; sk: string };

/** Everything the check needs from the table, in one projected scan. */
async function scanAll(db: DynamoDBDocumentClient, tableName: string): Promise<Row[]> {
  const rows: Row[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: 'pk, sk, entity, channel, externalId, direction, threadId, contact, unanswered, appliedInboundIds, done, id, #st',
        ExpressionAttributeNames: { '#st': 'state' },
        ExclusiveStartKey: startKey,
      }),
    );
    rows.push(...((out.Items ?? []) as Row[]));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return rows;
}

/**
 * Reads the whole table and checks the plan against it: each planned message stored exactly once, inbound, in the
 * one thread of its contact; each thread's counts equal to its messages; every reference done; the DLQs empty.
 * `planned` may hold several plans' messages (one table, several runs); other stored messages are `unexpected`
 * only when `strict`.
 */
export async function checkStored(
  stack: Pick<LocalStack, 'dynamoClient' | 'tableName' | 'sqsClient' | 'inbound' | 'outbound'>,
  planned: PlannedMessage[],
  options: { strict?: boolean } = {},
): Promise<StoredCheck> {
  const rows = await scanAll(createDocumentClient(stack.dynamoClient), stack.tableName);
  const wanted = new Map(planned.map((m) => [m.key, m]));
  const threadsById = new Map<string, Row>();
  const messagesByKey = new Map<string, Row[]>();
  const draftsByThread = new Map<string, number>();
  const refs = new Map<string, Row>();
  for (const row of rows) {
    if (row.entity === 'thread') threadsById.set(String(row.id), row);
    else if (row.entity === 'message' && row.direction === 'inbound') {
      const key = `${row.channel}:${row.externalId}`;
      messagesByKey.set(key, [...(messagesByKey.get(key) ?? []), row]);
    } else if (row.entity === 'draft') draftsByThread.set(String(row.threadId), (draftsByThread.get(String(row.threadId)) ?? 0) + 1);
    else if (row.pk.startsWith('DEDUPE#')) refs.set(row.pk.slice('DEDUPE#'.length).replace('#', ':'), row);
  }
  const lost: string[] = [];
  const duplicated: string[] = [];
  const refsNotDone: string[] = [];
  const threadsOfContact = new Map<string, Set<string>>();
  const messagesOfThread = new Map<string, Row[]>();
  for (const m of planned) {
    const stored = messagesByKey.get(m.key) ?? [];
    if (stored.length === 0) lost.push(m.key);
    if (stored.length > 1) duplicated.push(m.key);
    if (refs.get(m.key)?.done !== true) refsNotDone.push(m.key);
    for (const s of stored) {
      const threadId = s.threadId as string;
      threadsOfContact.set(m.contact, (threadsOfContact.get(m.contact) ?? new Set()).add(threadId));
      messagesOfThread.set(threadId, [...(messagesOfThread.get(threadId) ?? []), s]);
    }
  }
  const unexpected = options.strict ? [...messagesByKey.keys()].filter((k) => !wanted.has(k)) : [];
  const wrongThread: string[] = [];
  for (const [contact, ids] of threadsOfContact) {
    if (ids.size !== 1) {
      wrongThread.push(`${contact}: ${ids.size} threads`);
      continue;
    }
    const thread = threadsById.get([...ids][0]!);
    const handle = (thread?.contact as { handle?: string } | undefined)?.handle;
    if (!thread || `${thread.channel}:${handle}` !== contact)
      wrongThread.push(`${contact}: thread ${[...ids][0]} is ${thread ? `${thread.channel}:${handle}` : 'missing'}`);
  }
  // a contact must also have no second thread without our messages in it (an empty thread opened by a race)
  const contactKeys = new Set(planned.map((m) => m.contact));
  const threadCount = new Map<string, number>();
  for (const t of threadsById.values()) {
    const key = `${t.channel}:${(t.contact as { handle?: string }).handle}`;
    if (contactKeys.has(key)) threadCount.set(key, (threadCount.get(key) ?? 0) + 1);
  }
  for (const [contact, n] of threadCount) if (n > 1) wrongThread.push(`${contact}: ${n} thread items`);
  const badCounts: string[] = [];
  for (const [threadId, msgs] of messagesOfThread) {
    const thread = threadsById.get(threadId);
    if (!thread) continue;
    const applied = new Set(thread.appliedInboundIds as string[]);
    const unapplied = msgs.filter((m) => !applied.has(m.id as string)).length;
    const drafts = draftsByThread.get(threadId) ?? 0;
    if (thread.unanswered !== msgs.length || drafts !== msgs.length || unapplied > 0) {
      badCounts.push(`${threadId}: ${msgs.length} messages, unanswered ${String(thread.unanswered)}, ${drafts} drafts, ${unapplied} not applied`);
    }
  }
  const [dlqIn, dlqOut] = await Promise.all([queueDepth(stack.sqsClient, stack.inbound.dlq.url), queueDepth(stack.sqsClient, stack.outbound.dlq.url)]);
  return {
    unique: planned.length,
    stored: planned.length - lost.length,
    threads: new Set([...threadsOfContact.values()].flatMap((s) => [...s])).size,
    contacts: contactKeys.size,
    lost,
    duplicated,
    unexpected,
    wrongThread,
    badCounts,
    refsNotDone,
    inDlq: { inbound: dlqIn.visible + dlqIn.inFlight, outbound: dlqOut.visible + dlqOut.inFlight },
  };
}

/** The part of a check that must be empty for "nothing lost, nothing duplicated". */
export function problems(check: StoredCheck): Record<string, unknown> {
  return {
    lost: check.lost.slice(0, 10),
    duplicated: check.duplicated.slice(0, 10),
    unexpected: check.unexpected.slice(0, 10),
    wrongThread: check.wrongThread.slice(0, 10),
    badCounts: check.badCounts.slice(0, 10),
    refsNotDone: check.refsNotDone.slice(0, 10),
    inDlq: check.inDlq,
  };
}

export const NO_PROBLEMS = { lost: [], duplicated: [], unexpected: [], wrongThread: [], badCounts: [], refsNotDone: [], inDlq: { inbound: 0, outbound: 0 } };

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
