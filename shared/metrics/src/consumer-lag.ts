import type { Admin, Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import { scrapedGauge } from './gauge-collector';

/**
 * `kafka_consumer_lag{group}`: messages on the group's topics not yet committed by the group, read
 * from the broker at scrape time (committed offsets against the high watermarks). Groups are added
 * by the services that run them, so one process reports exactly the groups it consumes as. A
 * partition the group has not committed on yet counts from its first message: the consumers
 * start from the beginning.
 */
export class ConsumerLag {
  private readonly groups = new Map<string, { groupId: string; topics: string[] }>();
  private admin: Promise<Admin> | null = null;

  constructor(
    private readonly kafka: Kafka,
    registry: Registry,
  ) {
    scrapedGauge(
      registry,
      {
        name: 'kafka_consumer_lag',
        help: 'Messages not yet committed by a consumer group, summed over its topics and partitions.',
        labelNames: ['group'],
      },
      async () => {
        const entries = [...this.groups];
        const lags = await Promise.all(
          entries.map(([, watched]) => this.lagOf(watched.groupId, watched.topics)),
        );
        return entries.map(([group], i) => ({ labels: { group }, value: lags[i] ?? 0 }));
      },
    );
  }

  /**
   * Reports `groupId` under `group` (the name without the deployment's topic prefix). The topics
   * are named because the broker lists only those the group has committed on: a group that has
   * committed nothing yet would otherwise show no lag at all.
   */
  watch(group: string, groupId: string, topics: readonly string[]): void {
    this.groups.set(group, { groupId, topics: [...topics] });
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    if (admin) await (await admin.catch(() => null))?.disconnect();
  }

  private async lagOf(groupId: string, topics: string[]): Promise<number> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId, topics });
    let lag = 0;
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const offset = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        // Nothing committed yet: everything still on the partition is waiting.
        const from = offset >= 0 ? offset : Number(end.low);
        lag += Math.max(0, Number(end.high) - from);
      }
    }
    return lag;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    // A failed connection is retried on the next scrape.
    this.admin.catch(() => {
      this.admin = null;
    });
    return this.admin;
  }
}
