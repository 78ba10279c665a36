import { randomUUID } from 'node:crypto';
import { STAFF_ROLES } from '@grid-dispatch/auth';
import { type PlannedWorksEndJobData, QueueName } from '@grid-dispatch/contracts';
import { areaBoundary, type PlannedWorksDoc } from '@grid-dispatch/db';
import { type FieldError, type GeoJsonPolygon, validatePolygon } from '@grid-dispatch/domain';
import { parseBody, principalOf, requireStaff } from '@grid-dispatch/http';
import { createQueue, scheduleWorksEnd, scheduleWorksStop } from '@grid-dispatch/queue';
import type { Queue } from 'bullmq';
import { type Request, Router } from 'express';
import type { WorkflowConfig } from '../../config';
import type { WorkflowPlatform } from '../../workflow-platform';
import { conflict, notFound, throwIfInvalid } from '../admin/admin.common';
import { ownUnitOnly } from '../own-unit-only';
import { type PlannedWorksCreateBody, plannedWorksCreateBody } from './planned-works-bodies';

type UnitNames = Map<string, { zh: string; en: string }>;

async function unitNames(platform: WorkflowPlatform, unitIds: string[]): Promise<UnitNames> {
  const units = await platform.models.units
    .find({ _id: { $in: [...new Set(unitIds)] } }, { name: 1 })
    .lean()
    .exec();
  return new Map(units.map((u) => [u._id, { zh: u.name.zh, en: u.name.en }]));
}

function worksView(doc: PlannedWorksDoc, names: UnitNames) {
  return {
    id: doc._id,
    unitId: doc.unitId,
    unitName: names.get(doc.unitId) ?? { zh: doc.unitId, en: doc.unitId },
    categories: doc.categories,
    gridIds: doc.gridIds,
    polygon: doc.polygon,
    startsAt: new Date(doc.startsAt).toISOString(),
    endsAt: new Date(doc.endsAt).toISOString(),
    notice: { zh: doc.notice.zh, en: doc.notice.en },
  };
}

