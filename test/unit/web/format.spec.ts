import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

type Lang = 'zh' | 'en';
const f = loadWebModule<{
  formatDateTime(iso: string, lang?: Lang): string;
  formatTime(iso: string): string;
  formatDurationMs(ms: number, lang?: Lang): string;
  parseIsoDuration(iso: string): number | null;
  formatIsoDuration(iso: string | null | undefined, lang?: Lang): string;
  formatRate(rate: number | null | undefined): string;
}>('lib/format');

/** Times as people in Dalian read them, whatever zone the browser runs in. */
describe('web: format', () => {
  it('shows dates and times in Asia/Shanghai', () => {
    assert.equal(f.formatDateTime('2026-11-27T16:30:00Z'), '2026-11-28 00:30');
    assert.equal(f.formatDateTime('2026-11-27T16:30:00Z', 'en'), '2026-11-28 00:30 (CST)');
    assert.equal(f.formatTime('2026-11-27T01:05:00Z'), '09:05');
    assert.equal(f.formatDateTime('not a date'), '');
  });

  it('parses ISO-8601 durations', () => {
    assert.equal(f.parseIsoDuration('PT15M'), 15 * 60000);
    assert.equal(f.parseIsoDuration('P5D'), 5 * 86400000);
    assert.equal(f.parseIsoDuration('PT1H30M'), 90 * 60000);
    assert.equal(f.parseIsoDuration('P1DT2H'), 26 * 3600000);
    assert.equal(f.parseIsoDuration('PT3.5S'), 3500);
    assert.equal(f.parseIsoDuration('P2W'), 14 * 86400000);
    for (const bad of ['', 'P', 'PT', '15M', 'P1H', 'PTX']) assert.equal(f.parseIsoDuration(bad), null, bad);
    // What the server refuses, the page refuses too: weeks mixed with days, a fraction on a larger unit.
    for (const refused of ['P1W2D', 'PT1.5H30M', 'P1M'])
      assert.equal(f.parseIsoDuration(refused), null, refused);
  });

  it('writes durations with their two largest units', () => {
    assert.equal(f.formatDurationMs(15 * 60000), '15分');
    assert.equal(f.formatDurationMs(15 * 60000, 'en'), '15m');
    assert.equal(f.formatDurationMs((4 * 60 + 12) * 1000, 'en'), '4m 12s');
    assert.equal(f.formatDurationMs(3 * 3600000 + 5 * 60000 + 9000), '3小时5分');
    assert.equal(f.formatDurationMs(3 * 3600000), '3小时');
    assert.equal(f.formatDurationMs(26 * 3600000, 'en'), '1d 2h');
    assert.equal(f.formatDurationMs(-90000, 'en'), '1m 30s', 'overdue times are shown as their size');
    assert.equal(f.formatDurationMs(400), '0秒');
    assert.equal(f.formatIsoDuration('PT4H', 'en'), '4h');
    assert.equal(f.formatIsoDuration(null), '—');
  });

  it('writes rates as percentages and a missing rate as a dash', () => {
    assert.equal(f.formatRate(0.8734), '87.3%');
    assert.equal(f.formatRate(1), '100.0%');
    assert.equal(f.formatRate(0), '0.0%');
    assert.equal(f.formatRate(null), '—');
  });
});
