import type { Models } from '@grid-dispatch/db';
import { districtDay, type NeedKind, type ProjectStatus, type ResourceKind } from '@grid-dispatch/domain';
import type { Logger } from '@grid-dispatch/logger';
import { DEMO_DISTRICT_ID, demoAreas } from './demo-areas';

/**
 * The demo district's joint committees at work: Dongri's baby room (a kindergarten's rooms and
 * staff with the property company's funds: 12 free childcare sessions per child), Chunhai's courier
 * rest station open 24 h (delivered and rated), Linhai's canteen for the elderly (in progress), and
 * needs still waiting for resources. A kindergarten joins Dongri's committee as a member unit.
 */

const DAY = 86400_000;

export const DEMO_KINDERGARTEN_UNIT = {
  id: 'kindergarten-dongri',
  name: { zh: '东日幼儿园', en: 'Dongri Kindergarten' },
  kind: 'other' as const,
  areaIds: ['dongri'],
};

interface DemoNeed {
  id: string;
  communityId: string;
  title: string;
  description: string;
  kind: NeedKind;
  peopleConcerned: number;
  status: 'open' | 'accepted' | 'served';
  supporters: number;
  daysAgo: number;
}

const NEEDS: DemoNeed[] = [
  {
    id: 'demo-need-dongri-baby-room',
    communityId: 'dongri',
    title: '婴幼儿托育室',
    description: '小区内一至三岁幼儿多，双职工家庭白天无人照看，希望社区提供托育场所',
    kind: 'childcare',
    peopleConcerned: 36,
    status: 'accepted',
    supporters: 21,
    daysAgo: 40,
  },
  {
    id: 'demo-need-chunhai-courier-rest',
    communityId: 'chunhai',
    title: '快递员歇脚点',
    description: '快递员、外卖骑手没有地方喝水、充电、避雨，希望有一个全天开放的驿站',
    kind: 'other',
    peopleConcerned: 60,
    status: 'served',
    supporters: 14,
    daysAgo: 120,
  },
  {
    id: 'demo-need-linhai-canteen',
    communityId: 'linhai',
    title: '老年食堂',
    description: '独居老人做饭不便，希望社区有价格实惠的助餐食堂',
    kind: 'elderly_care',
    peopleConcerned: 80,
    status: 'accepted',
    supporters: 33,
    daysAgo: 60,
  },
  {
    id: 'demo-need-taoyuan-study-room',
    communityId: 'taoyuan',
    title: '共享自习室',
    description: '学生放学后和备考的年轻人缺少安静的学习空间',
    kind: 'study',
    peopleConcerned: 25,
    status: 'accepted',
    supporters: 9,
    daysAgo: 12,
  },
  {
    id: 'demo-need-baiyun-night-lights',
    communityId: 'baiyun',
    title: '健身广场夜间照明',
    description: '晚上在广场锻炼的居民多，灯光太暗容易摔倒',
    kind: 'sports',
    peopleConcerned: 120,
    status: 'open',
    supporters: 17,
    daysAgo: 5,
  },
  {
    id: 'demo-need-linhai-chess-room',
    communityId: 'linhai',
    title: '棋牌文化活动室',
    description: '退休居民希望有固定的下棋、书法活动场所',
    kind: 'culture',
    peopleConcerned: 40,
    status: 'open',
    supporters: 6,
    daysAgo: 3,
  },
];

interface DemoResource {
  id: string;
  unitId: string;
  communityId: string;
  title: string;
  description: string;
  kind: ResourceKind;
  serves: NeedKind[];
  capacity: number;
  committed: number;
  openingHours: string | null;
  contact: { name: string; phone: string };
}

