import { type MilestoneTimerJobData, QueueName } from '@grid-dispatch/contracts';
import type { CommitteeOutbox, ProjectDoc } from '@grid-dispatch/db';
import { type MilestoneTimer, milestoneTimerIsLive, planMilestoneTimers } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { createQueue, createWorker } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import type { Queue, Worker } from 'bullmq';
import type { WorkflowPlatform } from '../workflow-platform';

/** One id per milestone, step and due time: scheduling the same state again adds nothing. */
export function milestoneJobId(
  projectId: string,
  timer: Pick<MilestoneTimer, 'milestoneId' | 'step' | 'dueAt'>,
) {
  return `${projectId}.${timer.milestoneId}.${timer.step}.${Date.parse(timer.dueAt)}`;
}

/**
 * Project milestones' timers on BullMQ, as ticket deadlines are: a delayed job per reminder and
 * per miss with a deterministic id, a worker that re-reads the project when one comes due and acts
 * only if the milestone is still open and due then (domain `milestoneTimerIsLive`), its effect one
 * version-checked write with the event in the project's outbox. A reminder (`project.milestone_due`)
 * goes to the project's units; a miss (`project.milestone_missed`) escalates to the community's
 * secretary. At start every project being worked on is scheduled again, so timers lost with Redis
 * come back (ids make it a no-op otherwise).
 */
export class MilestoneTimers {
  private readonly queue: Queue<MilestoneTimerJobData>;
  private worker: Worker<MilestoneTimerJobData> | null = null;

  constructor(
    private readonly platform: WorkflowPlatform,
    private readonly outbox: CommitteeOutbox,
    private readonly prefix: string,
    private readonly redisUrl: string,
  ) {
    this.queue = createQueue(QueueName.MilestoneTimers, {
      connection: platform.redis,
      prefix,
      logger: platform.logger,
    });
  }

  start(): void {
    // Workers block on Redis, so this one gets its own connection.
    const connection = createRedisConnection(this.redisUrl);
    connection.on('error', () => undefined);
    this.worker = createWorker(
      QueueName.MilestoneTimers,
      async (job) => {
        await this.fire(job.data);
      },
      {
        connection,
        prefix: this.prefix,
        logger: this.platform.logger,
        concurrency: 4,
      },
    );
    this.worker.on('closed', () => void connection.quit().catch(() => undefined));
    void this.scheduleAllWorkedOn().catch((err) =>
      this.platform.logger.warn({ err: String(err) }, 'milestone timers not rescheduled at start'),
    );
  }

  /** Adds the jobs a project still owes (none unless it is approved or in progress). */
  async schedule(project: ProjectDoc): Promise<void> {
    const timers = planMilestoneTimers(project);
    if (timers.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      timers.map((t) => ({
        name: t.step,
        data: { projectId: project._id, milestoneId: t.milestoneId, step: t.step, dueAt: t.dueAt },
        opts: { jobId: milestoneJobId(project._id, t), delay: Math.max(0, t.at.getTime() - now) },
      })),
    );
  }

  private async scheduleAllWorkedOn(): Promise<void> {
    const projects = await this.platform.models.projects
      .find({ status: { $in: ['approved', 'in_progress'] } })
      .limit(5000)
      .lean<ProjectDoc[]>()
      .exec();
    for (const project of projects) await this.schedule(project);
  }

  /** Runs a timer that came due; a version conflict throws for BullMQ to retry against the fresh project. */
  async fire(job: MilestoneTimerJobData): Promise<'reminded' | 'missed' | 'stale'> {
    const project = await this.platform.models.projects.findById(job.projectId).lean<ProjectDoc>().exec();
    if (!project || !milestoneTimerIsLive(project, job)) return 'stale';
    const now = new Date();
    const milestones = project.milestones.map((m) =>
      m.id !== job.milestoneId
        ? m
        : job.step === 'remind'
          ? { ...m, remindedAt: now }
          : { ...m, missedAt: now },
    );
    const updated = await this.outbox.update<ProjectDoc>(
      'project',
      project,
      { milestones },
      {
        type: job.step === 'remind' ? 'project.milestone_due' : 'project.milestone_missed',
        actor: { kind: 'system', service: 'workflow' },
        payload: {
          milestoneId: job.milestoneId,
          dueAt: job.dueAt,
          leadUnitId: project.leadUnitId,
          unitIds: project.unitIds,
          ...(job.step === 'missed'
            ? { escalatedTo: { role: 'community_secretary', areaId: project.communityId } }
            : {}),
        },
      },
    );
    if (!updated)
      throw new AppError('VERSION_CONFLICT', 'the project changed while its milestone timer fired');
    return job.step === 'remind' ? 'reminded' : 'missed';
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
