import assert from 'node:assert/strict';
import {
  communityCentre,
  type MatchableResource,
  type MatchedNeed,
  rankResourcesForNeed,
} from '@grid-dispatch/domain';

const community = { id: 'dongri', centre: { lat: 38.92, lng: 121.65 } };
const today = '2026-12-01';
const need: MatchedNeed = { kind: 'childcare', peopleConcerned: 12 };

const resource = (id: string, overrides: Partial<MatchableResource> = {}): MatchableResource => ({
  id,
  kind: 'venue',
  serves: ['childcare'],
  capacity: 30,
  committed: 0,
  availableFrom: '2026-01-01',
  location: { lat: 38.921, lng: 121.65 },
  ...overrides,
});

const order = (resources: MatchableResource[], n: MatchedNeed = need) =>
  rankResourcesForNeed(n, resources, community, today).map((m) => m.resource.id);

describe('committee: rankResourcesForNeed', () => {
  const table: [string, MatchableResource[], string[]][] = [
    [
      'kind fit first',
      [resource('sports', { serves: ['sports'] }), resource('kindergarten')],
      ['kindergarten', 'sports'],
    ],
    [
      'available today before available later',
      [resource('later', { availableFrom: '2027-01-01' }), resource('now')],
      ['now', 'later'],
    ],
    [
      'enough remaining capacity before too little',
      [resource('small', { capacity: 10 }), resource('big', { location: { lat: 38.95, lng: 121.65 } })],
      ['big', 'small'],
    ],
    [
      'capacity counts what projects already committed',
      [
        resource('busy', { capacity: 40, committed: 35 }),
        resource('free', { location: { lat: 38.95, lng: 121.65 } }),
      ],
      ['free', 'busy'],
    ],
    [
      'nearer first when otherwise equal',
      [resource('far', { location: { lat: 38.95, lng: 121.65 } }), resource('near')],
      ['near', 'far'],
    ],
    [
      'a resource without a place after those with one',
      [resource('nowhere', { location: null }), resource('far', { location: { lat: 38.99, lng: 121.65 } })],
      ['far', 'nowhere'],
    ],
    [
      'more remaining capacity when as near',
      [resource('a', { capacity: 20 }), resource('b', { capacity: 50 })],
      ['b', 'a'],
    ],
    ['the id settles a tie', [resource('b'), resource('a')], ['a', 'b']],
    [
      'expired resources are left out',
      [
        resource('expired', { availableTo: '2026-11-30' }),
        resource('last-day', { availableTo: '2026-12-01' }),
      ],
      ['last-day'],
    ],
    [
      'resources with nothing left are left out',
      [resource('full', { capacity: 10, committed: 10 }), resource('open')],
      ['open'],
    ],
    ['nothing to rank', [], []],
  ];
  for (const [title, resources, expected] of table) {
    it(title, () => assert.deepEqual(order(resources), expected));
  }

  it('measures from the need’s own place when it has one', () => {
    const here = { lat: 38.95, lng: 121.65 };
    const ranked = order([resource('by-centre'), resource('by-need', { location: here })], {
      ...need,
      location: here,
    });
    assert.deepEqual(ranked, ['by-need', 'by-centre']);
  });

  it('explains each place in both languages, ranks from 1', () => {
    const [first, second] = rankResourcesForNeed(
      need,
      [
        resource('sports', { serves: ['sports'], capacity: 5, availableFrom: '2027-02-01', location: null }),
        resource('kg'),
      ],
      community,
      today,
    );
    assert.equal(first?.rank, 1);
    assert.deepEqual(
      first?.reasons.map((r) => r.code),
      ['serves_kind', 'available_today', 'capacity_covers', 'distance'],
    );
    assert.equal(first?.distanceM, 111);
    assert.equal(second?.rank, 2);
    assert.deepEqual(
      second?.reasons.map((r) => r.code),
      ['serves_other_kinds', 'available_later', 'capacity_short', 'distance_unknown'],
    );
    assert.match(second?.reasons[1]?.en ?? '', /2027-02-01/);
    for (const reason of [...(first?.reasons ?? []), ...(second?.reasons ?? [])]) {
      assert.ok(reason.zh.length > 0 && reason.en.length > 0);
    }
  });
});

describe('committee: communityCentre', () => {
  const box = (west: number, south: number, east: number, north: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  });
  it('is the middle of the box around every boundary', () => {
    assert.deepEqual(communityCentre([box(121.6, 38.9, 121.62, 38.92), box(121.62, 38.9, 121.64, 38.92)]), {
      lat: 38.91,
      lng: 121.62,
    });
  });
  it('is null without a boundary', () => assert.equal(communityCentre([]), null));
});
