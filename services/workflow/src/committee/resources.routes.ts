import { randomUUID } from 'node:crypto';
import { STAFF_ROLES } from '@grid-dispatch/auth';
import type { ResourceDoc } from '@grid-dispatch/db';
import { type FieldError, RESOURCE_KINDS } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf, requireStaff } from '@grid-dispatch/http';
import { type Request, Router } from 'express';
import { conflict, notFound, throwIfInvalid } from '../http/admin/admin.common';
import { ownUnitOnly } from '../http/own-unit-only';
import {
  type CommitteeContext,
  type Community,
  findCommunity,
  pathId,
  staffActor,
} from './committee-context';
import { listQuery, pageOf } from './committee-query';
import { resourceView } from './committee-views';
import { type ResourceBody, resourceBody } from './resources-bodies';
import { changedMeanwhile, checkIfMatch } from './version-check';

const SECRETARY_ROLES = STAFF_ROLES.filter((r) => r.endsWith('_secretary'));

/** The fields of a body as stored, and the problems only the data can show (422 naming the field). */
async function checkedResource(
  ctx: CommitteeContext,
  unitId: string,
  body: ResourceBody,
  current: ResourceDoc | null,
): Promise<{ community: Community; fields: Partial<ResourceDoc> }> {
  const problems: FieldError[] = [];
  const community = await findCommunity(ctx.platform, body.communityId, 'communityId');
  const unit = await ctx.platform.models.units.findById(unitId, { areaIds: 1 }).lean().exec();
  if (!unit?.areaIds.some((a) => community.areaIds.includes(a)))
    problems.push({ path: 'communityId', message: 'a community your unit serves' });
  if (body.availableTo && body.availableTo < body.availableFrom)
    problems.push({ path: 'availableTo', message: 'not before availableFrom' });
  const committed = current?.committed ?? 0;
  if (body.capacity < committed)
    problems.push({ path: 'capacity', message: `approved projects use ${committed} of it already` });
  if (current && committed > 0 && current.communityId !== body.communityId)
    problems.push({ path: 'communityId', message: 'approved projects use it in its community' });
  throwIfInvalid(problems);
  return {
    community,
    fields: {
      communityId: community.id,
      areaIds: community.areaIds,
      title: body.title,
      description: body.description,
      kind: body.kind,
      serves: [...new Set(body.serves)],
      capacity: body.capacity,
      availableFrom: body.availableFrom,
      availableTo: body.availableTo ?? null,
      openingHours: body.openingHours ?? null,
      location: body.location ?? null,
      contact: body.contact,
    },
  };
}

/**
 * A unit's own resources at /api/v1/units/{unitId}/resources: its staff (and the administrator)
 * list, offer, change (version-checked, If-Match) and withdraw them. Withdrawing keeps the record
 * (its events stay consistent) but takes it off every list; a resource approved projects still
 * use cannot be withdrawn (409).
 */
function unitResourcesRoutes(ctx: CommitteeContext): Router {
  const router = Router({ mergeParams: true });
  const resources = ctx.platform.models.resources;
  const unitOf = (req: Request) => String(req.params.unitId);
  const ownResource = async (req: Request) => {
    const id = pathId(req, 'id', 'resource');
    const found = await resources
      .findOne({ _id: id, unitId: unitOf(req), withdrawnAt: null })
      .lean<ResourceDoc>()
      .exec();
    if (!found) throw notFound('resource', id);
    return found;
  };

  router.get('/', async (req, res) => {
    const items = await resources
      .find({ unitId: unitOf(req), withdrawnAt: null })
      .sort({ _id: 1 })
      .limit(500)
      .lean<ResourceDoc[]>()
      .exec();
    res.json({ items: items.map(resourceView) });
  });

  router.post('/', async (req, res) => {
    const unitId = unitOf(req);
    if (!(await ctx.platform.models.units.exists({ _id: unitId }))) throw notFound('unit', unitId);
    const body = parseBody(resourceBody, req.body);
    const { fields } = await checkedResource(ctx, unitId, body, null);
    const created = await ctx.outbox.create<ResourceDoc>(
      'resource',
      { ...fields, _id: randomUUID(), unitId, committed: 0, withdrawnAt: null } as Omit<
        ResourceDoc,
        'version' | 'outbox' | 'outboxPending'
      >,
      {
        type: 'resource.changed',
        actor: staffActor(principalOf(req)),
        payload: { change: 'offered', unitId, kind: body.kind, capacity: body.capacity, committed: 0 },
      },
    );
    res.setHeader('ETag', `"${created.version}"`);
    res.status(201).json(resourceView(created));
  });

  router.get('/:id', async (req, res) => {
    const found = await ownResource(req);
    res.setHeader('ETag', `"${found.version}"`);
    res.json(resourceView(found));
  });

  router.put('/:id', async (req, res) => {
    const current = await ownResource(req);
    const body = parseBody(resourceBody, req.body);
    checkIfMatch(req, current.version, 'resource');
    const { fields } = await checkedResource(ctx, current.unitId, body, current);
    const updated = await ctx.outbox.update<ResourceDoc>('resource', current, fields, {
      type: 'resource.changed',
      actor: staffActor(principalOf(req)),
      payload: {
        change: 'updated',
        unitId: current.unitId,
        kind: body.kind,
        capacity: body.capacity,
        committed: current.committed,
      },
    });
    if (!updated) throw changedMeanwhile('resource');
    res.setHeader('ETag', `"${updated.version}"`);
    res.json(resourceView(updated));
  });

  router.delete('/:id', async (req, res) => {
    const current = await ownResource(req);
    checkIfMatch(req, current.version, 'resource');
    if (current.committed > 0)
      throw conflict(
        `Approved projects still use ${current.committed} of this resource; it stays until they are delivered.`,
      );
    const updated = await ctx.outbox.update<ResourceDoc>(
      'resource',
      current,
      { withdrawnAt: new Date() },
      {
        type: 'resource.changed',
        actor: staffActor(principalOf(req)),
        payload: {
          change: 'withdrawn',
          unitId: current.unitId,
          kind: current.kind,
          capacity: 0,
          committed: 0,
        },
      },
    );
    if (!updated) throw changedMeanwhile('resource');
    res.status(204).end();
  });
  return router;
}

/**
 * /api/v1/units/{unitId}/resources for that unit's staff and the administrator (anyone else is
 * told there is nothing there), and /api/v1/resources: the resources of the committees in a
 * secretary's area, filtered by community, unit or kind.
 */
export function resourcesRouter(ctx: CommitteeContext): Router {
  const { platform, config } = ctx;
  const router = Router();
  const auth = { secret: config.AUTH_SECRET, sessions: platform.sessions };

  router.get('/resources', requireStaff(auth, SECRETARY_ROLES), async (req, res) => {
    const principal = principalOf(req);
    const { filter, limit } = listQuery(req.query, { communityId: null, unitId: null, kind: RESOURCE_KINDS });
    if (!principal.areaId) throw new AppError('NOT_FOUND', 'No resources in your scope.');
    const docs = await platform.models.resources
      .find({ ...filter, areaIds: principal.areaId, withdrawnAt: null })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<ResourceDoc[]>()
      .exec();
    res.json(pageOf(docs, limit, resourceView));
  });

  router.use(
    '/units/:unitId/resources',
    requireStaff(auth, STAFF_ROLES),
    ownUnitOnly,
    unitResourcesRoutes(ctx),
  );
  return router;
}
