import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

/** Only the fields the functions read; the web types stay in the web project. */
type Ticket = Record<string, any>;
const board = loadWebModule<{
  activeDeadline(t: Ticket): { dueAt: string } | null;
  needsSecretary(t: Ticket, dutyDesks?: ReadonlySet<string>): boolean;
  openList(tickets: Ticket[], f: Record<string, string | undefined>): Ticket[];
  mergeUpdate(known: Ticket | undefined, u: Ticket): { ticket: Ticket | undefined; refetch: boolean };
}>('dashboard/ticket-board');
const actions = loadWebModule<{
  availableActions(t: Ticket): string[];
  buildBody(
    action: string,
    t: Ticket,
    input: Record<string, unknown>,
  ): { ok: boolean; body?: any; fields?: any };
}>('dashboard/ticket-actions');

const d = (dueAt: string) => ({ dueAt, startedAt: '2026-11-27T00:00:00Z', seq: 1 });
function ticket(over: Ticket = {}): Ticket {
  return {
    id: 't1',
    trackingCode: 'AAAA-BBBB-CCCC',
    version: 3,
    status: 'dispatched',
    category: 'road_collapse',
    priority: 'P1',
    areaIds: ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'],
    unitId: 'municipal',
    assistUnitIds: [],
    escalationLevel: 0,
    deadlines: { ack: d('2026-11-27T01:00:00Z') },
    pendingRequest: null,
    ...over,
  };
}

/** The secretary's board: which clock a row shows, what lands in the inbox, how pushes apply. */
describe('web: dashboard board', () => {
  it('counts down to the clock of the current step', () => {
    const deadlines = {
      ack: d('2026-11-27T01:00:00Z'),
      resolve: d('2026-11-27T05:00:00Z'),
      verify: d('2026-11-28T00:00:00Z'),
    };
    const cases: Array<[string, string]> = [
      ['dispatched', '2026-11-27T01:00:00Z'],
      ['accepted', '2026-11-27T05:00:00Z'],
      ['resolved', '2026-11-28T00:00:00Z'],
      // No clock of its own: the earliest one is shown (a paused one while a return waits).
      ['returned', '2026-11-27T01:00:00Z'],
    ];
    for (const [status, due] of cases)
      assert.equal(board.activeDeadline(ticket({ status, deadlines }))?.dueAt, due, status);
    assert.equal(board.activeDeadline(ticket({ status: 'submitted', deadlines: {} })), null);
    // Returned after signing: the fix clock the return paused, not the sign clock already met.
    const paused = { ...deadlines, resolve: { ...deadlines.resolve, pausedAt: '2026-11-27T02:00:00Z' } };
    assert.equal(
      board.activeDeadline(ticket({ status: 'returned', deadlines: paused }))?.dueAt,
      '2026-11-27T05:00:00Z',
    );
  });

  it('puts escalated tickets, pending requests and returns in the inbox, nothing closed', () => {
    assert.equal(board.needsSecretary(ticket()), false);
    assert.equal(board.needsSecretary(ticket({ escalationLevel: 1 })), true);
    assert.equal(
      board.needsSecretary(ticket({ status: 'accepted', pendingRequest: { kind: 'extension' } })),
      true,
    );
    assert.equal(board.needsSecretary(ticket({ status: 'returned' })), true);
    assert.equal(board.needsSecretary(ticket({ status: 'closed', escalationLevel: 2 })), false);
  });

  it('puts what the list did not cover in the inbox: held by a duty desk, or by nobody', () => {
    const desks = new Set(['duty-desk']);
    assert.equal(board.needsSecretary(ticket({ unitId: 'duty-desk' }), desks), true);
    assert.equal(board.needsSecretary(ticket({ unitId: 'municipal' }), desks), false);
    assert.equal(board.needsSecretary(ticket({ unitId: null }), desks), true);
    assert.equal(board.needsSecretary(ticket({ unitId: 'duty-desk', status: 'closed' }), desks), false);
  });

  it('lists open tickets of the drill-down, most urgent first', () => {
    const a = ticket({ id: 'a', deadlines: { ack: d('2026-11-27T03:00:00Z') } });
    const b = ticket({
      id: 'b',
      deadlines: { ack: d('2026-11-27T02:00:00Z') },
      unitId: 'water',
      category: 'water_main_burst',
    });
    const c = ticket({ id: 'c', status: 'closed' });
    const e = ticket({ id: 'e', unitId: 'gas', assistUnitIds: ['water'], areaIds: ['dongri-g1', 'dongri'] });
    const ids = (f: Record<string, string>) => board.openList([a, b, c, e], f).map((t) => t.id);
    assert.deepEqual(ids({}), ['e', 'b', 'a']);
    assert.deepEqual(ids({ unitId: 'water' }), ['e', 'b'], 'an assisting unit counts');
    assert.deepEqual(ids({ category: 'water_main_burst' }), ['b']);
    assert.deepEqual(ids({ areaId: 'chunhai' }), ['b', 'a']);
  });

  it('applies a push only when newer, and fetches what the push cannot carry', () => {
    const known = ticket({ version: 5, pendingRequest: { kind: 'return', reason: 'x' }, status: 'returned' });
    const push = (version: number, eventType: string, status = 'dispatched') => ({
      id: 't1',
      trackingCode: 'AAAA-BBBB-CCCC',
      version,
      status,
      unitId: 'water',
      escalationLevel: 0,
      deadlines: {},
      category: 'road_collapse',
      priority: 'P1',
      eventType,
      at: '2026-11-27T02:00:00Z',
    });
    assert.equal(board.mergeUpdate(known, push(5, 'ticket.urged')).ticket, known, 'same version: ignored');
    assert.equal(board.mergeUpdate(known, push(4, 'ticket.urged')).ticket, known, 'older: ignored');
    const approved = board.mergeUpdate(known, push(6, 'ticket.return_approved'));
    assert.equal(approved.ticket?.status, 'dispatched');
    assert.equal(approved.ticket?.unitId, 'water');
    assert.equal(approved.ticket?.pendingRequest, null, 'a decision settles the request');
    assert.deepEqual(approved.ticket?.areaIds, known.areaIds, 'fields the push lacks are kept');
    assert.equal(approved.refetch, false);
    assert.equal(board.mergeUpdate(ticket(), push(9, 'ticket.return_requested', 'returned')).refetch, true);
    assert.deepEqual(board.mergeUpdate(undefined, push(1, 'ticket.dispatched')), {
      ticket: undefined,
      refetch: true,
    });
  });
});

