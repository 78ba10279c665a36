import assert from 'node:assert/strict';
import {
  type ClockSpec,
  type ClockState,
  DEFAULT_CALENDAR,
  pauseClock,
  remainingAt,
  resumeClock,
  startClock,
} from '@grid-dispatch/domain';

const H = 3_600_000;
const cal = DEFAULT_CALENDAR;

function bj(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}:00+08:00`);
}

function show(iso: string | null): string {
  return iso === null
    ? 'null'
    : new Date(Date.parse(iso) + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
}

const P3_SIGN: ClockSpec = { kind: 'working', durationMs: 4 * H };
const P2_FIX: ClockSpec = { kind: 'calendar', durationMs: 24 * H };

describe('sla: startClock', () => {
  it('records the start and the due date, running', () => {
    const state = startClock(P3_SIGN, bj('2026-03-06 15:00'), cal);
    assert.deepEqual(state, {
      startedAt: bj('2026-03-06 15:00').toISOString(),
      dueAt: bj('2026-03-09 10:00').toISOString(),
      pausedAt: null,
      pauses: [],
    });
  });
});

describe('sla: pauseClock / resumeClock', () => {
  const cases: Array<[string, ClockSpec, string, string, string, string]> = [
    // name, spec, start, pause, resume, expected new dueAt
    [
      'working clock, pause across a weekend',
      P3_SIGN,
      '2026-03-06 15:00',
      '2026-03-06 16:00',
      '2026-03-09 09:00',
      '2026-03-09 12:00',
    ],
    [
      'working clock, pause only over the weekend',
      P3_SIGN,
      '2026-03-06 15:00',
      '2026-03-07 10:00',
      '2026-03-08 20:00',
      '2026-03-09 10:00',
    ],
    [
      'working clock, pause over lunch only',
      P3_SIGN,
      '2026-03-09 09:00',
      '2026-03-09 12:00',
      '2026-03-09 13:00',
      '2026-03-09 14:00',
    ],
    [
      'working clock, pause over National Day',
      P3_SIGN,
      '2026-09-30 14:00',
      '2026-09-30 15:00',
      '2026-10-08 09:00',
      '2026-10-08 12:00',
    ],
    [
      'calendar clock',
      P2_FIX,
      '2026-03-02 10:00',
      '2026-03-02 12:00',
      '2026-03-02 15:00',
      '2026-03-03 13:00',
    ],
    [
      'calendar clock over a weekend',
      P2_FIX,
      '2026-03-06 10:00',
      '2026-03-06 12:00',
      '2026-03-09 12:00',
      '2026-03-10 10:00',
    ],
    [
      'same instant, working clock due at a closing',
      P3_SIGN,
      '2026-03-09 13:30',
      '2026-03-09 15:00',
      '2026-03-09 15:00',
      '2026-03-09 17:30',
    ],
    [
      'same instant, calendar clock',
      P2_FIX,
      '2026-03-02 10:00',
      '2026-03-02 11:00',
      '2026-03-02 11:00',
      '2026-03-03 10:00',
    ],
  ];
  for (const [name, spec, start, pause, resume, expectedDue] of cases) {
    it(`${name}: due → ${expectedDue}`, () => {
      const running = startClock(spec, bj(start), cal);
      const paused = pauseClock(running, bj(pause), 'return awaiting decision');
      const resumed = resumeClock(paused, bj(resume), cal, spec.kind);
      assert.equal(show(resumed.dueAt), expectedDue);
      assert.equal(resumed.pausedAt, null);
      assert.deepEqual(resumed.pauses, [
        { from: bj(pause).toISOString(), to: bj(resume).toISOString(), reason: 'return awaiting decision' },
      ]);
      // The time that was left when the clock stopped is left again when it restarts.
      assert.equal(
        remainingAt(resumed, bj(resume), cal, spec.kind),
        remainingAt(running, bj(pause), cal, spec.kind),
      );
    });
  }

  it('records several pauses in order and does not mutate its input', () => {
    const running = startClock(P3_SIGN, bj('2026-03-09 08:30'), cal);
    const first = pauseClock(running, bj('2026-03-09 09:00'), 'extension requested');
    const snapshot = structuredClone(first);
    const resumed = resumeClock(first, bj('2026-03-09 09:30'), cal, 'working');
    const second = resumeClock(
      pauseClock(resumed, bj('2026-03-09 10:00'), '  return  '),
      bj('2026-03-09 10:15'),
      cal,
      'working',
    );
    assert.deepEqual(first, snapshot);
    assert.equal(running.pauses.length, 0);
    assert.deepEqual(
      second.pauses.map((p) => [show(p.from), show(p.to), p.reason]),
      [
        ['2026-03-09 09:00', '2026-03-09 09:30', 'extension requested'],
        ['2026-03-09 10:00', '2026-03-09 10:15', 'return'],
      ],
    );
    assert.equal(show(second.dueAt), '2026-03-09 14:15');
  });

  it('rejects a second pause with a clear error', () => {
    const paused = pauseClock(
      startClock(P3_SIGN, bj('2026-03-09 09:00'), cal),
      bj('2026-03-09 10:00'),
      'return',
    );
    assert.throws(
      () => pauseClock(paused, bj('2026-03-09 11:00'), 'again'),
      /already paused since .*resume it/,
    );
  });

  it('rejects a resume without a pause', () => {
    const running = startClock(P3_SIGN, bj('2026-03-09 09:00'), cal);
    assert.throws(() => resumeClock(running, bj('2026-03-09 10:00'), cal, 'working'), /not paused/);
  });

  it('rejects a resume before the pause began, and a pause before the start', () => {
    const running = startClock(P3_SIGN, bj('2026-03-09 09:00'), cal);
    const paused = pauseClock(running, bj('2026-03-09 10:00'), 'return');
    assert.throws(() => resumeClock(paused, bj('2026-03-09 09:59'), cal, 'working'), RangeError);
    assert.throws(() => pauseClock(running, bj('2026-03-09 08:00'), 'return'), RangeError);
  });

  it('rejects a pause before the previous pause ended', () => {
    const running = startClock(P3_SIGN, bj('2026-03-09 09:00'), cal);
    const resumed = resumeClock(
      pauseClock(running, bj('2026-03-09 10:00'), 'a'),
      bj('2026-03-09 11:00'),
      cal,
      'working',
    );
    assert.throws(() => pauseClock(resumed, bj('2026-03-09 10:30'), 'b'), RangeError);
  });

  it('rejects a blank reason', () => {
    const running = startClock(P3_SIGN, bj('2026-03-09 09:00'), cal);
    assert.throws(() => pauseClock(running, bj('2026-03-09 10:00'), '   '), /needs a reason/);
  });

  it('rejects a corrupted stored state', () => {
    const broken: ClockState = { startedAt: 'x', dueAt: 'y', pausedAt: null, pauses: [] };
    assert.throws(() => pauseClock(broken, bj('2026-03-09 10:00'), 'return'), /invalid startedAt/);
  });
});

describe('sla: remainingAt', () => {
  const working = startClock(P3_SIGN, bj('2026-03-06 15:00'), cal); // due Mon 2026-03-09 10:00
  const calendar = startClock(P2_FIX, bj('2026-03-06 10:00'), cal); // due Sat 2026-03-07 10:00

  const cases: Array<[string, ClockState, ClockSpec['kind'], string, number]> = [
    ['working, at start', working, 'working', '2026-03-06 15:00', 4 * H],
    ['working, over the weekend', working, 'working', '2026-03-07 12:00', 1.5 * H],
    ['working, exactly due', working, 'working', '2026-03-09 10:00', 0],
    ['working, overdue in office time', working, 'working', '2026-03-10 09:00', -7 * H],
    ['calendar, halfway', calendar, 'calendar', '2026-03-06 22:00', 12 * H],
    ['calendar, overdue', calendar, 'calendar', '2026-03-07 12:00', -2 * H],
  ];
  for (const [name, state, kind, at, expected] of cases) {
    it(`${name} → ${expected / H} h`, () => assert.equal(remainingAt(state, bj(at), cal, kind), expected));
  }

  it('is frozen while paused', () => {
    const paused = pauseClock(working, bj('2026-03-06 16:00'), 'return');
    assert.equal(remainingAt(paused, bj('2026-03-06 16:00'), cal, 'working'), 3 * H);
    assert.equal(remainingAt(paused, bj('2026-03-20 16:00'), cal, 'working'), 3 * H);
  });
});
