import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { MeetingDecision } from '@grid-dispatch/domain';

export interface DecisionEffectContext {
  communityId: string;
  meetingId: string;
  principal: StaffPrincipal;
}

/**
 * What a recorded decision does to the committee's projects: approving a project, adding a unit
 * to it, setting or moving a milestone. The meeting route checks the decision first, calls
 * `apply`, and records the decision only once `apply` resolved, so a decision the projects refuse
 * (an error thrown here, e.g. a 409) is not recorded either. The projects' own write path (the
 * same one as their API, with its checks, events and milestone timers) implements it.
 */
export interface DecisionEffects {
  apply(decision: MeetingDecision, context: DecisionEffectContext): Promise<void>;
}

/** Records decisions and changes nothing else: for a deployment without the projects list. */
export const recordOnlyDecisionEffects: DecisionEffects = {
  async apply() {},
};
