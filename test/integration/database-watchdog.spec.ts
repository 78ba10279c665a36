import assert from 'node:assert/strict';
import { connectDatabase, createModels, pingDatabase, watchDatabase } from '@grid-dispatch/db';
import type { Connection } from 'mongoose';
import { eventually } from '../support/http-client';
import { uniqueId } from '../support/test-system';

/** The driver's monitor of each server, reached the one way a test can stop it. */
type Monitored = { topology?: { s: { servers: Map<string, { monitor?: { close(): void } }> } } };

/**
 * A database client whose driver stopped checking the server is restarted. The stall is made by
 * closing the driver's server monitor (what a monitor that never checks again looks like from
 * outside: no heartbeat); the watchdog restarts the same client, and the same models read again.
 */
describe('database: a driver that stopped checking the server is restarted', function () {
  this.timeout(120000);
  let db: Connection;
  let stop = () => {};

  before(async () => {
    const base = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';
    db = await connectDatabase(base.replace(/\/[^/?]*(\?|$)/, `/gd_${uniqueId('watch')}$1`), {
      serverSelectionTimeoutMS: 5000,
    });
  });
  after(async () => {
    stop();
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('restarts the client after three missed heartbeats, and the models work on', async () => {
    const models = createModels(db);
    await models.categories.collection.insertOne({
      _id: 'watchdog_check' as never,
      name: { zh: '看门狗', en: 'Watchdog' },
    });
    const restarts: Array<{ silentMs: number; error?: string }> = [];
    stop = watchDatabase(db, { stalledAfterMs: 12000, everyMs: 500, onRestart: (r) => restarts.push(r) });

    const client = db.getClient() as unknown as Monitored;
    for (const server of client.topology!.s.servers.values()) server.monitor?.close();
    await eventually(async () => (restarts.length > 0 ? true : undefined), 60000, 250);
    assert.equal(restarts.length, 1, JSON.stringify(restarts));
    assert.equal(restarts[0]!.error, undefined, 'reconnected');
    assert.ok(restarts[0]!.silentMs >= 12000, `after ${restarts[0]!.silentMs} ms of silence`);

    const found = await models.categories.findById('watchdog_check').lean().exec();
    assert.equal(found?.name.en, 'Watchdog');
    assert.equal(await pingDatabase(db, 5000), true, 'the connection answers its health check');
    // Its heartbeats come again: no second restart while the server is fine.
    let beats = 0;
    db.getClient().on('serverHeartbeatSucceeded', () => beats++);
    await eventually(async () => (beats > 0 ? true : undefined), 30000, 250);
    assert.equal(restarts.length, 1);
  });
});
