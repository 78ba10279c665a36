import { TOPIC_PARTITIONS, Topic, topicName } from '@grid-dispatch/contracts';
import type { Logger } from '@grid-dispatch/logger';
import type { Kafka } from 'kafkajs';

/**
 * Creates the project's topics when missing (the broker has auto-creation off on purpose, so a
 * typo in a topic name fails loudly instead of creating a stray one-partition topic).
 */
export async function ensureTopics(kafka: Kafka, prefix: string, logger: Logger): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Object.values(Topic)
      .map((topic) => ({ topic: topicName(prefix, topic), numPartitions: TOPIC_PARTITIONS[topic] }))
      .filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        topics: missing.map((t) => ({ ...t, replicationFactor: 1 })),
        waitForLeaders: true,
      });
      logger.info({ topics: missing.map((t) => t.topic) }, 'created Kafka topics');
    }
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/** Deletes topics with the given prefix (tests clean up after themselves). */
export async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete topics without a prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10000 });
  } finally {
    await admin.disconnect();
  }
}
