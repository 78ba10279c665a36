import assert from 'node:assert/strict';
import { threadId } from 'node:worker_threads';
import { PasswordHasher } from '@grid-dispatch/auth';

/** Bcrypt runs on a worker thread, so a burst of logins never stalls the service's event loop. */
describe('password hashing off the event loop', function () {
  this.timeout(20000);
  const hasher = new PasswordHasher();
  after(() => hasher.close());

  it('hashes and compares on a thread other than the main one', async () => {
    assert.ok(hasher.threadIds.length > 0);
    assert.ok(!hasher.threadIds.includes(threadId), 'not the calling thread');
    const hash = await hasher.hash('Correct-Horse-9', 4);
    assert.match(hash, /^\$2[aby]\$04\$/);
    assert.equal(await hasher.compare('Correct-Horse-9', hash), true);
    assert.equal(await hasher.compare('wrong-horse', hash), false);
  });

  it('answers many comparisons at once, each with its own result', async () => {
    const hash = await hasher.hash('Battery-Staple-7', 4);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => hasher.compare(i % 2 ? 'Battery-Staple-7' : `guess-${i}`, hash)),
    );
    assert.deepEqual(
      results,
      Array.from({ length: 20 }, (_, i) => i % 2 === 1),
    );
  });
});
