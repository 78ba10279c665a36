import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

type Level = 'ok' | 'warning' | 'breached' | 'paused';
interface Deadline {
  dueAt: string;
  startedAt: string;
  pausedAt?: string | null;
  breachedAt?: string | null;
}
const { countdownState, worstLevel } = loadWebModule<{
  countdownState(
    d: Deadline,
    now: number,
    warnAt?: number[],
  ): { remainingMs: number; level: Level; fraction: number };
  worstLevel(levels: Level[]): Level;
}>('lib/countdown-state');

/** The web countdown's colours follow the SLA reminders: amber from the first, red at the breach. */
describe('web: countdownState', () => {
  const start = Date.parse('2026-11-27T02:00:00Z');
  const d: Deadline = { startedAt: '2026-11-27T02:00:00Z', dueAt: '2026-11-27T02:15:00Z' }; // P1 sign: 15 min
  const at = (min: number) => start + min * 60000;

  it('is ok before the first reminder fraction', () => {
    assert.deepEqual(countdownState(d, at(0)), { remainingMs: 15 * 60000, level: 'ok', fraction: 0 });
    assert.equal(countdownState(d, at(7.4)).level, 'ok');
  });

  it('turns amber at the first reminder (50 %) and stays amber to the due time', () => {
    assert.equal(countdownState(d, at(7.5)).level, 'warning');
    assert.equal(countdownState(d, at(14.99)).level, 'warning');
    assert.equal(countdownState(d, at(7.5), [0.8]).level, 'ok', 'custom fractions are honoured');
    assert.equal(countdownState(d, at(12), [0.8]).level, 'warning');
  });

  it('turns red at the due time, with the overdue time negative', () => {
    const s = countdownState(d, at(16));
    assert.equal(s.level, 'breached');
    assert.equal(s.remainingMs, -60000);
  });

  it('believes a breach the server recorded, even if the local clock lags', () => {
    assert.equal(countdownState({ ...d, breachedAt: '2026-11-27T02:15:00Z' }, at(10)).level, 'breached');
  });

  it('freezes while paused (a return or an extension waiting for a decision)', () => {
    const paused = { ...d, pausedAt: '2026-11-27T02:05:00Z' };
    const s = countdownState(paused, at(60));
    assert.equal(s.level, 'paused');
    assert.equal(s.remainingMs, 10 * 60000);
  });

  it('orders levels by urgency', () => {
    assert.equal(worstLevel(['ok', 'warning', 'paused']), 'warning');
    assert.equal(worstLevel(['ok', 'breached', 'warning']), 'breached');
    assert.equal(worstLevel([]), 'ok');
  });
});
