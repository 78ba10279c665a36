import assert from 'node:assert/strict';
import { parseW3cDateTime, w3cDateTime } from '@grid-dispatch/intake/dist/open311/open311-datetime';

describe('Open311: W3C datetimes', () => {
  it('writes an instant in China Standard Time with its offset', () => {
    assert.equal(w3cDateTime(new Date('2026-05-01T01:30:15.999Z')), '2026-05-01T09:30:15+08:00');
    assert.equal(w3cDateTime('2026-12-31T20:00:00Z'), '2027-01-01T04:00:00+08:00');
    assert.throws(() => w3cDateTime('not a date'));
  });

  const instants: Array<[string, string]> = [
    ['2026-05-01T08:00:00+08:00', '2026-05-01T00:00:00.000Z'],
    ['2026-05-01T00:00:00Z', '2026-05-01T00:00:00.000Z'],
    ['2026-05-01T00:00Z', '2026-05-01T00:00:00.000Z'],
    ['2026-05-01T10:20:30.45-05:00', '2026-05-01T15:20:30.450Z'],
    ['2026-05-01T10:20:30.123456789Z', '2026-05-01T10:20:30.123Z'],
    // An unencoded "+" in a query string arrives as a space.
    ['2026-05-01T08:00:00 08:00', '2026-05-01T00:00:00.000Z'],
    // A bare date is a day in China Standard Time.
    ['2026-05-01', '2026-04-30T16:00:00.000Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z'],
  ];
  for (const [text, iso] of instants) {
    it(`reads ${text}`, () => {
      const parsed = parseW3cDateTime(text);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.at.toISOString(), iso);
    });
  }

  it('reads a bare end date as the whole day', () => {
    const parsed = parseW3cDateTime('2026-05-01', { endOfDay: true });
    assert.ok(parsed.ok);
    assert.equal(parsed.at.toISOString(), '2026-05-01T15:59:59.999Z');
  });

  const refused: Array<[string, RegExp]> = [
    ['2026-05-01T08:00:00', /W3C datetime/],
    ['yesterday', /W3C datetime/],
    ['2026-5-1', /W3C datetime/],
    ['1714550400', /W3C datetime/],
    ['2026-02-30', /no such date/],
    ['2025-02-29T00:00:00Z', /no such date/],
    ['2026-13-01T00:00:00Z', /no such date/],
    ['2026-05-01T24:00:00Z', /no such time/],
    ['2026-05-01T10:60:00Z', /no such time/],
    ['2026-05-01T10:00:00+15:00', /no such time zone/],
  ];
  for (const [text, reason] of refused) {
    it(`refuses ${text}, saying why`, () => {
      const parsed = parseW3cDateTime(text);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.reason, reason);
    });
  }
});
