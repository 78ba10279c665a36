import type { PlannedWorksEndJobData } from '@grid-dispatch/contracts';
import type { Queue } from 'bullmq';

/** The job that ends planned works at `endsAt`; one id per announcement, so scheduling twice is a no-op. */
export const worksEndJobId = (plannedWorksId: string) => `${plannedWorksId}.end`;
/** The job that ends them at once (ended early or cancelled): another id, as the delayed one already exists. */
export const worksStopJobId = (plannedWorksId: string) => `${plannedWorksId}.stop`;

/** Schedules the release of planned works' held reports at `endsAt` (at once when that has passed). */
export async function scheduleWorksEnd(
  queue: Queue<PlannedWorksEndJobData>,
  works: { id: string; endsAt: Date },
): Promise<void> {
  const delay = Math.max(0, works.endsAt.getTime() - Date.now());
  await queue.add('end', { plannedWorksId: works.id }, { jobId: worksEndJobId(works.id), delay });
}

/** Releases them now: the works were ended early or cancelled. */
export async function scheduleWorksStop(
  queue: Queue<PlannedWorksEndJobData>,
  plannedWorksId: string,
): Promise<void> {
  await queue.add('stop', { plannedWorksId }, { jobId: worksStopJobId(plannedWorksId) });
}
