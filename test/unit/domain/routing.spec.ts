import assert from 'node:assert/strict';
import { type Responsibility, resolveResponsibility, routeTicket } from '@grid-dispatch/domain';

const PATH = ['G1', 'C1', 'S1', 'D1'];
const line = (id: string, areaId: string, lead: string, assist: string[] = [], category = 'road_collapse') =>
  ({ id, category, areaId, leadUnitId: lead, assistUnitIds: assist }) satisfies Responsibility;

describe('domain/routing resolveResponsibility', () => {
  const all = [
    line('r-d', 'D1', 'district-works'),
    line('r-s', 'S1', 'subdistrict-works'),
    line('r-c', 'C1', 'community-works'),
    line('r-g', 'G1', 'grid-works'),
  ];

  const specificity: Array<[string, Responsibility[], string, string]> = [
    ['grid beats community, sub-district and district', all, 'grid-works', 'G1'],
    ['community beats sub-district and district', all.slice(0, 3), 'community-works', 'C1'],
    ['sub-district beats district', all.slice(0, 2), 'subdistrict-works', 'S1'],
    ['district alone', all.slice(0, 1), 'district-works', 'D1'],
    ['order of the list does not matter', [...all].reverse(), 'grid-works', 'G1'],
  ];
  for (const [name, responsibilities, lead, area] of specificity) {
    it(name, () => {
      const decision = resolveResponsibility({ category: 'road_collapse', areaPath: PATH, responsibilities });
      assert.equal(decision.kind, 'matched');
      if (decision.kind !== 'matched') return;
      assert.equal(decision.leadUnitId, lead);
      assert.equal(decision.matchedAreaId, area);
    });
  }

  it('ignores other categories and areas off the path', () => {
    const decision = resolveResponsibility({
      category: 'road_collapse',
      areaPath: PATH,
      responsibilities: [
        line('x1', 'G1', 'water', [], 'burst_main'),
        line('x2', 'G2', 'other'),
        line('x3', 'S1', 'works'),
      ],
    });
    assert.deepEqual(decision, {
      kind: 'matched',
      leadUnitId: 'works',
      assistUnitIds: [],
      matchedAreaId: 'S1',
      responsibilityId: 'x3',
    });
  });

  it('breaks ties on the same area by the lowest responsibility id', () => {
    const responsibilities = [
      line('r-2', 'C1', 'second'),
      line('r-10', 'C1', 'tenth'),
      line('r-3', 'C1', 'third'),
    ];
    const decision = resolveResponsibility({ category: 'road_collapse', areaPath: PATH, responsibilities });
    assert.equal(decision.kind === 'matched' && decision.responsibilityId, 'r-10');
    const reversed = resolveResponsibility({
      category: 'road_collapse',
      areaPath: PATH,
      responsibilities: [...responsibilities].reverse(),
    });
    assert.deepEqual(reversed, decision);
  });

  it('deduplicates assisting units and never lists the lead among them', () => {
    const decision = resolveResponsibility({
      category: 'road_collapse',
      areaPath: PATH,
      responsibilities: [line('r', 'G1', 'works', ['gas', 'works', 'power', 'gas', 'power', 'water'])],
    });
    assert.ok(decision.kind === 'matched');
    assert.deepEqual(decision.assistUnitIds, ['gas', 'power', 'water']);
  });

  it('does not share the assist array with the input', () => {
    const input = line('r', 'G1', 'works', ['gas']);
    const decision = resolveResponsibility({
      category: 'road_collapse',
      areaPath: PATH,
      responsibilities: [input],
    });
    assert.ok(decision.kind === 'matched');
    decision.assistUnitIds.push('mutated');
    assert.deepEqual(input.assistUnitIds, ['gas']);
  });

  it('falls back to the district (last element of the path) with no match', () => {
    const decision = resolveResponsibility({
      category: 'noise',
      areaPath: PATH,
      responsibilities: all,
    });
    assert.deepEqual(decision, { kind: 'fallback', districtId: 'D1' });
  });

  it('falls back with no district when the location is outside every grid', () => {
    const decision = resolveResponsibility({
      category: 'road_collapse',
      areaPath: [],
      responsibilities: all,
    });
    assert.deepEqual(decision, { kind: 'fallback', districtId: null });
  });
});

describe('routing: every report has a holder', () => {
  const box = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  };
  const areas = [
    { id: 'D', level: 'district' as const, parentId: null, dutyUnitId: 'desk' },
    { id: 'S', level: 'subdistrict' as const, parentId: 'D' },
    { id: 'C', level: 'community' as const, parentId: 'S' },
    { id: 'G', level: 'grid' as const, parentId: 'C', boundary: box },
  ];
  const line = { id: 'r1', category: 'road', areaId: 'C', leadUnitId: 'works', assistUnitIds: [] };
  const route = (over: Partial<Parameters<typeof routeTicket>[0]>) =>
    routeTicket({
      category: 'road',
      location: { lat: 0.5, lng: 0.5 },
      areas,
      responsibilities: [line],
      ...over,
    });

  it('is the lead unit when the list covers the report', () => {
    assert.equal(route({}).ownerUnitId, 'works');
  });
  it('is the district duty desk when the list has no line, or the place is outside every grid', () => {
    assert.equal(route({ category: 'lift' }).ownerUnitId, 'desk');
    const outside = route({ location: { lat: 5, lng: 5 } });
    assert.deepEqual([outside.areaIds, outside.ownerUnitId], [['D'], 'desk']);
    assert.equal(route({ location: null }).ownerUnitId, 'desk');
  });
  it('is nobody when the district has no duty desk (intake then refuses the report)', () => {
    const offDuty = areas.map((a) => (a.id === 'D' ? { ...a, dutyUnitId: null } : a));
    assert.equal(route({ category: 'lift', areas: offDuty }).ownerUnitId, null);
    assert.equal(route({ areas: [] }).ownerUnitId, null);
  });
});
