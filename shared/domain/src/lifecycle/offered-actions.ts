import { ACTION_RULES, type ActorRequirement } from './action-rules.table';
import type { LifecycleAction } from './lifecycle.types';

/** Who looks at a ticket's action buttons. */
export type ActionViewer = 'lead_unit' | 'assisting_unit' | 'secretary';

/** The table's actor requirements each viewer meets. */
const MEETS: Record<ActionViewer, readonly ActorRequirement[]> = {
  lead_unit: ['lead_unit', 'involved_unit'],
  assisting_unit: ['involved_unit'],
  secretary: ['secretary'],
};

/**
 * The staff actions (POST /api/v1/tickets/{id}/{action}) the action table allows this viewer on a
 * ticket in its status and with its waiting request, in the table's order: what the pages offer
 * as buttons. The server checks again (scope, bodies, versions); this only keeps the pages from
 * offering what must fail, from the same table the server enforces.
 */
export function offeredActions(
  ticket: { status: string; pendingRequest?: { kind: string } | null },
  viewer: ActionViewer,
): LifecycleAction[] {
  const waiting = ticket.pendingRequest != null;
  return Object.values(ACTION_RULES)
    .filter(
      (rule) =>
        rule.endpoint === 'ticket-action' &&
        MEETS[viewer].includes(rule.actor) &&
        (rule.from as readonly string[]).includes(ticket.status) &&
        (rule.whilePending === undefined || (rule.whilePending === 'required') === waiting),
    )
    .map((rule) => rule.action);
}
