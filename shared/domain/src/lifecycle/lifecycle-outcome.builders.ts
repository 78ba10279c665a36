import type { LifecycleView } from './lifecycle.types';
import type { InputCollector } from './lifecycle-input.validator';
import type {
  LifecycleChanges,
  LifecycleEventData,
  LifecycleEventType,
  LifecycleFailure,
  LifecycleOutcome,
} from './lifecycle-outcome.types';
import type { TicketStatus } from './ticket-status.types';

/*
 * Small constructors for lifecycle outcomes, shared by the state machine and the request handlers
 * so every success and failure has exactly the same shape.
 */

/** Runs `build` when the collected input is clean, otherwise answers `INVALID_INPUT` with every field error. */
export function finish(input: InputCollector, build: () => LifecycleOutcome): LifecycleOutcome {
  return input.ok ? build() : invalid(input);
}

/** `INVALID_INPUT` carrying the collected field errors. */
export function invalid(input: InputCollector): LifecycleFailure {
  return failure('INVALID_INPUT', 'The request has invalid fields', input.errors);
}

/** A permitted transition; absent event fields are dropped. */
export function success(
  status: TicketStatus,
  eventType: LifecycleEventType,
  changes: LifecycleChanges,
  eventData: LifecycleEventData,
): LifecycleOutcome {
  // Drop absent optional fields so stored events carry only what was said.
  const data = Object.fromEntries(
    Object.entries(eventData).filter(([, value]) => value !== undefined),
  ) as LifecycleEventData;
  return { ok: true, status, eventType, changes, eventData: data };
}

/** A refused transition. */
export function failure(
  code: LifecycleFailure['code'],
  message: string,
  fields?: LifecycleFailure['fields'],
): LifecycleFailure {
  return fields === undefined ? { ok: false, code, message } : { ok: false, code, message, fields };
}

/** A waiting request becomes moot when the ticket moves on; its pause must still be closed. */
export function settlePending(ticket: LifecycleView): LifecycleChanges {
  return ticket.pendingRequest === null ? {} : { pendingRequest: null, resumeClock: true };
}
