import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

type Row = Record<string, any>;
const inbox = loadWebModule<{ inboxOrder(a: Row, b: Row): number }>('console/inbox-order');

const row = (id: string, status: string, deadlines: Row, priority = 'P2'): Row => ({
  id,
  status,
  priority,
  deadlines,
});

/** The unit's inbox order: what the unit must do soonest first, what waits on a secretary last. */
describe('web: console inbox order', () => {
  it('sorts by the running deadline, then priority; paused clocks and none come last', () => {
    const rows = [
      row('waiting-return', 'returned', {
        ack: { dueAt: '2026-11-27T00:10:00Z', pausedAt: '2026-11-27T00:05:00Z' },
      }),
      row('fix-later', 'accepted', { resolve: { dueAt: '2026-11-27T05:00:00Z' } }),
      row('extension-asked', 'accepted', {
        resolve: { dueAt: '2026-11-27T00:20:00Z', pausedAt: '2026-11-27T00:06:00Z' },
      }),
      row('sign-soon', 'dispatched', { ack: { dueAt: '2026-11-27T01:00:00Z' } }, 'P3'),
      row('sign-soon-p1', 'dispatched', { ack: { dueAt: '2026-11-27T01:00:00Z' } }, 'P1'),
    ];
    assert.deepEqual(
      [...rows].sort(inbox.inboxOrder).map((r) => r.id),
      ['sign-soon-p1', 'sign-soon', 'fix-later', 'extension-asked', 'waiting-return'],
    );
  });
});
