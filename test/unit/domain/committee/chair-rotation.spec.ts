import assert from 'node:assert/strict';
import { chairOrder, committeeMemberIds, rotatingChair } from '@grid-dispatch/domain';

const units = (...ids: string[]) => ids.map((id) => ({ id }));

describe('committee chair rotation', () => {
  const cases: Array<{
    name: string;
    members: string[];
    stored?: string[];
    last?: string | null;
    month?: string;
    chair: string | null;
  }> = [
    { name: 'no members, no chair', members: [], chair: null },
    { name: 'after the last chair in id order', members: ['c', 'a', 'b'], last: 'a', chair: 'b' },
    { name: 'wraps round in id order', members: ['c', 'a', 'b'], last: 'c', chair: 'a' },
    {
      name: 'follows the stored order',
      members: ['a', 'b', 'c'],
      stored: ['c', 'a', 'b'],
      last: 'c',
      chair: 'a',
    },
    {
      name: 'stored order wraps round',
      members: ['a', 'b', 'c'],
      stored: ['c', 'a', 'b'],
      last: 'b',
      chair: 'c',
    },
    {
      name: 'members the order does not name come after it by id',
      members: ['a', 'b', 'c', 'd'],
      stored: ['c', 'a'],
      last: 'a',
      chair: 'b',
    },
    {
      name: 'skips a unit that left the committee',
      members: ['a', 'c'],
      stored: ['a', 'b', 'c'],
      last: 'a',
      chair: 'c',
    },
    {
      name: 'a last chair that left: the one after it',
      members: ['a', 'c'],
      stored: ['a', 'b', 'c'],
      last: 'b',
      chair: 'c',
    },
    { name: 'a last chair that left, never in the stored order', members: ['a', 'c'], last: 'b', chair: 'c' },
    { name: 'a leaver last in id order wraps round', members: ['a', 'c'], last: 'z', chair: 'a' },
    { name: 'a single member chairs again', members: ['a'], last: 'a', chair: 'a' },
    {
      name: 'repeats in the stored order count once',
      members: ['a', 'b'],
      stored: ['b', 'b', 'a'],
      last: 'b',
      chair: 'a',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const chair = rotatingChair(units(...c.members), c.month ?? '2026-12', {
        storedOrder: c.stored,
        lastChairId: c.last ?? null,
      });
      assert.equal(chair?.id ?? null, c.chair);
    });
  }

  it('before any meeting, rotates month by month through the order', () => {
    const members = units('water', 'gas', 'power');
    const chairs = ['2026-01', '2026-02', '2026-03', '2026-04'].map((m) => rotatingChair(members, m)!.id);
    assert.equal(new Set(chairs.slice(0, 3)).size, 3);
    assert.equal(chairs[3], chairs[0]);
    assert.equal(rotatingChair([...members].reverse(), '2026-01')!.id, chairs[0]);
    // With a stored order, month n goes to its member n mod count.
    const stored = ['power', 'water', 'gas'];
    const months = ['2026-01', '2026-02', '2026-03'].map(
      (m) => rotatingChair(members, m, { storedOrder: stored })!.id,
    );
    assert.deepEqual(new Set(months), new Set(stored));
    assert.deepEqual(
      months.map((_, i) => stored.indexOf(months[(i + 1) % 3]!) - stored.indexOf(months[i]!)),
      [1, 1, -2],
    );
  });

  it('lists the members in turn order, leavers dropped', () => {
    assert.deepEqual(chairOrder(['d', 'a', 'c', 'b'], ['c', 'x', 'a']), ['c', 'a', 'b', 'd']);
    assert.deepEqual(chairOrder(['b', 'a']), ['a', 'b']);
  });
});

describe('committee members', () => {
  const areas = [
    { id: 'district', level: 'district' as const, parentId: null },
    { id: 'sub', level: 'subdistrict' as const, parentId: 'district' },
    { id: 'dongri', level: 'community' as const, parentId: 'sub' },
    { id: 'grid-1', level: 'grid' as const, parentId: 'dongri' },
    { id: 'chunhai', level: 'community' as const, parentId: 'sub' },
  ];
  const cases: Array<[string, { id: string; areaIds: string[]; active?: boolean }, boolean]> = [
    ['serves the community', { id: 'kindergarten', areaIds: ['dongri'] }, true],
    ['serves the district above it', { id: 'water', areaIds: ['district'] }, true],
    ['serves a grid inside it', { id: 'property', areaIds: ['grid-1'] }, true],
    ['serves another community only', { id: 'canteen', areaIds: ['chunhai'] }, false],
    ['inactive: it left', { id: 'old', areaIds: ['dongri'], active: false }, false],
  ];
  for (const [name, unit, member] of cases) {
    it(name, () => assert.equal(committeeMemberIds([unit], areas, 'dongri').includes(unit.id), member));
  }
});
