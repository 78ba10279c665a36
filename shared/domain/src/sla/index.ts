/**
 * SLA clock arithmetic: due dates, reminder instants, pauses and escalation, on calendar or
 * working time.
 */

export { type ClockSpec, computeDueAt } from './clock-spec';
export {
  type ClockPause,
  type ClockState,
  pauseClock,
  remainingAt,
  resumeClock,
  startClock,
} from './clock-state';
export {
  ESCALATION_LEVELS,
  type EscalationLevelName,
  type EscalationStep,
  escalationSchedule,
  nextEscalationLevel,
  TOP_ESCALATION_LEVEL,
} from './escalation-ladder';
export { type ReminderInstant, reminderInstants } from './reminder-schedule';
export {
  isTimerLive,
  type PlannedTimer,
  planTimers,
  STATUSES_WITH_LIVE_TIMERS,
  type TimerDeadline,
  type TimerInput,
  type TimerSettings,
  type TimerStep,
} from './timer-plan';
