import assert from 'node:assert/strict';
import { checkUnitActionDraft, MAX_TEXT_LENGTH, type UnitActionKind } from '@grid-dispatch/domain';

const NOW = new Date('2026-05-01T08:00:00Z');

/** A unit's action as the console checks it before sending (the lifecycle applies the same). */
describe('domain: a unit action draft', () => {
  const cases: Array<[string, UnitActionKind, { text: string; resolveBy?: string }, string[]]> = [
    ['accept needs nothing', 'accept', { text: '' }, []],
    ['a progress note', 'progress', { text: '已到现场' }, []],
    ['a blank progress note', 'progress', { text: '   ' }, ['note: must not be blank']],
    ['a missing fix note', 'resolve', { text: '' }, ['note: must not be blank']],
    ['a return reason', 'return', { text: '不属本单位职责' }, []],
    ['a missing return reason', 'return', { text: '' }, ['reason: must not be blank']],
    [
      'a reason too long',
      'return',
      { text: 'x'.repeat(MAX_TEXT_LENGTH + 1) },
      [`reason: must be at most ${MAX_TEXT_LENGTH} characters`],
    ],
    ['an extension', 'extension', { text: '需采购材料', resolveBy: '2026-05-03T08:00:00.000Z' }, []],
    [
      'an extension without a date',
      'extension',
      { text: '需采购材料', resolveBy: '' },
      ['resolveBy: required'],
    ],
    [
      'an extension into the past',
      'extension',
      { text: '', resolveBy: '2026-05-01T07:59:00.000Z' },
      ['reason: must not be blank', 'resolveBy: must be later than now'],
    ],
  ];
  for (const [name, action, draft, problems] of cases) {
    it(name, () => {
      const found = checkUnitActionDraft(action, draft, NOW).map((p) => `${p.path}: ${p.message}`);
      assert.deepEqual(found, problems);
    });
  }
});