/** One announcement as its unit's staff see it. */
export function plannedWorksView(doc: PlannedWorksDoc, names: UnitNames, heldReports: number) {
  return {
    ...worksView(doc, names),
    state: doc.state,
    stoppedAt: doc.stoppedAt ? new Date(doc.stoppedAt).toISOString() : null,
    heldReports,
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

/** One announcement as anyone sees it: the unit's public name, where, when, the notice; nobody's data. */
export function publicPlannedWorksView(
  doc: PlannedWorksDoc,
  names: UnitNames,
  gridBoundaries: Map<string, GeoJsonPolygon>,
  now: Date,
) {
  const areas = doc.polygon
    ? [doc.polygon]
    : doc.gridIds.flatMap((id) => {
        const boundary = gridBoundaries.get(id);
        return boundary ? [boundary] : [];
      });
  return { ...worksView(doc, names), running: new Date(doc.startsAt) <= now, areas };
}

/** Every problem with a create body the schema cannot see: the ids, the polygon, the times. */
async function checkCreate(platform: WorkflowPlatform, body: PlannedWorksCreateBody, now: Date) {
  const fields: FieldError[] = [];
  const known = await platform.models.categories
    .find({ _id: { $in: body.categories } }, { _id: 1 })
    .lean()
    .exec();
  const knownIds = new Set(known.map((c) => c._id));
  body.categories.forEach((id, i) => {
    if (!knownIds.has(id)) fields.push({ path: `categories[${i}]`, message: `unknown category "${id}"` });
  });
  if ((body.gridIds === undefined) === (body.polygon === undefined)) {
    fields.push({ path: 'gridIds', message: 'give either gridIds or polygon (one of the two)' });
  }
  if (body.gridIds) {
    const grids = await platform.models.areas
      .find({ _id: { $in: body.gridIds }, level: 'grid' }, { _id: 1 })
      .lean()
      .exec();
    const gridIds = new Set(grids.map((g) => g._id));
    body.gridIds.forEach((id, i) => {
      if (!gridIds.has(id)) fields.push({ path: `gridIds[${i}]`, message: `no grid "${id}"` });
    });
  }
  let polygon: GeoJsonPolygon | null = null;
  if (body.polygon) {
    const checked = validatePolygon(body.polygon, 'polygon');
    if (checked.ok) polygon = checked.polygon;
    else fields.push(...checked.errors);
  }
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (endsAt <= startsAt) fields.push({ path: 'endsAt', message: 'must be later than startsAt' });
  else if (endsAt <= now) fields.push({ path: 'endsAt', message: 'must be in the future' });
  throwIfInvalid(fields);
  return { polygon, startsAt, endsAt };
}

/**
 * Planned works of one unit, at /api/v1/units/{unitId}/planned-works: its staff (and the
 * administrator) announce, list, end early and cancel them. Ending or cancelling releases the
 * reports held by them to the dispatcher at once (a job the dispatcher's worker runs); otherwise
 * they are released at `endsAt` by a delayed job scheduled here.
 */
function unitPlannedWorksRoutes(platform: WorkflowPlatform, queue: Queue<PlannedWorksEndJobData>) {
  const router = Router({ mergeParams: true });
  const model = platform.models.plannedWorks;
  const unitOf = (req: Request) => String(req.params.unitId);

  const heldCounts = async (ids: string[]) => {
    const counts = await Promise.all(
      ids.map((id) =>
        platform.models.tickets
          .countDocuments({ plannedWorksId: id, status: 'submitted', plannedWorksReleasedAt: null })
          .exec(),
      ),
    );
    return new Map(ids.map((id, i) => [id, counts[i] ?? 0]));
  };

  router.get('/', async (req, res) => {
    const items = await model
      .find({ unitId: unitOf(req) })
      .sort({ startsAt: -1 })
      .limit(200)
      .lean<PlannedWorksDoc[]>()
      .exec();
    const [names, held] = await Promise.all([
      unitNames(platform, [unitOf(req)]),
      heldCounts(items.map((w) => w._id)),
    ]);
    res.json({ items: items.map((w) => plannedWorksView(w, names, held.get(w._id) ?? 0)) });
  });

  // Intake keeps the running works in memory until the reference stamp moves (at most 60 s).
  const announced = () =>
    platform.referenceStamp
      .bump()
      .catch((err) => platform.logger.warn({ err }, 'reference stamp not moved after planned works changed'));

  router.post('/', async (req, res) => {
    const unitId = unitOf(req);
    if (!(await platform.models.units.exists({ _id: unitId }))) throw notFound('unit', unitId);
    const body = parseBody(plannedWorksCreateBody, req.body);
    const { polygon, startsAt, endsAt } = await checkCreate(platform, body, new Date());
    const created = await model.create({
      _id: randomUUID(),
      unitId,
      categories: [...new Set(body.categories)],
      polygon,
      gridIds: body.gridIds ? [...new Set(body.gridIds)] : [],
      startsAt,
      endsAt,
      notice: body.notice,
      state: 'active',
      stoppedAt: null,
      releasedAt: null,
      createdBy: principalOf(req).userId,
    });
    await scheduleWorksEnd(queue, { id: created._id, endsAt });
    await announced();
    res.status(201).json(plannedWorksView(created.toObject(), await unitNames(platform, [unitId]), 0));
  });

  const stop = (state: 'ended' | 'cancelled') => async (req: Request, res: import('express').Response) => {
    const id = String(req.params.id);
    const found = await model
      .findOne({ _id: id, unitId: unitOf(req) })
      .lean<PlannedWorksDoc>()
      .exec();
    if (!found) throw notFound('planned works', id);
    const now = new Date();
    if (found.state !== 'active' || new Date(found.endsAt) <= now) {
      throw conflict(
        `These planned works are over already (${found.state === 'active' ? 'ended' : found.state}).`,
      );
    }
    const updated = await model
      .findOneAndUpdate(
        { _id: id, state: 'active' },
        { $set: { state, stoppedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<PlannedWorksDoc>()
      .exec();
    if (!updated) throw conflict('These planned works were ended or cancelled a moment ago.');
    await scheduleWorksStop(queue, id);
    await announced();
    const held = await heldCounts([id]);
    res.json(plannedWorksView(updated, await unitNames(platform, [updated.unitId]), held.get(id) ?? 0));
  };
  router.post('/:id/end', stop('ended'));
  router.post('/:id/cancel', stop('cancelled'));
  return router;
}

/**
 * /api/v1/units/{unitId}/planned-works for that unit's staff and the administrator (anyone else
 * is told there is nothing there), and the public /api/v1/planned-works/current for the maps.
 */
export function plannedWorksRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  const queue = createQueue(QueueName.PlannedWorksEnds, {
    connection: platform.redis,
    prefix: config.QUEUE_PREFIX,
    logger: platform.logger,
  });
  platform.db.once('close', () => void queue.close().catch(() => undefined));
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, STAFF_ROLES);

  router.get('/planned-works/current', async (_req, res) => {
    const now = new Date();
    const items = await platform.models.plannedWorks
      .find({ state: 'active', endsAt: { $gt: now } })
      .sort({ startsAt: 1 })
      .limit(200)
      .lean<PlannedWorksDoc[]>()
      .exec();
    const gridIds = [...new Set(items.flatMap((w) => w.gridIds))];
    const grids = gridIds.length
      ? await platform.models.areas
          .find({ _id: { $in: gridIds } }, { boundaryJson: 1 })
          .lean()
          .exec()
      : [];
    const boundaries = new Map(
      grids.flatMap((g) => {
        const boundary = areaBoundary(g);
        return boundary ? [[g._id, boundary] as const] : [];
      }),
    );
    const names = await unitNames(
      platform,
      items.map((w) => w.unitId),
    );
    res.json({ items: items.map((w) => publicPlannedWorksView(w, names, boundaries, now)) });
  });

  router.use('/units/:unitId/planned-works', staff, ownUnitOnly, unitPlannedWorksRoutes(platform, queue));
  return router;
}
