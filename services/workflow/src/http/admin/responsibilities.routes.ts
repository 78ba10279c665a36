import { randomUUID } from 'node:crypto';
import type { ResponsibilityDoc } from '@grid-dispatch/db';
import type { FieldError } from '@grid-dispatch/domain';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import { type AdminContext, conflict, listPage, notFound, throwIfInvalid, uniquely } from './admin.common';
import { responsibilityBody, responsibilityUpdateBody } from './admin.schemas';

export function responsibilityView(doc: ResponsibilityDoc) {
  return {
    id: doc._id,
    category: doc.category,
    areaId: doc.areaId,
    leadUnitId: doc.leadUnitId,
    assistUnitIds: doc.assistUnitIds,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

interface LineFields {
  category: string;
  areaId: string;
  leadUnitId: string;
  assistUnitIds?: string[] | undefined;
}

/**
 * The responsibility list (责任清单): /api/v1/admin/responsibilities. The dispatcher reads the
 * lines of a report's category from the database for every report, so a line written here routes
 * the very next one. One line per (category, area): the unique index answers a duplicate with 409
 * even when two administrators race.
 */
export function responsibilitiesRouter({ platform, announce }: AdminContext): Router {
  const router = Router();
  const { responsibilities } = platform.models;
  const duplicate = (b: LineFields, existingId = '') =>
    `A responsibility line for category "${b.category}" in area "${b.areaId}" already exists${existingId ? ` (${existingId})` : ''}; change that one instead.`;
  // Asked first for a message naming the line; the unique index still decides when two writes race.
  const refuseDuplicate = async (b: LineFields, selfId: string | null) => {
    const other = await responsibilities
      .findOne({ category: b.category, areaId: b.areaId }, { _id: 1 })
      .lean()
      .exec();
    if (other && other._id !== selfId) throw conflict(duplicate(b, other._id));
  };

  router.get('/', async (req, res) => {
    res.json(
      await listPage(responsibilities, req.query, ['category', 'areaId', 'leadUnitId'], responsibilityView),
    );
  });

  router.get('/:id', async (req, res) => {
    res.json(responsibilityView(await findLine(platform, req.params.id)));
  });

  router.post('/', async (req, res) => {
    const body = parseBody(responsibilityBody, req.body);
    const assistUnitIds = await checkedLine(platform, body);
    await refuseDuplicate(body, null);
    const id = body.id ?? randomUUID();
    if (body.id && (await responsibilities.exists({ _id: id }).exec())) {
      throw conflict(`A responsibility line with id "${id}" already exists.`);
    }
    const created = await uniquely(
      () =>
        responsibilities.create({
          _id: id,
          category: body.category,
          areaId: body.areaId,
          leadUnitId: body.leadUnitId,
          assistUnitIds,
        }),
      duplicate(body),
    );
    await announce('responsibility', id, 'created');
    res.status(201).json(responsibilityView(created.toObject()));
  });

  router.put('/:id', async (req, res) => {
    const id = req.params.id;
    await findLine(platform, id);
    const body = parseBody(responsibilityUpdateBody, req.body);
    const assistUnitIds = await checkedLine(platform, body);
    await refuseDuplicate(body, id);
    await uniquely(
      () =>
        responsibilities.updateOne(
          { _id: id },
          {
            $set: {
              category: body.category,
              areaId: body.areaId,
              leadUnitId: body.leadUnitId,
              assistUnitIds,
            },
          },
        ),
      duplicate(body),
    );
    await announce('responsibility', id, 'updated');
    res.json(responsibilityView(await findLine(platform, id)));
  });

  // A line is configuration, not history (tickets record the unit they were given), so it really goes.
  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    await findLine(platform, id);
    await responsibilities.deleteOne({ _id: id });
    await announce('responsibility', id, 'deleted');
    res.status(204).end();
  });

  return router;
}

async function findLine(platform: WorkflowPlatform, id: string): Promise<ResponsibilityDoc> {
  const doc = await platform.models.responsibilities.findById(id).lean<ResponsibilityDoc>().exec();
  if (!doc) throw notFound('responsibility line', id);
  return doc;
}

/**
 * The category, area and units must exist (units active: a line to a deactivated unit would send
 * reports to nobody); assisting units are deduplicated and must not repeat the lead. 422 naming
 * the field. Returns the assisting units to store.
 */
async function checkedLine(platform: WorkflowPlatform, body: LineFields): Promise<string[]> {
  const { categories, areas, units } = platform.models;
  const assist = body.assistUnitIds ?? [];
  const unit = (id: string) => units.findById(id, { active: 1 }).lean<{ active: boolean }>().exec();
  const [category, area, lead, helpers] = await Promise.all([
    categories.exists({ _id: body.category }).exec(),
    areas.exists({ _id: body.areaId }).exec(),
    unit(body.leadUnitId),
    Promise.all(assist.map(unit)),
  ]);
  const problems: FieldError[] = [];
  if (!category) problems.push({ path: 'category', message: 'no such category' });
  if (!area) problems.push({ path: 'areaId', message: 'no such area' });
  if (!lead) problems.push({ path: 'leadUnitId', message: 'no such unit' });
  else if (!lead.active) problems.push({ path: 'leadUnitId', message: 'the unit is deactivated' });
  assist.forEach((id, i) => {
    const path = `assistUnitIds[${i}]`;
    const helper = helpers[i];
    if (id === body.leadUnitId)
      problems.push({ path, message: 'is the lead unit; a unit cannot assist itself' });
    else if (!helper) problems.push({ path, message: 'no such unit' });
    else if (!helper.active) problems.push({ path, message: 'the unit is deactivated' });
  });
  throwIfInvalid(problems);
  return [...new Set(assist)];
}
