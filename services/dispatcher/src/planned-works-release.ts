import { QueueName } from '@grid-dispatch/contracts';
import type { PlannedWorksDoc, TicketDoc } from '@grid-dispatch/db';
import { isAppError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import { createQueue, createWorker, scheduleWorksEnd } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import type { DispatcherPlatform } from './dispatcher-platform';

/** Why the held reports are released, as `ticket.planned_works_ended` says it; null while the works still run. */
function releaseReason(works: PlannedWorksDoc, now: Date): 'ended' | 'ended_early' | 'cancelled' | null {
  if (works.state === 'cancelled') return 'cancelled';
  if (works.state === 'ended') return 'ended_early';
  return works.endsAt.getTime() <= now.getTime() ? 'ended' : null;
}

/**
 * Hands every report still held by finished planned works to the dispatcher: each gets
 * `ticket.planned_works_ended` (one version-checked write with its outbox entry), which the
 * dispatcher answers with the regular dispatch. Idempotent: a released report is marked, and the
 * works are marked released only after all their reports are, so a crash half-way is finished by
 * the next run (the job's retry or the start-up sweep).
 */
export async function releasePlannedWorks(
  platform: DispatcherPlatform,
  plannedWorksId: string,
  logger: Logger,
) {
  const works = await platform.models.plannedWorks.findById(plannedWorksId).lean<PlannedWorksDoc>().exec();
  if (!works || works.releasedAt) return;
  const now = new Date();
  const reason = releaseReason(works, now);
  if (reason === null) return;
  const held = await platform.models.tickets
    .find({ plannedWorksId, status: 'submitted' }, { _id: 1 })
    .lean<Array<Pick<TicketDoc, '_id'>>>()
    .exec();
  for (const { _id } of held) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const ticket = await platform.tickets.findById(_id);
      // Cancelled or merged by a secretary meanwhile, or already released: nothing to hand over.
      if (ticket?.status !== 'submitted' || ticket.plannedWorksReleasedAt) break;
      try {
        await platform.tickets.applyChange(
          ticket,
          { plannedWorksReleasedAt: now },
          {
            type: 'ticket.planned_works_ended',
            payload: { plannedWorksId, reason },
            actor: { kind: 'system', service: 'dispatcher' },
            at: now,
          },
        );
        break;
      } catch (error) {
        if (isAppError(error) && error.code === 'VERSION_CONFLICT') continue;
        throw error;
      }
    }
  }
  await platform.models.plannedWorks.updateOne({ _id: plannedWorksId }, { $set: { releasedAt: now } }).exec();
  logger.info({ plannedWorksId, reason, released: held.length }, 'planned works over; held reports released');
}

export interface PlannedWorksReleaser {
  stop(): Promise<void>;
}

/**
 * Runs the release jobs, and at start sweeps the announcements not yet released: finished ones
 * are released now (their job may have been lost with Redis, or the works ended while nothing
 * ran), running ones get their end job again (a no-op when it is still there).
 */
export async function startPlannedWorksReleaser(
  platform: DispatcherPlatform,
  logger: Logger,
): Promise<PlannedWorksReleaser> {
  const queue = createQueue(QueueName.PlannedWorksEnds, {
    connection: platform.redis,
    prefix: platform.config.QUEUE_PREFIX,
    logger,
  });
  const connection = createRedisConnection(platform.config.REDIS_URL);
  connection.on('error', () => undefined);
  const worker = createWorker(
    QueueName.PlannedWorksEnds,
    (job) => releasePlannedWorks(platform, job.data.plannedWorksId, logger),
    { connection, prefix: platform.config.QUEUE_PREFIX, logger, concurrency: 2 },
  );
  worker.on('failed', (job, err) =>
    logger.warn(
      { plannedWorksId: job?.data.plannedWorksId, err: err.message },
      'planned works release failed; BullMQ will retry',
    ),
  );
  const pending = await platform.models.plannedWorks
    .find({ releasedAt: null })
    .lean<PlannedWorksDoc[]>()
    .exec();
  for (const works of pending) {
    if (releaseReason(works, new Date()) === null)
      await scheduleWorksEnd(queue, { id: works._id, endsAt: works.endsAt });
    else await releasePlannedWorks(platform, works._id, logger);
  }
  return {
    async stop() {
      await worker.close();
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
