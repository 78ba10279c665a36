import assert from 'node:assert/strict';
import {
  DEFAULT_CALENDAR,
  DISTRICT_TIME_ZONE,
  DISTRICT_UTC_OFFSET,
  DISTRICT_UTC_OFFSET_MINUTES,
  defaultCalendarDefinition,
  districtDateTime,
  districtDay,
  districtInstant,
  districtWallClock,
  fixedOffsetMinutes,
  reportDay,
} from '@grid-dispatch/domain';

/** The district's clock (China Standard Time, UTC+8 all year), whatever the zone of the process. */
describe('calendar: district time', () => {
  it('is UTC+8, the offset of its named zone all year', () => {
    assert.equal(DISTRICT_UTC_OFFSET_MINUTES, 480);
    assert.equal(DISTRICT_UTC_OFFSET, '+08:00');
    assert.equal(DISTRICT_TIME_ZONE, 'Asia/Shanghai');
    assert.equal(fixedOffsetMinutes(DISTRICT_TIME_ZONE, [2026, 2027]), DISTRICT_UTC_OFFSET_MINUTES);
    // The shipped working calendar keeps the same clock.
    assert.equal(DEFAULT_CALENDAR.timeZoneOffsetMinutes, DISTRICT_UTC_OFFSET_MINUTES);
    assert.equal(defaultCalendarDefinition().timezone, DISTRICT_TIME_ZONE);
  });

  it('reads an instant near midnight UTC+8 on the right day and hour', () => {
    assert.equal(districtWallClock('2026-11-27T15:59:59.999Z'), '2026-11-27T23:59:59.999');
    assert.equal(districtWallClock('2026-11-27T16:00:00.000Z'), '2026-11-28T00:00:00.000');
    assert.equal(districtDay('2026-11-27T15:59:59.999Z'), '2026-11-27');
    assert.equal(districtDay(new Date('2026-11-27T16:00:00Z')), '2026-11-28');
    // New Year's Eve in UTC is already New Year's Day in the district; and a leap day.
    assert.equal(districtDay(Date.parse('2026-12-31T20:00:00Z')), '2027-01-01');
    assert.equal(districtDay('2028-02-28T16:00:00Z'), '2028-02-29');
    // Reporting days are the district's days.
    assert.equal(reportDay('2026-11-27T16:00:00.000Z'), districtDay('2026-11-27T16:00:00.000Z'));
    assert.throws(() => districtDay('not a date'), RangeError);
  });

  it('writes an instant with its offset, to the second', () => {
    assert.equal(districtDateTime('2026-05-01T01:30:15.999Z'), '2026-05-01T09:30:15+08:00');
    assert.equal(districtDateTime(new Date('2026-12-31T16:30:00Z')), '2027-01-01T00:30:00+08:00');
    assert.equal(
      new Date(districtDateTime('2026-12-31T16:30:00Z')).toISOString(),
      '2026-12-31T16:30:00.000Z',
    );
  });

  it('finds the instant a district clock reads, a day meaning its first instant', () => {
    assert.equal(districtInstant('2026-11-28').toISOString(), '2026-11-27T16:00:00.000Z');
    assert.equal(districtInstant('2026-11-28T00:00').toISOString(), '2026-11-27T16:00:00.000Z');
    assert.equal(districtInstant('2026-11-28T07:59').toISOString(), '2026-11-27T23:59:00.000Z');
    assert.equal(districtInstant('2026-11-28T18:00:30.5').toISOString(), '2026-11-28T10:00:30.500Z');
    assert.equal(districtInstant('2024-02-29T08:00').toISOString(), '2024-02-29T00:00:00.000Z');
    const instant = '2026-03-14T21:07:00.000Z';
    assert.equal(districtInstant(districtWallClock(instant)).toISOString(), instant);
  });

  it('finds no instant for a day or time that does not exist, or text with a zone', () => {
    for (const text of [
      '',
      'today',
      '2026-02-30',
      '2025-02-29T08:00',
      '2026-13-01',
      '2026-05-01T24:00',
      '2026-05-01T10:60',
      '2026-05-01T10:00Z',
      '2026-05-01T10:00+08:00',
      '2026-5-1',
    ]) {
      assert.ok(Number.isNaN(districtInstant(text).getTime()), text);
    }
  });

  it('does not depend on the zone the process runs in', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(districtDay('2026-01-31T16:30:00Z'), '2026-02-01', tz);
        assert.equal(districtInstant('2026-02-01T00:30').toISOString(), '2026-01-31T16:30:00.000Z', tz);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
