import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, ThreadPage } from '../../shared/domain/index.js';
import type { ThreadDetail } from '../../shared/use-cases/read-threads.js';
import { SqsSendJobPublisher } from '../../shared/queue/send-job-publisher.js';
import type { OutboxEntry } from '../../local/outbox.js';
import { whatsappTextWebhook } from '../../local/whatsapp-payloads.js';
import { waitFor } from '../helpers/fixtures.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

const outbox = async () => ((await (await fetch(`${t.stack.url}/local/outbox`)).json()) as { items: OutboxEntry[] }).items;
const detail = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`)).body;
/** Supervisors see the audit trail. */
const audited = async (id: string) => (await t.api<ThreadDetail>(`/api/threads/${id}`, 'supervisor')).body.audit ?? [];

async function whatsappThread(handle: string, text: string): Promise<ThreadDetail> {
  await t.postWhatsapp(whatsappTextWebhook({ from: handle, name: 'Sanne de Vries', text }));
  return waitFor(async () => {
    const found = (await t.api<ThreadPage>('/api/threads?limit=100')).body.threads.find((th) => th.contact.handle === handle);
    return found ? detail(found.id) : undefined;
  });
}

const approvePath = (d: ThreadDetail, draft: Draft = d.drafts[0]!) => `/api/threads/${d.id}/drafts/${draft.id}/approve`;

describe('approving a draft', () => {
  it('sends the approved reply once to the customer who wrote, and moves the thread to waiting_customer', async () => {
    const thread = await whatsappThread('31680000001', 'Waar blijft mijn bestelling?');
    const res = await t.post<{ draft: Draft }>(approvePath(thread), { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.draft).toMatchObject({ state: 'approved', approvedBy: 'test-agent', edited: false, version: 2 });
    await t.settled();
    const sent = (await outbox()).filter((e) => e.to.handle === '31680000001');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'whatsapp', text: thread.drafts[0]!.text });
    const after = await detail(thread.id);
    expect(after.status).toBe('waiting_customer');
    expect(after.unanswered).toBe(0);
    expect(after.drafts[0]).toMatchObject({ state: 'sent', providerMessageId: sent[0]!.providerMessageId });
    expect(after.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect((await audited(thread.id)).map((a) => a.action).sort()).toEqual(['approve', 'send']);
  });

  it('gives one send and one clear 409 when two agents approve the same draft at once', async () => {
    const thread = await whatsappThread('31680000002', 'Ik wil mijn geld terug');
    const [a, b] = await Promise.all([
      t.post<{ error?: string; message?: string }>(approvePath(thread), { version: 1 }, { sub: 'agent-anna', name: 'Anna' }),
      t.post<{ error?: string; message?: string }>(approvePath(thread), { version: 1 }, { sub: 'agent-bram', name: 'Bram' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a.body : b.body;
    expect(loser.error).toBe('conflict');
    expect(loser.message).toMatch(/^already approved by (Anna|Bram) at /);
    await t.settled();
    expect((await outbox()).filter((e) => e.to.handle === '31680000002')).toHaveLength(1);
  });

  it("sends the agent's edit and remembers that it was edited", async () => {
    const thread = await whatsappThread('31680000003', 'Hebben jullie dit ook in blauw?');
    const res = await t.post<{ draft: Draft }>(approvePath(thread), { version: 1, text: 'Hoi Sanne, ja: in blauw vanaf maandag weer op voorraad.' });
    expect(res.body.draft).toMatchObject({ edited: true, finalText: 'Hoi Sanne, ja: in blauw vanaf maandag weer op voorraad.' });
    await t.settled();
    expect((await outbox()).find((e) => e.to.handle === '31680000003')?.text).toBe('Hoi Sanne, ja: in blauw vanaf maandag weer op voorraad.');
  });

  it('answers 409 for a version the agent did not see, and sends nothing', async () => {
    const thread = await whatsappThread('31680000004', 'Klopt mijn factuur?');
    const res = await t.post<{ error: string; message: string }>(approvePath(thread), { version: 7 });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/changed since version 7/);
    await t.settled();
    expect((await outbox()).filter((e) => e.to.handle === '31680000004')).toHaveLength(0);
  });

  it('sends nothing twice when the same send job is delivered again', async () => {
    const thread = await whatsappThread('31680000005', 'Wanneer wordt het bezorgd?');
    await t.post(approvePath(thread), { version: 1 });
    await t.settled();
    const jobs = new SqsSendJobPublisher(t.stack.sqsClient, t.stack.outbound.queue.url);
    await jobs.publish({ threadId: thread.id, draftId: thread.drafts[0]!.id });
    await jobs.publish({ threadId: thread.id, draftId: thread.drafts[0]!.id });
    await t.settled();
    expect((await outbox()).filter((e) => e.to.handle === '31680000005')).toHaveLength(1);
  });

  it('rejects with a reason, and refuses a later approval of that draft', async () => {
    const thread = await whatsappThread('31680000006', 'Kan ik iets vragen?');
    const rejected = await t.post<{ draft: Draft }>(`/api/threads/${thread.id}/drafts/${thread.drafts[0]!.id}/reject`, { version: 1, reason: 'te algemeen' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.draft).toMatchObject({ state: 'rejected', rejectReason: 'te algemeen' });
    expect((await detail(thread.id)).status).toBe('rejected');
    const late = await t.post<{ message: string }>(approvePath(thread), { version: 1 });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already rejected/);
  });

  it.each([
    ['no version', {}],
    ['a version of 0', { version: 0 }],
    ['a text that is not a string', { version: 1, text: 42 }],
  ])('answers 400 to an approval with %s', async (_name, body) => {
    const thread = await whatsappThread(`3168000001${Object.keys(body).length}${JSON.stringify(body).length}`, 'Vraag');
    expect((await t.post(approvePath(thread), body)).status).toBe(400);
  });
});

describe('email replies', () => {
  it("carry Re:, our Message-ID, In-Reply-To and References, and the customer's answer to them lands in the same thread", async () => {
    await t.postEmail(readFileSync(new URL('../fixtures/email/plain-nl.eml', import.meta.url)));
    await t.settled();
    const listed = await waitFor(async () =>
      (await t.api<ThreadPage>('/api/threads?channel=email&limit=100')).body.threads.find((th) => th.contact.handle === 'sanne.devries@gmail.com'),
    );
    const thread = await detail(listed.id);
    expect((await t.post(approvePath(thread), { version: 1 })).status).toBe(200);
    await t.settled();
    const mail = (await outbox()).find((e) => e.channel === 'email' && e.to.handle === 'sanne.devries@gmail.com')!;
    const headers = mail.raw!.split('\r\n\r\n')[0]!;
    const ours = `<balie.${thread.drafts[0]!.id}@balie.local>`;
    expect(headers).toContain(`Message-ID: ${ours}`);
    expect(headers).toContain('In-Reply-To: <CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>');
    expect(headers).toContain('References: <CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>');
    expect(headers).toContain('Subject: Re: Bestelling 10482 nog niet ontvangen');
    expect(headers).toContain('From: Balie Klantenservice <support@balie.local>');
    expect(headers).toMatch(/To: Sanne de Vries <sanne\.devries@gmail\.com>/);

    // the customer answers our mail from another client with another subject: only In-Reply-To links it
    const answer = [
      'From: Sanne <sanne.devries@gmail.com>',
      'To: support@balie.local',
      'Subject: nog een vraag',
      `Message-ID: <answer-1@gmail.com>`,
      `In-Reply-To: ${ours}`,
      '',
      'Dank, en kan ik ook ruilen?',
      '',
    ].join('\r\n');
    await t.postEmail(answer);
    await t.settled();
    const after = await detail(thread.id);
    expect(after.messages.map((m) => [m.direction, m.email?.messageId ?? m.externalId])).toEqual([
      ['inbound', '<CAH7Lx0aBcD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4@mail.gmail.com>'],
      ['outbound', ours],
      ['inbound', '<answer-1@gmail.com>'],
    ]);
    expect(after.status).toBe('awaiting_approval');
  });
});

describe('learning from agents', () => {
  it('keeps a corrected category and priority, and the approved reply, as labelled examples', async () => {
    const thread = await whatsappThread('31680000050', 'Hoe laat gaan jullie dicht vandaag?');
    const res = await t.post<{ thread: { category: string; priority: string; slaDueAt: string } }>(`/api/threads/${thread.id}/triage`, {
      category: 'complaint',
      priority: 'P1',
    });
    expect(res.status).toBe(200);
    expect(res.body.thread).toMatchObject({ category: 'complaint', priority: 'P1' });
    expect(Date.parse(res.body.thread.slaDueAt) - Date.parse(thread.lastInboundAt)).toBe(3_600_000);
    expect((await audited(thread.id)).map((a) => a.action)).toContain('retriage');
    await t.post(approvePath(thread), { version: 1, text: 'Hoi Sanne, vandaag zijn we tot 20:00 open.' });
    await t.settled();
    const lines = (await (await fetch(`${t.stack.url}/local/feedback.jsonl`)).text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const mine = lines.filter((l) => l.threadId === thread.id);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'correction',
          category: 'complaint',
          priority: 'P1',
          previous: { category: thread.category, priority: thread.priority },
          text: 'Hoe laat gaan jullie dicht vandaag?',
        }),
        expect.objectContaining({ kind: 'approved_reply', category: 'complaint', reply: 'Hoi Sanne, vandaag zijn we tot 20:00 open.' }),
      ]),
    );
  });

  it('answers 400 to a correction without category or priority', async () => {
    const thread = await whatsappThread('31680000051', 'Vraagje');
    expect((await t.post(`/api/threads/${thread.id}/triage`, {})).status).toBe(400);
    expect((await t.post(`/api/threads/${thread.id}/triage`, { category: 'spam' })).status).toBe(400);
  });
});

describe('working a thread', () => {
  it('lets an agent take a thread, note, resolve and reopen it, all in the audit trail', async () => {
    const thread = await whatsappThread('31680000060', 'Hebben jullie cadeaubonnen?');
    expect((await t.post<{ thread: { assignee: string } }>(`/api/threads/${thread.id}/assign`, {})).body.thread.assignee).toBe('test-agent');
    expect((await t.post(`/api/threads/${thread.id}/notes`, { text: 'Klant belde ook, zie CRM' })).status).toBe(201);
    expect((await t.post<{ thread: { status: string } }>(`/api/threads/${thread.id}/resolve`, {})).body.thread.status).toBe('resolved');
    expect((await t.api<ThreadPage>('/api/threads?limit=100')).body.threads.map((th) => th.id)).not.toContain(thread.id);
    expect((await t.post<{ thread: { status: string } }>(`/api/threads/${thread.id}/reopen`, {})).body.thread.status).toBe('new');
    const after = await detail(thread.id);
    expect(after.notes).toMatchObject([{ text: 'Klant belde ook, zie CRM', authorName: 'Test agent' }]);
    expect((await audited(thread.id)).map((a) => a.action)).toEqual(['assign', 'note', 'resolve', 'reopen']);
  });

  it('lets only a supervisor assign a thread to someone else, only to someone known, and refuses a move the state machine forbids', async () => {
    const thread = await whatsappThread('31680000061', 'Vraag over mijn account');
    expect((await t.post(`/api/threads/${thread.id}/assign`, { assignee: 'local-noor' })).status).toBe(403);
    expect((await t.post(`/api/threads/${thread.id}/assign`, { assignee: 'agent-made-up' }, { role: 'supervisor' })).status).toBe(422);
    // Noor is in the local stack's demo directory
    expect((await t.post(`/api/threads/${thread.id}/assign`, { assignee: 'local-noor' }, { role: 'supervisor' })).status).toBe(200);
    // now it is a colleague's: the agent may not touch it; the supervisor may, within the state machine
    expect((await t.post(`/api/threads/${thread.id}/reopen`, {})).status).toBe(403);
    expect((await t.post(`/api/threads/${thread.id}/reopen`, {}, { role: 'supervisor' })).status).toBe(409);
  });
});
