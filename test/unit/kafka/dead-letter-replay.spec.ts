import assert from 'node:assert/strict';
import {
  type DeadLetter,
  type DeadLetterFilter,
  type DeadLetterReplayResult,
  describeOutcome,
  parseReplayDeadLettersArguments,
  planDeadLetterReplay,
  type ReplayRecord,
  readDeadLetter,
  summarizeReplay,
  UsageError,
} from '@grid-dispatch/kafka';
import { submittedEnvelope } from '../../support/event-fixtures';

const PREFIX = 'p1.';
const EVENTS = `${PREFIX}ticket-events`;
const DLQ = `${PREFIX}ticket-events.dlq`;

const event = (ticketId: string) => submittedEnvelope(ticketId);

/** A message of the dead-letter topic as EventConsumer writes it. */
function deadLetter(
  offset: number,
  value: string,
  headers: Record<string, string> = {},
  source = `${EVENTS}/3/${offset * 10}`,
): DeadLetter {
  return readDeadLetter({
    topic: DLQ,
    partition: 0,
    offset: String(offset),
    timestamp: String(Date.parse('2026-11-30T08:00:00Z') + offset * 1000),
    key: Buffer.from('k'),
    value: Buffer.from(value),
    headers: {
      'dlq-reason': 'VALIDATION_FAILED: cannot take it',
      'dlq-source': source,
      'dlq-group': `${PREFIX}dispatcher`,
      ...headers,
    },
  });
}

const plan = (
  letters: DeadLetter[],
  filter: DeadLetterFilter = {},
  replayed: ReadonlyMap<string, ReplayRecord> = new Map(),
) => planDeadLetterReplay(letters, replayed, filter, { topicPrefix: PREFIX, eventsTopic: EVENTS });

const kinds = (p: ReturnType<typeof plan>) =>
  p.selected.map((s) => `${s.deadLetter.position.offset}:${s.verdict.kind}`);

describe('dead-letter replay: reading a dead letter', () => {
  it('reads a valid event with its headers', () => {
    const d = deadLetter(4, JSON.stringify(event('t9')));
    assert.equal(d.invalid, null);
    assert.equal(d.envelope?.ticketId, 't9');
    assert.equal(d.eventType, 'ticket.submitted');
    assert.deepEqual(d.source, { topic: EVENTS, partition: 3, offset: '40' });
    assert.equal(d.group, `${PREFIX}dispatcher`);
    assert.equal(d.at.toISOString(), '2026-11-30T08:00:04.000Z');
  });

  it('tells poison apart, and still names what an invalid event says it is', () => {
    assert.equal(deadLetter(0, '{"eventId": "not json').invalid, 'value is not JSON');
    const bad = deadLetter(1, JSON.stringify({ ...event('t2'), ticketVersion: 0 }));
    assert.match(bad.invalid ?? '', /^not a valid event: ticketVersion/);
    assert.equal(bad.envelope, null);
    assert.equal(bad.ticketId, 't2');
    assert.equal(bad.eventType, 'ticket.submitted');
  });

  it('keeps a dead letter without headers, with no source', () => {
    const d = readDeadLetter({
      topic: DLQ,
      partition: 0,
      offset: '0',
      timestamp: '0',
      key: null,
      value: null,
      headers: {},
    });
    assert.equal(d.source, null);
    assert.equal(d.group, null);
    assert.equal(d.invalid, 'value is not JSON');
  });
});

