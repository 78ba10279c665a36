import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

/** Only the fields the functions read; the web types stay in the web project. */
type Ticket = Record<string, any>;
interface Plan {
  send: { ticket: Ticket; body: Record<string, unknown> }[];
  skip: { ticket: Ticket; reason: string }[];
  fields: Record<string, string>;
}
type Outcome = { ticket: Ticket; ok: true; updated: Ticket } | { ticket: Ticket; ok: false; error: unknown };
const bulk = loadWebModule<{
  BULK_ACTIONS: readonly string[];
  planBulk(tickets: Ticket[], action: string, input: Record<string, unknown>): Plan;
  runBulk(
    plan: Pick<Plan, 'send'>,
    action: string,
    post: (t: Ticket, action: string, body: Record<string, unknown>) => Promise<Ticket>,
    onProgress?: (done: number, total: number) => void,
    concurrency?: number,
  ): Promise<Outcome[]>;
}>('dashboard/bulk-actions');

function ticket(n: number, over: Ticket = {}): Ticket {
  return {
    id: `t${n}`,
    trackingCode: `CODE-${n}`,
    version: n,
    status: 'dispatched',
    category: 'road_collapse',
    priority: 'P2',
    unitId: 'municipal',
    pendingRequest: null,
    ...over,
  };
}

/** The secretary's actions on many tickets: what is sent, what is left out, how failures report. */
describe('dashboard bulk actions', () => {
  it('offers urge, reassign and verify', () => {
    assert.deepEqual([...bulk.BULK_ACTIONS], ['urge', 'reassign', 'verify']);
  });

  it('leaves out tickets whose status does not allow the action, and says why', () => {
    const resolved = ticket(1, { status: 'resolved' });
    const dispatched = ticket(2);
    const plan = bulk.planBulk([resolved, dispatched], 'verify', { solved: true });
    assert.deepEqual(
      plan.send.map((s) => s.ticket.id),
      ['t1'],
    );
    assert.deepEqual(plan.send[0].body, { solved: true });
    assert.deepEqual(
      plan.skip.map((s) => [s.ticket.id, s.reason]),
      [['t2', 'notAllowed']],
    );
  });

  it('does not reassign a ticket to the unit that already holds it', () => {
    const plan = bulk.planBulk([ticket(1), ticket(2, { unitId: 'water' })], 'reassign', {
      unitId: 'water',
      reason: ' 属于供水 ',
    });
    assert.deepEqual(
      plan.send.map((s) => [s.ticket.id, s.body]),
      [['t1', { unitId: 'water', reason: '属于供水' }]],
    );
    assert.deepEqual(
      plan.skip.map((s) => [s.ticket.id, s.reason]),
      [['t2', 'alreadyThere']],
    );
  });

  it('checks the shared input once, as the one-ticket form does, and sends nothing without it', () => {
    const reassign = bulk.planBulk([ticket(1), ticket(2)], 'reassign', {});
    assert.deepEqual(reassign.send, []);
    assert.equal(reassign.fields.unitId, 'dash.err.unitNeeded');
    const verify = bulk.planBulk([ticket(1, { status: 'resolved' })], 'verify', {});
    assert.deepEqual(verify.send, []);
    assert.equal(verify.fields.solved, 'dash.err.chooseDecision');
  });

  it('sends every ticket with its own version and reports each outcome in selection order', async () => {
    const tickets = [1, 2, 3, 4, 5, 6].map((n) => ticket(n));
    const plan = bulk.planBulk(tickets, 'urge', { note: '请加快' });
    const sent: string[] = [];
    const progress: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const outcomes = await bulk.runBulk(
      plan,
      'urge',
      async (t, action, body) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        sent.push(`${t.id}@${t.version}:${action}:${JSON.stringify(body)}`);
        // Finish out of order: the outcomes must still follow the selection.
        await new Promise((r) => setImmediate(r, Number(t.id.slice(1)) % 2));
        inFlight -= 1;
        if (t.id === 't3') throw Object.assign(new Error('stale'), { code: 'VERSION_CONFLICT' });
        return { ...t, version: t.version + 1 };
      },
      (done) => progress.push(done),
      2,
    );
    assert.equal(mostInFlight, 2);
    assert.equal(sent.length, 6);
    assert.ok(sent.includes('t1@1:urge:{"note":"请加快"}'));
    assert.deepEqual(
      outcomes.map((o) => [o.ticket.id, o.ok]),
      [
        ['t1', true],
        ['t2', true],
        ['t3', false],
        ['t4', true],
        ['t5', true],
        ['t6', true],
      ],
    );
    const failed = outcomes[2];
    assert.ok(!failed.ok && (failed.error as { code: string }).code === 'VERSION_CONFLICT');
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
  });

  it('runs nothing for an empty plan', async () => {
    assert.deepEqual(await bulk.runBulk({ send: [] }, 'urge', async () => assert.fail('sent')), []);
  });
});
