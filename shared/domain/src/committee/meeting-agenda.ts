import type { KpiFigures } from '../kpi/kpi-figures';
import type { RankedUnit } from '../kpi/unit-ranking';

/** What the agenda needs of a need (the committee's needs list, field names as stored). */
export interface AgendaNeed {
  id: string;
  title: string;
  kind: string;
  status: string;
  peopleConcerned: number;
  supporters: number;
  raisedAt: string;
}

export interface AgendaMilestone {
  id: string;
  title: string;
  dueAt: string;
  doneAt?: string | null;
}

/** What the agenda needs of a project (the committee's projects list, field names as stored). */
export interface AgendaProject {
  id: string;
  title: string;
  status: string;
  leadUnitId: string;
  milestones: readonly AgendaMilestone[];
  proposedAt: string;
}

/** The tickets of the committee's area the meeting looks at. */
export interface AgendaTicketCounts {
  /** Open tickets whose deadline to sign or to fix has passed. */
  overdue: number;
  /** Open tickets. */
  open: number;
}

/** The KPI summary of the monthly report (GET /api/v1/kpis): headline figures and ranked units. */
export type AgendaKpis = KpiFigures & { units: readonly RankedUnit[] };

export interface AgendaInput<K extends AgendaKpis> {
  month: string;
  /** When the committee's previous meeting was held; null for its first meeting. */
  lastMeetingAt: string | null;
  now: string;
  needs: readonly AgendaNeed[];
  projects: readonly AgendaProject[];
  tickets: AgendaTicketCounts;
  kpis: K;
  /** A milestone is "due" when it falls within this many days from now. */
  dueWithinDays?: number;
}

export interface AgendaMilestoneItem {
  projectId: string;
  projectTitle: string;
  leadUnitId: string;
  milestone: AgendaMilestone;
  /** Whole days late (for late ones) or left (for due ones). */
  days: number;
}

export interface MeetingAgenda<K extends AgendaKpis> {
  month: string;
  since: string | null;
  /** Needs raised since the last meeting, still open, most supported first. */
  newNeeds: AgendaNeed[];
  /** Milestones past their due date and not done, the latest first. */
  lateMilestones: AgendaMilestoneItem[];
  /** Milestones due soon, the soonest first. */
  dueMilestones: AgendaMilestoneItem[];
  /** Projects proposed and waiting for the meeting's approval, oldest first. */
  awaitingApproval: AgendaProject[];
  tickets: AgendaTicketCounts;
  kpis: K;
}

const DAY_MS = 86_400_000;
/** Projects whose milestones still run: approved and not yet delivered. */
const RUNNING = new Set(['approved', 'in_progress']);

/**
 * The agenda of a monthly joint meeting from the committee's lists and tickets: what is new, what
 * is late or due, what waits for approval, and the units' figures from the KPI report.
 */
export function meetingAgenda<K extends AgendaKpis>(input: AgendaInput<K>): MeetingAgenda<K> {
  const now = Date.parse(input.now);
  const since = input.lastMeetingAt === null ? null : Date.parse(input.lastMeetingAt);
  const horizon = now + (input.dueWithinDays ?? 31) * DAY_MS;
  const newNeeds = input.needs
    .filter((n) => n.status === 'open' && (since === null || Date.parse(n.raisedAt) > since))
    .sort(
      (a, b) =>
        b.supporters - a.supporters || a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id),
    );
  const late: AgendaMilestoneItem[] = [];
  const due: AgendaMilestoneItem[] = [];
  for (const p of input.projects) {
    if (!RUNNING.has(p.status)) continue;
    for (const m of p.milestones) {
      if (m.doneAt) continue;
      const dueAt = Date.parse(m.dueAt);
      const item = { projectId: p.id, projectTitle: p.title, leadUnitId: p.leadUnitId, milestone: m };
      if (dueAt < now) late.push({ ...item, days: Math.floor((now - dueAt) / DAY_MS) });
      else if (dueAt <= horizon) due.push({ ...item, days: Math.floor((dueAt - now) / DAY_MS) });
    }
  }
  late.sort(
    (a, b) => a.milestone.dueAt.localeCompare(b.milestone.dueAt) || a.projectId.localeCompare(b.projectId),
  );
  due.sort(
    (a, b) => a.milestone.dueAt.localeCompare(b.milestone.dueAt) || a.projectId.localeCompare(b.projectId),
  );
  const awaitingApproval = input.projects
    .filter((p) => p.status === 'proposed')
    .sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
  return {
    month: input.month,
    since: input.lastMeetingAt,
    newNeeds,
    lateMilestones: late,
    dueMilestones: due,
    awaitingApproval,
    tickets: input.tickets,
    kpis: input.kpis,
  };
}
