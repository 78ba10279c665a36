import assert from 'node:assert/strict';
import { type EvidenceEvent, fixEvidence } from '@grid-dispatch/domain';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 1, minute)).toISOString();
const event = (type: string, minute: number, payload: EvidenceEvent['payload'] = {}): EvidenceEvent => ({
  type,
  at: at(minute),
  payload,
});

/** What the unit shows of its work to the secretary who verifies and the resident who rates. */
describe('domain: fix evidence', () => {
  it('is empty before the unit said anything', () => {
    assert.deepEqual(fixEvidence([event('ticket.submitted', 0), event('ticket.dispatched', 1)]), {
      fix: null,
      updates: [],
    });
  });

  it('lists the progress notes oldest first and keeps the fix report with its photos', () => {
    const evidence = fixEvidence([
      event('ticket.dispatched', 1),
      event('ticket.accepted', 2, { note: '已签收' }),
      event('ticket.progress_reported', 3, { note: ' 已到现场，正在围挡 ' }),
      event('ticket.progress_reported', 4, { note: '   ' }),
      event('ticket.progress_reported', 5, { note: '等待沥青' }),
      event('ticket.resolved', 6, { note: '已修复路面', photos: ['/api/v1/photos/a', '', 7] }),
    ]);
    assert.deepEqual(evidence.updates, [
      { at: at(3), note: '已到现场，正在围挡' },
      { at: at(5), note: '等待沥青' },
    ]);
    assert.deepEqual(evidence.fix, {
      at: at(6),
      note: '已修复路面',
      photos: ['/api/v1/photos/a'],
      current: true,
    });
  });

  it('keeps only the latest fix, and marks one a failed verification or a reopening superseded', () => {
    const failed = fixEvidence([
      event('ticket.resolved', 1, { note: '第一次', photos: ['/p/1'] }),
      event('ticket.verification_failed', 2, { note: '仍有积水' }),
    ]);
    assert.equal(failed.fix?.note, '第一次');
    assert.equal(failed.fix?.current, false);
    const again = fixEvidence([
      event('ticket.resolved', 1, { note: '第一次' }),
      event('ticket.verification_failed', 2),
      event('ticket.resolved', 3, { photos: ['/p/2'] }),
    ]);
    assert.deepEqual(again.fix, { at: at(3), note: null, photos: ['/p/2'], current: true });
    const reopened = fixEvidence([
      event('ticket.resolved', 1),
      event('ticket.closed', 2),
      event('ticket.reopened', 3),
    ]);
    assert.equal(reopened.fix?.current, false);
  });

  it('never takes another event’s note as the unit’s words', () => {
    const evidence = fixEvidence([
      event('ticket.return_requested', 1, { reason: '不属于本单位', note: '内部说明' }),
      event('ticket.urged', 2, { note: '请加快' }),
    ]);
    assert.deepEqual(evidence, { fix: null, updates: [] });
  });
});
