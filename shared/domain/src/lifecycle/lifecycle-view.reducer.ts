import type { LifecycleView } from './lifecycle.types';
import type { LifecycleSuccess } from './lifecycle-outcome.types';

/**
 * The view after a successful transition — what a store applying `outcome.changes` would hold.
 * Lets tests and projections chain transitions without a database.
 *
 * @param at - when the transition happened (ISO-8601); recorded as `resolvedAt` on a fix report.
 */
export function evolveView(view: LifecycleView, outcome: LifecycleSuccess, at?: string): LifecycleView {
  const { changes } = outcome;
  const next: LifecycleView = {
    ...view,
    status: outcome.status,
    assistUnitIds: [...(changes.assistUnitIds ?? view.assistUnitIds)],
  };
  if (changes.unitId !== undefined) next.unitId = changes.unitId;
  if (changes.pendingRequest !== undefined) next.pendingRequest = changes.pendingRequest;
  if (changes.mergedInto !== undefined) next.mergedInto = changes.mergedInto;
  if (changes.newResolveBy !== undefined) next.resolveDueAt = changes.newResolveBy;
  if (outcome.eventType === 'ticket.resolved') next.resolvedAt = at ?? null;
  // A fix that failed verification or was reopened no longer counts as resolved.
  if (changes.rework === true || outcome.status === 'reopened') next.resolvedAt = null;
  return next;
}
