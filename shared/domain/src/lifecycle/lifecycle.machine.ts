import { normaliseAssistUnits } from '../routing/responsibility.resolver';
import { ACTION_RULES, type ActionRule } from './action-rules.table';
import { FEEDBACK_RATINGS, type LifecycleActor, type LifecycleView } from './lifecycle.types';
import type { FeedbackCommand, LifecycleCommand, ReassignCommand } from './lifecycle-command.types';
import { InputCollector } from './lifecycle-input.validator';
import { failure, finish, settlePending, success } from './lifecycle-outcome.builders';
import type { LifecycleChanges, LifecycleFailure, LifecycleOutcome } from './lifecycle-outcome.types';
import { decideRequest, requestExtension, requestReturn } from './pending-request.handlers';
import type { TicketStatus } from './ticket-status.types';

/**
 * Decides one lifecycle transition: given what the ticket looks like and what someone asks, say
 * what the ticket becomes and which event records it — or why not. Pure: the caller loads the
 * ticket, checks scope, passes `now`, and persists the outcome.
 *
 * Checks run in a fixed order so the same request always fails the same way:
 * 1. `FORBIDDEN` — the actor's kind or role may not take this action at all, or is out of scope;
 * 2. `ILLEGAL_TRANSITION` — not from this status (see `ACTION_RULES[action].from`);
 * 3. `FORBIDDEN` — a unit member whose unit is not the lead (or, for progress, assisting) unit;
 * 4. `ILLEGAL_TRANSITION` — pending-request conflicts (one request at a time; `decide` needs one);
 * 5. `INVALID_INPUT` — body fields, every problem reported with its path.
 */
export function applyAction(ticket: LifecycleView, command: LifecycleCommand): LifecycleOutcome {
  const action: unknown = command?.action;
  if (typeof action !== 'string' || !Object.hasOwn(ACTION_RULES, action)) {
    return failure('INVALID_INPUT', `Unknown action "${String(action)}"`, [
      { path: 'action', message: 'is not a lifecycle action' },
    ]);
  }
  const rule = ACTION_RULES[command.action];
  const actorFailure = checkActor(rule, command.actor);
  if (actorFailure !== undefined) return actorFailure;
  if (!rule.from.includes(ticket.status)) {
    return failure('ILLEGAL_TRANSITION', `Cannot ${rule.action} a ticket that is ${ticket.status}`);
  }
  const unitFailure = checkUnit(rule, command.actor, ticket);
  if (unitFailure !== undefined) return unitFailure;

  switch (command.action) {
    case 'accept':
      // The fix clock runs from signing (限时销号: sign within, then fix within).
      return success(
        'accepted',
        'ticket.accepted',
        { clearAckDeadline: true, restartResolveDeadline: true },
        {},
      );
    case 'progress': {
      const input = new InputCollector();
      const note = input.text(command.note, 'note', true);
      return finish(input, () => success(ticket.status, 'ticket.progress_reported', {}, { note }));
    }
    case 'resolve': {
      const input = new InputCollector();
      const note = input.text(command.note, 'note', true);
      const photos = input.photos(command.photos, 'photos');
      const changes: LifecycleChanges = {
        clearResolveDeadline: true,
        startVerifyDeadline: true,
        ...settlePending(ticket),
      };
      return finish(input, () => success('resolved', 'ticket.resolved', changes, { note, photos }));
    }
    case 'return':
      return requestReturn(ticket, command);
    case 'extension':
      return requestExtension(ticket, command);
    case 'decide':
      return decideRequest(ticket, command);
    case 'reassign':
      return reassign(ticket, command);
    case 'verify': {
      const input = new InputCollector();
      const solved = input.boolean(command.solved, 'solved');
      const note = input.text(command.note, 'note', false);
      return finish(input, () =>
        solved
          ? success(
              'closed',
              'ticket.verified',
              { clearAllDeadlines: true, closesMerged: true },
              { solved, note },
            )
          : success(
              'accepted',
              'ticket.verification_failed',
              { clearVerifyDeadline: true, restartResolveDeadline: true, rework: true },
              { solved, note },
            ),
      );
    }
    case 'reopen': {
      const input = new InputCollector();
      const reason = input.text(command.reason, 'reason', true);
      const changes: LifecycleChanges = { clearAllDeadlines: true, redispatch: true };
      return finish(input, () => success('reopened', 'ticket.reopened', changes, { reason }));
    }
    case 'cancel': {
      const input = new InputCollector();
      const reason = input.text(command.reason, 'reason', true);
      const changes: LifecycleChanges = { clearAllDeadlines: true, ...settlePending(ticket) };
      return finish(input, () => success('cancelled', 'ticket.cancelled', changes, { reason }));
    }
    case 'merge': {
      const input = new InputCollector();
      const intoTicketId = input.id(command.intoTicketId, 'intoTicketId');
      if (intoTicketId !== undefined && ticket.id !== undefined && intoTicketId === ticket.id) {
        input.add('intoTicketId', 'must name another ticket, not this one');
      }
      return finish(input, () =>
        success(
          'merged',
          'ticket.merged',
          { mergedInto: intoTicketId!, clearAllDeadlines: true, ...settlePending(ticket) },
          { intoTicketId },
        ),
      );
    }
    case 'urge': {
      const input = new InputCollector();
      const note = input.text(command.note, 'note', false);
      return finish(input, () => success(ticket.status, 'ticket.urged', {}, { note }));
    }
    case 'dispatch': {
      const input = new InputCollector();
      const unitId = input.id(command.unitId, 'unitId');
      const assist = input.idList(command.assistUnitIds, 'assistUnitIds');
      return finish(input, () => {
        const assistUnitIds = normaliseAssistUnits(unitId!, assist);
        return success(
          'dispatched',
          'ticket.dispatched',
          { unitId: unitId!, assistUnitIds, restartAckDeadline: true },
          { unitId, assistUnitIds },
        );
      });
    }
    case 'feedback':
      return feedback(ticket, command);
  }
}

