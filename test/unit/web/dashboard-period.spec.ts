import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const period = loadWebModule<{
  monthPeriod(now: Date): { from: string; to: string };
  monthOf(now: Date): string;
  kpiPath(filter: Record<string, string>, p: { from: string; to: string }): string;
  meetingPath(areaId: string, month: string, format: 'html' | 'csv'): string;
}>('dashboard/period');
const kpi = loadWebModule<{
  tileRates(kpis: any, filter: Record<string, string>): any;
  rankedUnits(kpis: any): Array<{ unitId: string }>;
}>('dashboard/kpi-view');

/** The KPI period and queries: dates in reporting time, both ends included on screen and in the API. */
describe('web: dashboard period and KPI view', () => {
  it('defaults to the calendar month in China Standard Time, both ends included', () => {
    assert.deepEqual(period.monthPeriod(new Date('2026-02-14T04:00:00Z')), {
      from: '2026-02-01',
      to: '2026-02-28',
    });
    // 17:00 UTC on New Year's Eve is already 1 January in the district.
    assert.deepEqual(period.monthPeriod(new Date('2026-12-31T17:00:00Z')), {
      from: '2027-01-01',
      to: '2027-01-31',
    });
    assert.equal(period.monthOf(new Date('2026-01-31T16:30:00Z')), '2026-02');
  });

  it('gives the district’s dates in a browser outside UTC+8', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        assert.equal(period.monthOf(new Date('2026-01-31T16:30:00Z')), '2026-02', tz);
        assert.equal(period.monthOf(new Date('2026-01-31T15:30:00Z')), '2026-01', tz);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('asks the API for the same days, the last one included', () => {
    assert.equal(
      period.kpiPath(
        { areaId: 'chunhai', unitId: 'water', category: 'noise' },
        { from: '2026-11-01', to: '2026-11-30' },
      ),
      '/api/v1/kpis?areaId=chunhai&unitId=water&from=2026-11-01&to=2026-11-30',
    );
    assert.equal(
      period.meetingPath('chunhai', '2026-11', 'csv'),
      '/api/v1/meetings/chunhai/2026-11?format=csv',
    );
  });

  it('shows a category’s own row when drilled into, and units by rank', () => {
    const kpis = {
      responseRate: 0.5,
      byCategory: [{ category: 'noise', responseRate: 1 }],
      units: [
        { unitId: 'b', rank: 2 },
        { unitId: 'a', rank: 1 },
        { unitId: 'c', rank: 2, score: 90 },
      ],
    };
    assert.equal(kpi.tileRates(kpis, {}).responseRate, 0.5);
    assert.equal(kpi.tileRates(kpis, { category: 'noise' }).responseRate, 1);
    assert.equal(kpi.tileRates(kpis, { category: 'gas_leak' }), null);
    assert.equal(kpi.tileRates(null, {}), null);
    assert.deepEqual(
      kpi.rankedUnits(kpis).map((u) => u.unitId),
      ['a', 'c', 'b'],
    );
  });
});
