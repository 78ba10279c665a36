import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Staff sessions end when an administrator changes the account: after a password change the old
 * token no longer works; after a deactivation the user's token reads nothing, their open socket is
 * dropped within seconds, and a deactivated admin can no longer act as one.
 */
describe('staff sessions end when the account changes', function () {
  this.timeout(90000);
  let system: TestSystem;
  let admin: string;
  const sockets: Socket[] = [];

  before(async () => {
    system = await startTestSystem({ SESSION_CHECK_EVERY_MS: '1000' });
    admin = await login(system.url, 'admin', 'admin-test-password');
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await system?.destroy();
  });

  const tickets = (token: string) => request(system.url, 'GET', '/api/v1/tickets', { token });

  async function createUser(username: string, role: string, extra: Record<string, unknown>) {
    const res = await request(system.url, 'POST', '/api/v1/admin/users', {
      token: admin,
      body: { username, password: 'first-Passw0rd!', displayName: username, role, ...extra },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  }

  it('refuses the old token after a password change; the new password logs in', async () => {
    const id = await createUser('water.night', 'unit_member', { unitId: 'water' });
    const old = await login(system.url, 'water.night', 'first-Passw0rd!');
    assert.equal((await tickets(old)).status, 200);

    const put = await request(system.url, 'PUT', `/api/v1/admin/users/${id}`, {
      token: admin,
      body: {
        username: 'water.night',
        displayName: 'water.night',
        role: 'unit_member',
        unitId: 'water',
        password: 'second-Passw0rd!',
      },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const refused = await tickets(old);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.code, 'UNAUTHENTICATED');
    const fresh = await login(system.url, 'water.night', 'second-Passw0rd!');
    assert.equal((await tickets(fresh)).status, 200);
  });

  it('drops a deactivated user: no reads, the open socket closed within seconds, no new socket', async () => {
    const id = await createUser('gas.night', 'unit_member', { unitId: 'gas' });
    const token = await login(system.url, 'gas.night', 'first-Passw0rd!');
    const socket = io(system.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ended = new Promise<string>((resolve) => socket.once('session.expired', (m) => resolve(m.message)));
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

    const del = await request(system.url, 'DELETE', `/api/v1/admin/users/${id}`, { token: admin });
    assert.equal(del.status, 200, JSON.stringify(del.body));
    assert.equal((await tickets(token)).status, 401);
    assert.match(await ended, /log in again/);
    await closed;

    const again = io(system.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(again);
    const error = await new Promise<Error>((resolve) => again.once('connect_error', resolve));
    assert.match(error.message, /session has ended/);
  });

  it("refuses a deactivated admin's token for admin work", async () => {
    const id = await createUser('second.admin', 'admin', {});
    const token = await login(system.url, 'second.admin', 'first-Passw0rd!');
    const before = await request(system.url, 'GET', '/api/v1/admin/users', { token });
    assert.equal(before.status, 200);
    assert.equal(
      (await request(system.url, 'DELETE', `/api/v1/admin/users/${id}`, { token: admin })).status,
      200,
    );
    const create = await request(system.url, 'POST', '/api/v1/admin/users', {
      token,
      body: { username: 'sneaky.admin', password: 'sneaky-Passw0rd!', displayName: 'x', role: 'admin' },
    });
    assert.equal(create.status, 401, JSON.stringify(create.body));
    const stored = await system.platform.models.users.exists({ username: 'sneaky.admin' });
    assert.equal(stored, null, 'no account was created');
  });
});