/** Statuses in which a unit holds the ticket, so re-routing must pick a different unit. */
const HELD_STATUSES: readonly TicketStatus[] = ['dispatched', 'accepted', 'returned'];

function reassign(ticket: LifecycleView, command: ReassignCommand): LifecycleOutcome {
  const input = new InputCollector();
  const unitId = input.id(command.unitId, 'unitId');
  const reason = input.text(command.reason, 'reason', false);
  const held = HELD_STATUSES.includes(ticket.status);
  if (held && unitId !== undefined && unitId === ticket.unitId) {
    input.add('unitId', 'must name a different unit than the one holding the ticket');
  }
  return finish(input, () =>
    success(
      'dispatched',
      'ticket.reassigned',
      {
        unitId: unitId!,
        assistUnitIds: normaliseAssistUnits(unitId!, ticket.assistUnitIds),
        restartAckDeadline: true,
        // The new unit signs first; its fix clock starts when it does.
        clearResolveDeadline: true,
        ...settlePending(ticket),
      },
      { unitId, previousUnitId: ticket.unitId, reason },
    ),
  );
}

function feedback(ticket: LifecycleView, command: FeedbackCommand): LifecycleOutcome {
  const input = new InputCollector();
  const rating = input.oneOf(command.rating, 'rating', FEEDBACK_RATINGS);
  const comment = input.text(command.comment, 'comment', false);
  return finish(input, () =>
    rating === 'dissatisfied'
      ? success(
          'reopened',
          'ticket.rated',
          { clearAllDeadlines: true, redispatch: true },
          { rating, comment },
        )
      : success(ticket.status, 'ticket.rated', {}, { rating, comment }),
  );
}

function checkActor(rule: ActionRule, actor: LifecycleActor | undefined): LifecycleFailure | undefined {
  const kind: unknown = actor?.kind;
  if (rule.actor === 'system') {
    return kind === 'system'
      ? undefined
      : failure('FORBIDDEN', `Only the router may ${rule.action} a ticket`);
  }
  if (rule.actor === 'resident') {
    return kind === 'resident' ? undefined : failure('FORBIDDEN', 'Only the reporter may rate a ticket');
  }
  if (actor === undefined || actor.kind !== 'staff') {
    return failure('FORBIDDEN', `Only staff may ${rule.action} a ticket`);
  }
  if (actor.role === 'admin') {
    return failure('FORBIDDEN', 'Administrators configure the system and do not handle tickets');
  }
  if (!rule.roles.includes(actor.role)) {
    const who = rule.actor === 'secretary' ? 'a secretary of the area' : "a member of the ticket's unit";
    return failure('FORBIDDEN', `Only ${who} may ${rule.action} a ticket`);
  }
  if (actor.inScope !== true) return failure('FORBIDDEN', 'This ticket is outside your scope');
  if (rule.roles.includes('unit_member') && (actor.unitId === undefined || actor.unitId === '')) {
    return failure('FORBIDDEN', 'Your account belongs to no unit');
  }
  return undefined;
}

function checkUnit(
  rule: ActionRule,
  actor: LifecycleActor,
  ticket: LifecycleView,
): LifecycleFailure | undefined {
  if (actor.kind !== 'staff') return undefined;
  const isLead = ticket.unitId !== null && actor.unitId === ticket.unitId;
  if (rule.actor === 'lead_unit' && !isLead) {
    return failure('FORBIDDEN', `Only the lead unit may ${rule.action} this ticket`);
  }
  if (rule.actor === 'involved_unit' && !isLead && !ticket.assistUnitIds.includes(actor.unitId ?? '')) {
    return failure('FORBIDDEN', `Only the lead or an assisting unit may ${rule.action} this ticket`);
  }
  return undefined;
}
