import { STAFF_ROLES } from '@grid-dispatch/auth';
import {
  type AreaNode,
  committeeFigures,
  committeeMemberIds,
  daysBetween,
  descendantIds,
  monthDays,
  rotatingChair,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { principalOf, requireStaff } from '@grid-dispatch/http';
import { StampedCache } from '@grid-dispatch/redis';
import { Router } from 'express';
import { storedCommitteeLists } from '../committee/committee-lists';
import type { WorkflowConfig } from '../config';
import type { WorkflowPlatform } from '../workflow-platform';
import { resolveKpiScope } from './kpi-query';
import { KpiReports } from './kpi-reports';
import { type CaseTicket, meetingCases } from './meeting-cases';
import { meetingCsv, meetingHtml } from './meeting-report';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * GET /api/v1/kpis and GET /api/v1/meetings/{areaId}/{YYYY-MM}: figures read from the KPI
 * projection's day and month summaries (see `KpiStore`), never by scanning tickets.
 */
export function kpiRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  // Per route, not router.use: this router sits on /api/v1 beside others and must not guard them.
  const staffOnly = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, STAFF_ROLES);
  const committeeLists = storedCommitteeLists(platform.models);

  /** The committee figures of the communities in an area (itself, if it is one) over some days. */
  async function committeeMonth(
    areaId: string,
    areas: Array<{ _id: string; level: string }>,
    nodes: AreaNode[],
    from: string,
    to: string,
  ) {
    const inside = new Set([areaId, ...descendantIds(nodes, areaId)]);
    const communityIds = areas.filter((a) => a.level === 'community' && inside.has(a._id)).map((a) => a._id);
    const [needs, projects, resources] = await Promise.all([
      committeeLists.needs(communityIds),
      committeeLists.projects(communityIds),
      committeeLists.resources(communityIds),
    ]);
    return committeeFigures({ communityIds, needs, projects, resources, from, to }).total;
  }

  const reports = new KpiReports(platform.kpis, {
    rebuildBudgetMs: config.KPI_REBUILD_BUDGET_MS,
    staleForMs: config.KPI_STALE_FOR_MS,
  });
  // The hierarchy and the units' names, read again only when an administrator changed them.
  const reference = new StampedCache(platform.referenceStamp, async () => {
    const [areas, units] = await Promise.all([
      // The hierarchy only: no boundaries to read and parse on every dashboard refresh.
      platform.models.areas.find({}, { name: 1, level: 1, parentId: 1 }).lean().exec(),
      platform.models.units.find({}, { name: 1, areaIds: 1, active: 1 }).lean().exec(),
    ]);
    const nodes: AreaNode[] = areas.map((a) => ({ id: a._id, level: a.level, parentId: a.parentId }));
    return { areas, units, nodes, unitNames: new Map(units.map((u) => [u._id, u.name])) };
  });

  async function report(query: Record<string, unknown>, principal: ReturnType<typeof principalOf>) {
    const { areas, units, nodes, unitNames } = await reference.get();
    const scope = resolveKpiScope(principal, query, nodes, new Date());
    return { scope, areas, units, nodes, kpis: await reports.get(scope, unitNames) };
  }

  /**
   * The tickets reported in an area over some days, for the meeting's case list: a day at a time,
   * since FerretDB serves an equality on `createdDay` from its index but no range.
   */
  async function monthTickets(areaId: string, from: string, to: string): Promise<CaseTicket[]> {
    const fields = {
      trackingCode: 1,
      category: 1,
      priority: 1,
      status: 1,
      unitId: 1,
      createdAt: 1,
      escalationLevel: 1,
      events: 1,
      areaIds: 1,
    };
    const days = await Promise.all(
      daysBetween(from, to).map((day) =>
        platform.models.tickets
          .find({ createdDay: day }, fields)
          .lean<Array<CaseTicket & { areaIds: string[] }>>()
          .exec(),
      ),
    );
    return days.flat().filter((t) => t.areaIds.includes(areaId));
  }

  router.get('/kpis', staffOnly, async (req, res) => {
    res.json((await report(req.query, principalOf(req))).kpis);
  });

  router.get('/meetings/:areaId/:month', staffOnly, async (req, res) => {
    const { areaId, month } = req.params as { areaId: string; month: string };
    if (!MONTH.test(month)) {
      throw new AppError('VALIDATION_FAILED', 'The month must look like 2026-11.', {
        fields: [{ path: 'month', message: 'expected YYYY-MM' }],
      });
    }
    const format = req.query.format ?? 'html';
    if (format !== 'html' && format !== 'csv') {
      throw new AppError('VALIDATION_FAILED', 'format is html or csv.', {
        fields: [{ path: 'format', message: 'expected html or csv' }],
      });
    }
    const { from, to } = monthDays(month);
    const { areas, units, nodes, kpis } = await report({ areaId, from, to }, principalOf(req));
    const cases = meetingCases(await monthTickets(areaId, from, to));
    const area = areas.find((a) => a._id === areaId)!;
    // The committee's members and its chair: the same rule as the meetings' (stored order, then
    // by id; after the previous meeting's chair).
    const memberIds = new Set(
      committeeMemberIds(
        units.map((u) => ({ id: u._id, areaIds: u.areaIds, active: u.active })),
        nodes,
        areaId,
      ),
    );
    const [order, previous] = await Promise.all([
      platform.models.committeeChairOrders.findById(areaId).lean().exec(),
      platform.models.meetings
        .findOne({ communityId: areaId, month: { $lt: month } })
        .sort({ month: -1 })
        .lean()
        .exec(),
    ]);
    const held = await platform.models.meetings.findOne({ communityId: areaId, month }).lean().exec();
    const rotated = rotatingChair(
      units.filter((u) => memberIds.has(u._id)).map((u) => ({ id: u._id, name: u.name })),
      month,
      { storedOrder: order?.unitIds ?? [], lastChairId: previous?.chairUnitId ?? null },
    );
    // A meeting already recorded for the month names its chair.
    const chairUnit = held ? units.find((u) => u._id === held.chairUnitId) : undefined;
    const chair = chairUnit ? { id: chairUnit._id, name: chairUnit.name } : rotated;
    const [categories, committee] = await Promise.all([
      platform.models.categories.find({}, { name: 1 }).lean().exec(),
      committeeMonth(areaId, areas, nodes, from, to),
    ]);
    const meeting = {
      area: { id: area._id, name: area.name },
      month,
      chair,
      kpis,
      categoryNames: new Map(categories.map((c) => [c._id, c.name])),
      unitNames: new Map(units.map((u) => [u._id, u.name])),
      cases,
      committee,
      generatedAt: new Date().toISOString(),
    };
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="meeting-${areaId}-${month}.csv"`);
      res.send(meetingCsv(meeting));
    } else {
      res.type('html').send(meetingHtml(meeting));
    }
  });

  return router;
}
