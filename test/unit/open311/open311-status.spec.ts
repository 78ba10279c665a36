import assert from 'node:assert/strict';
import { OPEN_STATUSES, TERMINAL_STATUSES, TICKET_STATUSES } from '@grid-dispatch/domain';
import {
  open311Status,
  open311StatusNotes,
  ticketStatusesFor,
} from '@grid-dispatch/intake/dist/open311/open311-status';

describe('Open311: status mapping', () => {
  const table: Array<[string, 'open' | 'closed']> = [
    ['submitted', 'open'],
    ['dispatched', 'open'],
    ['accepted', 'open'],
    ['returned', 'open'],
    ['resolved', 'open'],
    ['reopened', 'open'],
    ['closed', 'closed'],
    ['cancelled', 'closed'],
    ['merged', 'closed'],
  ];
  for (const [ours, theirs] of table) {
    it(`${ours} is ${theirs}`, () => {
      assert.equal(open311Status(ours as never), theirs);
    });
  }

  it('covers every status of the lifecycle, each with a note that names no one', () => {
    assert.deepEqual(table.map(([s]) => s).sort(), [...TICKET_STATUSES].sort());
    for (const status of TICKET_STATUSES) assert.ok(open311StatusNotes(status).length > 0);
  });

  it('searches open and closed as the two halves of the lifecycle', () => {
    assert.deepEqual(ticketStatusesFor('open'), [...OPEN_STATUSES]);
    assert.deepEqual(ticketStatusesFor('closed'), [...TERMINAL_STATUSES]);
  });
});