describe('web: dashboard actions', () => {
  it('offers only the actions the status allows', () => {
    const cases: Array<[Ticket, string[]]> = [
      [ticket({ status: 'dispatched' }), ['reassign', 'cancel', 'merge', 'urge']],
      [
        ticket({ status: 'returned', pendingRequest: { kind: 'return' } }),
        ['decide', 'reassign', 'cancel', 'merge', 'urge'],
      ],
      [ticket({ status: 'resolved' }), ['verify', 'reopen', 'cancel', 'merge', 'urge']],
      [ticket({ status: 'closed' }), ['reopen']],
      [ticket({ status: 'cancelled' }), []],
    ];
    for (const [t, want] of cases) assert.deepEqual(actions.availableActions(t), want, t.status);
  });

  it('builds the action bodies of the API and names what is missing', () => {
    const returned = ticket({ status: 'returned', pendingRequest: { kind: 'return' } });
    assert.deepEqual(actions.buildBody('decide', returned, { approve: true }).fields, {
      unitId: 'dash.err.unitNeeded',
    });
    assert.deepEqual(actions.buildBody('decide', returned, { approve: true, unitId: 'municipal' }).fields, {
      unitId: 'dash.err.otherUnit',
    });
    assert.deepEqual(
      actions.buildBody('decide', returned, { approve: true, unitId: 'water', note: ' ok ' }).body,
      {
        request: 'return',
        approve: true,
        note: 'ok',
        unitId: 'water',
      },
    );
    assert.deepEqual(actions.buildBody('decide', returned, { approve: false }).body, {
      request: 'return',
      approve: false,
    });
    assert.deepEqual(actions.buildBody('verify', ticket({ status: 'resolved' }), { solved: true }).body, {
      solved: true,
    });
    assert.equal(actions.buildBody('cancel', ticket(), { reason: '  ' }).ok, false);
    assert.deepEqual(actions.buildBody('merge', ticket(), { intoTicketId: 't1' }).fields, {
      intoTicketId: 'dash.err.notItself',
    });
    assert.deepEqual(actions.buildBody('urge', ticket(), {}).body, {});
  });
});
