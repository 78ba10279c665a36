import path from 'node:path';
import { ConsumerGroup, groupName, Topic, topicName } from '@grid-dispatch/contracts';
import { ClientThrottle, createHttpApp, errorHandler, listen, notFoundHandler } from '@grid-dispatch/http';
import { EventConsumer } from '@grid-dispatch/kafka';
import { createRedisConnection } from '@grid-dispatch/redis';
import { createAdapter } from '@socket.io/redis-adapter';
import express from 'express';
import { Server } from 'socket.io';
import type { LiveConfig } from './config';
import type { LivePlatform } from './live-platform';
import { mapSettingsRoute } from './map-settings';
import { startCommitteeFanout } from './realtime/committee-fanout';
import { fanOut } from './realtime/event-fanout';
import { startSessionSweep } from './realtime/session-sweep';
import { authErrorMessage, identifySocket } from './realtime/socket-auth';
import { registerSocketMetrics } from './realtime/socket-metrics';

export interface LiveService {
  url: string;
  port: number;
  io: Server;
  stop(): Promise<void>;
}

/** Where the built web pages live (services/live/public), resolved from dist/ or src/. */
const PUBLIC_DIR = path.resolve(__dirname, '..', 'public');

/**
 * socket.io on its own HTTP server, sharing rooms with other live replicas through Redis, fed by
 * the `live` consumer group (one group for all replicas: the adapter fans each event out to every
 * replica's sockets). Push-only: `kpi.updated` comes from the kpi service through the same adapter
 * channel. Also serves the web pages.
 */
export async function startLive(
  platform: LivePlatform,
  config: LiveConfig,
  port = config.LIVE_PORT,
): Promise<LiveService> {
  const logger = platform.logger.child({ module: 'live' });
  const app = createHttpApp({ logger });
  app.use(platform.metrics.httpMiddleware());
  app.get('/map-settings.json', mapSettingsRoute(config));
  app.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: '5m' }));
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  const server = await listen(app, port, config.LIVE_HOST);

  // One event is published to several rooms in one tick: auto-pipelining sends them in one write.
  const pub = createRedisConnection(config.REDIS_URL, {
    maxRetriesPerRequest: 3,
    enableAutoPipelining: true,
  });
  const sub = pub.duplicate({ enableAutoPipelining: false });
  for (const c of [pub, sub]) c.on('error', () => undefined);
  const io = new Server(server.server, { serveClient: true, cors: { origin: false } });
  // Keyed by deployment: two systems sharing one Redis must never hear each other's rooms.
  io.adapter(createAdapter(pub, sub, { key: `${config.QUEUE_PREFIX}:socket.io` }));
  const uncountSockets = registerSocketMetrics(platform.metrics, io);

  const residentSockets = new ClientThrottle(
    platform.redis,
    config.QUEUE_PREFIX,
    'tracking sockets',
    config.TRACKING_SOCKETS_PER_MINUTE,
    logger,
  );
  io.use((socket, next) => {
    // A tracking code opens a socket without a login: count those per client (the address the
    // gateway forwarded: it sends exactly one), so nobody walks the codes through handshakes.
    const residentTry =
      typeof (socket.handshake.auth as { trackingCode?: unknown } | undefined)?.trackingCode === 'string'
        ? residentSockets.take(
            String(socket.handshake.headers['x-forwarded-for'] ?? socket.handshake.address),
          )
        : Promise.resolve();
    residentTry
      .then(() => identifySocket(socket, config.AUTH_SECRET, platform.models, platform.sessions))
      .then(
        (identity) => {
          socket.data.identity = identity;
          next();
        },
        (error) => next(new Error(authErrorMessage(error))),
      );
  });
  const stopSweep = startSessionSweep(io, platform.sessions, logger, config.SESSION_CHECK_EVERY_MS);
  io.on('connection', (socket) => {
    const identity = socket.data.identity as Awaited<ReturnType<typeof identifySocket>>;
    void socket.join(identity.rooms);
    if (identity.expiresAt !== null) {
      // Tokens expire; a socket must not outlive its token. The client logs in again.
      const timer = setTimeout(
        () => {
          socket.emit('session.expired', { message: 'Your session has expired; log in again.' });
          socket.disconnect(true);
        },
        Math.max(0, identity.expiresAt - Date.now()),
      );
      socket.once('disconnect', () => clearTimeout(timer));
    }
  });

  platform.metrics.consumerLag.watch(ConsumerGroup.Live, groupName(config.TOPIC_PREFIX, ConsumerGroup.Live), [
    topicName(config.TOPIC_PREFIX, Topic.TicketEvents),
  ]);
  const consumer = new EventConsumer({
    kafka: platform.kafka,
    groupId: groupName(config.TOPIC_PREFIX, ConsumerGroup.Live),
    topicPrefix: config.TOPIC_PREFIX,
    logger,
    handle: async (envelope) => fanOut(io, envelope),
  });
  let committee: { stop(): Promise<void> } | null = null;
  const stop = async () => {
    await Promise.all([committee?.stop(), consumer.stop()]);
    stopSweep();
    uncountSockets();
    // This instance's sockets only: without `local` the Redis adapter asks every live instance
    // to close all of its sockets, so stopping one replica would drop the whole district's users.
    io.local.disconnectSockets(true);
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await server.close();
    await Promise.all([pub.quit().catch(() => pub.disconnect()), sub.quit().catch(() => sub.disconnect())]);
  };
  // Each group's join waits until the broker drops a killed instance, still a member: joined side
  // by side, a restart waits for that once rather than once per group. When one cannot be joined,
  // the others are left too, so that the next start waits for no member of this one.
  const started = await Promise.allSettled([
    consumer.startJoined(),
    startCommitteeFanout(io, platform.kafka, config.TOPIC_PREFIX, logger).then((c) => {
      committee = c;
    }),
  ]);
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await stop().catch((err) => logger.warn({ err: String(err) }, 'could not stop after a failed start'));
    throw failed.reason;
  }
  logger.info({ url: server.url }, 'live listening');

  return { url: server.url, port: server.port, io, stop };
}

export * from './config';
