import { ConsumerGroup, groupName, Topic, topicName } from '@grid-dispatch/contracts';
import { EventConsumer } from '@grid-dispatch/kafka';
import { Emitter } from '@socket.io/redis-emitter';
import type { KpiConfig } from './config';
import { KpiNotifier } from './kpi-notifier';
import type { KpiPlatform } from './kpi-platform';
import { startKpiRefresher } from './kpi-refresher';

export interface KpiService {
  stop(): Promise<void>;
}

/**
 * The KPI projection: consumer group `kpi` folds every ticket event into KPI facts and day buckets
 * (database writes, so it is a service of its own and never holds back a push), a refresher
 * rebuilds the summaries events made stale, and dashboards hear `kpi.updated` through the live
 * replicas' socket.io rooms (a Redis emitter on the adapter's channel: no socket of its own).
 * One replica is enough; more share the group's partitions.
 */
export async function startKpi(platform: KpiPlatform, config: KpiConfig): Promise<KpiService> {
  const logger = platform.logger.child({ module: 'kpi' });
  // The live service's adapter key: the emitter reaches exactly this deployment's rooms.
  const notifier = new KpiNotifier(new Emitter(platform.redis, { key: `${config.QUEUE_PREFIX}:socket.io` }));
  const group = groupName(config.TOPIC_PREFIX, ConsumerGroup.Kpi);
  platform.metrics.consumerLag.watch(ConsumerGroup.Kpi, group, [
    topicName(config.TOPIC_PREFIX, Topic.TicketEvents),
  ]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: group,
    topicPrefix: config.TOPIC_PREFIX,
    logger,
    handle: async (envelope) => notifier.changed(await platform.kpis.project(envelope)),
  });
  const stopRefresher = startKpiRefresher(
    platform.kpis,
    logger,
    { everyMs: config.KPI_REFRESH_EVERY_MS, busyShare: config.KPI_REFRESH_BUSY_SHARE },
    (scopes) => notifier.changed(scopes),
  );
  const stop = async () => {
    await consumer.stop();
    stopRefresher();
    notifier.stop();
  };
  try {
    await consumer.startJoined();
  } catch (error) {
    await stop().catch((err) => logger.warn({ err: String(err) }, 'could not stop after a failed start'));
    throw error;
  }
  logger.info('kpi projecting ticket events');
  return { stop };
}

export * from './config';
