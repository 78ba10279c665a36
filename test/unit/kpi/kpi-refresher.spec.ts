import assert from 'node:assert/strict';
import { loadKpiConfig } from '@grid-dispatch/kpi/dist/config';
import { restAfterPass } from '@grid-dispatch/kpi/dist/kpi-refresher';

describe('KPI refresher: its rest between passes', () => {
  const timing = { everyMs: 2000, busyShare: 0.2 };

  it('rests the set interval after a short pass', () => {
    assert.equal(restAfterPass(40, timing), 2000);
  });

  it('rests in proportion after a long pass, so rebuilding takes at most its share of the time', () => {
    // A 3 s pass on a storm day: 12 s of rest, so 3 s of every 15 s are spent rebuilding.
    assert.equal(restAfterPass(3000, timing), 12000);
    const pass = 3000;
    assert.equal(pass / (pass + restAfterPass(pass, timing)), 0.2);
  });

  it('a share of 1 never rests longer than the interval', () => {
    assert.equal(restAfterPass(60_000, { everyMs: 2000, busyShare: 1 }), 2000);
  });

  it('the share setting must lie above 0 and at most 1', () => {
    assert.equal(loadKpiConfig({}).KPI_REFRESH_BUSY_SHARE, 0.2);
    assert.equal(loadKpiConfig({ KPI_REFRESH_BUSY_SHARE: '0.5' }).KPI_REFRESH_BUSY_SHARE, 0.5);
    for (const bad of ['0', '1.5', 'half']) {
      assert.throws(() => loadKpiConfig({ KPI_REFRESH_BUSY_SHARE: bad }), /KPI_REFRESH_BUSY_SHARE/);
    }
  });
});
