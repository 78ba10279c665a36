import assert from 'node:assert/strict';
import {
  applyAction,
  type LifecycleActor,
  type LifecycleCommand,
  type LifecycleView,
  MAX_TEXT_LENGTH,
} from '@grid-dispatch/domain';

const lead: LifecycleActor = { kind: 'staff', role: 'unit_member', unitId: 'water', inScope: true };
const secretary: LifecycleActor = { kind: 'staff', role: 'subdistrict_secretary', inScope: true };
const NOW = '2030-03-01T08:00:00Z';

const view = (status: LifecycleView['status']): LifecycleView => ({
  id: 'T1',
  status,
  unitId: status === 'submitted' ? null : 'water',
  assistUnitIds: [],
  pendingRequest:
    status === 'returned' ? { kind: 'return', requestedBy: 'water', previousStatus: 'dispatched' } : null,
});

const long = 'x'.repeat(MAX_TEXT_LENGTH + 1);
const maxLength = 'y'.repeat(MAX_TEXT_LENGTH);

/** [name, status, command, expected error paths (empty = accepted)] */
const CASES: Array<[string, LifecycleView['status'], Record<string, unknown>, string[]]> = [
  ['progress without note', 'accepted', { action: 'progress', actor: lead }, ['note']],
  ['progress with blank note', 'accepted', { action: 'progress', actor: lead, note: ' \n\t ' }, ['note']],
  ['progress with a number note', 'accepted', { action: 'progress', actor: lead, note: 42 }, ['note']],
  ['progress with 2001 chars', 'accepted', { action: 'progress', actor: lead, note: long }, ['note']],
  ['progress with 2000 chars', 'accepted', { action: 'progress', actor: lead, note: maxLength }, []],
  [
    'progress with 2000 chars plus padding',
    'accepted',
    { action: 'progress', actor: lead, note: ` ${maxLength} ` },
    [],
  ],
  ['resolve without note', 'accepted', { action: 'resolve', actor: lead }, ['note']],
  [
    'resolve with a bad photo',
    'accepted',
    { action: 'resolve', actor: lead, note: 'ok', photos: ['a', ''] },
    ['photos[1]'],
  ],
  [
    'resolve with photos not a list',
    'accepted',
    { action: 'resolve', actor: lead, note: 'ok', photos: 'a' },
    ['photos'],
  ],
  [
    'resolve with 21 photos',
    'accepted',
    { action: 'resolve', actor: lead, note: 'ok', photos: Array(21).fill('p') },
    ['photos'],
  ],
  ['return without reason', 'dispatched', { action: 'return', actor: lead, reason: '' }, ['reason']],
  [
    'extension with everything wrong',
    'accepted',
    { action: 'extension', actor: lead, resolveBy: 'next week', reason: '', now: 'now' },
    ['reason', 'resolveBy', 'now'],
  ],
  [
    'extension with a local time (no zone)',
    'accepted',
    { action: 'extension', actor: lead, resolveBy: '2030-03-05T08:00:00', reason: 'r', now: NOW },
    ['resolveBy'],
  ],
  [
    'extension equal to now',
    'accepted',
    { action: 'extension', actor: lead, resolveBy: NOW, reason: 'r', now: NOW },
    ['resolveBy'],
  ],
  [
    'extension with an offset',
    'accepted',
    { action: 'extension', actor: lead, resolveBy: '2030-03-05T16:00:00+08:00', reason: 'r', now: NOW },
    [],
  ],
  [
    'decide with an unknown request',
    'returned',
    { action: 'decide', actor: secretary, request: 'leave', approve: true, now: NOW },
    ['request'],
  ],
  [
    'decide with approve as a string',
    'returned',
    { action: 'decide', actor: secretary, request: 'return', approve: 'yes', now: NOW },
    ['approve'],
  ],
  [
    'decide approving a return without unit',
    'returned',
    { action: 'decide', actor: secretary, request: 'return', approve: true, now: NOW },
    ['unitId'],
  ],
  [
    'decide with a long note',
    'returned',
    { action: 'decide', actor: secretary, request: 'return', approve: false, note: long, now: NOW },
    ['note'],
  ],
  ['reassign without unit', 'dispatched', { action: 'reassign', actor: secretary, unitId: '  ' }, ['unitId']],
  [
    'reassign with a long reason',
    'dispatched',
    { action: 'reassign', actor: secretary, unitId: 'gas', reason: long },
    ['reason'],
  ],
  [
    'reassign with a blank optional reason',
    'dispatched',
    { action: 'reassign', actor: secretary, unitId: 'gas', reason: ' ' },
    [],
  ],
  ['verify without solved', 'resolved', { action: 'verify', actor: secretary }, ['solved']],
  [
    'verify with solved as a string',
    'resolved',
    { action: 'verify', actor: secretary, solved: 'true' },
    ['solved'],
  ],
  ['reopen without reason', 'closed', { action: 'reopen', actor: secretary }, ['reason']],
  ['cancel with a long reason', 'accepted', { action: 'cancel', actor: secretary, reason: long }, ['reason']],
  ['merge without target', 'accepted', { action: 'merge', actor: secretary }, ['intoTicketId']],
  [
    'merge into itself',
    'accepted',
    { action: 'merge', actor: secretary, intoTicketId: 'T1' },
    ['intoTicketId'],
  ],
  ['urge with a long note', 'accepted', { action: 'urge', actor: secretary, note: long }, ['note']],
  ['urge with no note', 'accepted', { action: 'urge', actor: secretary }, []],
  [
    'dispatch without unit',
    'submitted',
    { action: 'dispatch', actor: { kind: 'system' }, assistUnitIds: [] },
    ['unitId'],
  ],
  [
    'dispatch with a bad assisting unit',
    'submitted',
    { action: 'dispatch', actor: { kind: 'system' }, unitId: 'water', assistUnitIds: ['gas', 7] },
    ['assistUnitIds[1]'],
  ],
  [
    'feedback with an unknown rating',
    'closed',
    { action: 'feedback', actor: { kind: 'resident' }, rating: 'meh' },
    ['rating'],
  ],
  [
    'feedback with a long comment',
    'closed',
    { action: 'feedback', actor: { kind: 'resident' }, rating: 'satisfied', comment: long },
    ['comment'],
  ],
  ['an unknown action', 'accepted', { action: 'teleport', actor: secretary }, ['action']],
];

describe('domain/lifecycle input validation', () => {
  for (const [name, status, command, paths] of CASES) {
    it(`${name} → ${paths.length === 0 ? 'accepted' : `INVALID_INPUT at ${paths.join(', ')}`}`, () => {
      const outcome = applyAction(view(status), command as unknown as LifecycleCommand);
      if (paths.length === 0) {
        assert.ok(outcome.ok, JSON.stringify(outcome));
        return;
      }
      assert.ok(!outcome.ok);
      assert.equal(outcome.code, 'INVALID_INPUT');
      assert.deepEqual(
        outcome.fields?.map((f) => f.path),
        paths,
      );
    });
  }

  it('trims text before storing it', () => {
    const outcome = applyAction(view('accepted'), {
      action: 'cancel',
      actor: secretary,
      reason: '  duplicate  ',
    });
    assert.ok(outcome.ok);
    assert.equal(outcome.eventData.reason, 'duplicate');
  });

  it('leaves absent optional fields out of the event data', () => {
    const outcome = applyAction(view('accepted'), { action: 'urge', actor: secretary, note: '   ' });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.eventData, {});
  });
});
