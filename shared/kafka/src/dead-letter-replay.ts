import { Topic, topicName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import { type Kafka, Partitioners, type Producer } from 'kafkajs';
import { type DeadLetter, formatPosition, readDeadLetter, type TopicPosition } from './dead-letter';
import {
  type DeadLetterFilter,
  type PlannedDeadLetter,
  planDeadLetterReplay,
} from './dead-letter-replay-plan';
import { decodeReplayRecord, encodeReplayRecord, type ReplayRecord } from './dead-letter-replay-record';
import { readTopicsToEnd } from './topic-reader';
import { ensureTopics } from './topic-setup';

/** Header on a republished message: the dead letter it was replayed from, `topic/partition/offset`. */
export const REPLAYED_FROM_HEADER = 'replayed-from';

export interface DeadLetterReplayOptions {
  kafka: Kafka;
  topicPrefix: string;
  logger: Logger;
  filter?: DeadLetterFilter;
  /** Only say what a run would do (`--list`): nothing is republished or recorded. */
  dryRun?: boolean;
  /** Told of each dead letter the filter selects, in order, once it is settled: progress. */
  onOutcome?: (outcome: DeadLetterOutcome) => void;
}

export interface DeadLetterOutcome extends PlannedDeadLetter {
  /** Where the copy went, when this dead letter's message was republished by this run. */
  republishedAs: TopicPosition | null;
}

export interface DeadLetterReplayResult {
  dryRun: boolean;
  /** Dead letters on the topic. */
  total: number;
  skippedByFilter: number;
  /** Each dead letter the filter selected, in order, with what the run did with it. */
  outcomes: DeadLetterOutcome[];
  /** Messages put back on the events topic. */
  republished: number;
}

/** The run cannot start: a topic it needs is missing. */
export class DeadLetterReplayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadLetterReplayError';
  }
}

/**
 * Replays dead letters after a fix: reads the whole dead-letter topic, and republishes the
 * original key and value of each selected dead letter to the events topic, on the partition the
 * message came from (its ticket's), with a `replayed-from` header. Every consumer group sees the
 * copy, not only the one that refused it: safe, because every consumer is idempotent by ticket
 * version, and what a group already took it takes again as a redelivery.
 *
 * Each republished message is written to the replays topic right after it is sent, and a run
 * skips what that record holds, so running twice republishes nothing twice. A run that dies
 * between the two writes republishes that one message again next time (at least once, as every
 * delivery here). Run one replay at a time: two at once may both republish a message.
 */
export async function replayDeadLetters(options: DeadLetterReplayOptions): Promise<DeadLetterReplayResult> {
  const { kafka, topicPrefix } = options;
  const dryRun = options.dryRun ?? false;
  const eventsTopic = topicName(topicPrefix, Topic.TicketEvents);
  const deadLetterTopic = topicName(topicPrefix, Topic.TicketEventsDeadLetter);
  const replaysTopic = topicName(topicPrefix, Topic.DeadLetterReplays);

  const existing = await listTopics(kafka);
  for (const needed of [eventsTopic, deadLetterTopic]) {
    if (!existing.has(needed)) {
      throw new DeadLetterReplayError(`no topic ${needed} on the brokers (is TOPIC_PREFIX right?)`);
    }
  }
  // Deployments provisioned before the replays topic existed get it on their first replay.
  if (!dryRun && !existing.has(replaysTopic)) await ensureTopics(kafka, topicPrefix, options.logger);
  const hasRecord = !dryRun || existing.has(replaysTopic);

  const messages = await readTopicsToEnd(
    kafka,
    hasRecord ? [deadLetterTopic, replaysTopic] : [deadLetterTopic],
    {
      groupPrefix: `${topicPrefix}dead-letter-replay.read.`,
    },
  );
  const replayed = new Map<string, ReplayRecord>();
  for (const m of messages) {
    if (m.topic !== replaysTopic) continue;
    const record = decodeReplayRecord(m);
    if (record && !replayed.has(record.source)) replayed.set(record.source, record);
  }
  const plan = planDeadLetterReplay(
    messages.filter((m) => m.topic === deadLetterTopic).map(readDeadLetter),
    replayed,
    options.filter ?? {},
    { topicPrefix, eventsTopic },
  );

  const result: DeadLetterReplayResult = {
    dryRun,
    total: plan.total,
    skippedByFilter: plan.skippedByFilter,
    outcomes: [],
    republished: 0,
  };
  const settle = (outcome: DeadLetterOutcome) => {
    result.outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  if (dryRun || !plan.selected.some((p) => p.verdict.kind === 'replay')) {
    for (const planned of plan.selected) settle({ ...planned, republishedAs: null });
    return result;
  }

  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    for (const planned of plan.selected) {
      const { verdict, deadLetter } = planned;
      if (verdict.kind !== 'replay') {
        settle({ ...planned, republishedAs: null });
        continue;
      }
      const republishedAs = await republish(producer, deadLetter, verdict.source);
      const record: ReplayRecord = {
        source: formatPosition(verdict.source),
        deadLetter: formatPosition(deadLetter.position),
        republishedAs: formatPosition(republishedAs),
        replayedAt: new Date().toISOString(),
      };
      await producer.send({ topic: replaysTopic, acks: -1, messages: [encodeReplayRecord(record)] });
      result.republished += 1;
      settle({ ...planned, republishedAs });
    }
  } finally {
    await producer.disconnect();
  }
  return result;
}

/** Puts a dead letter's message back where it came from: same topic, partition, key and value. */
async function republish(
  producer: Producer,
  deadLetter: DeadLetter,
  source: TopicPosition,
): Promise<TopicPosition> {
  const headers: Record<string, string> = { [REPLAYED_FROM_HEADER]: formatPosition(deadLetter.position) };
  // The same headers EventProducer gives every event, so tools reading the topic see no difference.
  if (deadLetter.envelope) {
    headers['event-type'] = deadLetter.envelope.type;
    headers['event-id'] = deadLetter.envelope.eventId;
  }
  const [meta] = await producer.send({
    topic: source.topic,
    acks: -1,
    messages: [
      {
        key: deadLetter.key,
        value: deadLetter.value,
        // The ticket's partition: its events stay in one ordered stream.
        partition: source.partition,
        headers,
      },
    ],
  });
  if (!meta) throw new Error(`no acknowledgement for the replay of ${formatPosition(deadLetter.position)}`);
  return { topic: source.topic, partition: meta.partition, offset: meta.baseOffset ?? '?' };
}

async function listTopics(kafka: Kafka): Promise<Set<string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Set(await admin.listTopics());
  } finally {
    await admin.disconnect();
  }
}
