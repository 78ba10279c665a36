import { offeredActions } from '@grid-dispatch/domain';
import type { TicketView } from './ticket.types';

/** The secretary's actions (POST /api/v1/tickets/{id}/{action}, README.md#the-api). */
export type SecretaryAction = 'decide' | 'reassign' | 'verify' | 'reopen' | 'cancel' | 'merge' | 'urge';

/**
 * The secretary's actions the domain's action table allows on this ticket now, so that only
 * buttons which can succeed are shown; the server still decides and its 409/422 message is shown
 * if not.
 */
export function availableActions(t: Pick<TicketView, 'status' | 'pendingRequest'>): SecretaryAction[] {
  return offeredActions(t, 'secretary') as SecretaryAction[];
}

/** What the action form collected; every field optional, the builder checks what is needed. */
export interface ActionInput {
  approve?: boolean;
  solved?: boolean;
  unitId?: string;
  note?: string;
  reason?: string;
  intoTicketId?: string;
}

export type BuiltBody =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; fields: Record<string, string> };

const blank = (s: string | undefined) => !s || s.trim() === '';

/**
 * The request body for an action, or the fields still missing (keys are i18n-neutral field names,
 * values are i18n keys). Checking here saves a round trip; it repeats the server's rules.
 */
export function buildBody(action: SecretaryAction, t: TicketView, input: ActionInput): BuiltBody {
  const fields: Record<string, string> = {};
  const note = blank(input.note) ? undefined : input.note!.trim();
  let body: Record<string, unknown> = {};
  switch (action) {
    case 'decide': {
      const request = t.pendingRequest?.kind;
      if (!request) fields.request = 'dash.err.noRequest';
      if (input.approve === undefined) fields.approve = 'dash.err.chooseDecision';
      if (request === 'return' && input.approve && blank(input.unitId)) fields.unitId = 'dash.err.unitNeeded';
      if (request === 'return' && input.approve && input.unitId === t.unitId)
        fields.unitId = 'dash.err.otherUnit';
      body = { request, approve: input.approve, ...(note ? { note } : {}) };
      if (request === 'return' && input.approve) body.unitId = input.unitId;
      break;
    }
    case 'reassign':
      if (blank(input.unitId)) fields.unitId = 'dash.err.unitNeeded';
      else if (input.unitId === t.unitId && t.status !== 'submitted' && t.status !== 'reopened')
        fields.unitId = 'dash.err.otherUnit';
      body = { unitId: input.unitId, ...(blank(input.reason) ? {} : { reason: input.reason!.trim() }) };
      break;
    case 'verify':
      if (input.solved === undefined) fields.solved = 'dash.err.chooseDecision';
      body = { solved: input.solved, ...(note ? { note } : {}) };
      break;
    case 'reopen':
    case 'cancel':
      if (blank(input.reason)) fields.reason = 'dash.err.reasonNeeded';
      body = { reason: input.reason?.trim() };
      break;
    case 'merge':
      if (blank(input.intoTicketId)) fields.intoTicketId = 'dash.err.ticketNeeded';
      else if (input.intoTicketId === t.id) fields.intoTicketId = 'dash.err.notItself';
      body = { intoTicketId: input.intoTicketId };
      break;
    case 'urge':
      body = note ? { note } : {};
      break;
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, body };
}
