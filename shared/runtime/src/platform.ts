import type { CommonConfig } from '@grid-dispatch/config';
import {
  CalendarStore,
  connectDatabase,
  createModels,
  KpiStore,
  type Models,
  OutboxRelay,
  SessionRegistry,
  TicketRepository,
  watchDatabase,
} from '@grid-dispatch/db';
import { createKafkaClient, EventProducer, ReferenceDataSubscriber } from '@grid-dispatch/kafka';
import type { Logger } from '@grid-dispatch/logger';
import { ServiceMetrics } from '@grid-dispatch/metrics';
import {
  createRedisConnection,
  KpiStamps,
  OpenTicketMap,
  OutboxIndex,
  ReferenceStamp,
  TicketLock,
} from '@grid-dispatch/redis';
import type { Redis } from 'ioredis';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { registerOutboxBacklog } from './outbox-backlog';

/**
 * The connections a service runs on: the database (truth), Kafka (events) and Redis (timers,
 * broadcasts), plus the ticket repository and its outbox relay. One per process: the all-in-one
 * process shares it between services, a service started alone opens its own.
 */
export interface Platform {
  config: CommonConfig;
  logger: Logger;
  db: Connection;
  models: Models;
  kafka: Kafka;
  producer: EventProducer;
  tickets: TicketRepository;
  relay: OutboxRelay;
  /** Open tickets by category and place, for duplicate suggestions. */
  openTickets: OpenTicketMap;
  /** The KPI projection's storage (written by the live service, read by workflow). */
  kpis: KpiStore;
  /** Moved on by every change of reference data, so caches of it on any replica know to reload. */
  referenceStamp: ReferenceStamp;
  /** Which staff sessions still count (an account change ends its sessions). */
  sessions: SessionRegistry;
  redis: Redis;
  /**
   * One writer at a time per record, across processes (FerretDB applies a version-checked update
   * as a read and a write by _id: two can both match). Tickets take it inside `tickets`; other
   * records that more than one writer changes (the committee's) take it themselves.
   */
  lock: TicketLock;
  /**
   * Working calendars for deadline arithmetic, cached in this process and dropped when an
   * administrator's change is announced on `reference-data` (listening starts with the first read).
   */
  calendars: CalendarStore;
  /** This process's Prometheus metrics, served on METRICS_PORT when set. */
  metrics: ServiceMetrics;
  close(): Promise<void>;
}

export interface PlatformOptions {
  /** Relay poll interval; the relay is also kicked after every local write. */
  relayPollMs?: number;
  /** The `service` label of this process's metrics. */
  service?: string;
  /**
   * Whether this process relays outboxes to Kafka (default true). Off for a process that writes
   * no tickets (the kpi service): the writers' relays and their peers already cover every outbox,
   * and one more poller only adds database load when the database comes back from an outage.
   */
  relay?: boolean;
}

export async function openPlatform(
  config: CommonConfig,
  logger: Logger,
  options: PlatformOptions = {},
): Promise<Platform> {
  const log = logger.child({ module: 'platform' });
  const db = await connectDatabase(config.MONGO_URL);
  const stopDatabaseWatchdog = watchDatabase(db, {
    onRestart: ({ silentMs, error }) =>
      log.error(
        { silentMs, err: error },
        'the database driver had stopped checking the server; its client was restarted',
      ),
  });
  const models = createModels(db);
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'grid-dispatch', logger });
  const producer = new EventProducer(kafka, config.TOPIC_PREFIX);
  const redis = createRedisConnection(config.REDIS_URL);
  redis.on('error', (err) => log.debug({ err: err.message }, 'redis connection error'));
  // Locks must fail fast when Redis is down (503), not queue until it returns as BullMQ's connection does.
  // Commands issued in one tick go out in one write: under load most of a report's Redis calls
  // (locks, outbox index, stamps) meet others, and each loopback write costs more CPU than the command.
  const lockRedis = createRedisConnection(config.REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
  });
  lockRedis.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5000);
    lockRedis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const lock = new TicketLock(lockRedis, config.QUEUE_PREFIX);
  const index = new OutboxIndex(lockRedis, config.QUEUE_PREFIX);
  const relay = new OutboxRelay(
    models.tickets,
    lock,
    index,
    producer,
    logger.child({ module: 'outbox-relay' }),
    {
      pollIntervalMs: options.relayPollMs ?? 500,
    },
  );
  const openTickets = new OpenTicketMap(lockRedis, config.QUEUE_PREFIX);
  const kpis = new KpiStore(models, new KpiStamps(lockRedis, config.QUEUE_PREFIX));
  const referenceStamp = new ReferenceStamp(lockRedis, config.QUEUE_PREFIX);
  const sessions = new SessionRegistry(models.users, lockRedis, config.QUEUE_PREFIX);
  const tickets = new TicketRepository(models.tickets, lock, {
    publisher: producer,
    outbox: index,
    onUnpublished: (ticketId) => relay.notePending(ticketId),
  });
  if (options.relay !== false) relay.start();
  const calendarLog = logger.child({ module: 'calendars' });
  const watcher = new ReferenceDataSubscriber(kafka, config.TOPIC_PREFIX, calendarLog, (announcement) => {
    if (announcement === null) calendars.invalidate();
    else if (announcement.entity === 'calendar') calendars.invalidate(announcement.id);
  });
  const calendars = new CalendarStore(models.calendars, {
    beforeLoad: () => watcher.start(),
    onInvalid: (id, problems) =>
      calendarLog.error(
        { calendarId: id, problems },
        'stored calendar is invalid; using the shipped default',
      ),
  });

  const metrics = new ServiceMetrics(options.service ?? 'grid-dispatch', kafka);
  registerOutboxBacklog(metrics, index);

  let closing: Promise<void> | null = null;
  const platform: Platform = {
    config,
    logger,
    db,
    models,
    kafka,
    producer,
    tickets,
    relay,
    openTickets,
    kpis,
    referenceStamp,
    sessions,
    redis,
    lock,
    calendars,
    metrics,
    close() {
      closing ??= (async () => {
        await metrics.close();
        await watcher.stop();
        await relay.stop();
        await producer.disconnect().catch((err) => log.warn({ err }, 'producer disconnect failed'));
        stopDatabaseWatchdog();
        await db.close().catch((err) => log.warn({ err }, 'database close failed'));
        await redis.quit().catch(() => redis.disconnect());
        await lockRedis.quit().catch(() => lockRedis.disconnect());
      })();
      return closing;
    },
  };
  try {
    await metrics.serve(config.METRICS_PORT, config.METRICS_HOST);
  } catch (error) {
    await platform.close();
    throw error;
  }
  return platform;
}
