import assert from 'node:assert/strict';
import { newTrackingCode, normalizeTrackingCode } from '@grid-dispatch/intake/dist/tracking-code';

describe('tracking codes', () => {
  it('are 12 Crockford symbols in three groups, easy to read aloud', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
  });

  it('carry at least 50 random bits (no repeats in 20,000)', () => {
    assert.ok(12 * Math.log2(32) >= 50);
    const seen = new Set(Array.from({ length: 20000 }, newTrackingCode));
    assert.equal(seen.size, 20000);
  });

  const cases: Array<[string, string | null]> = [
    ['k7qm-2x9p-dr4t', 'K7QM-2X9P-DR4T'],
    ['K7QM2X9PDR4T', 'K7QM-2X9P-DR4T'],
    [' k7qm 2x9p dr4t ', 'K7QM-2X9P-DR4T'],
    ['O0IL-1111-0000', '0011-1111-0000'],
    ['K7QM-2X9P-DR4', null],
    ['K7QM-2X9P-DR4TT', null],
    ['K7QM-2X9P-DR4U', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    it(`normalizes "${input}" to ${expected}`, () => assert.equal(normalizeTrackingCode(input), expected));
  }
});
