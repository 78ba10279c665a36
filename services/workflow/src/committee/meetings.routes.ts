import { randomUUID } from 'node:crypto';
import type { MeetingDecisionDoc, MeetingDoc } from '@grid-dispatch/db';
import {
  ancestorPath,
  decisionProblems,
  type MeetingDecision,
  meetingAgenda,
  meetingMinutes,
  minutesRows,
  monthDays,
  OPEN_STATUSES,
  rotatingChair,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf } from '@grid-dispatch/http';
import { type Request, type Response, Router } from 'express';
import type { WorkflowConfig } from '../config';
import { csvCell } from '../csv-cell';
import { conflict, invalid, isUniqueViolation, throwIfInvalid } from '../http/admin/admin.common';
import { resolveKpiScope } from '../kpi/kpi-query';
import { KpiReports } from '../kpi/kpi-reports';
import { attendeesBody, decisionBody, holdBody, meetingCreateBody } from './committee-bodies';
import { committeeEvent } from './committee-outbox';
import { type Committee, committeeFor, requireSecretary } from './committee-reference';
import { communityOf, type MeetingContext } from './meeting-context';
import { changedMeanwhile, checkIfMatch } from './version-check';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Names = ReadonlyMap<string, { zh: string; en: string }>;

const unitRef = (names: Names, unitId: string) => ({
  unitId,
  name: names.get(unitId) ?? { zh: unitId, en: unitId },
});

