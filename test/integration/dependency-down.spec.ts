import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { startGateway } from '@grid-dispatch/gateway';
import { createKafkaClient } from '@grid-dispatch/kafka';
import { eventually, request } from '../support/http-client';
import { freePort, OwnServer } from '../support/own-servers';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * A server down → /healthz 503 naming it, and intake 503 with Retry-After within a
 * second, never a hang. The database and Redis here are the test's own, so it can kill them.
 */
describe('when a server is down', function () {
  this.timeout(90000);
  let postgres: OwnServer;
  let mongo: OwnServer;
  let redis: OwnServer;
  let system: TestSystem;
  const report = {
    category: 'gas_leak',
    description: 'smell of gas in stairwell',
    location: demoGridCentre('dongri-g2'),
  };

  before(async () => {
    postgres = await OwnServer.postgres();
    await postgres.start();
    mongo = await OwnServer.ferretdb(postgres);
    redis = await OwnServer.redis();
    await Promise.all([mongo.start(), redis.start()]);
    system = await startTestSystem({
      MONGO_URL: `mongodb://127.0.0.1:${mongo.port}/gd_down`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    });
  });
  after(async () => {
    await postgres?.start().catch(() => undefined);
    await Promise.all([mongo.start().catch(() => undefined), redis.start().catch(() => undefined)]);
    await system?.destroy();
    await Promise.all([mongo?.kill(), redis?.kill()]);
    await postgres?.kill();
  });

  it('answers 503 with Retry-After within a second while the database is down, and recovers', async () => {
    assert.equal((await request(system.url, 'POST', '/api/v1/reports', { body: report })).status, 201);
    await mongo.kill();

    const t0 = Date.now();
    const res = await request(system.url, 'POST', '/api/v1/reports', { body: report });
    const elapsed = Date.now() - t0;
    assert.equal(res.status, 503, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'DEPENDENCY_UNAVAILABLE');
    assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After header');
    assert.ok(elapsed < 1500, `answered in ${elapsed} ms`);

    const t1 = Date.now();
    const health = await request(system.url, 'GET', '/healthz');
    assert.ok(Date.now() - t1 < 1500, `healthz answered in ${Date.now() - t1} ms`);
    assert.equal(health.status, 503);
    assert.equal(health.body.database, 'down');
    assert.equal(health.body.kafka, 'up');
    assert.equal(health.body.redis, 'up');

    await mongo.start();
    await eventually(
      async () => {
        const again = await request(system.url, 'POST', '/api/v1/reports', { body: report });
        return again.status === 201 ? again : undefined;
      },
      20000,
      250,
    );
  });

  it('answers 503 with Retry-After while the PostgreSQL under FerretDB is down, and recovers', async () => {
    assert.equal((await request(system.url, 'POST', '/api/v1/reports', { body: report })).status, 201);
    await postgres.kill();

    const res = await request(system.url, 'POST', '/api/v1/reports', { body: report });
    assert.equal(res.status, 503, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'DEPENDENCY_UNAVAILABLE');
    assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After header');
    const health = await request(system.url, 'GET', '/healthz');
    assert.equal(health.status, 503);
    assert.equal(health.body.database, 'down');

    await postgres.start();
    await eventually(
      async () => {
        const again = await request(system.url, 'POST', '/api/v1/reports', { body: report });
        return again.status === 201 ? again : undefined;
      },
      30000,
      250,
    );
  });

  it('reports Redis down on /healthz within a second', async () => {
    await redis.kill();
    const t0 = Date.now();
    const health = await request(system.url, 'GET', '/healthz');
    assert.ok(Date.now() - t0 < 1500);
    assert.equal(health.status, 503);
    assert.equal(health.body.redis, 'down');
    await redis.start();
    await eventually(
      async () => ((await request(system.url, 'GET', '/healthz')).status === 200 ? true : undefined),
      20000,
      250,
    );
  });

  it('reports Kafka down on /healthz within a second', async () => {
    const deadBroker = `127.0.0.1:${await freePort()}`;
    const kafka = createKafkaClient({
      brokers: [deadBroker],
      clientId: 'dead',
      logger: system.platform.logger,
    });
    const gateway = await startGateway(
      { db: system.platform.db, redis: system.platform.redis, kafka, logger: system.platform.logger },
      system.config,
      {
        intake: system.services.intake.url,
        workflow: system.services.workflow.url,
        live: system.services.live.url,
      },
      0,
    );
    try {
      const t0 = Date.now();
      const health = await request(gateway.url, 'GET', '/healthz');
      assert.ok(Date.now() - t0 < 1500, `answered in ${Date.now() - t0} ms`);
      assert.equal(health.status, 503);
      assert.deepEqual(health.body, { status: 'degraded', kafka: 'down', database: 'up', redis: 'up' });
    } finally {
      await gateway.stop();
    }
  });
});
