import assert from 'node:assert/strict';
import { ConfigError, commonConfigSchema, DEVELOPMENT_AUTH_SECRET, loadConfig } from '@grid-dispatch/config';

/** Anyone who knows AUTH_SECRET can sign an admin's token: production never runs on a known one. */
describe('AUTH_SECRET outside development', () => {
  const strong = 'q8Vd2mN4xR7tL1pZ9cW3yB6hK0sJ5fG2';

  const refused: Array<[string, NodeJS.ProcessEnv]> = [
    ['no secret at all (the development default)', { NODE_ENV: 'production' }],
    ['the development default set by hand', { NODE_ENV: 'production', AUTH_SECRET: DEVELOPMENT_AUTH_SECRET }],
    [
      "docker-compose's old default",
      { NODE_ENV: 'production', AUTH_SECRET: 'change-me-to-a-long-random-secret' },
    ],
    ['a short secret', { NODE_ENV: 'production', AUTH_SECRET: 'only-twenty-characters' }],
    ['a repetitive secret', { NODE_ENV: 'production', AUTH_SECRET: 'abababababababababababababababababab' }],
  ];
  for (const [name, env] of refused) {
    it(`refuses to start in production with ${name}, naming the variable but not its value`, () => {
      assert.throws(
        () => loadConfig(commonConfigSchema, env),
        (error: unknown) =>
          error instanceof ConfigError &&
          /AUTH_SECRET: /.test(error.message) &&
          (env.AUTH_SECRET === undefined || !error.message.includes(env.AUTH_SECRET)),
      );
    });
  }

  it('starts in production with a long random secret of its own', () => {
    assert.equal(
      loadConfig(commonConfigSchema, { NODE_ENV: 'production', AUTH_SECRET: strong }).AUTH_SECRET,
      strong,
    );
  });

  it('starts in development and tests with the default', () => {
    assert.equal(loadConfig(commonConfigSchema, {}).AUTH_SECRET, DEVELOPMENT_AUTH_SECRET);
    assert.equal(loadConfig(commonConfigSchema, { NODE_ENV: 'test' }).AUTH_SECRET, DEVELOPMENT_AUTH_SECRET);
  });
});
