import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const m = loadWebModule<{ trackingCodeGroups(code: string): string[][] }>('hotline/tracking-code-groups');

/** The tracking code as the hotline agent reads it out to a caller. */
describe('web: hotline tracking code readout', () => {
  it('splits a code into its three groups of four, one character at a time', () => {
    assert.deepEqual(m.trackingCodeGroups('7k2m-9qxd-4hrt '), [
      ['7', 'K', '2', 'M'],
      ['9', 'Q', 'X', 'D'],
      ['4', 'H', 'R', 'T'],
    ]);
  });
  it('leaves a code of another shape as it is, in one group', () => {
    assert.deepEqual(m.trackingCodeGroups('ABC'), [['A', 'B', 'C']]);
  });
});
