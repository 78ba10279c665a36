import assert from 'node:assert/strict';
import { clockSpecFor } from '@grid-dispatch/domain';

/** How a category's limit is read on each clock: by the duration's value, never its spelling. */
describe('domain: the clock a limit runs on', () => {
  it('reads whole days on a working clock as working days, however they are written', () => {
    for (const within of ['P5D', 'P5DT0H', 'P5DT0H0M0S', 'P1W'])
      assert.equal(clockSpecFor(within, 'working').workingDays, 5, within);
    assert.equal(clockSpecFor('P2W', 'working').workingDays, 10);
  });

  it('reads anything with a time of day in it as office hours', () => {
    const spec = clockSpecFor('P1DT4H', 'working');
    assert.equal(spec.workingDays, undefined);
    assert.equal(spec.durationMs, 28 * 3_600_000);
  });

  it('reads every limit on a calendar clock as elapsed time', () => {
    assert.deepEqual(clockSpecFor('P5D', 'calendar'), { kind: 'calendar', durationMs: 5 * 86_400_000 });
  });
});
