import assert from 'node:assert/strict';
import { clockShown } from '@grid-dispatch/domain';

const due = (dueAt: string, pausedAt: string | null = null) => ({ dueAt, pausedAt });

/**
 * The one rule every page's countdown follows (the console inbox, the secretaries' board, the
 * resident's tracking page): which deadline a ticket counts down to in each status.
 */
describe('domain: the clock a ticket shows', () => {
  const all = { ack: due('T1'), resolve: due('T2'), verify: due('T3') };

  it('shows the clock of the current step', () => {
    assert.equal(clockShown({ status: 'dispatched', deadlines: all }), 'ack');
    assert.equal(clockShown({ status: 'accepted', deadlines: all }), 'resolve');
    assert.equal(clockShown({ status: 'resolved', deadlines: all }), 'verify');
  });

  it('shows the paused clock while a return waits: the sign clock, or the fix clock once signed', () => {
    assert.equal(clockShown({ status: 'returned', deadlines: { ack: due('T1', 'P') } }), 'ack');
    const afterSigning = { ack: due('T1'), resolve: due('T2', 'P') };
    assert.equal(clockShown({ status: 'returned', deadlines: afterSigning }), 'resolve');
  });

  it('shows the fix clock (paused) while an extension waits', () => {
    assert.equal(
      clockShown({ status: 'accepted', deadlines: { ack: due('T1'), resolve: due('T2', 'P') } }),
      'resolve',
    );
  });

  it('shows none where nobody works to a clock, or when the deadline is not set', () => {
    for (const status of ['submitted', 'reopened', 'closed', 'cancelled', 'merged'])
      assert.equal(clockShown({ status, deadlines: all }), null, status);
    assert.equal(clockShown({ status: 'dispatched', deadlines: {} }), null);
  });
});
