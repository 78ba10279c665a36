import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { isAppError } from '@grid-dispatch/errors';
import { TicketLock } from '@grid-dispatch/redis';
import { eventually } from '../support/http-client';
import { KafkaTap } from '../support/kafka-tap';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The write path every later feature stands on: version-checked updates that never lose one
 * another (FerretDB alone would: see TicketLock), and an outbox that publishes each event once,
 * in order, even while writes race with the relay.
 */
describe('ticket writes and the outbox', function () {
  this.timeout(90000);
  let system: TestSystem;
  let tap: KafkaTap;

  before(async () => {
    system = await startTestSystem();
    tap = new KafkaTap(system.config.KAFKA_BROKERS, system.config.TOPIC_PREFIX);
    await tap.start();
  });
  after(async () => {
    await tap?.stop();
    await system?.destroy();
  });

  async function dispatchedTicket() {
    const filed = await fileAndDispatch(system, {
      category: 'power_outage',
      description: 'no power in building 3',
      location: demoGridCentre('taoyuan-g1'),
    });
    return filed.ticket;
  }

  it('ends only its own relay lease: one that lapsed and was taken by another stays theirs', async () => {
    const lock = new TicketLock(system.platform.redis, `${system.config.QUEUE_PREFIX}-lease-test`);
    const first = await lock.tryLease('t-lease', 50);
    assert.ok(first, 'the first relay takes the lease');
    assert.equal(await lock.tryLease('t-lease', 60_000), null, 'while it holds');
    const second = await eventually(async () => (await lock.tryLease('t-lease', 60_000)) ?? undefined);
    await lock.endLease('t-lease', first);
    assert.equal(await lock.tryLease('t-lease', 60_000), null, 'the late end freed nothing');
    await lock.endLease('t-lease', second);
    assert.ok(await lock.tryLease('t-lease', 60_000), 'its holder ends it');
  });

  it('lets exactly one of 30 parallel writes at the same version win; the rest get 409', async () => {
    const ticket = await dispatchedTicket();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        system.platform.tickets.applyChange(
          ticket,
          { escalationLevel: 1 },
          {
            type: 'ticket.urged',
            payload: { note: `urge ${i}` },
            actor: { kind: 'system', service: 'test' },
            at: new Date(),
          },
        ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 29);
    for (const r of lost)
      assert.ok(isAppError(r.reason) && r.reason.code === 'VERSION_CONFLICT', String(r.reason));
    const stored = await system.platform.tickets.findById(ticket._id);
    assert.equal(stored?.version, ticket.version + 1);
    assert.deepEqual(
      stored?.events.map((e) => e.version),
      Array.from({ length: ticket.version + 1 }, (_, i) => i + 1),
      'history has no gap and no duplicate',
    );
  });

  it('publishes every event of a ticket exactly once and in order while writes race the relay', async () => {
    const ticket = await dispatchedTicket();
    let current = ticket;
    for (let i = 0; i < 20; i++) {
      current = await system.platform.tickets.applyChange(
        current,
        {},
        {
          type: 'ticket.urged',
          payload: { note: `urge ${i}` },
          actor: { kind: 'system', service: 'test' },
          at: new Date(),
        },
      );
    }
    const events = await eventually(async () => {
      const list = tap.forTicket(ticket._id);
      return list.length >= current.version ? list : undefined;
    }, 20000);
    await new Promise((r) => setTimeout(r, 500));
    const versions = tap.forTicket(ticket._id).map((e) => e.ticketVersion);
    assert.deepEqual(
      versions,
      Array.from({ length: current.version }, (_, i) => i + 1),
    );
    assert.equal(events[0]?.type, 'ticket.submitted');
    // The relay empties an outbox no later write has emptied a little after publishing it.
    const stored = await eventually(async () => {
      const t = await system.platform.tickets.findById(ticket._id);
      return t && t.outbox.length === 0 ? t : undefined;
    }, 20000);
    assert.equal(stored.outboxPending, false, 'the outbox is emptied once published');
  });
});