const RESOURCES: DemoResource[] = [
  {
    id: 'demo-resource-kindergarten-rooms',
    unitId: 'kindergarten-dongri',
    communityId: 'dongri',
    title: '幼儿园活动室与保育员',
    description: '两间活动室，两名保育员轮值，每名儿童 12 次免费托育',
    kind: 'service',
    serves: ['childcare'],
    capacity: 432,
    committed: 432,
    openingHours: '周一至周五 8:00–17:00',
    contact: { name: '刘园长', phone: '13700000001' },
  },
  {
    id: 'demo-resource-dongri-property-funds',
    unitId: 'property-dongri',
    communityId: 'dongri',
    title: '物业公司社区公益资金',
    description: '用于婴儿室的装修和玩具、以及中秋晚会',
    kind: 'funds',
    serves: ['childcare', 'culture'],
    capacity: 50000,
    committed: 30000,
    openingHours: null,
    contact: { name: '王经理', phone: '13700000002' },
  },
  {
    id: 'demo-resource-chunhai-lobby',
    unitId: 'property-chunhai',
    communityId: 'chunhai',
    title: '物业服务中心大厅一角',
    description: '饮水机、充电插座、座椅，24 小时开放',
    kind: 'venue',
    serves: ['other', 'safety'],
    capacity: 20,
    committed: 0,
    openingHours: '全天 24 小时',
    contact: { name: '赵主管', phone: '13700000003' },
  },
  {
    id: 'demo-resource-linhai-kitchen',
    unitId: 'property-linhai',
    communityId: 'linhai',
    title: '物业食堂厨房与餐厅',
    description: '可供 80 人就餐的餐厅，午餐时段向老人开放',
    kind: 'venue',
    serves: ['elderly_care'],
    capacity: 80,
    committed: 80,
    openingHours: '每日 11:00–13:00',
    contact: { name: '孙经理', phone: '13700000004' },
  },
  {
    id: 'demo-resource-service-centre-volunteers',
    unitId: 'service-centre',
    communityId: 'taoyuan',
    title: '志愿者服务队',
    description: '十名志愿者，会辅导功课、维修小家电',
    kind: 'volunteers',
    serves: ['study', 'elderly_care', 'culture'],
    capacity: 10,
    committed: 0,
    openingHours: '周末',
    contact: { name: '周队长', phone: '13700000005' },
  },
];

interface DemoProject {
  id: string;
  communityId: string;
  title: string;
  description: string;
  needIds: string[];
  commitments: { resourceId: string; amount: number }[];
  leadUnitId: string;
  participantUnitIds: string[];
  status: ProjectStatus;
  /** Days from now: negative in the past. */
  milestones: { title: string; dueIn: number; doneIn: number | null }[];
  proposedIn: number;
  approvedIn: number | null;
  startedIn: number | null;
  deliveredIn: number | null;
  scores: number[];
}

const PROJECTS: DemoProject[] = [
  {
    id: 'demo-project-dongri-baby-room',
    communityId: 'dongri',
    title: '东日社区婴儿室',
    description: '幼儿园提供场地与保育员，物业公司出资装修，每名儿童 12 次免费托育',
    needIds: ['demo-need-dongri-baby-room'],
    commitments: [
      { resourceId: 'demo-resource-kindergarten-rooms', amount: 432 },
      { resourceId: 'demo-resource-dongri-property-funds', amount: 30000 },
    ],
    leadUnitId: 'kindergarten-dongri',
    participantUnitIds: ['property-dongri'],
    status: 'in_progress',
    milestones: [
      { title: '活动室改造完成', dueIn: -10, doneIn: -12 },
      { title: '保育员培训', dueIn: 5, doneIn: null },
      { title: '婴儿室开放', dueIn: 20, doneIn: null },
    ],
    proposedIn: -35,
    approvedIn: -30,
    startedIn: -28,
    deliveredIn: null,
    scores: [],
  },
  {
    id: 'demo-project-chunhai-courier-station',
    communityId: 'chunhai',
    title: '春海快递小哥驿站',
    description: '物业服务中心大厅辟出 24 小时驿站：饮水、充电、避雨',
    needIds: ['demo-need-chunhai-courier-rest'],
    commitments: [],
    leadUnitId: 'property-chunhai',
    participantUnitIds: ['power'],
    status: 'delivered',
    milestones: [
      { title: '加装插座和饮水机', dueIn: -90, doneIn: -92 },
      { title: '驿站挂牌', dueIn: -80, doneIn: -81 },
    ],
    proposedIn: -110,
    approvedIn: -100,
    startedIn: -98,
    deliveredIn: -80,
    scores: [5, 5, 4, 5],
  },
  {
    id: 'demo-project-linhai-canteen',
    communityId: 'linhai',
    title: '临海社区老年助餐食堂',
    description: '物业食堂午餐时段向 60 岁以上老人开放，社区服务中心组织送餐志愿者',
    needIds: ['demo-need-linhai-canteen'],
    commitments: [{ resourceId: 'demo-resource-linhai-kitchen', amount: 80 }],
    leadUnitId: 'property-linhai',
    participantUnitIds: ['service-centre'],
    status: 'in_progress',
    milestones: [
      { title: '老人登记', dueIn: -20, doneIn: -21 },
      { title: '试运营', dueIn: -2, doneIn: null },
      { title: '正式开放', dueIn: 14, doneIn: null },
    ],
    proposedIn: -50,
    approvedIn: -45,
    startedIn: -40,
    deliveredIn: null,
    scores: [],
  },
];

