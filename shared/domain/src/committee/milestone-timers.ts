import type { ProjectStatus } from './committee-kinds';
import { isMilestoneSettled, type MilestoneState } from './project-lifecycle';

/** How long before a milestone's due time its project's units are reminded (a working day). */
export const MILESTONE_REMIND_BEFORE_MS = 24 * 3600_000;

export type MilestoneTimerStep = 'remind' | 'missed';

export interface TimedMilestone extends MilestoneState {
  remindedAt?: Date | string | null;
  missedAt?: Date | string | null;
}

export interface MilestoneTimer {
  milestoneId: string;
  step: MilestoneTimerStep;
  /** When the job should run (a reminder already late runs at once). */
  at: Date;
  /** The due time planned for, ISO: a moved due time makes the old job stale. */
  dueAt: string;
}

/** Milestone timers run while the project is worked on: approved or in progress. */
function timersRun(status: ProjectStatus): boolean {
  return status === 'approved' || status === 'in_progress';
}

/**
 * The timers a project still owes: for each milestone neither done nor waived, a reminder
 * `remindBeforeMs` before its due time (unless sent) and the miss at its due time (unless
 * recorded), which escalates to the community's secretary. None before approval or after delivery.
 */
export function planMilestoneTimers(
  project: { status: ProjectStatus; milestones: readonly TimedMilestone[] },
  remindBeforeMs = MILESTONE_REMIND_BEFORE_MS,
): MilestoneTimer[] {
  if (!timersRun(project.status)) return [];
  return project.milestones.flatMap((m) => {
    if (isMilestoneSettled(m)) return [];
    const due = new Date(m.dueAt);
    const dueAt = due.toISOString();
    const timers: MilestoneTimer[] = [];
    if (!m.remindedAt && !m.missedAt)
      timers.push({ milestoneId: m.id, step: 'remind', at: new Date(due.getTime() - remindBeforeMs), dueAt });
    if (!m.missedAt) timers.push({ milestoneId: m.id, step: 'missed', at: due, dueAt });
    return timers;
  });
}

/**
 * Whether a timer that came due still has something to do: the project still worked on, the
 * milestone still open, still due when the timer was planned, and this step not yet recorded.
 * So a job delivered twice, or one for a milestone done meanwhile, does nothing.
 */
export function milestoneTimerIsLive(
  project: { status: ProjectStatus; milestones: readonly TimedMilestone[] },
  timer: { milestoneId: string; step: MilestoneTimerStep; dueAt: string },
): boolean {
  if (!timersRun(project.status)) return false;
  const milestone = project.milestones.find((m) => m.id === timer.milestoneId);
  if (!milestone || isMilestoneSettled(milestone)) return false;
  if (new Date(milestone.dueAt).toISOString() !== timer.dueAt) return false;
  if (milestone.missedAt) return false;
  return timer.step === 'missed' || !milestone.remindedAt;
}
