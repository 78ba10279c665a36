import type { TicketDoc } from '@grid-dispatch/db';
import type { LifecycleEventData, LifecycleView } from '@grid-dispatch/domain';

/** The part of a stored ticket the lifecycle rules read. */
export function lifecycleViewOf(ticket: TicketDoc): LifecycleView {
  return {
    id: ticket._id,
    status: ticket.status,
    unitId: ticket.unitId,
    assistUnitIds: ticket.assistUnitIds,
    pendingRequest: ticket.pendingRequest
      ? {
          kind: ticket.pendingRequest.kind,
          requestedBy: ticket.pendingRequest.requestedBy,
          previousStatus: ticket.pendingRequest.previousStatus,
          reason: ticket.pendingRequest.reason,
          ...(ticket.pendingRequest.resolveBy ? { resolveBy: ticket.pendingRequest.resolveBy } : {}),
        }
      : null,
    mergedInto: ticket.mergedInto,
    resolveDueAt: ticket.deadlines.resolve?.dueAt ?? null,
  };
}

/** The event payload from the rules' normalised command fields: ids, notes and photo URLs only. */
export function eventPayloadOf(data: LifecycleEventData): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (data.note !== undefined) payload.note = data.note;
  if (data.reason !== undefined) payload.reason = data.reason;
  if (data.comment !== undefined) payload.comment = data.comment;
  if (data.photos !== undefined) payload.photos = data.photos;
  if (data.unitId !== undefined) payload.unitId = data.unitId;
  if (data.previousUnitId !== undefined) payload.fromUnitId = data.previousUnitId;
  if (data.assistUnitIds !== undefined) payload.assistUnitIds = data.assistUnitIds;
  if (data.intoTicketId !== undefined) payload.intoTicketId = data.intoTicketId;
  if (data.resolveBy !== undefined) payload.resolveBy = data.resolveBy;
  if (data.rating !== undefined) payload.rating = data.rating;
  if (data.solved !== undefined) payload.solved = data.solved;
  if (data.request !== undefined) payload.request = data.request;
  if (data.approve !== undefined) payload.approve = data.approve;
  return payload;
}
