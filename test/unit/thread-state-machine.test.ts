import { describe, expect, it } from 'vitest';
import {
  InvalidTransitionError,
  isOpen,
  OPEN_STATUSES,
  threadStatusSchema,
  transition,
  type ThreadEvent,
  type ThreadStatus,
} from '../../shared/domain/index.js';

const EVENTS: ThreadEvent[] = [
  'inbound',
  'draft_ready',
  'approve',
  'reject',
  'send_started',
  'sent',
  'send_failed',
  'await_customer',
  'escalate',
  'resolve',
  'reopen',
];

// Every cell of the thread state machine, written out: a row per status, a column per event (order of EVENTS);
// `-` is a refused move. A change to the machine must change this table on purpose.
const TABLE = `
status            inbound           draft_ready       approve   reject    send_started  sent  send_failed        await_customer    escalate   resolve   reopen
new               new               awaiting_approval -         -         -             -     -                  -                 escalated  resolved  -
awaiting_approval awaiting_approval awaiting_approval approved  rejected  -             sent  -                  -                 escalated  resolved  -
approved          approved          approved          -         -         sending       -     awaiting_approval  -                 -          -         -
sending           sending           sending           -         -         -             sent  awaiting_approval  -                 -          -         -
sent              new               -                 -         -         -             -     -                  waiting_customer  -          resolved  -
waiting_customer  new               -                 -         -         -             -     -                  -                 escalated  resolved  -
resolved          new               -                 -         -         -             -     -                  -                 -          -         new
escalated         escalated         escalated         approved  rejected  -             -     -                  -                 -          resolved  -
rejected          new               awaiting_approval -         -         -             -     -                  -                 escalated  resolved  -
`;

const rows = TABLE.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/));
const cells = rows.flatMap(([from, ...targets]) =>
  EVENTS.map((event, i) => ({ from: from as ThreadStatus, event, to: targets[i] === '-' ? undefined : (targets[i] as ThreadStatus) })),
);

describe('thread state machine, cell by cell', () => {
  it('has a row for every status and a cell for every event', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...threadStatusSchema.options].sort());
    for (const row of rows) expect(row).toHaveLength(EVENTS.length + 1);
  });

  it.each(cells)('$from + $event → $to', ({ from, event, to }) => {
    if (to) expect(transition(from, event)).toBe(to);
    else expect(() => transition(from, event)).toThrow(InvalidTransitionError);
  });

  it('lets a customer write in every status, and never loses the thread from the worklist when they do', () => {
    for (const status of threadStatusSchema.options) {
      const after = transition(status, 'inbound');
      // a send in flight finishes first; everything else is (or stays) work for an agent
      expect(isOpen(after), `${status} + inbound → ${after}`).toBe(true);
    }
  });

  it('reaches every status from a new thread', () => {
    const reached = new Set<ThreadStatus>(['new']);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to } of cells) {
        if (!to || !reached.has(from) || reached.has(to)) continue;
        reached.add(to);
        grew = true;
      }
    }
    expect([...reached].sort()).toEqual([...threadStatusSchema.options].sort());
  });

  it('gets every open thread off the worklist by some path: no open status is a dead end', () => {
    for (const status of OPEN_STATUSES) {
      const seen = new Set<ThreadStatus>([status]);
      const queue = [status];
      while (queue.length) {
        const from = queue.shift()!;
        for (const cell of cells) {
          if (cell.from !== from || !cell.to || seen.has(cell.to)) continue;
          seen.add(cell.to);
          queue.push(cell.to);
        }
      }
      expect(
        [...seen].some((s) => !isOpen(s)),
        status,
      ).toBe(true);
    }
  });
});
