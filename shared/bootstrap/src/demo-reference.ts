import type { ClockKind, Priority } from '@grid-dispatch/domain';
import { DEMO_DISTRICT_ID } from './demo-areas';

type Name = { zh: string; en: string };

export interface DemoUnit {
  id: string;
  name: Name;
  kind: 'water' | 'gas' | 'power' | 'municipal' | 'heating' | 'property' | 'other';
  areaIds: string[];
}

/** Member units of the joint committees: water, gas, power, municipal works, heating, property …, and the district's duty desk. */
export const DEMO_UNITS: DemoUnit[] = [
  {
    id: 'water',
    name: { zh: '大连水务集团中山供水分公司', en: 'Dalian Water, Zhongshan Branch' },
    kind: 'water',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'gas',
    name: { zh: '大连燃气集团中山分公司', en: 'Dalian Gas, Zhongshan Branch' },
    kind: 'gas',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'power',
    name: { zh: '国网大连供电公司中山供电中心', en: 'State Grid Dalian, Zhongshan Centre' },
    kind: 'power',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'municipal',
    name: { zh: '中山区市政设施管理处', en: 'Zhongshan Municipal Works Office' },
    kind: 'municipal',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'heating',
    name: { zh: '大连热电集团中山供热分公司', en: 'Dalian Heating, Zhongshan Branch' },
    kind: 'heating',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'city-management',
    name: { zh: '中山区城市管理局', en: 'Zhongshan City Management Bureau' },
    kind: 'other',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'service-centre',
    name: { zh: '中山区社区服务中心', en: 'Zhongshan Community Service Centre' },
    kind: 'other',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    // Holds no line of the responsibility list: what it holds is exactly what the list missed.
    id: 'duty-desk',
    name: { zh: '中山区网格化服务管理中心（值班台）', en: 'Zhongshan Grid Service Centre (duty desk)' },
    kind: 'other',
    areaIds: [DEMO_DISTRICT_ID],
  },
  {
    id: 'property-chunhai',
    name: { zh: '春海物业服务公司', en: 'Chunhai Property Services' },
    kind: 'property',
    areaIds: ['chunhai'],
  },
  {
    id: 'property-dongri',
    name: { zh: '东日物业管理公司', en: 'Dongri Property Management' },
    kind: 'property',
    areaIds: ['dongri'],
  },
  {
    id: 'property-linhai',
    name: { zh: '临海物业服务中心', en: 'Linhai Property Service Centre' },
    kind: 'property',
    areaIds: ['linhai'],
  },
];

/**
 * The demo district's duty desk (值班台): it takes what the responsibility list does not cover (a
 * lift with no property company, a report outside every grid) until a secretary hands it on.
 */
export const DEMO_DUTY_DESK_UNIT_ID = 'duty-desk';

export interface DemoCategory {
  code: string;
  name: Name;
  description: Name;
  priority: Priority;
  ackWithin: string;
  resolveWithin: string;
  calendar: ClockKind;
}

const P1 = { priority: 'P1', ackWithin: 'PT15M', resolveWithin: 'PT4H', calendar: 'calendar' } as const;
const P2 = { priority: 'P2', ackWithin: 'PT1H', resolveWithin: 'PT24H', calendar: 'calendar' } as const;
const P3 = { priority: 'P3', ackWithin: 'PT4H', resolveWithin: 'P5D', calendar: 'working' } as const;
const P4 = { priority: 'P4', ackWithin: 'P1D', resolveWithin: 'P15D', calendar: 'working' } as const;

