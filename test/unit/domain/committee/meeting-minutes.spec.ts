import assert from 'node:assert/strict';
import { MINUTES_CSV_HEADER, meetingMinutes, minutesRows } from '@grid-dispatch/domain';

const minutes = meetingMinutes(
  {
    communityId: 'dongri',
    month: '2026-12',
    chairUnitId: 'kindergarten',
    status: 'held',
    heldAt: '2026-12-10T02:00:00.000Z',
    attendeeUnitIds: ['kindergarten', 'property'],
    decisions: [
      { kind: 'approve_project', projectId: 'baby-room', at: '2026-12-10T02:10:00.000Z' },
      { kind: 'assign_unit', projectId: 'baby-room', unitId: 'clinic', at: '2026-12-10T02:20:00.000Z' },
      {
        kind: 'set_milestone',
        projectId: 'baby-room',
        milestone: { title: 'Room open', dueAt: '2027-01-15T00:00:00.000Z' },
        at: '2026-12-10T02:30:00.000Z',
      },
      { kind: 'note', text: '=next at the clinic', at: '2026-12-10T02:40:00.000Z' },
    ],
    minutes: 'All agreed.',
  },
  {
    community: { zh: '东日社区', en: 'Dongri' },
    units: new Map([
      ['kindergarten', { zh: '东日幼儿园', en: 'Dongri Kindergarten' }],
      ['property', { zh: '物业公司', en: 'Property company' }],
    ]),
    projects: new Map([['baby-room', 'Baby room']]),
    memberUnitIds: ['kindergarten', 'property', 'clinic'],
  },
);

describe('meeting minutes', () => {
  const table: Array<[string, unknown, unknown]> = [
    [
      'a title in both languages',
      minutes.title,
      { zh: '东日社区 联席会议纪要 2026-12', en: 'Dongri joint meeting minutes, 2026-12' },
    ],
    ['the chair by name', minutes.chair.name.en, 'Dongri Kindergarten'],
    ['who attended', minutes.attendees.map((a) => a.unitId), ['kindergarten', 'property']],
    ['who was absent', minutes.absent.map((a) => a.unitId), ['clinic']],
    ['an unnamed unit shows its id', minutes.absent[0]?.name, { zh: 'clinic', en: 'clinic' }],
    ['decisions numbered in order', minutes.decisions.map((d) => d.n), [1, 2, 3, 4]],
    ['the project title', minutes.decisions[0]?.projectTitle, 'Baby room'],
    ['labels in both languages', minutes.decisions[1]?.label, { zh: '指派单位', en: 'Unit assigned' }],
    [
      'the milestone',
      minutes.decisions[2]?.milestone,
      { id: null, title: 'Room open', dueAt: '2027-01-15T00:00:00.000Z' },
    ],
    ['the written minutes', minutes.minutes, 'All agreed.'],
  ];
  for (const [name, actual, expected] of table) it(name, () => assert.deepEqual(actual, expected));

  it('as CSV rows: the facts, a header, one row per decision (cells raw, escaped by the writer)', () => {
    const rows = minutesRows(minutes);
    assert.deepEqual(rows[1], ['# chair', 'kindergarten', '东日幼儿园', 'Dongri Kindergarten']);
    assert.deepEqual(rows[6], [...MINUTES_CSV_HEADER]);
    assert.equal(rows.length, 7 + 4);
    assert.deepEqual(rows[7]!.slice(0, 6), [
      '2026-12',
      '1',
      'approve_project',
      '批准项目',
      'baby-room',
      'Baby room',
    ]);
    assert.equal(rows[10]![11], '=next at the clinic');
    for (const row of rows.slice(7)) assert.equal(row.length, MINUTES_CSV_HEADER.length);
  });
});
