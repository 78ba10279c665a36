import assert from 'node:assert/strict';
import { type CalendarActivity, upcomingActivities, venueClashes } from '@grid-dispatch/domain';

const activity = (id: string, startsAt: string, endsAt: string, extra: Partial<CalendarActivity> = {}) => ({
  id,
  communityId: 'dongri',
  startsAt,
  endsAt,
  resourceId: 'hall',
  published: true,
  ...extra,
});
const list = [
  activity('later', '2026-12-20T01:00:00Z', '2026-12-20T03:00:00Z'),
  activity('over', '2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z'),
  activity('under-way', '2026-12-10T01:00:00Z', '2026-12-10T05:00:00Z'),
  activity('draft', '2026-12-15T01:00:00Z', '2026-12-15T03:00:00Z', { published: false }),
  activity('soon', '2026-12-12T01:00:00Z', '2026-12-12T03:00:00Z', { resourceId: null }),
];

describe('activity calendar', () => {
  it('residents see published activities not yet over, soonest first', () => {
    assert.deepEqual(
      upcomingActivities(list, '2026-12-10T02:00:00Z').map((a) => a.id),
      ['under-way', 'soon', 'later'],
    );
  });

  const clashes: Array<[string, Parameters<typeof venueClashes>[1], string[]]> = [
    [
      'overlapping the draft (a draft books the venue too)',
      { resourceId: 'hall', startsAt: '2026-12-15T02:00:00Z', endsAt: '2026-12-15T04:00:00Z' },
      ['draft'],
    ],
    [
      'touching ends do not clash',
      { resourceId: 'hall', startsAt: '2026-12-15T03:00:00Z', endsAt: '2026-12-15T04:00:00Z' },
      [],
    ],
    [
      'inside another',
      { resourceId: 'hall', startsAt: '2026-12-20T01:30:00Z', endsAt: '2026-12-20T02:00:00Z' },
      ['later'],
    ],
    [
      'around another',
      { resourceId: 'hall', startsAt: '2026-12-19T00:00:00Z', endsAt: '2026-12-21T00:00:00Z' },
      ['later'],
    ],
    [
      'another venue',
      { resourceId: 'yard', startsAt: '2026-12-20T01:30:00Z', endsAt: '2026-12-20T02:00:00Z' },
      [],
    ],
    ['no venue, no clash', { startsAt: '2026-12-20T01:30:00Z', endsAt: '2026-12-20T02:00:00Z' }, []],
    [
      'an activity never clashes with itself',
      { id: 'later', resourceId: 'hall', startsAt: '2026-12-20T01:00:00Z', endsAt: '2026-12-20T04:00:00Z' },
      [],
    ],
  ];
  for (const [name, candidate, ids] of clashes) {
    it(name, () =>
      assert.deepEqual(
        venueClashes(list, candidate).map((a) => a.id),
        ids,
      ),
    );
  }
});
