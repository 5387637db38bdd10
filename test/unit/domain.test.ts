import { describe, expect, it } from 'vitest';
import {
  decidePriority,
  DEFAULT_TEMPLATES,
  InvalidTransitionError,
  messagingWindow,
  renderTemplate,
  slaDueAt,
  transition,
  type Classification,
} from '../../shared/domain/index.js';

const classification = (over: Partial<Classification>): Classification => ({
  category: 'other',
  confidence: 0.9,
  sentiment: { label: 'neutral', score: 0 },
  language: 'en',
  urgencyCues: [],
  tags: [],
  reasons: [],
  engine: 'test',
  ...over,
});

describe('thread state machine', () => {
  it('walks the happy path from a new message to a resolved thread', () => {
    let s = transition('new', 'draft_ready');
    expect(s).toBe('awaiting_approval');
    for (const event of ['approve', 'send_started', 'sent', 'await_customer', 'resolve'] as const) s = transition(s, event);
    expect(s).toBe('resolved');
  });

  it('reopens a resolved thread when the customer writes again', () => {
    expect(transition('resolved', 'inbound')).toBe('new');
  });

  it('does not let a new customer message interrupt a send in flight', () => {
    expect(transition('sending', 'inbound')).toBe('sending');
    expect(transition('approved', 'inbound')).toBe('approved');
  });

  it('refuses to approve a thread that was already sent', () => {
    expect(() => transition('sent', 'approve')).toThrow(InvalidTransitionError);
  });
});

describe('priority and SLA', () => {
  it('makes a strongly negative complaint that threatens to cancel P1, and says why', () => {
    const { priority, reasons } = decidePriority(
      classification({ category: 'complaint', sentiment: { label: 'negative', score: -0.8 }, urgencyCues: ['cancellation'] }),
      { channel: 'whatsapp', unansweredBefore: 0 },
    );
    expect(priority).toBe('P1');
    expect(reasons[0]).toBe('complaint, strong negative, threatens to cancel → P1');
  });

  it("starts a shop's own category at P3 and raises it on the same cues", () => {
    const calm = decidePriority(classification({ category: 'Retour & ruil' }), { channel: 'email', unansweredBefore: 0 });
    expect(calm).toEqual({ priority: 'P3', reasons: ['Retour & ruil → P3'] });
    const outage = decidePriority(classification({ category: 'Storing', urgencyCues: ['outage'] }), { channel: 'email', unansweredBefore: 0 });
    expect(outage.priority).toBe('P2');
  });

  it('leaves a calm general question at P4', () => {
    expect(decidePriority(classification({}), { channel: 'email', unansweredBefore: 0 }).priority).toBe('P4');
  });

  it('raises priority one step when the customer writes again without an answer', () => {
    const first = decidePriority(classification({ category: 'order' }), { channel: 'whatsapp', unansweredBefore: 0 });
    const again = decidePriority(classification({ category: 'order' }), { channel: 'whatsapp', unansweredBefore: 2 });
    expect([first.priority, again.priority]).toEqual(['P3', 'P2']);
    expect(again.reasons[0]).toContain('repeat contact (3 messages unanswered)');
  });

  it('sets the SLA due time from the priority target', () => {
    const from = new Date('2026-11-25T09:00:00Z');
    expect(slaDueAt('P1', from)).toBe('2026-11-25T10:00:00.000Z');
    expect(slaDueAt('P3', from)).toBe('2026-11-26T09:00:00.000Z');
  });
});

describe('messaging windows', () => {
  const last = '2026-11-25T09:00:00.000Z';
  const after = (hours: number, minutes = 0) => new Date(Date.parse(last) + hours * 3_600_000 + minutes * 60_000);

  it('lets WhatsApp free text go until exactly 24 hours, then asks for a template', () => {
    expect(messagingWindow('whatsapp', last, after(23, 59))).toEqual({ open: true });
    expect(messagingWindow('whatsapp', last, after(24))).toEqual({ open: true });
    expect(messagingWindow('whatsapp', last, after(24, 1))).toMatchObject({
      open: false,
      templateRequired: true,
      reason: expect.stringContaining('approved template'),
    });
  });

  it('lets Messenger and Instagram answer after 24 hours only with the HUMAN_AGENT tag, up to 7 days', () => {
    for (const channel of ['messenger', 'instagram'] as const) {
      expect(messagingWindow(channel, last, after(24))).toEqual({ open: true });
      expect(messagingWindow(channel, last, after(24, 1))).toEqual({ open: true, tag: 'HUMAN_AGENT' });
      expect(messagingWindow(channel, last, after(168))).toEqual({ open: true, tag: 'HUMAN_AGENT' });
      expect(messagingWindow(channel, last, after(168, 1))).toMatchObject({ open: false, templateRequired: false });
    }
  });

  it('has no window for email', () => {
    expect(messagingWindow('email', last, after(24 * 90))).toEqual({ open: true });
  });
});

describe('WhatsApp templates', () => {
  it('renders the body with every placeholder filled, and refuses a missing parameter or an unknown template', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES, { name: 'balie_follow_up', language: 'en', parameters: ['Sam'] })).toMatch(/^Hi Sam, we have an answer/);
    expect(() => renderTemplate(DEFAULT_TEMPLATES, { name: 'balie_follow_up', language: 'en', parameters: [] })).toThrow(/needs 1 parameters/);
    expect(() => renderTemplate(DEFAULT_TEMPLATES, { name: 'promo', language: 'nl', parameters: [] })).toThrow(/no approved template/);
  });
});

describe('priority from tone', () => {
  it('does not raise a calm billing question on a negative score alone', () => {
    const calm = decidePriority(classification({ category: 'billing', sentiment: { label: 'negative', score: -0.97 } }), {
      channel: 'whatsapp',
      unansweredBefore: 0,
    });
    expect(calm.priority).toBe('P2');
  });
});
