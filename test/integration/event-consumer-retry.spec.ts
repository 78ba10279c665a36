import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { EventEnvelope } from '@grid-dispatch/contracts';
import { createKafkaClient, EventConsumer } from '@grid-dispatch/kafka';
import { capturedLog } from '../support/captured-log';
import { eventually } from '../support/http-client';
import { fileReport } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** Longer than a lock left behind by a crashed handler lives (30 s) and than any earlier give-up. */
const FAILING_FOR_MS = 35000;

/**
 * A handler that fails retryably (a busy lock, a server restarting) for longer than a lock left
 * behind lives is retried in place by the consumer until it succeeds: the message is taken once,
 * the partition's next message after it, and nothing is thrown to kafkajs (which would restart its
 * fetching and stall every partition) or dead-lettered.
 */
describe('a consumer whose handler keeps failing retryably', function () {
  this.timeout(180000);
  let system: TestSystem;
  let consumer: EventConsumer;
  const { logger, entries: logLines } = capturedLog();
  let failingTicket: string | undefined;
  let failUntil = 0;
  let failures = 0;
  const taken: Array<{ envelope: EventEnvelope; at: number }> = [];

  before(async () => {
    system = await startTestSystem();
    const prefix = system.config.TOPIC_PREFIX;
    consumer = new EventConsumer({
      // A client of its own, so that what kafkajs logs about this consumer lands in logLines.
      kafka: createKafkaClient({ brokers: system.config.KAFKA_BROKERS, clientId: 'retry-test', logger }),
      groupId: `${prefix}retry-test`,
      topicPrefix: prefix,
      logger,
      handle: async (envelope) => {
        if (envelope.type === 'ticket.submitted' && failingTicket === undefined) {
          failingTicket = envelope.ticketId;
          failUntil = Date.now() + FAILING_FOR_MS;
        }
        if (
          envelope.ticketId === failingTicket &&
          envelope.type === 'ticket.submitted' &&
          Date.now() < failUntil
        ) {
          failures += 1;
          throw new Error(`ticket ${envelope.ticketId} is busy with another change`);
        }
        taken.push({ envelope, at: Date.now() });
      },
    });
    await consumer.startJoined();
  });
  after(async () => {
    await consumer?.stop();
    await system?.destroy();
  });

  it('retries the message in place until it succeeds, then takes the next one', async () => {
    const filed = await fileReport(system.url, {
      category: 'power_outage',
      description: 'no power in building 7 since the storm',
      location: demoGridCentre('taoyuan-g1'),
    });
    const dispatched = await eventually(
      async () =>
        taken.find((t) => t.envelope.ticketId === filed.ticketId && t.envelope.type === 'ticket.dispatched'),
      FAILING_FOR_MS + 60000,
      500,
    );
    assert.equal(failingTicket, filed.ticketId);
    const submitted = taken.filter(
      (t) => t.envelope.ticketId === filed.ticketId && t.envelope.type === 'ticket.submitted',
    );
    assert.equal(submitted.length, 1, 'taken once');
    assert.ok(submitted[0]!.at >= failUntil, 'taken once the handler stopped failing');
    assert.ok(submitted[0]!.at <= dispatched.at, 'the next message of the partition after it');
    assert.ok(failures >= 8, `retried in place with backoff (${failures} failures)`);

    const messages = logLines.map((l) => l.msg);
    assert.ok(
      messages.includes('handler still failing; retrying in place until it succeeds'),
      'said so at warn level',
    );
    assert.ok(messages.includes('handler succeeded after retrying'));
    assert.deepEqual(
      logLines.filter((l) => /eachMessage|Crash|dead-letter|restart/i.test(l.msg)).map((l) => l.msg),
      [],
      'nothing thrown to kafkajs, nothing dead-lettered',
    );
  });
});
