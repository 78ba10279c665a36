import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/own-servers';

/**
 * No Docker engine runs here, so the compose file is checked the way an engine would read it:
 * Debian's docker-compose validates and resolves it without one.
 */
describe('docker-compose.yml', () => {
  const file = path.join(REPO_ROOT, 'docker-compose.yml');

  it('is a valid compose file (docker-compose config)', function () {
    this.timeout(30000);
    const resolved = execFileSync('docker-compose', ['-f', file, 'config'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        AUTH_SECRET: 'a-test-secret-of-sufficient-length-0123456789',
        ADMIN_PASSWORD: 'a-test-admin-password',
      },
    });
    for (const service of [
      'mongo',
      'kafka',
      'redis',
      'gateway',
      'intake',
      'dispatcher',
      'sla',
      'kpi',
      'live',
      'workflow',
    ]) {
      assert.match(resolved, new RegExp(`^  ${service}:`, 'm'), `service ${service}`);
    }
  });

  it('refuses to resolve without an AUTH_SECRET of the deployment (no published default)', function () {
    this.timeout(30000);
    const env = { ...process.env };
    delete env.AUTH_SECRET;
    assert.throws(() =>
      execFileSync('docker-compose', ['-f', file, 'config'], { encoding: 'utf8', env, stdio: 'pipe' }),
    );
  });

  it('runs MongoDB 7, Kafka 4 in KRaft mode and Redis 7 with AOF and noeviction', () => {
    const text = readFileSync(file, 'utf8');
    assert.match(text, /image: mongo:7/);
    assert.match(text, /image: apache\/kafka:4\./);
    assert.match(text, /KAFKA_PROCESS_ROLES: broker,controller/);
    assert.match(text, /image: redis:7/);
    assert.match(text, /--appendonly yes/);
    assert.match(text, /--maxmemory-policy noeviction/);
  });
});
