/**
 * Escalation (升级): a missed limit moves the ticket one level up the ladder, and every further
 * lapse of the same length climbs again, until the district is reached.
 */

/** The ladder, lowest first; a ticket's level is an index into this array. */
export const ESCALATION_LEVELS = Object.freeze(['unit', 'community', 'subdistrict', 'district'] as const);

/** Name of an escalation level. */
export type EscalationLevelName = (typeof ESCALATION_LEVELS)[number];

/** Highest level index (the district). */
export const TOP_ESCALATION_LEVEL = ESCALATION_LEVELS.length - 1;

/** One future climb: at `at` the ticket moves to `level`. */
export interface EscalationStep {
  level: number;
  name: EscalationLevelName;
  at: Date;
}

function checkLevel(level: number): void {
  if (!Number.isInteger(level) || level < 0 || level > TOP_ESCALATION_LEVEL) {
    throw new RangeError(`escalation level must be an integer 0–${TOP_ESCALATION_LEVEL}, got ${level}`);
  }
}

/** The level above `level`, staying at the district (3) once there. */
export function nextEscalationLevel(level: number): number {
  checkLevel(level);
  return Math.min(level + 1, TOP_ESCALATION_LEVEL);
}

/**
 * The climbs still ahead of a ticket at `currentLevel` if nobody acts: the first at `dueAt`
 * (to `currentLevel + 1`), then one more every `repeatEveryMs`, up to the district. Empty at the
 * district. `repeatEveryMs` is calendar time: escalation is about how long people waited.
 *
 * After a climb, call again with the new level and `dueAt` = the climb instant + `repeatEveryMs`.
 *
 * @throws RangeError for a bad level or a non-positive interval.
 */
export function escalationSchedule(
  dueAt: Date,
  repeatEveryMs: number,
  currentLevel: number,
): EscalationStep[] {
  checkLevel(currentLevel);
  if (!Number.isFinite(repeatEveryMs) || repeatEveryMs <= 0) {
    throw new RangeError(`repeatEveryMs must be a finite number > 0, got ${repeatEveryMs}`);
  }
  const steps: EscalationStep[] = [];
  for (let level = currentLevel + 1; level <= TOP_ESCALATION_LEVEL; level += 1) {
    const lapses = level - currentLevel - 1;
    steps.push({
      level,
      name: ESCALATION_LEVELS[level] as EscalationLevelName,
      at: new Date(dueAt.getTime() + lapses * repeatEveryMs),
    });
  }
  return steps;
}
