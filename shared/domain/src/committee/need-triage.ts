import type { NeedStatus } from './committee-kinds';

/** Shortest and longest decline reason: the resident reads it, so it must say something. */
export const DECLINE_REASON_LIMITS = { min: 4, max: 500 } as const;

/** A secretary's decision on an open need. */
export type NeedTriage =
  | { decision: 'accept' }
  | { decision: 'decline'; reason: string }
  | { decision: 'merge'; into: { id: string; communityId: string; status: NeedStatus } };

/** What triage changes, or why it may not happen (`field` names the body field at fault). */
export type NeedTriageOutcome =
  | { ok: true; status: NeedStatus; declineReason: string | null; mergedInto: string | null }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'VALIDATION_FAILED'; field?: string; message: string };

interface TriagedNeed {
  id: string;
  communityId: string;
  status: NeedStatus;
}

/**
 * Triage is decided once, on an open need: accepted (the committee looks for resources), declined
 * with a reason the resident reads on the public page, or merged into another need of the same
 * community that is still open or accepted (its supporters carry over; the route adds them).
 * A merge target must not itself be merged or closed, so merges never chain.
 */
export function triageNeed(need: TriagedNeed, triage: NeedTriage): NeedTriageOutcome {
  if (need.status !== 'open') {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `This need is ${need.status}, not open.` };
  }
  switch (triage.decision) {
    case 'accept':
      return { ok: true, status: 'accepted', declineReason: null, mergedInto: null };
    case 'decline': {
      const reason = triage.reason.trim();
      if (reason.length < DECLINE_REASON_LIMITS.min || reason.length > DECLINE_REASON_LIMITS.max) {
        return {
          ok: false,
          code: 'VALIDATION_FAILED',
          field: 'reason',
          message: `the resident reads it: ${DECLINE_REASON_LIMITS.min}–${DECLINE_REASON_LIMITS.max} characters`,
        };
      }
      return { ok: true, status: 'declined', declineReason: reason, mergedInto: null };
    }
    case 'merge': {
      const { into } = triage;
      const fail = (message: string): NeedTriageOutcome => ({
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'into',
        message,
      });
      if (into.id === need.id) return fail('a need cannot be merged into itself');
      if (into.communityId !== need.communityId) return fail('the other need is in another community');
      if (into.status !== 'open' && into.status !== 'accepted')
        return fail(`the other need is ${into.status}; merge only into an open or accepted need`);
      return { ok: true, status: 'merged', declineReason: null, mergedInto: into.id };
    }
  }
}

/**
 * A need's status once a project serving it is delivered: accepted needs become served; any other
 * status stays (a need merged or declined meanwhile is not revived by the delivery).
 */
export function needStatusAfterDelivery(status: NeedStatus): NeedStatus {
  return status === 'accepted' ? 'served' : status;
}

/** Residents may add "me too" while the committee may still act on the need. */
export function acceptsSupport(status: NeedStatus): boolean {
  return status === 'open' || status === 'accepted';
}

/** Projects are made only from accepted needs (triage comes first). */
export function canBeServedByNewProject(status: NeedStatus): boolean {
  return status === 'accepted';
}
