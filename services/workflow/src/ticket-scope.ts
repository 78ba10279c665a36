import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { TicketDoc } from '@grid-dispatch/db';

/**
 * Whether a member of staff may see and act on a ticket: a unit member on tickets their unit leads
 * or assists; a secretary on tickets inside their area or below (a ticket's `areaIds` hold its
 * whole area path, grid to district). Anything else answers 404, so existence does not leak.
 */
export function isInScope(
  principal: StaffPrincipal,
  ticket: Pick<TicketDoc, 'unitId' | 'assistUnitIds' | 'areaIds'>,
): boolean {
  if (principal.role === 'unit_member') {
    return (
      principal.unitId !== null &&
      (ticket.unitId === principal.unitId || ticket.assistUnitIds.includes(principal.unitId))
    );
  }
  if (principal.role.endsWith('_secretary'))
    return principal.areaId !== null && ticket.areaIds.includes(principal.areaId);
  return false;
}

/** The database filter of the same scope (for lists). */
export function scopeFilter(principal: StaffPrincipal): Record<string, unknown> | null {
  if (principal.role === 'unit_member' && principal.unitId) {
    return { $or: [{ unitId: principal.unitId }, { assistUnitIds: principal.unitId }] };
  }
  if (principal.role.endsWith('_secretary') && principal.areaId) return { areaIds: principal.areaId };
  return null;
}
