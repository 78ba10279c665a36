import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

type LimitUnit = 'minutes' | 'hours' | 'days';
interface TimeLimit {
  amount: string;
  unit: LimitUnit;
}
const m = loadWebModule<{
  limitOfIso(iso: string): TimeLimit | null;
  isoOfLimit(limit: TimeLimit): string | null;
}>('admin/time-limit');

/** The admin edits a category's limits as a number and a unit; the API stores ISO-8601. */
describe('web: time limits as a number and a unit', () => {
  it('reads a stored limit in the unit that keeps it whole', () => {
    assert.deepEqual(m.limitOfIso('PT15M'), { amount: '15', unit: 'minutes' });
    assert.deepEqual(m.limitOfIso('PT90M'), { amount: '90', unit: 'minutes' });
    assert.deepEqual(m.limitOfIso('PT120M'), { amount: '2', unit: 'hours' });
    assert.deepEqual(m.limitOfIso('PT1H30M'), { amount: '90', unit: 'minutes' });
    assert.deepEqual(m.limitOfIso('PT4H'), { amount: '4', unit: 'hours' });
    assert.deepEqual(m.limitOfIso('P5D'), { amount: '5', unit: 'days' });
    assert.deepEqual(m.limitOfIso('P5DT0H'), { amount: '5', unit: 'days' });
    assert.deepEqual(m.limitOfIso('P2W'), { amount: '14', unit: 'days' });
    assert.deepEqual(m.limitOfIso('PT30S'), { amount: '0.5', unit: 'minutes' });
    assert.deepEqual(m.limitOfIso(''), { amount: '', unit: 'hours' });
  });

  it('leaves to ISO text what no single unit says, or what is not a duration', () => {
    // On a working clock a day is not 24 hours: P1DT4H is not 28 hours.
    assert.equal(m.limitOfIso('P1DT4H'), null);
    assert.equal(m.limitOfIso('P1M'), null);
    assert.equal(m.limitOfIso('four hours'), null);
  });

  it('writes the duration the server stores, and refuses what is not a positive number', () => {
    assert.equal(m.isoOfLimit({ amount: '15', unit: 'minutes' }), 'PT15M');
    assert.equal(m.isoOfLimit({ amount: ' 4 ', unit: 'hours' }), 'PT4H');
    assert.equal(m.isoOfLimit({ amount: '1,5', unit: 'hours' }), 'PT1.5H');
    assert.equal(m.isoOfLimit({ amount: '05', unit: 'days' }), 'P5D');
    for (const amount of ['', '0', '-2', 'abc', '1e3', '2.']) {
      assert.equal(m.isoOfLimit({ amount, unit: 'hours' }), null, `"${amount}"`);
    }
  });

  it('reads back every limit it writes as the same number and unit', () => {
    for (const unit of ['minutes', 'hours', 'days'] as const) {
      for (const amount of ['1', '7', '45']) {
        const back = m.limitOfIso(m.isoOfLimit({ amount, unit })!);
        const same = back?.unit === unit && back.amount === amount;
        // 60 minutes or more in whole hours reads back as hours: the same duration.
        const asHours =
          unit === 'minutes' && back?.unit === 'hours' && Number(back.amount) * 60 === Number(amount);
        assert.ok(same || asHours, `${amount} ${unit} → ${JSON.stringify(back)}`);
      }
    }
  });
});
