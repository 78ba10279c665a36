import assert from 'node:assert/strict';
import {
  applyAction,
  applyDeadlineChanges,
  type ClockPauseRecord,
  DEFAULT_CALENDAR,
  type DeadlineSet,
  evolveView,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleView,
  runningDeadline,
} from '@grid-dispatch/domain';

/*
 * Every pause must end. A pending return or extension stops the clock that runs when it is
 * asked; whatever settles it (approval, refusal, a reassignment, a cancel, a merge) must leave
 * no clock paused and the pause recorded with its end, the resumed deadline moved on by exactly
 * the time it stood still. These walk every path that pauses a clock, the way the workflow
 * service applies them (the lifecycle rules, then the deadline changes).
 */

type Body = LifecycleCommand extends infer C
  ? C extends LifecycleCommand
    ? Omit<C, 'actor'>
    : never
  : never;

const water: LifecycleActor = { kind: 'staff', role: 'unit_member', unitId: 'water', inScope: true };
const secretary: LifecycleActor = { kind: 'staff', role: 'community_secretary', inScope: true };
const system: LifecycleActor = { kind: 'system' };

const MIN = 60_000;
const T0 = Date.parse('2030-03-01T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * MIN);

interface Ticket {
  view: LifecycleView;
  deadlines: DeadlineSet;
  pauses: ClockPauseRecord[];
}

/** One action at `minute`, as run-lifecycle applies it. */
function act(ticket: Ticket, actor: LifecycleActor, body: Body, minute: number): Ticket {
  const now = at(minute);
  const view = { ...ticket.view, resolveDueAt: ticket.deadlines.resolve?.dueAt ?? null };
  const outcome = applyAction(view, { ...body, actor } as LifecycleCommand);
  assert.ok(outcome.ok, `${body.action} from ${view.status}: ${JSON.stringify(outcome)}`);
  const { deadlines, pauses } = applyDeadlineChanges(
    ticket.deadlines,
    ticket.pauses,
    outcome.changes,
    {
      now,
      ackWithin: 'PT1H',
      resolveWithin: 'PT24H',
      verifyWithin: 'PT48H',
      clock: 'calendar',
      calendar: DEFAULT_CALENDAR,
      running: runningDeadline(ticket.view.status),
    },
    outcome.eventData.reason ?? outcome.eventType,
  );
  return { view: evolveView(view, outcome, now.toISOString()), deadlines, pauses };
}

const dispatched = (): Ticket =>
  act(
    {
      view: { id: 'T1', status: 'submitted', unitId: null, assistUnitIds: [], pendingRequest: null },
      deadlines: {},
      pauses: [],
    },
    system,
    { action: 'dispatch', unitId: 'water', assistUnitIds: [] },
    0,
  );
const accepted = (): Ticket => act(dispatched(), water, { action: 'accept' }, 10);

const returnAsked = (from: () => Ticket) => act(from(), water, { action: 'return', reason: 'not ours' }, 20);
const extensionAsked = () =>
  act(
    accepted(),
    water,
    { action: 'extension', reason: 'parts', resolveBy: '2030-03-05T00:00:00Z', now: at(20).toISOString() },
    20,
  );

/** Every way to pause a clock, then every way to settle what paused it. */
const paths: Array<{ name: string; paused: 'ack' | 'resolve'; run: () => Ticket }> = [
  {
    name: 'return before signing, refused',
    paused: 'ack',
    run: () =>
      act(
        returnAsked(dispatched),
        secretary,
        { action: 'decide', request: 'return', approve: false, now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'return before signing, approved to another unit',
    paused: 'ack',
    run: () =>
      act(
        returnAsked(dispatched),
        secretary,
        { action: 'decide', request: 'return', approve: true, unitId: 'power', now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'return after signing, refused',
    paused: 'resolve',
    run: () =>
      act(
        returnAsked(accepted),
        secretary,
        { action: 'decide', request: 'return', approve: false, now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'return after signing, approved to another unit',
    paused: 'resolve',
    run: () =>
      act(
        returnAsked(accepted),
        secretary,
        { action: 'decide', request: 'return', approve: true, unitId: 'power', now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'return after signing, settled by a reassignment',
    paused: 'resolve',
    run: () =>
      act(
        returnAsked(accepted),
        secretary,
        { action: 'reassign', unitId: 'power', reason: 'gas, not water' },
        50,
      ),
  },
  {
    name: 'extension, refused',
    paused: 'resolve',
    run: () =>
      act(
        extensionAsked(),
        secretary,
        { action: 'decide', request: 'extension', approve: false, now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'extension, approved',
    paused: 'resolve',
    run: () =>
      act(
        extensionAsked(),
        secretary,
        { action: 'decide', request: 'extension', approve: true, now: at(50).toISOString() },
        50,
      ),
  },
  {
    name: 'extension, settled by a reassignment',
    paused: 'resolve',
    run: () => act(extensionAsked(), secretary, { action: 'reassign', unitId: 'power' }, 50),
  },
  {
    name: 'return, then the ticket is cancelled',
    paused: 'resolve',
    run: () => act(returnAsked(accepted), secretary, { action: 'cancel', reason: 'a duplicate call' }, 50),
  },
  {
    name: 'extension, then the ticket is merged into another',
    paused: 'resolve',
    run: () => act(extensionAsked(), secretary, { action: 'merge', intoTicketId: 'T0' }, 50),
  },
];

describe('domain: every paused clock resumes', () => {
  it('pauses the clock that runs when a request is made', () => {
    const before = returnAsked(accepted);
    assert.equal(before.deadlines.resolve?.pausedAt, at(20).toISOString());
    assert.deepEqual(
      before.pauses.map((p) => [p.deadline, p.from, p.to]),
      [['resolve', at(20).toISOString(), null]],
    );
    assert.equal(extensionAsked().deadlines.resolve?.pausedAt, at(20).toISOString());
    assert.equal(returnAsked(dispatched).deadlines.ack?.pausedAt, at(20).toISOString());
  });

  for (const path of paths) {
    it(`${path.name}: no clock left paused, the pause recorded with its end`, () => {
      const after = path.run();
      for (const [kind, d] of Object.entries(after.deadlines)) {
        assert.ok(!d?.pausedAt, `${kind} is still paused (${after.view.status})`);
      }
      const pause = after.pauses.find((p) => p.deadline === path.paused);
      assert.ok(pause, 'the pause is recorded');
      assert.deepEqual([pause.from, pause.to], [at(20).toISOString(), at(50).toISOString()]);
      assert.ok(
        after.pauses.every((p) => p.to !== null),
        'no pause record left open',
      );
    });
  }

  it('moves a resumed deadline on by exactly the time it stood still', () => {
    const before = returnAsked(accepted);
    const after = act(
      before,
      secretary,
      { action: 'decide', request: 'return', approve: false, now: at(50).toISOString() },
      50,
    );
    assert.equal(after.view.status, 'accepted');
    const stood = 30 * MIN;
    assert.equal(
      Date.parse(after.deadlines.resolve!.dueAt),
      Date.parse(before.deadlines.resolve!.dueAt) + stood,
    );
    assert.equal(
      after.deadlines.resolve!.seq,
      before.deadlines.resolve!.seq + 1,
      'a new seq re-arms its timers',
    );
  });

  it('gives an approved return the new unit’s sign clock and no fix clock of the old unit', () => {
    const after = paths[3]!.run();
    assert.equal(after.view.unitId, 'power');
    assert.ok(after.deadlines.ack, 'the new unit has a sign clock');
    assert.equal(after.deadlines.resolve, undefined);
  });
});
