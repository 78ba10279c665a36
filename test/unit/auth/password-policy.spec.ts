import assert from 'node:assert/strict';
import { productionPasswordProblems } from '@grid-dispatch/all-in-one';
import { passwordProblem } from '@grid-dispatch/auth';

describe('staff password policy', () => {
  const refused: Array<[string, string, string | undefined, RegExp]> = [
    ['shorter than 10 characters', '12345678', undefined, /at least 10/],
    ['a common password', '1234567890', undefined, /most common/],
    ['a common word with a year and a symbol added', 'Password2026!', undefined, /most common/],
    ['a common Chinese favourite', 'woaini1314', undefined, /most common/],
    ["this project's published default", 'Admin12345', undefined, /most common/],
    ['the username inside it', 'xiaoming-secret-9', 'xiaoming', /username/],
    ['one character repeated', 'aaaaaaaaaaaa', undefined, /too simple/],
  ];
  for (const [name, password, username, reason] of refused) {
    it(`refuses ${name}`, () => assert.match(passwordProblem(password, username) ?? '', reason));
  }

  it('accepts a long password of one’s own', () => {
    assert.equal(passwordProblem('Correct-Horse-9', 'water.member'), null);
  });

  it('refuses the published admin and demo passwords in production, not in development', () => {
    const defaults = { ADMIN_PASSWORD: 'admin12345', SEED_DEMO: true, DEMO_PASSWORD: 'demo12345' };
    assert.deepEqual(productionPasswordProblems({ ...defaults, NODE_ENV: 'development' }), []);
    const problems = productionPasswordProblems({ ...defaults, NODE_ENV: 'production' });
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /^ADMIN_PASSWORD: /);
    assert.match(problems[1]!, /^DEMO_PASSWORD: .*SEED_DEMO=false/);
    assert.deepEqual(
      productionPasswordProblems({
        NODE_ENV: 'production',
        ADMIN_PASSWORD: 'Kx9-harbour-lamp',
        SEED_DEMO: false,
        DEMO_PASSWORD: 'demo12345',
      }),
      [],
    );
  });
});
