import assert from 'node:assert/strict';
import { readableDuration, reportTime } from '@grid-dispatch/workflow/dist/kpi/meeting-report';

describe('meeting report: what the printed page says', () => {
  it('writes durations as people read them, in both languages', () => {
    assert.equal(readableDuration('PT4M6S'), '4 分 6 秒 · 4m 6s');
    assert.equal(readableDuration('P1DT2H'), '1 天 2 时 · 1d 2h');
    assert.equal(readableDuration('PT0S'), '0 秒 · 0s');
    assert.equal(readableDuration(null), '—');
  });
  it('prints the time in the district’s own time zone', () => {
    assert.equal(reportTime('2026-11-30T16:05:09.000Z'), '2026-12-01 00:05 (UTC+8)');
  });
});
