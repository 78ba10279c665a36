import assert from 'node:assert/strict';
import {
  DEFAULT_CALENDAR,
  OPEN_STATUSES,
  planTimers,
  STATUSES_WITH_LIVE_TIMERS,
  TERMINAL_STATUSES,
  TICKET_STATUSES,
  type TimerDeadline,
} from '@grid-dispatch/domain';

const sorted = (list: readonly string[]) => [...list].sort();

/** The sets of statuses the services ask the domain for instead of listing them again. */
describe('domain: sets of ticket statuses', () => {
  it('open and terminal statuses cover every status exactly once', () => {
    assert.deepEqual(sorted([...OPEN_STATUSES, ...TERMINAL_STATUSES]), sorted(TICKET_STATUSES));
    assert.equal(new Set([...OPEN_STATUSES, ...TERMINAL_STATUSES]).size, TICKET_STATUSES.length);
  });

  it('planTimers plans timers in STATUSES_WITH_LIVE_TIMERS, which the reconciler reads, and in no other status', () => {
    const deadline: TimerDeadline = {
      startedAt: '2026-03-02T01:00:00.000Z',
      dueAt: '2026-03-03T01:00:00.000Z',
      seq: 1,
    };
    const settings = {
      fractions: [0.5],
      remindEveryMs: 3_600_000,
      specFor: () => null,
      calendar: DEFAULT_CALENDAR,
    };
    for (const status of TICKET_STATUSES) {
      const deadlines = { ack: deadline, resolve: deadline, verify: deadline };
      const planned = planTimers({ status, escalationLevel: 0, deadlines }, settings).length > 0;
      assert.equal(planned, STATUSES_WITH_LIVE_TIMERS.includes(status), status);
    }
  });
});
