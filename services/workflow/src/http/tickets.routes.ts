import { HOTLINE_AGENT_ROLE } from '@grid-dispatch/auth';
import type { Actor } from '@grid-dispatch/contracts';
import type { TicketDoc } from '@grid-dispatch/db';
import {
  type LifecycleCommand,
  STAFF_ACTIONS,
  type StaffAction,
  TERMINAL_STATUSES,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import {
  assertStoredPhotosExist,
  isPhotoReference,
  PHOTO_REFERENCE_RULE,
  parseBody,
  principalOf,
  requireStaff,
} from '@grid-dispatch/http';
import { runLifecycle } from '@grid-dispatch/ticketing';
import { Router } from 'express';
import type { WorkflowConfig } from '../config';
import { isInScope } from '../ticket-scope';
import type { WorkflowPlatform } from '../workflow-platform';
import { ACTION_BODIES } from './action-bodies';
import { listTickets } from './ticket-list';
import { staffTicketView } from './ticket-view';

const STAFF = ['unit_member', 'community_secretary', 'subdistrict_secretary', 'district_secretary'] as const;

/** Staff queries and the workflow actions of the API (README.md#the-api), each scoped to the caller. */
export function ticketsRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  router.use(
    requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, [...STAFF, HOTLINE_AGENT_ROLE]),
  );
  // A hotline agent holds tracking codes of the reports it filed, so nothing is hidden from it by
  // a 404: it is told that tickets are the units' and secretaries' work.
  router.use((req, _res, next) => {
    if (principalOf(req).role !== HOTLINE_AGENT_ROLE) return next();
    next(
      new AppError(
        'FORBIDDEN',
        'A hotline agent files reports and looks them up by the caller’s phone; tickets are worked by units and secretaries.',
      ),
    );
  });

  router.get('/', async (req, res) => {
    res.json(await listTickets(platform, principalOf(req), req.query));
  });

  router.get('/:id', async (req, res) => {
    res.json(staffTicketView(await ticketInScope(platform, req.params.id, principalOf(req))));
  });

  router.post('/:id/:action', async (req, res) => {
    const principal = principalOf(req);
    const action = req.params.action as StaffAction;
    if (!STAFF_ACTIONS.includes(action))
      throw new AppError('NOT_FOUND', `No action "${req.params.action}"; see the API document.`);
    // Scope first: a caller outside it learns nothing, not even that the body was wrong.
    const ticket = await ticketInScope(platform, req.params.id, principal);
    const body = parseBody(ACTION_BODIES[action], req.body ?? {}) as Record<string, unknown>;
    const ifMatch = req.header('if-match');
    if (ifMatch !== undefined && ifMatch.replace(/"/g, '').trim() !== String(ticket.version)) {
      throw new AppError(
        'VERSION_CONFLICT',
        `The ticket is at version ${ticket.version}, not ${ifMatch}; reload it and try again.`,
      );
    }
    await checkReferences(platform, principal, action, body);
    const command = {
      action,
      ...body,
      now: new Date().toISOString(),
      actor: {
        kind: 'staff',
        role: principal.role,
        unitId: principal.unitId ?? undefined,
        inScope: true,
        userId: principal.userId,
      },
    } as LifecycleCommand;
    const actor: Actor = { kind: 'staff', userId: principal.userId, role: principal.role };
    const updated = await runLifecycle(platform, ticket, command, actor, {
      verifyWithin: config.VERIFY_WITHIN,
    });
    res.setHeader('ETag', `"${updated.version}"`);
    res.json(staffTicketView(updated));
  });

  return router;
}

async function ticketInScope(
  platform: WorkflowPlatform,
  id: string,
  principal: ReturnType<typeof principalOf>,
): Promise<TicketDoc> {
  const ticket = await platform.tickets.findById(id);
  if (!ticket || !isInScope(principal, ticket))
    throw new AppError('NOT_FOUND', 'No such ticket in your scope.');
  return ticket;
}

/** What the pure rules cannot know: the named unit and ticket exist, photos are public URLs or stored photos. */
async function checkReferences(
  platform: WorkflowPlatform,
  principal: ReturnType<typeof principalOf>,
  action: StaffAction,
  body: Record<string, unknown>,
): Promise<void> {
  if (typeof body.unitId === 'string') {
    const unit = await platform.models.units.findById(body.unitId).lean().exec();
    if (!unit?.active)
      throw new AppError('VALIDATION_FAILED', 'Unknown unit.', {
        fields: [{ path: 'unitId', message: 'no such active unit' }],
      });
  }
  if (action === 'merge' && typeof body.intoTicketId === 'string') {
    const main = await platform.tickets.findById(body.intoTicketId);
    if (!main || !isInScope(principal, main)) {
      throw new AppError('VALIDATION_FAILED', 'The main ticket does not exist in your scope.', {
        fields: [{ path: 'intoTicketId', message: 'no such ticket in your scope' }],
      });
    }
    if (TERMINAL_STATUSES.includes(main.status)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The main ticket is ${main.status}; merge into an open ticket.`,
        {
          fields: [{ path: 'intoTicketId', message: `ticket is ${main.status}` }],
        },
      );
    }
  }
  if (Array.isArray(body.photos)) {
    const bad = (body.photos as unknown[]).findIndex((p) => typeof p !== 'string' || !isPhotoReference(p));
    if (bad >= 0) {
      throw new AppError('VALIDATION_FAILED', 'Photos must be public http(s) URLs or stored photo paths.', {
        fields: [{ path: `photos[${bad}]`, message: PHOTO_REFERENCE_RULE }],
      });
    }
    await assertStoredPhotosExist(platform.models.photos, body.photos as unknown[]);
  }
}
