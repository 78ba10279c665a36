import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const exportPaths = loadWebModule<{
  exportPath(
    filter: Record<string, string>,
    p: { from: string; to: string },
    format: 'csv' | 'jsonl',
  ): string;
  exportFileName(
    disposition: string | null,
    p: { from: string; to: string },
    format: 'csv' | 'jsonl',
  ): string;
}>('dashboard/export-path');

/** The dashboard's export asks for exactly the drill-down and period on screen. */
describe('web: dashboard ticket export', () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };

  it('asks for the period and every part of the drill-down', () => {
    assert.equal(
      exportPaths.exportPath({}, period, 'csv'),
      '/api/v1/tickets/export?format=csv&from=2026-11-01&to=2026-11-30',
    );
    assert.equal(
      exportPaths.exportPath({ areaId: 'chunhai', unitId: 'water', category: 'gas_leak' }, period, 'jsonl'),
      '/api/v1/tickets/export?format=jsonl&from=2026-11-01&to=2026-11-30&areaId=chunhai&unitId=water&category=gas_leak',
    );
  });

  it('saves under the name the server gives, or one made from the period', () => {
    assert.equal(
      exportPaths.exportFileName(
        'attachment; filename="tickets-chunhai-2026-11-01_2026-11-30.csv"',
        period,
        'csv',
      ),
      'tickets-chunhai-2026-11-01_2026-11-30.csv',
    );
    assert.equal(exportPaths.exportFileName(null, period, 'jsonl'), 'tickets-2026-11-01_2026-11-30.jsonl');
  });
});
