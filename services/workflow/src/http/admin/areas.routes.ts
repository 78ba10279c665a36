import { randomUUID } from 'node:crypto';
import { type AreaDoc, areaJson, boundaryJson } from '@grid-dispatch/db';
import {
  AREA_LEVELS,
  type AreaLevel,
  type FieldError,
  type GeoJsonPolygon,
  OPEN_STATUSES,
  validatePolygon,
  validParentLevel,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import { type AdminContext, conflict, listPage, notFound, throwIfInvalid, uniquely } from './admin.common';
import { areaBody, areaUpdateBody } from './admin.schemas';

/** An area as the admin API answers it: the public shape plus its timestamps. */
export function areaView(doc: AreaDoc) {
  return { ...areaJson(doc), createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

/**
 * The area hierarchy and grid boundaries: /api/v1/admin/areas. Point-in-polygon runs in code over
 * every stored grid for each report, so a grid written here routes the very next report.
 */
export function areasRouter({ platform, announce }: AdminContext): Router {
  const router = Router();
  const { areas } = platform.models;

  router.get('/', async (req, res) => {
    res.json(await listPage(areas, req.query, ['level', 'parentId'], areaView));
  });

  router.get('/:id', async (req, res) => {
    res.json(areaView(await findArea(platform, req.params.id)));
  });

  router.post('/', async (req, res) => {
    const body = parseBody(areaBody, req.body);
    const boundary = checkedBoundary(body.boundary);
    const parentId = body.parentId ?? null;
    await checkPlacement(platform, body.level, parentId, boundary, null);
    const dutyUnitId = await checkedDutyDesk(platform, body.level, body.dutyUnitId ?? null);
    const id = body.id ?? randomUUID();
    const created = await uniquely(
      () =>
        areas.create({
          _id: id,
          name: body.name,
          level: body.level,
          parentId,
          boundaryJson: boundaryJson(boundary),
          dutyUnitId,
        }),
      `An area with id "${id}" already exists.`,
    );
    await announce('area', id, 'created');
    res.status(201).json(areaView(created.toObject()));
  });

  router.put('/:id', async (req, res) => {
    const id = req.params.id;
    const current = await findArea(platform, id);
    const body = parseBody(areaUpdateBody, req.body);
    const boundary = checkedBoundary(body.boundary);
    const parentId = body.parentId ?? null;
    await checkPlacement(platform, body.level, parentId, boundary, id);
    // Omitted keeps the duty desk (an edit of the name must not take the district off duty).
    const dutyUnitId = await checkedDutyDesk(
      platform,
      body.level,
      body.dutyUnitId === undefined ? (current.dutyUnitId ?? null) : body.dutyUnitId,
    );
    if (body.level !== current.level) {
      // Children and secretaries were placed against the old level; moving it would orphan them.
      const uses = await areaUses(platform, id, ['children', 'secretaries']);
      if (uses.length > 0)
        throw conflict(`Area "${id}" cannot change level while it has ${uses.join('; ')}.`);
    }
    // Field by field, never the body itself: nothing but checked values reaches the database.
    await areas.updateOne(
      { _id: id },
      {
        $set: {
          name: body.name,
          level: body.level,
          parentId,
          boundaryJson: boundaryJson(boundary),
          dutyUnitId,
        },
      },
    );
    await announce('area', id, 'updated');
    res.json(areaView(await findArea(platform, id)));
  });

  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    await findArea(platform, id);
    // Check-then-delete is not atomic on FerretDB; admin edits are rare and made by few people.
    const uses = await areaUses(platform, id, ['children', 'lines', 'units', 'secretaries', 'tickets']);
    if (uses.length > 0) throw conflict(`Area "${id}" is still used by ${uses.join('; ')}.`);
    await areas.deleteOne({ _id: id });
    await announce('area', id, 'deleted');
    res.status(204).end();
  });

  return router;
}

async function findArea(platform: WorkflowPlatform, id: string): Promise<AreaDoc> {
  const doc = await platform.models.areas.findById(id).lean<AreaDoc>().exec();
  if (!doc) throw notFound('area', id);
  return doc;
}

/** `boundary` as a clean polygon, `null` when absent; a bad one is a malformed request (400). */
function checkedBoundary(value: unknown): GeoJsonPolygon | null {
  if (value === undefined || value === null) return null;
  const check = validatePolygon(value, 'boundary');
  if (check.ok) return check.polygon;
  throw new AppError('MALFORMED_REQUEST', `Invalid boundary: ${check.errors.map((e) => e.path).join(', ')}`, {
    fields: check.errors,
  });
}

/**
 * A district's duty desk: an active unit, or none yet (the district then takes only reports the
 * responsibility list covers; intake refuses the rest). Other levels have none. 422 naming it.
 */
async function checkedDutyDesk(
  platform: WorkflowPlatform,
  level: AreaLevel,
  dutyUnitId: string | null,
): Promise<string | null> {
  if (dutyUnitId === null) return null;
  if (level !== 'district')
    throwIfInvalid([{ path: 'dutyUnitId', message: 'only a district has a duty desk' }]);
  const unit = await platform.models.units.findById(dutyUnitId, { active: 1 }).lean().exec();
  if (!unit) throwIfInvalid([{ path: 'dutyUnitId', message: 'no such unit' }]);
  else if (!unit.active) throwIfInvalid([{ path: 'dutyUnitId', message: 'the unit is deactivated' }]);
  return dutyUnitId;
}

/** Each level hangs directly under the one above it; grids need a boundary. 422 naming the field. */
async function checkPlacement(
  platform: WorkflowPlatform,
  level: AreaLevel,
  parentId: string | null,
  boundary: GeoJsonPolygon | null,
  selfId: string | null,
): Promise<void> {
  const problems: FieldError[] = [];
  if (level === 'grid' && !boundary)
    problems.push({ path: 'boundary', message: 'a grid must have a boundary' });
  const expected = AREA_LEVELS[AREA_LEVELS.indexOf(level) - 1] ?? null;
  if (parentId === null) {
    if (expected !== null)
      problems.push({ path: 'parentId', message: `a ${level} needs a parent ${expected}` });
  } else if (expected === null) {
    problems.push({ path: 'parentId', message: 'a district has no parent' });
  } else if (parentId === selfId) {
    problems.push({ path: 'parentId', message: 'an area cannot be its own parent' });
  } else {
    const parent = await platform.models.areas.findById(parentId).lean<AreaDoc>().exec();
    if (!parent) problems.push({ path: 'parentId', message: 'no such area' });
    else if (!validParentLevel(level, parent.level)) {
      problems.push({
        path: 'parentId',
        message: `a ${level} belongs under a ${expected}, not a ${parent.level}`,
      });
    }
  }
  throwIfInvalid(problems);
}

type AreaUse = 'children' | 'lines' | 'units' | 'secretaries' | 'tickets';

/** What still refers to an area, in words for a 409 message ("child areas: a, b"). */
async function areaUses(
  platform: WorkflowPlatform,
  id: string,
  kinds: readonly AreaUse[],
): Promise<string[]> {
  const { areas, responsibilities, units, users, tickets } = platform.models;
  const ids = async (query: { exec(): Promise<Array<{ _id: string }>> }) =>
    (await query.exec()).map((d) => d._id);
  const found: Array<[string, Promise<string[]>]> = [];
  const few = 6;
  if (kinds.includes('children'))
    found.push(['child areas', ids(areas.find({ parentId: id }, { _id: 1 }).limit(few).lean())]);
  if (kinds.includes('lines'))
    found.push([
      'responsibility lines',
      ids(responsibilities.find({ areaId: id }, { _id: 1 }).limit(few).lean()),
    ]);
  if (kinds.includes('units'))
    found.push(['units serving it', ids(units.find({ areaIds: id }, { _id: 1 }).limit(few).lean())]);
  if (kinds.includes('secretaries'))
    found.push(['secretaries', ids(users.find({ areaId: id, active: true }, { _id: 1 }).limit(few).lean())]);
  if (kinds.includes('tickets'))
    found.push([
      'open tickets',
      ids(
        tickets
          .find({ areaIds: id, status: { $in: OPEN_STATUSES } }, { _id: 1 })
          .limit(few)
          .lean(),
      ),
    ]);
  const lists = await Promise.all(found.map(([, pending]) => pending));
  return found.flatMap(([label], i) => {
    const list = lists[i]!;
    if (list.length === 0) return [];
    return [`${label}: ${list.slice(0, few - 1).join(', ')}${list.length >= few ? ', …' : ''}`];
  });
}
