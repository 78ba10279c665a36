import assert from 'node:assert/strict';
import { io, type Socket } from 'socket.io-client';
import { eventually, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Committee dashboards update live: every event on `committee-events` reaches the secretaries of
 * the record's community and of the areas above it as `committee.updated`, and nobody else.
 */
describe('committee events pushed to the secretaries’ dashboards', function () {
  this.timeout(120000);
  let system: TestSystem;
  const sockets: Socket[] = [];

  before(async () => {
    system = await startTestSystem();
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await system?.destroy();
  });

  async function listen(username: string): Promise<any[]> {
    const token = await login(system.url, username, 'demo-test-password');
    const socket = io(system.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const heard: any[] = [];
    socket.on('committee.updated', (m) => heard.push(m));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return heard;
  }

  const raise = (community: string, n: number) =>
    request(system.url, 'POST', `/api/v1/communities/${community}/needs`, {
      body: {
        title: `需要一个活动室 ${n}`,
        description: '周末孩子们没有地方活动，希望有一个活动室',
        kind: 'study',
        peopleConcerned: 20,
        device: `live-device-${n}-abcdefghijklmnop`,
      },
    });

  it('tells the community’s and the district’s secretaries, not another community’s', async () => {
    const [dongri, district, chunhai] = await Promise.all([
      listen('dongri.secretary'),
      listen('zhongshan.secretary'),
      listen('chunhai.secretary'),
    ]);
    const first = await raise('dongri', 1);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const heardBy = (heard: any[], id: string) =>
      eventually(async () => heard.find((m) => m.entityId === id), 30000);
    const pushed = await heardBy(dongri, first.body.id);
    assert.deepEqual(
      {
        entity: pushed.entity,
        type: pushed.type,
        communityId: pushed.communityId,
        version: pushed.entityVersion,
      },
      { entity: 'need', type: 'need.raised', communityId: 'dongri', version: 1 },
    );
    await heardBy(district, first.body.id);
    // Chunhai's secretary hears Chunhai's own need, and by then has not heard Dongri's.
    const second = await raise('chunhai', 2);
    assert.equal(second.status, 201, JSON.stringify(second.body));
    await heardBy(chunhai, second.body.id);
    assert.equal(
      chunhai.some((m) => m.entityId === first.body.id),
      false,
    );
  });
});
