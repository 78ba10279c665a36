import type { CategoryDoc } from '@grid-dispatch/db';
import { defaultClockFor, type FieldError, parseIsoDuration } from '@grid-dispatch/domain';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import { type AdminContext, invalid, listPage, notFound, throwIfInvalid } from './admin.common';
import { categoryBody, categoryCode } from './admin.schemas';

export function categoryView(doc: CategoryDoc) {
  return {
    code: doc._id,
    name: doc.name,
    description: doc.description,
    priority: doc.priority,
    ackWithin: doc.ackWithin,
    resolveWithin: doc.resolveWithin,
    calendar: doc.calendar,
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/**
 * Categories and their time limits: /api/v1/admin/categories. PUT by code is an upsert (201 when
 * new). Intake and the dispatcher read the category for every report, so new limits apply to the
 * next report; tickets already running keep the deadlines they were given. DELETE deactivates: the
 * category leaves the residents' picker, while existing tickets and KPIs keep its name.
 */
export function categoriesRouter({ platform, announce }: AdminContext): Router {
  const router = Router();
  const { categories } = platform.models;

  // Inactive ones too: the public list hides them, the administrator must see them to revive them.
  router.get('/', async (req, res) => {
    res.json(await listPage(categories, req.query, ['priority'], categoryView));
  });

  router.get('/:code', async (req, res) => {
    res.json(categoryView(await findCategory(platform, req.params.code)));
  });

  router.put('/:code', async (req, res) => {
    const code = req.params.code;
    if (!categoryCode.test(code)) {
      throw invalid('code', 'use 2–41 characters: a lower-case letter, then lower-case letters, digits or _');
    }
    const body = parseBody(categoryBody, req.body);
    throwIfInvalid([
      ...durationProblems('ackWithin', body.ackWithin),
      ...durationProblems('resolveWithin', body.resolveWithin),
    ]);
    const existing = await categories.findById(code).lean<CategoryDoc>().exec();
    await categories.updateOne(
      { _id: code },
      {
        $set: {
          name: body.name,
          // The model requires one; a new category without it shows its name in the picker.
          description: body.description ?? existing?.description ?? body.name,
          priority: body.priority,
          ackWithin: body.ackWithin,
          resolveWithin: body.resolveWithin,
          calendar: body.calendar ?? defaultClockFor(body.priority),
          active: body.active,
        },
      },
      { upsert: true },
    );
    await announce('category', code, existing ? 'updated' : 'created');
    res.status(existing ? 200 : 201).json(categoryView(await findCategory(platform, code)));
  });

  router.delete('/:code', async (req, res) => {
    const code = req.params.code;
    await findCategory(platform, code);
    await categories.updateOne({ _id: code }, { $set: { active: false } });
    await announce('category', code, 'deleted');
    res.json(categoryView(await findCategory(platform, code)));
  });

  return router;
}

async function findCategory(platform: WorkflowPlatform, code: string): Promise<CategoryDoc> {
  const doc = await platform.models.categories.findById(code).lean<CategoryDoc>().exec();
  if (!doc) throw notFound('category', code);
  return doc;
}

/** An ISO-8601 duration without years or months, longer than zero; else why not. */
function durationProblems(path: string, value: string): FieldError[] {
  try {
    if (parseIsoDuration(value) > 0) return [];
    return [{ path, message: 'must be longer than zero' }];
  } catch (error) {
    return [{ path, message: error instanceof Error ? error.message : 'not an ISO-8601 duration' }];
  }
}
