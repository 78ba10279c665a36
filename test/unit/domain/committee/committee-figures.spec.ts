import assert from 'node:assert/strict';
import { committeeFigures, type FigureProject } from '@grid-dispatch/domain';

const need = (id: string, communityId: string, status: string, raisedAt: string) => ({
  id,
  communityId,
  status,
  raisedAt,
});
const project = (p: Partial<FigureProject> & { id: string; communityId: string }): FigureProject => ({
  needIds: [],
  leadUnitId: 'kindergarten',
  participantUnitIds: [],
  proposedAt: '2026-01-05T00:00:00Z',
  deliveredAt: null,
  evaluations: [],
  ...p,
});

const figures = committeeFigures({
  communityIds: ['dongri', 'chunhai', 'empty'],
  from: '2026-01-01',
  to: '2026-12-31',
  needs: [
    need('n1', 'dongri', 'served', '2026-01-01T00:00:00Z'),
    need('n2', 'dongri', 'accepted', '2026-02-01T00:00:00Z'),
    need('n3', 'dongri', 'declined', '2026-03-01T00:00:00Z'),
    need('n4', 'chunhai', 'served', '2026-01-10T00:00:00Z'),
    need('old', 'chunhai', 'served', '2025-06-01T00:00:00Z'),
    need('elsewhere', 'linhai', 'open', '2026-05-01T00:00:00Z'),
  ],
  projects: [
    project({
      id: 'baby-room',
      communityId: 'dongri',
      needIds: ['n1'],
      participantUnitIds: ['property', 'kindergarten'],
      deliveredAt: '2026-03-02T00:00:00Z',
      evaluations: [
        { score: 5, at: '2026-03-10T00:00:00Z' },
        { score: 4, at: '2026-03-11T00:00:00Z' },
      ],
    }),
    project({
      id: 'courier',
      communityId: 'chunhai',
      leadUnitId: 'post',
      needIds: ['n4', 'old'],
      // 2026-12-31 20:00 UTC is already 2027-01-01 in reporting time: outside the period.
      deliveredAt: '2026-12-31T20:00:00Z',
      evaluations: [{ score: 3, at: '2026-12-31T10:00:00Z' }],
    }),
    project({
      id: 'gala',
      communityId: 'chunhai',
      leadUnitId: 'property',
      needIds: ['n4'],
      deliveredAt: '2026-09-10T00:00:00Z',
    }),
    project({
      id: 'last-year',
      communityId: 'dongri',
      proposedAt: '2025-01-01T00:00:00Z',
      deliveredAt: '2025-06-01T00:00:00Z',
    }),
  ],
  resources: [
    { id: 'r1', unitId: 'kindergarten', communityId: 'dongri', createdAt: '2026-01-01T00:00:00Z' },
    {
      id: 'r2',
      unitId: 'property',
      communityId: 'dongri',
      createdAt: '2025-01-01T00:00:00Z',
      availableTo: '2025-12-31',
    },
    { id: 'r3', unitId: 'property', communityId: 'chunhai', createdAt: '2026-04-01T00:00:00Z' },
  ],
});
const dongri = figures.committees.find((c) => c.communityId === 'dongri')!;
const chunhai = figures.committees.find((c) => c.communityId === 'chunhai')!;
const empty = figures.committees.find((c) => c.communityId === 'empty')!;

describe('committee figures', () => {
  const table: Array<[string, unknown, unknown]> = [
    [
      'every committee listed, by id',
      figures.committees.map((c) => c.communityId),
      ['chunhai', 'dongri', 'empty'],
    ],
    ['needs raised, accepted, served', dongri.needs, { raised: 3, accepted: 2, served: 1 }],
    [
      'needs of other areas and years not counted',
      figures.total.needs,
      { raised: 4, accepted: 3, served: 2 },
    ],
    ['delivered in the period, by month', dongri.delivered.byMonth, [{ month: '2026-03', count: 1 }]],
    [
      'delivered in reporting time',
      chunhai.delivered,
      { total: 1, byMonth: [{ month: '2026-09', count: 1 }], byYear: [{ year: '2026', count: 1 }] },
    ],
    ['district by year', figures.total.delivered.byYear, [{ year: '2026', count: 2 }]],
    ['median days need to delivery', dongri.medianDaysNeedToDelivered, 60],
    ['district median over all pairs', figures.total.medianDaysNeedToDelivered, 60],
    ['nothing delivered, no median', empty.medianDaysNeedToDelivered, null],
    ['satisfaction', dongri.satisfaction, { mean: 4.5, count: 2 }],
    ['district satisfaction over every evaluation', figures.total.satisfaction, { mean: 4, count: 3 }],
    ['nothing evaluated', empty.satisfaction, { mean: null, count: 0 }],
    [
      'participation: the lead is not counted as joining its own project; old resources not offered',
      dongri.units,
      [
        { unitId: 'kindergarten', projectsLed: 1, projectsJoined: 0, resourcesOffered: 1 },
        { unitId: 'property', projectsLed: 0, projectsJoined: 1, resourcesOffered: 0 },
      ],
    ],
    [
      'district participation adds the committees',
      figures.total.units.find((u) => u.unitId === 'property'),
      { unitId: 'property', projectsLed: 1, projectsJoined: 1, resourcesOffered: 1 },
    ],
  ];
  for (const [name, actual, expected] of table) it(name, () => assert.deepEqual(actual, expected));
});
