import { randomBytes } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';

/** One message as read, with its headers as text. */
export interface TopicMessage {
  topic: string;
  partition: number;
  offset: string;
  /** Milliseconds since the epoch, as Kafka gives it. */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface ReadTopicsOptions {
  /** Prefix of the throwaway consumer group that does the reading (a random suffix is added). */
  groupPrefix: string;
  /** Give up when the ends are not reached in this time (default 60 s). */
  timeoutMs?: number;
}

/**
 * Reads topics from their beginning up to where they end when the call starts, then stops: a
 * snapshot, for tools that must see everything on a small topic. kafkajs reads only through a
 * consumer group, so a throwaway one does it: it commits nothing and is deleted afterwards, so no
 * one's position moves. For topics written without transactions (their offsets have no gaps).
 */
export async function readTopicsToEnd(
  kafka: Kafka,
  topics: readonly string[],
  options: ReadTopicsOptions,
): Promise<TopicMessage[]> {
  const groupId = `${options.groupPrefix}${randomBytes(6).toString('hex')}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    /** `topic/partition` → offset of the last message there when the read started. */
    const lastOffsets = new Map<string, bigint>();
    for (const topic of topics) {
      for (const o of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(o.high) > BigInt(o.low)) lastOffsets.set(`${topic}/${o.partition}`, BigInt(o.high) - 1n);
      }
    }
    if (lastOffsets.size === 0) return [];
    const messages = await consumeUntil(kafka, groupId, topics, lastOffsets, options.timeoutMs ?? 60000);
    return messages.sort(
      (a, b) =>
        a.topic.localeCompare(b.topic) || a.partition - b.partition || compareOffsets(a.offset, b.offset),
    );
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

async function consumeUntil(
  kafka: Kafka,
  groupId: string,
  topics: readonly string[],
  lastOffsets: Map<string, bigint>,
  timeoutMs: number,
): Promise<TopicMessage[]> {
  const remaining = new Map(lastOffsets);
  const messages: TopicMessage[] = [];
  // A crash ends the read rather than restarting in the background: the caller reports it.
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 100,
    retry: { restartOnFailure: async () => false },
  });
  await consumer.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`reading ${topics.join(', ')} did not reach the end within ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        clearTimeout(timer);
        reject(payload.error);
      });
      const started = async () => {
        for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const where = `${topic}/${partition}`;
            const last = remaining.get(where);
            if (last === undefined || BigInt(message.offset) > last) return;
            messages.push({
              topic,
              partition,
              offset: message.offset,
              timestamp: message.timestamp,
              key: message.key,
              value: message.value,
              headers: textHeaders(message.headers),
            });
            if (BigInt(message.offset) === last) remaining.delete(where);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      };
      started().catch((error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return messages;
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
  }
  return out;
}

function compareOffsets(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
