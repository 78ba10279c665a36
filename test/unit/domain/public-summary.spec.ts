import assert from 'node:assert/strict';
import { PUBLIC_SUMMARY_LENGTH, publicSummary } from '@grid-dispatch/domain';

/** A report's description as other residents nearby read it. */
describe('domain: public summary of a description', () => {
  it('masks phone numbers and email addresses the same way in every language', () => {
    assert.equal(
      publicSummary('井盖丢了 请打 138-0013-8000 或 0411 8281 3456，或写信 li@example.com'),
      '井盖丢了 请打 *** 或 ***，或写信 ***',
    );
  });

  it('collapses whitespace and keeps a short text whole', () => {
    assert.equal(publicSummary('  路灯\n\n不亮\t了  '), '路灯 不亮 了');
  });

  it('cuts a long text to whole characters, with an ellipsis', () => {
    const long = `${'😀'.repeat(10)}${'很长'.repeat(40)}`;
    const summary = publicSummary(long);
    assert.equal([...summary].length, PUBLIC_SUMMARY_LENGTH);
    assert.ok(summary.endsWith('…'));
    assert.ok(summary.startsWith('😀'.repeat(10)), 'no emoji cut in half');
  });
});
