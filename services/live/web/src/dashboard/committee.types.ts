/** The joint committee's answers as the dashboard reads them (GET /api/v1/committees/…). */

import { DECISION_KINDS, type DecisionKind } from '@grid-dispatch/domain';
import type { Kpis } from './kpi.types';

export type Bilingual = { zh: string; en: string };
export interface UnitName {
  unitId: string;
  name: Bilingual;
}

export interface ChairOrder {
  communityId: string;
  unitIds: string[];
  order: UnitName[];
  version: number;
}

export { DECISION_KINDS, type DecisionKind };

export interface Decision {
  kind: DecisionKind;
  projectId?: string;
  unitId?: string;
  milestone?: { id?: string; title: string; dueAt: string };
  text?: string;
  at: string;
}

export interface Meeting {
  id: string;
  communityId: string;
  month: string;
  chair: UnitName;
  status: 'planned' | 'held';
  heldAt: string | null;
  attendeeUnitIds: string[];
  decisions: Decision[];
  minutes: string | null;
  version: number;
}

interface MilestoneItem {
  projectId: string;
  projectTitle: string;
  leadUnitId: string;
  milestone: { id: string; title: string; dueAt: string };
  days: number;
}

export interface Agenda {
  month: string;
  since: string | null;
  chair: UnitName;
  newNeeds: {
    id: string;
    title: string;
    kind: string;
    status: string;
    peopleConcerned: number;
    supporters: number;
    raisedAt: string;
  }[];
  lateMilestones: MilestoneItem[];
  dueMilestones: MilestoneItem[];
  awaitingApproval: { id: string; title: string; leadUnitId: string; proposedAt: string }[];
  tickets: { overdue: number; open: number };
  /** The KPI report of the community for the month (as GET /api/v1/kpis). */
  kpis: Kpis;
}

export interface Minutes {
  title: Bilingual;
  community: Bilingual;
  month: string;
  status: 'planned' | 'held';
  heldAt: string | null;
  chair: UnitName;
  attendees: UnitName[];
  absent: UnitName[];
  decisions: {
    n: number;
    kind: DecisionKind;
    label: Bilingual;
    projectTitle: string | null;
    unitName: Bilingual | null;
    milestone: { title: string; dueAt: string } | null;
    text: string | null;
    at: string;
  }[];
  minutes: string | null;
}

interface Participation {
  unitId: string;
  name: Bilingual | null;
  projectsLed: number;
  projectsJoined: number;
  resourcesOffered: number;
}

export interface Figures {
  needs: { raised: number; accepted: number; served: number };
  delivered: {
    total: number;
    byMonth: { month: string; count: number }[];
    byYear: { year: string; count: number }[];
  };
  medianDaysNeedToDelivered: number | null;
  units: Participation[];
  satisfaction: { mean: number | null; count: number };
}

export interface FiguresAnswer {
  areaId: string;
  from: string;
  to: string;
  total: Figures;
  committees: (Figures & { communityId: string; name: Bilingual })[];
}