function areaPath(communityId: string): string[] {
  const byId = new Map(demoAreas().map((a) => [a.id, a]));
  const path: string[] = [];
  for (let id: string | null = communityId; id; id = byId.get(id)?.parentId ?? null) path.push(id);
  return path.length ? path : [communityId, DEMO_DISTRICT_ID];
}

/** The community's middle, so the demo's resources have a place to rank by distance. */
function placeIn(communityId: string, offset: number): { lat: number; lng: number } {
  const grids = demoAreas().filter((a) => a.parentId === communityId && a.boundary);
  const ring = grids.flatMap((g) => g.boundary?.coordinates[0] ?? []);
  const lat = ring.reduce((s, p) => s + (p[1] ?? 0), 0) / Math.max(1, ring.length);
  const lng = ring.reduce((s, p) => s + (p[0] ?? 0), 0) / Math.max(1, ring.length);
  return { lat: lat + offset * 0.001, lng: lng + offset * 0.001 };
}

const at = (now: Date, days: number | null) => (days === null ? null : new Date(now.getTime() + days * DAY));

/**
 * Loads the demo committees' needs, resources and projects. Inserted only when missing (by id), so
 * what a demo user changes survives restarts. Written without events: they are the starting state.
 */
export async function seedDemoCommittee(models: Models, logger: Logger, now = new Date()): Promise<void> {
  const { id, ...unit } = DEMO_KINDERGARTEN_UNIT;
  await models.units.updateOne({ _id: id }, { $setOnInsert: { ...unit, active: true } }, { upsert: true });
  const record = (communityId: string) => ({
    communityId,
    areaIds: areaPath(communityId),
    version: 1,
    outbox: [],
    outboxPending: false,
  });
  for (const n of NEEDS) {
    const { id: needId, daysAgo, ...fields } = n;
    if (await models.needs.exists({ _id: needId })) continue;
    await new models.needs({
      _id: needId,
      ...fields,
      ...record(n.communityId),
      location: null,
      raisedBy: { channel: 'resident', userId: null, unitId: null },
      contactPhone: null,
      declineReason: null,
      mergedInto: null,
      supporterKeys: [],
      raisedAt: at(now, -daysAgo),
    }).save({ timestamps: false });
  }
  for (const [i, r] of RESOURCES.entries()) {
    const { id: resourceId, ...fields } = r;
    if (await models.resources.exists({ _id: resourceId })) continue;
    await new models.resources({
      _id: resourceId,
      ...fields,
      ...record(r.communityId),
      availableFrom: districtDay(at(now, -365) as Date),
      availableTo: null,
      location: placeIn(r.communityId, i % 3),
      withdrawnAt: null,
      createdAt: at(now, -180),
      updatedAt: at(now, -30),
    }).save({ timestamps: false });
  }
  for (const p of PROJECTS) {
    const {
      id: projectId,
      milestones,
      scores,
      proposedIn,
      approvedIn,
      startedIn,
      deliveredIn,
      ...fields
    } = p;
    if (await models.projects.exists({ _id: projectId })) continue;
    await new models.projects({
      _id: projectId,
      ...fields,
      ...record(p.communityId),
      resourceIds: p.commitments.length
        ? p.commitments.map((c) => c.resourceId)
        : RESOURCES.filter((r) => r.communityId === p.communityId).map((r) => r.id),
      unitIds: [p.leadUnitId, ...p.participantUnitIds],
      milestones: milestones.map((m, i) => ({
        id: `${projectId}-m${i + 1}`,
        title: m.title,
        dueAt: at(now, m.dueIn),
        doneAt: at(now, m.doneIn),
        waivedAt: null,
        waiveReason: null,
        remindedAt: null,
        missedAt: null,
      })),
      approvedAtMeetingId: null,
      evaluations: scores.map((score, i) => ({
        score,
        comment: null,
        at: at(now, (deliveredIn ?? 0) + i + 1),
      })),
      evaluatorKeys: [],
      proposedAt: at(now, proposedIn),
      approvedAt: at(now, approvedIn),
      startedAt: at(now, startedIn),
      deliveredAt: at(now, deliveredIn),
      evaluatedAt: null,
      createdBy: `${p.communityId}.secretary`,
      updatedAt: at(now, -1),
    }).save({ timestamps: false });
  }
  logger.info(
    { needs: NEEDS.length, resources: RESOURCES.length, projects: PROJECTS.length },
    'demo committees loaded',
  );
}
