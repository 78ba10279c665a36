import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { ConsumerGroup, type EventEnvelope, groupName, Topic, topicName } from '@grid-dispatch/contracts';
import { AppError } from '@grid-dispatch/errors';
import {
  type DeadLetter,
  EventConsumer,
  formatPosition,
  REPLAYED_FROM_HEADER,
  readDeadLetter,
  readTopicsToEnd,
  replayDeadLetters,
} from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import { eventually } from '../support/http-client';
import { REPO_ROOT } from '../support/own-servers';
import { fileReport } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A consumer whose handler refuses an event with a non-retryable error sends it to the
 * dead-letter topic and moves on; after the fix, `npm run replay-dead-letters` (and the module
 * under it) puts it back on the events topic once, where the fixed handler takes it exactly once
 * and the running services, seeing it again, change nothing. True poison is listed, never
 * replayed. The steps build on one another, in order.
 */
describe('replaying dead letters (npm run replay-dead-letters)', function () {
  this.timeout(120000);
  const logger = createLogger({ level: 'silent' });
  let system: TestSystem;
  let consumer: EventConsumer;
  let prefix: string;
  /** The fix: until it is made, the handler refuses every ticket.submitted. */
  let fixed = false;
  let refusals = 0;
  const taken: EventEnvelope[] = [];
  let ticketA: string;
  let ticketB: string;
  let deadA: DeadLetter;
  let deadB: DeadLetter;
  const poisonValue = '{"eventId": "not json';

  /** The command exactly as documented, with the test system's environment. */
  function runCommand(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      KAFKA_BROKERS: system.config.KAFKA_BROKERS.join(','),
      TOPIC_PREFIX: prefix,
      ...env,
    };
    delete childEnv.LOG_LEVEL;
    return new Promise((resolve) => {
      execFile(
        'npm',
        ['run', 'replay-dead-letters', '--', ...args],
        { cwd: REPO_ROOT, env: childEnv, timeout: 60000 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  async function fileOne(description: string): Promise<string> {
    const filed = await fileReport(system.url, {
      category: 'power_outage',
      description,
      location: demoGridCentre('taoyuan-g1'),
    });
    return filed.ticketId;
  }

  async function deadLetters(): Promise<DeadLetter[]> {
    const messages = await readTopicsToEnd(
      system.platform.kafka,
      [topicName(prefix, Topic.TicketEventsDeadLetter)],
      { groupPrefix: `${prefix}test-read.` },
    );
    return messages.map(readDeadLetter);
  }

  /** Messages of the events topic each group has not consumed and committed yet. */
  async function lagsOf(groupIds: readonly string[]): Promise<Record<string, number>> {
    const topic = topicName(prefix, Topic.TicketEvents);
    const admin = system.platform.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      const lags: Record<string, number> = {};
      for (const groupId of groupIds) {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        lags[groupId] = ends.reduce((sum, end) => {
          const at = BigInt(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1');
          return sum + Number(BigInt(end.high) - (at >= 0n ? at : BigInt(end.low)));
        }, 0);
      }
      return lags;
    } finally {
      await admin.disconnect();
    }
  }

  const submittedTaken = (ticketId: string) =>
    taken.filter((e) => e.ticketId === ticketId && e.type === 'ticket.submitted').length;

  before(async () => {
    system = await startTestSystem();
    prefix = system.config.TOPIC_PREFIX;
    consumer = new EventConsumer({
      kafka: system.platform.kafka,
      groupId: `${prefix}replay-test`,
      topicPrefix: prefix,
      logger,
      handle: async (envelope) => {
        if (!fixed && envelope.type === 'ticket.submitted') {
          refusals += 1;
          throw new AppError('VALIDATION_FAILED', 'this handler cannot take ticket.submitted yet');
        }
        taken.push(envelope);
      },
    });
    const joined = consumer.whenJoined();
    await consumer.start();
    await joined;
  });
  after(async () => {
    await consumer?.stop();
    await system?.destroy();
  });

  it('dead-letters an event its handler refuses and moves on; poison from every group', async () => {
    ticketA = await fileOne('no power in building 3, first report');
    ticketB = await fileOne('no power in building 5, second report');
    const producer = system.platform.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topicName(prefix, Topic.TicketEvents),
      messages: [{ key: 'poison-not-json', value: poisonValue }],
    });
    await producer.disconnect();

    const groups = Object.values(ConsumerGroup).length + 1;
    const dead = await eventually(
      async () => {
        const all = await deadLetters();
        return all.length >= 2 + groups ? all : undefined;
      },
      60000,
      500,
    );
    assert.equal(dead.length, 2 + groups, 'nothing else dead-lettered');
    const ours = dead.filter((d) => d.group === `${prefix}replay-test`);
    deadA = ours.find((d) => d.ticketId === ticketA)!;
    deadB = ours.find((d) => d.ticketId === ticketB)!;
    assert.ok(deadA && deadB, JSON.stringify(ours.map((d) => d.ticketId)));
    for (const d of [deadA, deadB]) {
      assert.equal(d.eventType, 'ticket.submitted');
      assert.equal(d.invalid, null);
      assert.match(d.reason, /^VALIDATION_FAILED: this handler cannot take/);
    }
    const poison = dead.filter((d) => d.value?.toString() === poisonValue);
    assert.equal(poison.length, groups, 'the poison refused once by each group');
    assert.ok(poison.every((d) => d.invalid === 'value is not JSON'));
    assert.equal(refusals, 2, 'a non-retryable refusal is not retried');

    // Moved on: the group took the later events of the same tickets; the services dispatched both.
    await eventually(async () =>
      [ticketA, ticketB].every((id) => taken.some((e) => e.ticketId === id && e.type === 'ticket.dispatched'))
        ? true
        : undefined,
    );
  });

  it('--list prints every dead letter with what a replay would do, and replays nothing', async () => {
    fixed = true;
    const listed = await runCommand(['--list']);
    assert.equal(listed.code, 0, listed.stderr);
    const out = listed.stdout;
    const p = escapeRegExp(prefix);
    assert.match(
      out,
      new RegExp(
        `offset ${deadA.position.offset}  \\S+Z  group ${p}replay-test  from ${p}ticket-events/\\d+/\\d+  ticket\\.submitted  ticket ${ticketA}\\n  reason: VALIDATION_FAILED: [^\\n]+\\n  → would replay`,
      ),
    );
    assert.match(out, new RegExp(`ticket ${ticketB}\\n[^\\n]+\\n  → would replay`));
    assert.match(out, /value not JSON\n {2}reason: value is not JSON\n {2}→ not replayed: value is not JSON/);
    const groups = Object.values(ConsumerGroup).length + 1;
    assert.match(
      out,
      new RegExp(
        `would replay 2 of ${2 + groups} dead letters; 0 skipped by filter; ${groups} invalid \\(not replayed without --include-invalid\\); nothing republished \\(--list\\)`,
      ),
    );
    const admin = system.platform.kafka.admin();
    await admin.connect();
    const record = await admin.fetchTopicOffsets(topicName(prefix, Topic.DeadLetterReplays));
    await admin.disconnect();
    assert.deepEqual(
      record.map((o) => o.high),
      ['0'],
      'the replay record is untouched',
    );
  });

  it('replays one dead letter by offset (the module), which the fixed handler takes', async () => {
    const result = await replayDeadLetters({
      kafka: system.platform.kafka,
      topicPrefix: prefix,
      logger,
      filter: { offset: deadA.position.offset },
    });
    assert.equal(result.republished, 1);
    assert.equal(result.skippedByFilter, result.total - 1);
    assert.deepEqual(
      result.outcomes.map((o) => [formatPosition(o.deadLetter.position), o.verdict.kind]),
      [[formatPosition(deadA.position), 'replay']],
    );
    assert.equal(
      result.outcomes[0]!.republishedAs?.partition,
      deadA.source?.partition,
      "the ticket's partition",
    );
    await eventually(async () => (submittedTaken(ticketA) > 0 ? true : undefined), 30000);
  });

  it('the command replays the rest once: neither the poison nor what was replayed already', async () => {
    const run = await runCommand([]);
    assert.equal(run.code, 0, run.stderr);
    const groups = Object.values(ConsumerGroup).length + 1;
    assert.match(run.stdout, new RegExp(`ticket ${ticketA}\\n[^\\n]+\\n  → already replayed \\S+ as `));
    assert.match(
      run.stdout,
      new RegExp(`ticket ${ticketB}\\n[^\\n]+\\n  → replayed as ${escapeRegExp(prefix)}ticket-events/`),
    );
    assert.match(
      run.stdout,
      new RegExp(
        `replayed 1 of ${2 + groups} dead letters; 0 skipped by filter; 1 already replayed; ${groups} invalid \\(not replayed without --include-invalid\\); 1 message republished\\n$`,
      ),
    );
    await eventually(async () => (submittedTaken(ticketB) > 0 ? true : undefined), 30000);
  });

  it('a second replay republishes nothing, and each event was handled exactly once', async () => {
    const again = await replayDeadLetters({ kafka: system.platform.kafka, topicPrefix: prefix, logger });
    assert.equal(again.republished, 0);
    assert.equal(again.outcomes.filter((o) => o.verdict.kind === 'already-replayed').length, 2);
    assert.equal(again.outcomes.filter((o) => o.verdict.kind === 'invalid').length, again.total - 2);

    // Every group, ours and the services', has consumed and committed the whole events topic (lag
    // 0): whatever was republished has been handled by now.
    const groups = [...Object.values(ConsumerGroup).map((g) => groupName(prefix, g)), `${prefix}replay-test`];
    await eventually(
      async () => (Object.values(await lagsOf(groups)).every((lag) => lag === 0) ? true : undefined),
      30000,
      500,
    );
    assert.equal(submittedTaken(ticketA), 1, 'A handled exactly once');
    assert.equal(submittedTaken(ticketB), 1, 'B handled exactly once');
    assert.equal(refusals, 2);

    const events = await readTopicsToEnd(system.platform.kafka, [topicName(prefix, Topic.TicketEvents)], {
      groupPrefix: `${prefix}test-read.`,
    });
    const replays = events.filter((m) => m.headers[REPLAYED_FROM_HEADER] !== undefined);
    assert.deepEqual(
      replays.map((m) => m.headers[REPLAYED_FROM_HEADER]).sort(),
      [formatPosition(deadA.position), formatPosition(deadB.position)].sort(),
    );
    assert.equal(
      events.filter((m) => m.value?.toString() === poisonValue).length,
      1,
      'poison never replayed',
    );

    // The services saw the replayed ticket.submitted too, and took it as the redelivery it is.
    for (const id of [ticketA, ticketB]) {
      const ticket = await system.platform.tickets.findById(id);
      assert.equal(
        ticket?.events.filter((e) => e.type === 'ticket.dispatched').length,
        1,
        `${id} dispatched once`,
      );
    }
  });

  it('exits non-zero with a clear message when Kafka is unreachable', async () => {
    const port = await closedPort();
    const run = await runCommand(['--list'], { KAFKA_BROKERS: `127.0.0.1:${port}` });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, new RegExp(`cannot reach Kafka at 127\\.0\\.0\\.1:${port} \\(KAFKA_BROKERS\\)`));
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
