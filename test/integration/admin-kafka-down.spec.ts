import assert from 'node:assert/strict';
import { ReferenceDataPublisher } from '@grid-dispatch/kafka';
import type { Logger } from '@grid-dispatch/logger';
import { startWorkflow, type WorkflowService } from '@grid-dispatch/workflow';
import { Kafka, logLevel } from 'kafkajs';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** A client for a broker that is not there, failing fast. */
function deadKafka(): Kafka {
  return new Kafka({
    clientId: 'dead',
    brokers: ['127.0.0.1:1'],
    connectionTimeout: 200,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
}

/** Collects warnings instead of printing them. */
function captureLogger(lines: unknown[]): Logger {
  const logger = {
    warn: (...args: unknown[]) => lines.push(args),
    child: () => logger,
  };
  return logger as unknown as Logger;
}

/**
 * Announcements are a courtesy: with Kafka unreachable an admin change is still saved, answered
 * and in effect (the dispatcher reads the database), and the failed announcement is a warning.
 */
describe('administration while Kafka is down', function () {
  this.timeout(60000);
  let system: TestSystem;
  let workflow: WorkflowService;

  before(async () => {
    system = await startTestSystem();
    // The same database and secrets, but a Kafka client that can never connect.
    workflow = await startWorkflow({ ...system.platform, kafka: deadKafka() }, system.config, 0);
  });
  after(async () => {
    await workflow?.stop();
    await system?.destroy();
  });

  it('resolves false and logs a warning with ids only, never throwing', async () => {
    const warnings: unknown[] = [];
    const publisher = new ReferenceDataPublisher(deadKafka(), 'x.', captureLogger(warnings));
    const started = Date.now();
    assert.equal(await publisher.announce('user', 'u-1', 'created'), false);
    assert.ok(Date.now() - started < 10000);
    assert.equal(warnings.length, 1);
    assert.match(JSON.stringify(warnings[0]), /"id":"u-1"/);
    await publisher.disconnect();
    assert.equal(await publisher.announce('user', 'u-1', 'updated'), false, 'closed');
  });

  it('still saves and answers an admin write at once', async () => {
    const token = await login(workflow.url, 'admin', 'admin-test-password');
    const started = Date.now();
    const res = await request(workflow.url, 'POST', '/api/v1/admin/units', {
      token,
      body: { id: 'offline-unit', name: { zh: '离线', en: 'Offline' }, kind: 'other', areaIds: ['chunhai'] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.ok(Date.now() - started < 2000, `answered in ${Date.now() - started} ms`);
    assert.ok(await system.platform.models.units.exists({ _id: 'offline-unit' }).exec());
  });
});
