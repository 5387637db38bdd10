import { describe, expect, it } from 'vitest';
import type { InboundMessage, ThreadStore } from '../../shared/domain/index.js';
import { RuleClassifier, TemplateDrafter } from '../../shared/triage/index.js';
import { LocalEngine } from '../../shared/triage/local/local-engine.js';
import { createInboundEventProcessor } from '../../shared/use-cases/process-inbound-event.js';
import { retriageThread } from '../../shared/use-cases/retriage.js';
import { MemoryThreadStore } from '../helpers/memory-store.js';
import { anInboundText } from '../helpers/threads.js';

const store = new MemoryThreadStore();

const processorOn = (s: ThreadStore) => createInboundEventProcessor({ store: s, engine: new LocalEngine(new RuleClassifier(), new TemplateDrafter()) });

const message = anInboundText;

const threadOf = async (handle: string) => {
  const id = (await store.findOpenThreadId('whatsapp', handle))!;
  return (await store.getThreadDetail(id))!;
};

describe('processing inbound messages', () => {
  it('counts two messages sent in the same second, whichever sorts first, and keeps the most urgent priority', async () => {
    const process = processorOn(store);
    // wamid.Z sorts after wamid.B, so the second message has the lower sort key
    await process(message('31690000001', 'wamid.Z', 'Hoe laat zijn jullie open?'));
    await process(message('31690000001', 'wamid.B', 'Dit is onacceptabel, ik schakel mijn advocaat in en zeg mijn abonnement op!'));
    const { thread, messages, drafts } = await threadOf('31690000001');
    expect([messages.length, drafts.length, thread.unanswered]).toEqual([2, 2, 2]);
    expect(thread.priority).toBe('P1');
    expect(Date.parse(thread.slaDueAt) - Date.parse('2026-11-25T09:00:00.000Z')).toBe(60 * 60_000);
  });

  it('keeps the newest message as the preview when an older one arrives late', async () => {
    const process = processorOn(store);
    await process(message('31690000002', 'wamid.new', 'Nieuwste bericht', '2026-11-25T10:00:00.000Z'));
    await process(message('31690000002', 'wamid.old', 'Ouder bericht', '2026-11-25T09:00:00.000Z'));
    const { thread } = await threadOf('31690000002');
    expect(thread.lastMessagePreview).toBe('Nieuwste bericht');
    expect(thread.lastInboundAt).toBe('2026-11-25T10:00:00.000Z');
    expect(thread.unanswered).toBe(2);
  });

  it('counts every one of eight different messages processed at once, as a Lambda batch does', async () => {
    const process = processorOn(store);
    await Promise.all(Array.from({ length: 8 }, (_, i) => process(message('31690000003', `wamid.burst-${i}`, `Bericht ${i} over mijn bestelling`))));
    const { thread, messages, drafts } = await threadOf('31690000003');
    expect([messages.length, drafts.length, thread.unanswered, thread.appliedInboundIds.length]).toEqual([8, 8, 8, 8]);
  });

  it.each([
    ['putMessageRef', 1, 'stored'],
    ['putMessageOnce', 1, 'stored'],
    ['putDraftOnce', 1, 'stored'],
    ['saveThread', 1, 'stored'],
    // the thread already counted it; the redelivery only marks the reference done
    ['putMessageRef', 2, 'duplicate'],
  ] as const)('finishes the same way after a crash at %s (call %i) and a redelivery', async (method, failOnCall, redelivered) => {
    const handle = `3169100${method.length}${failOnCall}`;
    let calls = 0;
    const crashing = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: unknown[]) => {
          calls += 1;
          if (calls === failOnCall) throw new Error(`crash in ${method}`);
          return value.apply(target, args);
        };
      },
    });
    const inbound = message(handle, `wamid.crash-${method}-${failOnCall}`, 'Mijn pakket is beschadigd');
    await expect(processorOn(crashing as ThreadStore)(inbound)).rejects.toThrow('crash');
    expect(await processorOn(store)(inbound)).toMatchObject({ outcome: redelivered });
    expect(await processorOn(store)(inbound)).toMatchObject({ outcome: 'duplicate' });
    const { thread, messages, drafts } = await threadOf(handle);
    expect([messages.length, drafts.length, thread.unanswered]).toEqual([1, 1, 1]);
    expect(await store.findMessageRef('whatsapp', inbound.externalId)).toMatchObject({ done: true, threadId: thread.id });
  });

  it('keeps a receipt for a message it does not know, so it is never dropped', async () => {
    const outcome = await processorOn(store)({
      type: 'status',
      channel: 'whatsapp',
      externalId: 'wamid.unknown-outbound',
      status: 'delivered',
      at: '2026-11-25T09:01:00.000Z',
      raw: { id: 'wamid.unknown-outbound' },
    });
    expect(outcome).toEqual({ outcome: 'status_orphaned' });
    expect(await store.findOrphanStatuses('whatsapp', 'wamid.unknown-outbound')).toMatchObject([{ at: '2026-11-25T09:01:00.000Z', status: 'delivered' }]);
  });
});