describe('dead-letter replay: what a run does with each dead letter', () => {
  const valid = (offset: number, ticketId = `t${offset}`, headers: Record<string, string> = {}) =>
    deadLetter(offset, JSON.stringify(event(ticketId)), headers);

  it('replays valid events, and lists poison without replaying it', () => {
    const p = plan([valid(0), deadLetter(1, 'nope'), valid(2)]);
    assert.deepEqual(kinds(p), ['0:replay', '1:invalid', '2:replay']);
    assert.deepEqual(p.selected[0]!.verdict, {
      kind: 'replay',
      source: { topic: EVENTS, partition: 3, offset: '0' },
    });
  });

  it('replays poison only when asked', () => {
    assert.deepEqual(kinds(plan([deadLetter(1, 'nope')], { includeInvalid: true })), ['1:replay']);
  });

  it('republishes a message once for all the groups that refused it', () => {
    const source = `${EVENTS}/7/70`;
    const letters = [
      deadLetter(0, 'nope', { 'dlq-group': `${PREFIX}dispatcher` }, source),
      deadLetter(1, 'nope', { 'dlq-group': `${PREFIX}sla` }, source),
    ];
    const p = plan(letters, { includeInvalid: true });
    assert.deepEqual(kinds(p), ['0:replay', '1:same-message']);
    assert.deepEqual(p.selected[1]!.verdict, {
      kind: 'same-message',
      replayedWith: { topic: DLQ, partition: 0, offset: '0' },
    });
  });

  it('skips what an earlier run replayed, by the message it came from', () => {
    const record: ReplayRecord = {
      source: `${EVENTS}/3/0`,
      deadLetter: `${DLQ}/0/0`,
      republishedAs: `${EVENTS}/3/99`,
      replayedAt: '2026-11-30T09:00:00.000Z',
    };
    const p = plan([valid(0), valid(1)], {}, new Map([[record.source, record]]));
    assert.deepEqual(kinds(p), ['0:already-replayed', '1:replay']);
  });

  it('cannot replay what does not say where it came from, or came from elsewhere', () => {
    const none = deadLetter(0, JSON.stringify(event('t0')), { 'dlq-source': 'garbled' });
    const other = deadLetter(1, JSON.stringify(event('t1')), {}, 'other.ticket-events/0/1');
    const p = plan([none, other]);
    assert.deepEqual(kinds(p), ['0:no-source', '1:no-source']);
    assert.deepEqual(
      p.selected.map((s) => (s.verdict.kind === 'no-source' ? s.verdict.why : '')),
      ['no readable dlq-source header', `came from other.ticket-events, not ${EVENTS}`],
    );
  });

  it('filters by group (with or without the prefix), reason (any case) and offset', () => {
    const letters = [
      valid(0, 't0', { 'dlq-group': `${PREFIX}sla`, 'dlq-reason': 'ILLEGAL_TRANSITION: closed' }),
      valid(1, 't1', { 'dlq-group': `${PREFIX}dispatcher` }),
      valid(2, 't2', { 'dlq-group': `${PREFIX}sla` }),
    ];
    assert.deepEqual(kinds(plan(letters, { group: 'sla' })), ['0:replay', '2:replay']);
    assert.deepEqual(kinds(plan(letters, { group: `${PREFIX}sla` })), ['0:replay', '2:replay']);
    assert.deepEqual(kinds(plan(letters, { reason: 'illegal_transition' })), ['0:replay']);
    assert.deepEqual(kinds(plan(letters, { offset: '1' })), ['1:replay']);
    assert.deepEqual(kinds(plan(letters, { group: 'sla', reason: 'validation' })), ['2:replay']);
    const p = plan(letters, { group: 'live' });
    assert.equal(p.total, 3);
    assert.equal(p.skippedByFilter, 3);
  });
});

describe('dead-letter replay: what the command prints', () => {
  const letters = [
    deadLetter(0, JSON.stringify(event('t0'))),
    deadLetter(1, 'nope'),
    deadLetter(2, JSON.stringify(event('t2'))),
  ];

  function resultOf(dryRun: boolean): DeadLetterReplayResult {
    const p = plan(letters, { reason: 'validation' });
    return {
      dryRun,
      total: p.total + 2,
      skippedByFilter: p.skippedByFilter + 2,
      outcomes: p.selected.map((s) => ({
        ...s,
        republishedAs:
          s.verdict.kind === 'replay' && !dryRun ? { topic: EVENTS, partition: 3, offset: '500' } : null,
      })),
      republished: dryRun ? 0 : 2,
    };
  }

  it('sums a run up in one line', () => {
    assert.equal(
      summarizeReplay(resultOf(false)),
      'replayed 2 of 5 dead letters; 2 skipped by filter; 1 invalid (not replayed without --include-invalid); 2 messages republished',
    );
    assert.equal(
      summarizeReplay(resultOf(true)),
      'would replay 2 of 5 dead letters; 2 skipped by filter; 1 invalid (not replayed without --include-invalid); nothing republished (--list)',
    );
  });

  it('describes each dead letter: offset, time, group, origin, event, reason, outcome', () => {
    const [first, poison] = resultOf(false).outcomes;
    assert.deepEqual(describeOutcome(first!, false), [
      `offset 0  2026-11-30T08:00:00.000Z  group ${PREFIX}dispatcher  from ${EVENTS}/3/0  ticket.submitted  ticket t0`,
      '  reason: VALIDATION_FAILED: cannot take it',
      `  → replayed as ${EVENTS}/3/500`,
    ]);
    assert.equal(describeOutcome(first!, true)[2], '  → would replay');
    assert.match(describeOutcome(poison!, false)[0]!, /from p1\.ticket-events\/3\/10 {2}value not JSON$/);
    assert.match(describeOutcome(poison!, false)[2]!, /not replayed: value is not JSON .*--include-invalid/);
  });
});

describe('dead-letter replay: the command line', () => {
  it('reads the options', () => {
    assert.deepEqual(parseReplayDeadLettersArguments([]), { help: false, list: false, filter: {} });
    assert.deepEqual(
      parseReplayDeadLettersArguments([
        '--list',
        '--group',
        'sla',
        '--reason=VERSION',
        '--offset',
        '007',
        '--include-invalid',
      ]),
      {
        help: false,
        list: true,
        filter: { group: 'sla', reason: 'VERSION', offset: '7', includeInvalid: true },
      },
    );
    assert.equal(parseReplayDeadLettersArguments(['-h']).help, true);
  });

  for (const [argv, message] of [
    [['--offset', 'last'], /--offset takes an offset/],
    [['--offset', '-1'], /--offset/],
    [['--group', ' '], /--group needs a value/],
    [['--replay-all'], /Unknown option/],
    [['sla'], /Unexpected argument/],
  ] as const) {
    it(`refuses ${argv.join(' ')}`, () => {
      assert.throws(
        () => parseReplayDeadLettersArguments(argv),
        (error: unknown) => error instanceof UsageError && message.test(error.message),
      );
    });
  }
});
