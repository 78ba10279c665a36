import type { TicketView } from './ticket.types';
import { type ActionInput, availableActions, buildBody, type SecretaryAction } from './ticket-actions';

/** The actions a secretary may take on many tickets at once. */
export const BULK_ACTIONS = ['urge', 'reassign', 'verify'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Why a selected ticket is left out before anything is sent. */
export type SkipReason = 'notAllowed' | 'alreadyThere';

export interface BulkPlan {
  /** Each with the body its request will carry. */
  send: { ticket: TicketView; body: Record<string, unknown> }[];
  skip: { ticket: TicketView; reason: SkipReason }[];
  /** Fields of the shared input still missing (i18n keys), as for one ticket's form. */
  fields: Record<string, string>;
}

/**
 * Splits a selection into the tickets the action can be sent for and those it cannot: a status
 * the action table does not allow it from, or a reassignment to the unit that already holds the
 * ticket. The shared input is checked once, with the same rules as the one-ticket form.
 */
export function planBulk(tickets: TicketView[], action: BulkAction, input: ActionInput): BulkPlan {
  const plan: BulkPlan = { send: [], skip: [], fields: {} };
  for (const ticket of tickets) {
    if (!availableActions(ticket).includes(action)) {
      plan.skip.push({ ticket, reason: 'notAllowed' });
      continue;
    }
    if (action === 'reassign' && input.unitId && input.unitId === ticket.unitId) {
      plan.skip.push({ ticket, reason: 'alreadyThere' });
      continue;
    }
    const built = buildBody(action, ticket, input);
    if (!built.ok) {
      plan.fields = built.fields;
      return { send: [], skip: plan.skip, fields: built.fields };
    }
    plan.send.push({ ticket, body: built.body });
  }
  return plan;
}

export type BulkOutcome =
  | { ticket: TicketView; ok: true; updated: TicketView }
  | { ticket: TicketView; ok: false; error: unknown };

export type PostAction = (
  ticket: Pick<TicketView, 'id' | 'version'>,
  action: SecretaryAction,
  body: Record<string, unknown>,
) => Promise<TicketView>;

/**
 * Sends each planned action as its own version-checked request, a few at a time (a secretary's
 * selection of a hundred must not queue a hundred requests at once), and reports every ticket's
 * outcome in the selection's order: a conflict on one ticket never stops the others.
 */
export async function runBulk(
  plan: Pick<BulkPlan, 'send'>,
  action: BulkAction,
  post: PostAction,
  onProgress: (done: number, total: number) => void = () => {},
  concurrency = 4,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(plan.send.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < plan.send.length) {
      const i = next++;
      const { ticket, body } = plan.send[i];
      try {
        outcomes[i] = { ticket, ok: true, updated: await post(ticket, action, body) };
      } catch (error) {
        outcomes[i] = { ticket, ok: false, error };
      }
      done += 1;
      onProgress(done, plan.send.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, plan.send.length) }, worker));
  return outcomes;
}
