import { randomBytes } from 'node:crypto';
import { checkEnvelope, type EventEnvelope } from '@grid-dispatch/contracts';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { createLogger } from '@grid-dispatch/logger';
import type { IHeaders, Kafka } from 'kafkajs';

export interface LoggedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface EventLog {
  /** Every valid envelope on the topic, in partition order (republished copies included). */
  envelopes: EventEnvelope[];
  /** Messages that are not valid envelopes (not JSON, or failing the schema), with the reason. */
  invalid: Array<{ partition: number; offset: string; reason: string }>;
  messages: number;
}

export function chaosKafka(brokers: string[]): Kafka {
  return createKafkaClient({ brokers, clientId: 'chaos-test', logger: createLogger({ level: 'fatal' }) });
}

/**
 * Reads a topic from its beginning up to its end as it stands now, with a consumer group of its
 * own (a fresh one per read, so each read sees everything), tolerating messages that are not JSON.
 */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 60000): Promise<LoggedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    for (const o of offsets) if (BigInt(o.high) <= BigInt(o.low)) ends.delete(o.partition);
  } finally {
    await admin.disconnect();
  }
  const messages: LoggedMessage[] = [];
  if (ends.size === 0) return messages;
  const consumer = kafka.consumer({
    groupId: `chaos-read-${randomBytes(6).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return;
            messages.push({
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers: headersOf(message.headers),
            });
            if (BigInt(message.offset) === end - 1n) ends.delete(partition);
            if (ends.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** The events topic, each message checked as the services' consumers check it. */
export async function readEventLog(kafka: Kafka, topic: string): Promise<EventLog> {
  const log: EventLog = { envelopes: [], invalid: [], messages: 0 };
  for (const m of await readTopic(kafka, topic)) {
    log.messages += 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(m.value ?? '');
    } catch {
      log.invalid.push({ partition: m.partition, offset: m.offset, reason: 'value is not JSON' });
      continue;
    }
    const check = checkEnvelope(parsed);
    if (check.ok) log.envelopes.push(check.envelope);
    else log.invalid.push({ partition: m.partition, offset: m.offset, reason: check.reason });
  }
  return log;
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = (Array.isArray(v) ? v[0] : v)?.toString() ?? '';
  }
  return out;
}
