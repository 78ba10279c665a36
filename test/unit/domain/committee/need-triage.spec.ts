import assert from 'node:assert/strict';
import {
  acceptsSupport,
  NEED_KIND_LABELS,
  NEED_KINDS,
  NEED_STATUSES,
  type NeedStatus,
  type NeedTriage,
  needStatusAfterDelivery,
  triageNeed,
} from '@grid-dispatch/domain';

const need = (status: NeedStatus) => ({ id: 'n1', communityId: 'c1', status });
const into = (status: NeedStatus, communityId = 'c1', id = 'n2') => ({ id, communityId, status });

describe('committee: need kinds', () => {
  it('labels every kind in both languages', () => {
    assert.deepEqual(Object.keys(NEED_KIND_LABELS).sort(), [...NEED_KINDS].sort());
    assert.equal(NEED_KIND_LABELS.childcare.zh, '托育');
    assert.equal(NEED_KIND_LABELS.elderly_care.zh, '养老');
  });
});

describe('committee: need triage', () => {
  const table: [string, NeedStatus, NeedTriage, Record<string, unknown>][] = [
    ['accepts an open need', 'open', { decision: 'accept' }, { ok: true, status: 'accepted' }],
    [
      'declines with the trimmed reason',
      'open',
      { decision: 'decline', reason: '  No member unit has a pool  ' },
      { ok: true, status: 'declined', declineReason: 'No member unit has a pool' },
    ],
    [
      'refuses a decline without a real reason',
      'open',
      { decision: 'decline', reason: ' no ' },
      { ok: false, code: 'VALIDATION_FAILED', field: 'reason' },
    ],
    [
      'refuses a decline reason over 500 characters',
      'open',
      { decision: 'decline', reason: 'x'.repeat(501) },
      { ok: false, code: 'VALIDATION_FAILED', field: 'reason' },
    ],
    [
      'merges into an open need',
      'open',
      { decision: 'merge', into: into('open') },
      { ok: true, status: 'merged', mergedInto: 'n2' },
    ],
    [
      'merges into an accepted need',
      'open',
      { decision: 'merge', into: into('accepted') },
      { ok: true, status: 'merged', mergedInto: 'n2' },
    ],
    [
      'refuses a merge into itself',
      'open',
      { decision: 'merge', into: into('open', 'c1', 'n1') },
      { ok: false, code: 'VALIDATION_FAILED', field: 'into' },
    ],
    [
      'refuses a merge across communities',
      'open',
      { decision: 'merge', into: into('open', 'c2') },
      { ok: false, code: 'VALIDATION_FAILED', field: 'into' },
    ],
    ...(['declined', 'merged', 'served'] as const).map(
      (status): [string, NeedStatus, NeedTriage, Record<string, unknown>] => [
        `refuses a merge into a ${status} need`,
        'open',
        { decision: 'merge', into: into(status) },
        { ok: false, code: 'VALIDATION_FAILED', field: 'into' },
      ],
    ),
    ...(['accepted', 'declined', 'merged', 'served'] as const).map(
      (status): [string, NeedStatus, NeedTriage, Record<string, unknown>] => [
        `refuses to triage a ${status} need again`,
        status,
        { decision: 'accept' },
        { ok: false, code: 'ILLEGAL_TRANSITION' },
      ],
    ),
  ];
  for (const [title, status, triage, expected] of table) {
    it(title, () => {
      const outcome = triageNeed(need(status), triage) as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(outcome[key], value, key);
    });
  }

  it('serves only accepted needs when a project is delivered', () => {
    const after = Object.fromEntries(NEED_STATUSES.map((s) => [s, needStatusAfterDelivery(s)]));
    assert.deepEqual(after, {
      open: 'open',
      accepted: 'served',
      declined: 'declined',
      merged: 'merged',
      served: 'served',
    });
  });

  it('takes "me too" only while the committee may still act', () => {
    assert.deepEqual(
      NEED_STATUSES.filter((s) => acceptsSupport(s)),
      ['open', 'accepted'],
    );
  });
});