/** The demo categories with the suggested limits of their priorities (P1 sign 15 min, fix 4 h … P4 1 working day, 15 working days). */
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    code: 'gas_leak',
    name: { zh: '燃气泄漏', en: 'Gas leak' },
    description: { zh: '闻到燃气味、燃气管道漏气', en: 'Smell of gas, a leaking gas pipe' },
    ...P1,
  },
  {
    code: 'road_collapse',
    name: { zh: '道路塌陷', en: 'Road collapse' },
    description: { zh: '路面塌陷、出现坑洞', en: 'The road surface has caved in or holed' },
    ...P1,
  },
  {
    code: 'manhole_missing',
    name: { zh: '井盖缺失', en: 'Missing manhole cover' },
    description: { zh: '井盖丢失或破损，有坠落危险', en: 'A manhole cover is missing or broken' },
    ...P1,
  },
  {
    code: 'water_main_burst',
    name: { zh: '供水管道爆裂', en: 'Burst water main' },
    description: { zh: '供水管道爆裂、大量跑水', en: 'A water main has burst, water is gushing' },
    ...P1,
  },
  {
    code: 'lift_trapped',
    name: { zh: '电梯困人', en: 'People trapped in a lift' },
    description: { zh: '电梯故障，有人被困', en: 'A lift has stopped with people inside' },
    ...P1,
  },
  {
    code: 'power_outage',
    name: { zh: '停电', en: 'Power cut' },
    description: { zh: '楼栋或片区停电', en: 'No electricity in a building or block' },
    ...P2,
  },
  {
    code: 'water_outage',
    name: { zh: '停水', en: 'Water outage' },
    description: { zh: '没有自来水', en: 'No tap water' },
    ...P2,
  },
  {
    code: 'no_heating',
    name: { zh: '冬季不供暖', en: 'No heating in winter' },
    description: { zh: '供暖期内暖气不热', en: 'Radiators cold during the heating season' },
    ...P2,
  },
  {
    code: 'sewer_overflow',
    name: { zh: '污水外溢', en: 'Sewer overflow' },
    description: { zh: '污水井或管道冒水', en: 'Sewage overflowing from a drain or pipe' },
    ...P2,
  },
  {
    code: 'street_lamp',
    name: { zh: '路灯不亮', en: 'Dark street lamp' },
    description: { zh: '路灯损坏或夜间不亮', en: 'A street lamp is broken or dark at night' },
    ...P3,
  },
  {
    code: 'bins_overflow',
    name: { zh: '垃圾满溢', en: 'Overflowing bins' },
    description: { zh: '垃圾桶满溢未清运', en: 'Rubbish bins full and not collected' },
    ...P3,
  },
  {
    code: 'broken_paving',
    name: { zh: '人行道破损', en: 'Broken paving' },
    description: { zh: '人行道砖松动或破损', en: 'Loose or broken pavement slabs' },
    ...P3,
  },
  {
    code: 'noise',
    name: { zh: '噪声扰民', en: 'Noise' },
    description: { zh: '施工或经营噪声影响休息', en: 'Construction or business noise disturbing residents' },
    ...P3,
  },
  {
    code: 'suggestion',
    name: { zh: '意见建议', en: 'Needs and suggestions' },
    description: { zh: '对社区和联合党委的需求与建议', en: 'Needs and suggestions for the joint committee' },
    ...P4,
  },
];

export interface DemoResponsibility {
  id: string;
  category: string;
  areaId: string;
  leadUnitId: string;
  assistUnitIds: string[];
}

const d = DEMO_DISTRICT_ID;
const line = (
  category: string,
  areaId: string,
  leadUnitId: string,
  assistUnitIds: string[] = [],
): DemoResponsibility => ({
  id: `${category}@${areaId}`,
  category,
  areaId,
  leadUnitId,
  assistUnitIds,
});

/**
 * The responsibility list (责任清单). District-wide lines for the utilities; community lines for
 * what property companies answer for; one grid-level line to show that the most specific area
 * wins. Lifts in communities without a property company have no line: the district is the fallback.
 */
export const DEMO_RESPONSIBILITIES: DemoResponsibility[] = [
  line('gas_leak', d, 'gas'),
  line('road_collapse', d, 'municipal', ['water']),
  line('manhole_missing', d, 'municipal', ['water']),
  line('water_main_burst', d, 'water', ['municipal']),
  line('power_outage', d, 'power'),
  line('water_outage', d, 'water'),
  line('no_heating', d, 'heating'),
  line('sewer_overflow', d, 'municipal', ['water']),
  line('street_lamp', d, 'municipal'),
  line('street_lamp', 'chunhai-g1', 'property-chunhai'),
  line('bins_overflow', d, 'city-management'),
  line('bins_overflow', 'chunhai', 'property-chunhai'),
  line('bins_overflow', 'dongri', 'property-dongri'),
  line('broken_paving', d, 'municipal'),
  line('noise', d, 'city-management'),
  line('suggestion', d, 'service-centre'),
  line('lift_trapped', 'chunhai', 'property-chunhai'),
  line('lift_trapped', 'dongri', 'property-dongri'),
  line('lift_trapped', 'linhai', 'property-linhai'),
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: 'unit_member' | 'community_secretary' | 'subdistrict_secretary' | 'district_secretary';
  unitId?: string;
  areaId?: string;
}

/** One login per role (and one member per unit), all with the demo password. */
export const DEMO_USERS: DemoUser[] = [
  ...DEMO_UNITS.map((u) => ({
    username: `${u.id}.member`,
    displayName: `${u.name.zh}值班员`,
    role: 'unit_member' as const,
    unitId: u.id,
  })),
  {
    username: 'chunhai.secretary',
    displayName: '春海社区书记',
    role: 'community_secretary',
    areaId: 'chunhai',
  },
  {
    username: 'dongri.secretary',
    displayName: '东日社区书记',
    role: 'community_secretary',
    areaId: 'dongri',
  },
  {
    username: 'linhai.secretary',
    displayName: '临海社区书记',
    role: 'community_secretary',
    areaId: 'linhai',
  },
  {
    username: 'laohutan.secretary',
    displayName: '老虎滩街道书记',
    role: 'subdistrict_secretary',
    areaId: 'laohutan',
  },
  { username: 'zhongshan.secretary', displayName: '中山区书记', role: 'district_secretary', areaId: d },
];
