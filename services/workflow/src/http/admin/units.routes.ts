import { randomUUID } from 'node:crypto';
import type { UnitDoc } from '@grid-dispatch/db';
import { OPEN_STATUSES } from '@grid-dispatch/domain';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import { type AdminContext, conflict, listPage, notFound, throwIfInvalid, uniquely } from './admin.common';
import { unitBody, unitUpdateBody } from './admin.schemas';

export function unitView(doc: UnitDoc) {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    areaIds: doc.areaIds,
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/**
 * Member units of the joint committees: /api/v1/admin/units. A unit is never removed outright:
 * closed tickets and KPIs keep naming it, so DELETE deactivates, and only once no responsibility
 * line or open ticket needs it (otherwise reports would keep landing on a desk nobody watches).
 */
export function unitsRouter({ platform, announce }: AdminContext): Router {
  const router = Router();
  const { units } = platform.models;

  router.get('/', async (req, res) => {
    res.json(await listPage(units, req.query, ['kind'], unitView));
  });

  router.get('/:id', async (req, res) => {
    res.json(unitView(await findUnit(platform, req.params.id)));
  });

  router.post('/', async (req, res) => {
    const body = parseBody(unitBody, req.body);
    const areaIds = await checkedAreas(platform, body.areaIds);
    const id = body.id ?? randomUUID();
    const created = await uniquely(
      () => units.create({ _id: id, name: body.name, kind: body.kind, areaIds, active: body.active ?? true }),
      `A unit with id "${id}" already exists.`,
    );
    await announce('unit', id, 'created');
    res.status(201).json(unitView(created.toObject()));
  });

  router.put('/:id', async (req, res) => {
    const id = req.params.id;
    const current = await findUnit(platform, id);
    const body = parseBody(unitUpdateBody, req.body);
    const areaIds = await checkedAreas(platform, body.areaIds);
    const active = body.active ?? current.active;
    if (current.active && !active) await refuseWhileNeeded(platform, id);
    await units.updateOne({ _id: id }, { $set: { name: body.name, kind: body.kind, areaIds, active } });
    await announce('unit', id, 'updated');
    res.json(unitView(await findUnit(platform, id)));
  });

  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    await findUnit(platform, id);
    await refuseWhileNeeded(platform, id);
    await units.updateOne({ _id: id }, { $set: { active: false } });
    await announce('unit', id, 'deleted');
    res.json(unitView(await findUnit(platform, id)));
  });

  return router;
}

async function findUnit(platform: WorkflowPlatform, id: string): Promise<UnitDoc> {
  const doc = await platform.models.units.findById(id).lean<UnitDoc>().exec();
  if (!doc) throw notFound('unit', id);
  return doc;
}

/** The served areas, deduplicated; each must exist (422 naming `areaIds[i]`). */
async function checkedAreas(platform: WorkflowPlatform, areaIds: string[]): Promise<string[]> {
  const unique = [...new Set(areaIds)];
  const found = await Promise.all(unique.map((id) => platform.models.areas.exists({ _id: id }).exec()));
  throwIfInvalid(
    unique.flatMap((id, i) =>
      found[i] ? [] : [{ path: `areaIds[${areaIds.indexOf(id)}]`, message: `no area "${id}"` }],
    ),
  );
  return unique;
}

/** 409 while a district's duty desk, a responsibility line or an open ticket names the unit, saying which. */
async function refuseWhileNeeded(platform: WorkflowPlatform, id: string): Promise<void> {
  const { responsibilities, tickets, areas } = platform.models;
  const [desks, lines, open] = await Promise.all([
    areas.find({ dutyUnitId: id }, { _id: 1 }).limit(6).lean().exec(),
    responsibilities
      .find({ $or: [{ leadUnitId: id }, { assistUnitIds: id }] }, { _id: 1 })
      .limit(6)
      .lean()
      .exec(),
    tickets
      .find({ $or: [{ unitId: id }, { assistUnitIds: id }], status: { $in: OPEN_STATUSES } }, { _id: 1 })
      .limit(6)
      .lean()
      .exec(),
  ]);
  const uses: string[] = [];
  const few = (list: Array<{ _id: string }>) =>
    `${list
      .slice(0, 5)
      .map((d) => d._id)
      .join(', ')}${list.length > 5 ? ', …' : ''}`;
  if (desks.length > 0) uses.push(`the duty desk of ${few(desks)}`);
  if (lines.length > 0) uses.push(`responsibility lines: ${few(lines)}`);
  if (open.length > 0) uses.push(`open tickets: ${few(open)}`);
  if (uses.length > 0) {
    throw conflict(
      `Unit "${id}" is still needed by ${uses.join('; ')}. Give those districts another duty desk, move those lines to another unit and let the tickets be re-routed or closed first.`,
    );
  }
}
