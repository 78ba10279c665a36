import { areaJson, type Models } from '@grid-dispatch/db';
import { Router } from 'express';

/** Reference data residents need without logging in: categories and areas (README.md#the-api). */
export function referenceRouter(models: Models): Router {
  const router = Router();

  router.get('/categories', async (_req, res) => {
    const categories = await models.categories
      .find({ active: true })
      .sort({ priority: 1, _id: 1 })
      .lean()
      .exec();
    res.json(
      categories.map((c) => ({
        code: c._id,
        name: c.name,
        description: c.description,
        priority: c.priority,
        ackWithin: c.ackWithin,
        resolveWithin: c.resolveWithin,
        calendar: c.calendar,
        active: c.active,
      })),
    );
  });

  router.get('/areas', async (_req, res) => {
    const areas = await models.areas.find({}).sort({ _id: 1 }).lean().exec();
    res.json(areas.map(areaJson));
  });

  return router;
}