/** A meeting as the committee's staff see it. */
export function meetingView(doc: MeetingDoc, names: Names) {
  return {
    id: doc._id,
    communityId: doc.communityId,
    month: doc.month,
    chair: unitRef(names, doc.chairUnitId),
    status: doc.status,
    heldAt: doc.heldAt ? new Date(doc.heldAt).toISOString() : null,
    attendeeUnitIds: doc.attendeeUnitIds,
    decisions: doc.decisions.map(({ by: _by, at, ...d }) => ({ ...d, at: new Date(at).toISOString() })),
    minutes: doc.minutes,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

/**
 * The monthly joint meetings of a committee, at /api/v1/committees/{communityId}/meetings: its
 * secretaries create the month's meeting (the chair proposed by the rotation), record who came and
 * what was decided, and mark it held; the committee's units read them, their agenda and minutes.
 */
export function meetingsRouter(context: MeetingContext, config: WorkflowConfig): Router {
  const router = Router({ mergeParams: true });
  const { platform, lists } = context;
  const model = platform.models.meetings;
  const kpiReports = new KpiReports(platform.kpis, {
    rebuildBudgetMs: config.KPI_REBUILD_BUDGET_MS,
    staleForMs: config.KPI_STALE_FOR_MS,
  });

  const committeeOf = async (req: Request) =>
    committeeFor(await context.reference.get(), principalOf(req), communityOf(req));
  const names = async () => (await context.reference.get()).unitNames;

  async function meetingOf(committee: Committee, month: string): Promise<MeetingDoc> {
    if (!MONTH.test(month)) throw invalid('month', 'expected YYYY-MM');
    const found = await model
      .findOne({ communityId: committee.communityId, month })
      .lean<MeetingDoc>()
      .exec();
    if (!found) throw new AppError('NOT_FOUND', `No meeting of ${committee.communityId} in ${month}.`);
    return found;
  }

  /** The meeting before a month's, for the rotation and the agenda. */
  const previousMeeting = (communityId: string, month: string) =>
    model
      .findOne({ communityId, month: { $lt: month } })
      .sort({ month: -1 })
      .lean<MeetingDoc>()
      .exec();

  /** Writes a change of a meeting still planned, if it is still at the version read. */
  async function update(
    req: Request,
    found: MeetingDoc,
    change: Record<string, unknown>,
    push?: Record<string, unknown>,
  ) {
    checkIfMatch(req, found.version, 'meeting');
    const updated = await context.outbox.locked('meeting', found._id, () =>
      model
        .findOneAndUpdate(
          { _id: found._id, version: found.version },
          { $set: { ...change, version: found.version + 1 }, ...(push ? { $push: push } : {}) },
          { returnDocument: 'after' },
        )
        .lean<MeetingDoc>()
        .exec(),
    );
    if (!updated) throw changedMeanwhile('meeting');
    return updated;
  }

  const stillPlanned = (found: MeetingDoc) => {
    if (found.status === 'held') throw conflict(`The meeting of ${found.month} was held already.`);
  };

  router.get('/', async (req, res) => {
    const committee = await committeeOf(req);
    const items = await model
      .find({ communityId: committee.communityId })
      .sort({ month: -1 })
      .limit(120)
      .lean<MeetingDoc[]>()
      .exec();
    const unitNames = await names();
    res.json({ items: items.map((m) => meetingView(m, unitNames)) });
  });

  router.post('/', async (req, res) => {
    const principal = principalOf(req);
    const committee = await committeeOf(req);
    requireSecretary(committee);
    const body = parseBody(meetingCreateBody, req.body);
    if (committee.memberUnitIds.length === 0) throw invalid('month', 'the committee has no member units yet');
    let chairUnitId = body.chairUnitId;
    if (chairUnitId === undefined) {
      const [order, previous] = await Promise.all([
        platform.models.committeeChairOrders.findById(committee.communityId).lean().exec(),
        previousMeeting(committee.communityId, body.month),
      ]);
      chairUnitId = rotatingChair(
        committee.memberUnitIds.map((id) => ({ id })),
        body.month,
        { storedOrder: order?.unitIds ?? [], lastChairId: previous?.chairUnitId ?? null },
      )!.id;
    } else if (!committee.memberUnitIds.includes(chairUnitId)) {
      throw invalid('chairUnitId', `"${chairUnitId}" is not a member unit of this committee`);
    }
    try {
      const created = await model.create({
        _id: randomUUID(),
        communityId: committee.communityId,
        month: body.month,
        chairUnitId,
        heldAt: null,
        attendeeUnitIds: [],
        decisions: [],
        minutes: null,
        status: 'planned',
        version: 1,
        outbox: [],
        outboxPending: false,
        createdBy: principal.userId,
      });
      res.status(201).json(meetingView(created.toObject(), await names()));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The meeting of ${body.month} exists already.`);
      throw error;
    }
  });

  router.get('/:month', async (req, res) => {
    const found = await meetingOf(await committeeOf(req), String(req.params.month));
    res.json(meetingView(found, await names()));
  });

  router.get('/:month/agenda', async (req, res) => {
    const committee = await committeeOf(req);
    const found = await meetingOf(committee, String(req.params.month));
    const now = new Date();
    const { from, to } = monthDays(found.month);
    const unitNames = await names();
    // The KPIs as the caller may read them: a unit's staff their own unit's, secretaries the community's.
    const kpiScope = resolveKpiScope(
      principalOf(req),
      { areaId: committee.communityId, from, to },
      (await context.reference.get()).nodes,
      now,
    );
    const [needs, projects, previous, tickets, kpis] = await Promise.all([
      lists.needs([committee.communityId]),
      lists.projects([committee.communityId]),
      previousMeeting(committee.communityId, found.month),
      ticketCounts(committee.communityId, now),
      kpiReports.get(kpiScope, unitNames),
    ]);
    const agenda = meetingAgenda({
      month: found.month,
      lastMeetingAt: previous?.heldAt ? new Date(previous.heldAt).toISOString() : null,
      now: now.toISOString(),
      needs,
      projects,
      tickets,
      kpis,
    });
    res.json({
      ...agenda,
      chair: unitRef(unitNames, found.chairUnitId),
      awaitingApproval: agenda.awaitingApproval.map((p) => ({
        id: p.id,
        title: p.title,
        leadUnitId: p.leadUnitId,
        proposedAt: p.proposedAt,
      })),
    });
  });

  /**
   * Open tickets of the community, and those past a deadline to sign or to fix: one status at a
   * time, an equality the store answers from the status index (open tickets are few; closed many).
   */
  async function ticketCounts(communityId: string, now: Date) {
    const open = (
      await Promise.all(
        OPEN_STATUSES.map((status) =>
          platform.models.tickets.find({ status, areaIds: communityId }, { deadlines: 1 }).lean().exec(),
        ),
      )
    ).flat();
    const overdue = open.filter((t) =>
      [t.deadlines.ack, t.deadlines.resolve].some(
        (d) => d && !d.pausedAt && Date.parse(d.dueAt) < now.getTime(),
      ),
    ).length;
    return { open: open.length, overdue };
  }

  router.put('/:month/attendees', async (req, res) => {
    const committee = await committeeOf(req);
    requireSecretary(committee);
    const found = await meetingOf(committee, String(req.params.month));
    const body = parseBody(attendeesBody, req.body);
    throwIfInvalid(
      body.attendeeUnitIds.flatMap((unitId, i) =>
        committee.memberUnitIds.includes(unitId)
          ? []
          : [
              {
                path: `attendeeUnitIds[${i}]`,
                message: `"${unitId}" is not a member unit of this committee`,
              },
            ],
      ),
    );
    stillPlanned(found);
    const updated = await update(req, found, { attendeeUnitIds: [...new Set(body.attendeeUnitIds)] });
    res.json(meetingView(updated, await names()));
  });

  router.post('/:month/decisions', async (req, res) => {
    const principal = principalOf(req);
    const committee = await committeeOf(req);
    requireSecretary(committee);
    const found = await meetingOf(committee, String(req.params.month));
    const body = parseBody(decisionBody, req.body);
    const decision = Object.fromEntries(
      Object.entries(body).filter(([, v]) => v !== undefined),
    ) as unknown as MeetingDecision;
    const projects = await lists.projects([committee.communityId]);
    throwIfInvalid(decisionProblems(decision, { projects, memberUnitIds: committee.memberUnitIds }));
    stillPlanned(found);
    checkIfMatch(req, found.version, 'meeting');
    // The projects change first, through their own write path; a refusal there records nothing.
    await context.effects.apply(decision, {
      communityId: committee.communityId,
      meetingId: found._id,
      principal,
    });
    const recorded: MeetingDecisionDoc = { ...decision, at: new Date(), by: principal.userId };
    const updated = await update(req, found, {}, { decisions: recorded });
    res.status(201).json(meetingView(updated, await names()));
  });

  router.post('/:month/hold', async (req, res) => {
    const principal = principalOf(req);
    const committee = await committeeOf(req);
    requireSecretary(committee);
    const found = await meetingOf(committee, String(req.params.month));
    const body = parseBody(holdBody, req.body ?? {});
    const heldAt = body.heldAt ? new Date(body.heldAt) : new Date();
    if (heldAt.getTime() > Date.now() + 60_000) throw invalid('heldAt', 'must not be in the future');
    stillPlanned(found);
    const event = committeeEvent(
      'meeting.held',
      {
        entity: 'meeting',
        id: found._id,
        communityId: found.communityId,
        areaIds: ancestorPath((await context.reference.get()).nodes, found.communityId),
        version: found.version + 1,
      },
      principal,
      {
        month: found.month,
        chairUnitId: found.chairUnitId,
        attendeeUnitIds: found.attendeeUnitIds,
        decisions: found.decisions.length,
        approvedProjectIds: found.decisions
          .filter((d) => d.kind === 'approve_project')
          .map((d) => d.projectId),
      },
      heldAt,
    );
    const updated = await update(
      req,
      found,
      { status: 'held', heldAt, minutes: body.minutes ?? found.minutes, outboxPending: true },
      { outbox: event },
    );
    await context.outbox
      .flush('meeting', updated._id)
      .catch((err) =>
        context.platform.logger.warn({ err: String(err) }, 'meeting event left for the outbox sweep'),
      );
    res.json(meetingView(updated, await names()));
  });

  router.get('/:month/minutes', async (req: Request, res: Response) => {
    const committee = await committeeOf(req);
    const found = await meetingOf(committee, String(req.params.month));
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      throw new AppError('VALIDATION_FAILED', 'format is json or csv.', {
        fields: [{ path: 'format', message: 'expected json or csv' }],
      });
    }
    const [unitNames, projects] = await Promise.all([names(), lists.projects([committee.communityId])]);
    const minutes = meetingMinutes(
      {
        ...found,
        heldAt: found.heldAt ? new Date(found.heldAt).toISOString() : null,
        decisions: found.decisions.map((d) => ({ ...d, at: new Date(d.at).toISOString() })),
      },
      {
        community: committee.name,
        units: unitNames,
        projects: new Map(projects.map((p) => [p.id, p.title])),
        memberUnitIds: committee.memberUnitIds,
      },
    );
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="minutes-${committee.communityId}-${found.month}.csv"`,
      );
      // A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
      res.send(
        `\uFEFF${minutesRows(minutes)
          .map((row) => row.map(csvCell).join(','))
          .join('\r\n')}\r\n`,
      );
    } else {
      res.json(minutes);
    }
  });

  return router;
}
