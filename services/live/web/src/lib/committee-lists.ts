import { NEED_KIND_LABELS, type NeedKind } from '@grid-dispatch/domain';
import { addMessages, pick } from './i18n';

/*
 * The joint committee's needs, resources and projects as the pages read them (the answers of
 * /api/v1/…/needs, …/resources, …/projects), and the words every page shows for them.
 */

addMessages({
  zh: {
    'jl.status.open': '待受理',
    'jl.status.accepted': '已受理',
    'jl.status.declined': '未受理',
    'jl.status.merged': '已合并',
    'jl.status.served': '已满足',
    'jl.project.proposed': '已提出',
    'jl.project.approved': '已批准',
    'jl.project.in_progress': '实施中',
    'jl.project.delivered': '已交付',
    'jl.project.evaluated': '已评价',
    'jl.resource.venue': '场地',
    'jl.resource.volunteers': '志愿者',
    'jl.resource.funds': '资金',
    'jl.resource.service': '专业服务',
    'jl.resource.equipment': '设备',
    'jl.people': '涉及 {n} 人',
    'jl.supporters': '{n} 人附议',
    'jl.capacity': '容量 {n}，剩余 {remaining}',
    'jl.milestoneDue': '{due} 到期',
    'jl.milestoneDone': '已完成',
    'jl.milestoneWaived': '已免除',
    'jl.score': '评分 {score}（{n} 人）',
    'jl.noScore': '暂无评分',
  },
  en: {
    'jl.status.open': 'waiting',
    'jl.status.accepted': 'accepted',
    'jl.status.declined': 'declined',
    'jl.status.merged': 'merged',
    'jl.status.served': 'served',
    'jl.project.proposed': 'proposed',
    'jl.project.approved': 'approved',
    'jl.project.in_progress': 'in progress',
    'jl.project.delivered': 'delivered',
    'jl.project.evaluated': 'evaluated',
    'jl.resource.venue': 'Venue',
    'jl.resource.volunteers': 'Volunteers',
    'jl.resource.funds': 'Funds',
    'jl.resource.service': 'Professional service',
    'jl.resource.equipment': 'Equipment',
    'jl.people': '{n} people concerned',
    'jl.supporters': '{n} supporters',
    'jl.capacity': 'capacity {n}, {remaining} left',
    'jl.milestoneDue': 'due {due}',
    'jl.milestoneDone': 'done',
    'jl.milestoneWaived': 'waived',
    'jl.score': 'rated {score} ({n} ratings)',
    'jl.noScore': 'not rated yet',
  },
});

/** A need kind in the reader's language. */
export const needKindName = (kind: string) =>
  kind in NEED_KIND_LABELS ? pick(NEED_KIND_LABELS[kind as NeedKind]) : kind;

export interface Need {
  id: string;
  communityId: string;
  title: string;
  description: string;
  kind: string;
  peopleConcerned: number;
  status: string;
  declineReason: string | null;
  mergedInto: string | null;
  supporters: number;
  raisedAt: string;
  /** Staff views only. */
  contactPhone?: string | null;
  version?: number;
}

export interface Resource {
  id: string;
  unitId: string;
  communityId: string;
  title: string;
  description: string;
  kind: string;
  serves: string[];
  capacity: number;
  committed: number;
  remaining: number;
  availableFrom: string;
  availableTo: string | null;
  openingHours: string | null;
  contact: { name: string; phone: string };
  version: number;
}

export interface Milestone {
  id: string;
  title: string;
  dueAt: string;
  doneAt: string | null;
  waivedAt: string | null;
  waiveReason?: string | null;
}

export interface Project {
  id: string;
  communityId: string;
  title: string;
  description: string;
  needIds: string[];
  leadUnitId: string;
  participantUnitIds: string[];
  status: string;
  milestones: Milestone[];
  evaluationCount: number;
  averageScore: number | null;
  deliveredAt: string | null;
  /** Staff views only. */
  resourceIds?: string[];
  version?: number;
}

export interface Match {
  rank: number;
  resource: Resource;
  servesKind: boolean;
  availableToday: boolean;
  remaining: number;
  coversPeople: boolean;
  distanceM: number | null;
  reasons: Array<{ code: string; zh: string; en: string }>;
}
