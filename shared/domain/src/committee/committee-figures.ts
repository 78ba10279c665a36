import { percentile } from '../kpi/kpi-figures';
import { reportDay } from '../kpi/report-day';

/** What the figures need of a need (field names as stored). */
export interface FigureNeed {
  id: string;
  communityId: string;
  status: string;
  raisedAt: string;
}

/** What the figures need of a project (field names as stored). */
export interface FigureProject {
  id: string;
  communityId: string;
  needIds: readonly string[];
  leadUnitId: string;
  participantUnitIds: readonly string[];
  proposedAt: string;
  deliveredAt?: string | null;
  evaluations: ReadonlyArray<{ score: number; at: string }>;
}

/** What the figures need of a resource (field names as stored). */
export interface FigureResource {
  id: string;
  unitId: string;
  communityId: string;
  createdAt: string;
  availableTo?: string | null;
}

export interface FigureInput {
  /** The committees (community ids) counted, each one even when it has nothing yet. */
  communityIds: readonly string[];
  needs: readonly FigureNeed[];
  projects: readonly FigureProject[];
  resources: readonly FigureResource[];
  /** Reporting days (UTC+8), both included. */
  from: string;
  to: string;
}

export interface UnitParticipation {
  unitId: string;
  /** Projects active in the period that the unit leads, and that it takes part in besides. */
  projectsLed: number;
  projectsJoined: number;
  /** Resources the unit offered that were available in the period. */
  resourcesOffered: number;
}

export interface CommitteeFigures {
  needs: { raised: number; accepted: number; served: number };
  delivered: {
    total: number;
    /** Projects delivered per reporting month ('YYYY-MM') and year ('YYYY'), in order. */
    byMonth: Array<{ month: string; count: number }>;
    byYear: Array<{ year: string; count: number }>;
  };
  /** Median whole days from a need being raised to its project's delivery; null when none. */
  medianDaysNeedToDelivered: number | null;
  units: UnitParticipation[];
  satisfaction: { mean: number | null; count: number };
}

/** A need counts as accepted once staff took it on (accepted, or served since). */
const ACCEPTED = new Set(['accepted', 'served']);
const DAY_MS = 86_400_000;

function figuresOf(
  needs: readonly FigureNeed[],
  projects: readonly FigureProject[],
  resources: readonly FigureResource[],
  allNeeds: ReadonlyMap<string, FigureNeed>,
  from: string,
  to: string,
): CommitteeFigures {
  const inPeriod = (iso: string) => {
    const day = reportDay(iso);
    return day >= from && day <= to;
  };
  const raised = needs.filter((n) => inPeriod(n.raisedAt));
  const delivered = projects.filter((p) => p.deliveredAt && inPeriod(p.deliveredAt));
  const byMonth = new Map<string, number>();
  const byYear = new Map<string, number>();
  const waits: number[] = [];
  for (const p of delivered) {
    const day = reportDay(p.deliveredAt!);
    byMonth.set(day.slice(0, 7), (byMonth.get(day.slice(0, 7)) ?? 0) + 1);
    byYear.set(day.slice(0, 4), (byYear.get(day.slice(0, 4)) ?? 0) + 1);
    for (const needId of p.needIds) {
      const need = allNeeds.get(needId);
      if (need) waits.push(Math.floor((Date.parse(p.deliveredAt!) - Date.parse(need.raisedAt)) / DAY_MS));
    }
  }
  // Active in the period: proposed by its end, and not delivered before it began.
  const active = projects.filter(
    (p) => reportDay(p.proposedAt) <= to && (!p.deliveredAt || reportDay(p.deliveredAt) >= from),
  );
  const offered = resources.filter(
    (r) => reportDay(r.createdAt) <= to && (!r.availableTo || r.availableTo.slice(0, 10) >= from),
  );
  const units = new Map<string, UnitParticipation>();
  const unit = (unitId: string) => {
    const known = units.get(unitId);
    if (known) return known;
    const fresh = { unitId, projectsLed: 0, projectsJoined: 0, resourcesOffered: 0 };
    units.set(unitId, fresh);
    return fresh;
  };
  for (const p of active) {
    unit(p.leadUnitId).projectsLed++;
    for (const id of new Set(p.participantUnitIds)) if (id !== p.leadUnitId) unit(id).projectsJoined++;
  }
  for (const r of offered) unit(r.unitId).resourcesOffered++;
  const scores = projects.flatMap((p) => p.evaluations.filter((e) => inPeriod(e.at)).map((e) => e.score));
  return {
    needs: {
      raised: raised.length,
      accepted: raised.filter((n) => ACCEPTED.has(n.status)).length,
      served: raised.filter((n) => n.status === 'served').length,
    },
    delivered: {
      total: delivered.length,
      byMonth: [...byMonth]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, count]) => ({ month, count })),
      byYear: [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([year, count]) => ({ year, count })),
    },
    medianDaysNeedToDelivered: percentile(waits, 0.5) ?? null,
    units: [...units.values()].sort(
      (a, b) =>
        b.projectsLed + b.projectsJoined - (a.projectsLed + a.projectsJoined) ||
        b.resourcesOffered - a.resourcesOffered ||
        a.unitId.localeCompare(b.unitId),
    ),
    satisfaction: {
      mean:
        scores.length === 0
          ? null
          : Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100,
      count: scores.length,
    },
  };
}

/**
 * The committee figures over a period, per committee and for all of them together (the district,
 * or whatever area holds them). The district's median and mean are taken over every committee's
 * values together, never as a median of medians. Needs count by when they were raised, projects by
 * when they were delivered, evaluations by when they were given.
 */
export function committeeFigures(input: FigureInput): {
  total: CommitteeFigures;
  committees: Array<CommitteeFigures & { communityId: string }>;
} {
  const allNeeds = new Map(input.needs.map((n) => [n.id, n]));
  const of = (communityId: string) =>
    figuresOf(
      input.needs.filter((n) => n.communityId === communityId),
      input.projects.filter((p) => p.communityId === communityId),
      input.resources.filter((r) => r.communityId === communityId),
      allNeeds,
      input.from,
      input.to,
    );
  const ids = new Set(input.communityIds);
  return {
    total: figuresOf(
      input.needs.filter((n) => ids.has(n.communityId)),
      input.projects.filter((p) => ids.has(p.communityId)),
      input.resources.filter((r) => ids.has(r.communityId)),
      allNeeds,
      input.from,
      input.to,
    ),
    committees: [...ids]
      .sort((a, b) => a.localeCompare(b))
      .map((communityId) => ({ communityId, ...of(communityId) })),
  };
}