describe('an unsure triage', () => {
  /** The rule engine, with the confidence a test says for each text. */
  const sureOf = (confidence: Record<string, number>) =>
    new LocalEngine(
      { classify: async (input) => ({ ...(await new RuleClassifier().classify(input)), confidence: confidence[input.text] ?? 0.9 }) },
      new TemplateDrafter(),
    );

  it('flags the thread while the triage it shows is below UNSURE_BELOW, until a surer message or an agent decides', async () => {
    const process = createInboundEventProcessor({ store, engine: sureOf({ 'hmm, dat ding van vorige week': 0.31, 'nog iets ouds': 0.2 }) });
    await process(message('31690000041', 'wamid.u1', 'hmm, dat ding van vorige week', '2026-11-25T09:00:00.000Z'));
    expect((await threadOf('31690000041')).thread.flags).toEqual(['unsure']);
    // an older message arriving late does not decide what the thread shows, so not its doubt either
    await process(message('31690000041', 'wamid.u0', 'nog iets ouds', '2026-11-25T08:00:00.000Z'));
    expect((await threadOf('31690000041')).thread.flags).toEqual(['unsure']);
    await process(message('31690000041', 'wamid.u2', 'Mijn pakket is niet aangekomen, bestelling 1234', '2026-11-25T09:05:00.000Z'));
    expect((await threadOf('31690000041')).thread.flags).toEqual([]);

    await process(message('31690000042', 'wamid.u3', 'hmm, dat ding van vorige week'));
    const { thread } = await threadOf('31690000042');
    expect(thread.flags).toEqual(['unsure']);
    await retriageThread(store, { threadId: thread.id, category: 'order', agent: { sub: 'ann', name: 'Ann', role: 'agent' } });
    expect((await threadOf('31690000042')).thread.flags).toEqual([]);
  });
});

describe('customer media', () => {
  it('keeps the message and its media reference when the download fails, and says why', async () => {
    const failing = createInboundEventProcessor({
      store,
      engine: new LocalEngine(new RuleClassifier(), new TemplateDrafter()),
      media: { archive: () => Promise.reject(new Error('media download answered HTTP 404')) },
    });
    await failing({ ...message('31690000009', 'wamid.photo', 'Zo kwam het aan'), kind: 'image', media: { id: '998877', mimeType: 'image/jpeg' } });
    const { messages, drafts } = await threadOf('31690000009');
    expect(messages[0]!.media).toEqual({ id: '998877', mimeType: 'image/jpeg', fetchError: 'media download answered HTTP 404' });
    expect(drafts).toHaveLength(1);
  });
});

describe('a message with nothing to answer', () => {
  const email = (
    handle: string,
    id: string,
    over: { text: string; subject?: string; inReplyTo?: string; attachments?: InboundMessage['attachments'] },
  ): InboundMessage => ({
    ...message(handle, id, over.text),
    channel: 'email',
    kind: 'email',
    subject: over.subject,
    attachments: over.attachments,
    email: {
      messageId: id,
      inReplyTo: over.inReplyTo,
      references: over.inReplyTo ? [over.inReplyTo] : [],
      to: ['support@shop.example'],
      cc: [],
      rawKey: `raw/${id}`,
      remoteImagesBlocked: 0,
      truncated: false,
    },
  });
  /** Email threads are found by Message-ID, not by contact: the detail of the thread the processor put it in. */
  const processEmail = async (inbound: InboundMessage) => {
    const outcome = await processorOn(store)(inbound);
    return (await store.getThreadDetail((outcome as { threadId: string }).threadId))!;
  };

  it('stores a WhatsApp text that is only whitespace, but drafts no reply to it', async () => {
    await processorOn(store)(message('31690000020', 'wamid.blank', ' \n\t\u00a0 '));
    const { thread, messages, drafts } = await threadOf('31690000020');
    expect([messages.length, drafts.length, thread.unanswered, thread.latestDraftId]).toEqual([1, 0, 0, undefined]);
  });

  it('stores an email reply with an empty body and no attachments, but drafts no reply to it', async () => {
    const { messages, drafts } = await processEmail(
      email('leeg@example.com', '<empty@example.com>', { text: '  \r\n', subject: 'Re: Uw bestelling 10482', inReplyTo: '<ours@balie.local>' }),
    );
    expect([messages.length, drafts.length]).toEqual([1, 0]);
  });

  it('still drafts for an email whose body is empty but which asks in its subject, or carries an attachment', async () => {
    const subjectOnly = await processEmail(
      email('onderwerp@example.com', '<subject-only@example.com>', { text: '', subject: 'Waar blijft bestelling 10482?' }),
    );
    const attachmentOnly = await processEmail(
      email('bijlage@example.com', '<attachment@example.com>', {
        text: '',
        subject: 'Re: factuur',
        inReplyTo: '<ours2@balie.local>',
        attachments: [{ key: 'mail/x/attachments/0-foto.jpg', filename: 'foto.jpg', contentType: 'image/jpeg', size: 10, inline: false }],
      }),
    );
    expect(subjectOnly.drafts).toHaveLength(1);
    expect(attachmentOnly.drafts).toHaveLength(1);
  });

  it('still drafts for a photo without a caption: the picture is what the customer said', async () => {
    await processorOn(store)({ ...message('31690000021', 'wamid.photo-only', ''), kind: 'image', media: { id: '112233', mimeType: 'image/jpeg' } });
    expect((await threadOf('31690000021')).drafts).toHaveLength(1);
  });
});
