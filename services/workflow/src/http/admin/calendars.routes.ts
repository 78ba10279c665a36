import { type CalendarDoc, calendarDefinitionOf } from '@grid-dispatch/db';
import { DISTRICT_CALENDAR_ID, validateCalendarDefinition } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import { type AdminContext, conflict, invalid, listPage, notFound } from './admin.common';
import { calendarBody, idSlug } from './admin.schemas';

export function calendarView(doc: CalendarDoc) {
  return {
    ...calendarDefinitionOf(doc),
    // One district, one calendar: every deadline runs on cn-default.
    inUse: doc._id === DISTRICT_CALENDAR_ID,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/**
 * Working calendars: /api/v1/admin/calendars. PUT by id replaces the whole calendar (201 when
 * new). A change applies to the next deadline computed, in every replica: this process drops its
 * cached copy at once and the others on the `reference-data` announcement. Deadlines already set
 * keep their instants; they are not recomputed.
 */
export function calendarsRouter({ platform, announce }: AdminContext): Router {
  const router = Router();
  const { calendars } = platform.models;

  router.get('/', async (req, res) => {
    res.json(await listPage(calendars, req.query, [], calendarView));
  });

  router.get('/:id', async (req, res) => {
    res.json(calendarView(await findCalendar(platform, req.params.id)));
  });

  router.put('/:id', async (req, res) => {
    const id = req.params.id;
    if (!idSlug.safeParse(id).success) throw invalid('id', 'use 2–63 lower-case letters, digits and dashes');
    const body = parseBody(calendarBody, req.body);
    if (body.id !== undefined && body.id !== id)
      throw invalid('id', `must be "${id}" as in the path, or left out`);
    const checked = validateCalendarDefinition({ ...body, id });
    if (!checked.ok) {
      throw new AppError(
        'VALIDATION_FAILED',
        checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        {
          fields: checked.errors,
        },
      );
    }
    const { id: _id, ...definition } = checked.definition;
    const existing = await calendars.exists({ _id: id });
    await calendars.updateOne({ _id: id }, { $set: definition }, { upsert: true });
    platform.calendars.invalidate(id);
    await announce('calendar', id, existing ? 'updated' : 'created');
    res.status(existing ? 200 : 201).json(calendarView(await findCalendar(platform, id)));
  });

  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    await findCalendar(platform, id);
    if (id === DISTRICT_CALENDAR_ID) {
      throw conflict(`Calendar "${id}" is in use: every deadline of the district runs on it.`);
    }
    await calendars.deleteOne({ _id: id });
    platform.calendars.invalidate(id);
    await announce('calendar', id, 'deleted');
    res.status(204).end();
  });

  return router;
}

async function findCalendar(platform: WorkflowPlatform, id: string): Promise<CalendarDoc> {
  const doc = await platform.models.calendars.findById(id).lean<CalendarDoc>().exec();
  if (!doc) throw notFound('calendar', id);
  return doc;
}
