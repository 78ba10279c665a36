import assert from 'node:assert/strict';
import { emptyCounts, type KpiCell } from '@grid-dispatch/domain';
import { KpiReports } from '@grid-dispatch/workflow/dist/kpi/kpi-reports';

const SCOPE = {
  scope: 'area:zhongshan',
  areaId: 'zhongshan',
  unitId: null,
  from: '2025-12-01',
  to: '2026-11-30',
};

function cell(dispatched: number): KpiCell {
  return {
    unitId: 'water',
    category: 'water_burst',
    areaIds: ['g1', 'zhongshan'],
    tally: {
      counts: { ...emptyCounts(), dispatched },
      ackSeconds: { seconds: [], counts: [] },
      resolveSeconds: { seconds: [], counts: [] },
    },
  };
}

/** A store whose summaries are at `version`, counting the periods read. */
function store() {
  const state = { version: 'a', dispatched: 1, reads: 0 };
  return {
    state,
    kpis: {
      async period() {
        state.reads++;
        await new Promise((resolve) => setImmediate(resolve));
        return { cells: [cell(state.dispatched)], version: state.version };
      },
    },
  };
}

describe('KPI reports: built once per build of their summaries', () => {
  const names = new Map();

  it('serves the report built before while the summaries are the same build', async () => {
    const { kpis } = store();
    const reports = new KpiReports(kpis, {});
    const first = await reports.get(SCOPE, names);
    assert.equal(await reports.get(SCOPE, names), first);
  });

  it('builds again when a summary was rebuilt, or the units were renamed', async () => {
    const { state, kpis } = store();
    const reports = new KpiReports(kpis, {});
    const first = await reports.get(SCOPE, names);
    state.version = 'b';
    state.dispatched = 2;
    const second = await reports.get(SCOPE, names);
    assert.notEqual(second, first);
    assert.equal(second.counts.dispatched, 2);
    assert.notEqual(await reports.get(SCOPE, new Map()), second);
  });

  it('has requests for one report at one moment share one read, and others read their own', async () => {
    const { state, kpis } = store();
    const reports = new KpiReports(kpis, {});
    const same = await Promise.all(Array.from({ length: 6 }, () => reports.get(SCOPE, names)));
    assert.equal(state.reads, 1);
    assert.ok(same.every((r) => r === same[0]));
    await Promise.all([reports.get(SCOPE, names), reports.get({ ...SCOPE, from: '2025-12-02' }, names)]);
    assert.equal(state.reads, 3);
  });
});
