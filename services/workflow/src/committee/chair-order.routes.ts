import { chairOrder } from '@grid-dispatch/domain';
import { parseBody, principalOf } from '@grid-dispatch/http';
import { Router } from 'express';
import { isUniqueViolation, throwIfInvalid } from '../http/admin/admin.common';
import { chairOrderBody } from './committee-bodies';
import { committeeFor, requireSecretary } from './committee-reference';
import { communityOf, type MeetingContext } from './meeting-context';
import { changedMeanwhile, checkIfMatch } from './version-check';

/**
 * GET and PUT /api/v1/committees/{communityId}/chair-order: the order in which the member units
 * take the chair. The committee's units read it; its secretaries (or one above) set it.
 */
export function chairOrderRouter(context: MeetingContext): Router {
  const router = Router({ mergeParams: true });
  const model = context.platform.models.committeeChairOrders;

  const view = async (communityId: string, memberUnitIds: string[]) => {
    const stored = await model.findById(communityId).lean().exec();
    const { unitNames } = await context.reference.get();
    return {
      communityId,
      unitIds: stored?.unitIds ?? [],
      order: chairOrder(memberUnitIds, stored?.unitIds ?? []).map((unitId) => ({
        unitId,
        name: unitNames.get(unitId) ?? { zh: unitId, en: unitId },
      })),
      version: stored?.version ?? 0,
    };
  };

  router.get('/', async (req, res) => {
    const committee = committeeFor(await context.reference.get(), principalOf(req), communityOf(req));
    res.json(await view(committee.communityId, committee.memberUnitIds));
  });

  router.put('/', async (req, res) => {
    const principal = principalOf(req);
    const committee = committeeFor(await context.reference.get(), principal, communityOf(req));
    requireSecretary(committee);
    const body = parseBody(chairOrderBody, req.body);
    const seen = new Set<string>();
    throwIfInvalid(
      body.unitIds.flatMap((unitId, i) => {
        if (seen.has(unitId)) return [{ path: `unitIds[${i}]`, message: `"${unitId}" is listed twice` }];
        seen.add(unitId);
        return committee.memberUnitIds.includes(unitId)
          ? []
          : [{ path: `unitIds[${i}]`, message: `"${unitId}" is not a member unit of this committee` }];
      }),
    );
    const current = await model.findById(committee.communityId).lean().exec();
    const version = current?.version ?? 0;
    checkIfMatch(req, version, 'chair order');
    const set = { unitIds: body.unitIds, version: version + 1, updatedBy: principal.userId };
    try {
      const written = await model
        .updateOne(
          { _id: committee.communityId, version: current ? version : { $exists: false } } as never,
          {
            $set: set,
          },
          { upsert: !current },
        )
        .exec();
      if (written.matchedCount === 0 && written.upsertedCount === 0) throw changedMeanwhile('chair order');
    } catch (error) {
      // Two first orders at once: the second upsert meets the first's id.
      if (isUniqueViolation(error)) throw changedMeanwhile('chair order');
      throw error;
    }
    res.json(await view(committee.communityId, committee.memberUnitIds));
  });
  return router;
}
