import assert from 'node:assert/strict';
import { deadlinesSchema, ticketStatusSchema } from '@grid-dispatch/contracts';
import { DEADLINE_KINDS, TICKET_STATUSES } from '@grid-dispatch/domain';

/** The wire schemas take their lists from the domain, which defines each once. */
describe('contracts: lists taken from the domain', () => {
  it('a ticket status on the wire is exactly a domain status', () => {
    assert.deepEqual(ticketStatusSchema.options, [...TICKET_STATUSES]);
    assert.equal(ticketStatusSchema.safeParse('lost').success, false);
  });

  it('a ticket carries one deadline of each domain kind', () => {
    assert.deepEqual(Object.keys(deadlinesSchema.shape), [...DEADLINE_KINDS]);
  });
});
