import { committeeFigures, descendantIds } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { principalOf } from '@grid-dispatch/http';
import { type RequestHandler, Router } from 'express';
import { resolveKpiScope } from '../kpi/kpi-query';
import type { MeetingContext } from './meeting-context';

/**
 * GET /api/v1/committees/figures?areaId=&from=&to=: the committee figures of every community in
 * an area (the caller's by default) and for the area as a whole; secretaries of that area or
 * above, and the administrator. The period is read as the KPI report reads it (reporting days,
 * this month by default, a year at most).
 */
export function figuresRouter(context: MeetingContext, staff: RequestHandler): Router {
  const router = Router();
  router.get('/committees/figures', staff, async (req, res) => {
    const principal = principalOf(req);
    if (principal.role === 'unit_member') throw new AppError('NOT_FOUND', `No route for GET ${req.path}`);
    if ('unitId' in req.query) {
      throw new AppError('MALFORMED_REQUEST', 'Unknown parameter "unitId".', {
        fields: [{ path: 'unitId', message: 'not one of areaId, from, to' }],
      });
    }
    const { areas, nodes, unitNames } = await context.reference.get();
    const scope = resolveKpiScope(principal, req.query, nodes, new Date());
    const areaId = scope.areaId!;
    const inside = new Set([areaId, ...descendantIds(nodes, areaId)]);
    const communities = areas.filter((a) => a.level === 'community' && inside.has(a._id));
    const communityIds = communities.map((a) => a._id);
    const [needs, projects, resources] = await Promise.all([
      context.lists.needs(communityIds),
      context.lists.projects(communityIds),
      context.lists.resources(communityIds),
    ]);
    const figures = committeeFigures({
      communityIds,
      needs,
      projects,
      resources,
      from: scope.from,
      to: scope.to,
    });
    const named = <T extends { units: Array<{ unitId: string }> }>(f: T) => ({
      ...f,
      units: f.units.map((u) => ({ ...u, name: unitNames.get(u.unitId) ?? null })),
    });
    const names = new Map(communities.map((a) => [a._id, a.name]));
    res.json({
      areaId,
      from: scope.from,
      to: scope.to,
      total: named(figures.total),
      committees: figures.committees.map((c) => ({ ...named(c), name: names.get(c.communityId)! })),
    });
  });
  return router;
}
