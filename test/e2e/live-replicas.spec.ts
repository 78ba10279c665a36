import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { ConsumerGroup, groupName } from '@grid-dispatch/contracts';
import { type LiveService, startLive } from '@grid-dispatch/live';
import { AssignerProtocol } from 'kafkajs';
import { io, type Socket } from 'socket.io-client';
import { eventually, login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Two live instances share broadcasts through the socket.io Redis adapter. Both join
 * one `live` consumer group, so Kafka hands each a share of the partitions; a socket on either
 * instance must still hear every update of its rooms, and a unit member on either never hears
 * another unit's tickets.
 */
describe('two live instances share broadcasts (Redis adapter)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let second: LiveService | undefined;
  const sockets: Socket[] = [];

  before(async () => {
    system = await startTestSystem();
    second = await startLive(system.platform, system.config, 0);
  });
  after(async () => {
    for (const s of sockets) s.disconnect();
    await second?.stop();
    await system?.destroy();
  });

  function connect(url: string, token: string): Promise<{ received: any[] }> {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const received: any[] = [];
    socket.on('ticket.updated', (m) => received.push(m));
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve({ received }));
      socket.once('connect_error', reject);
    });
  }

  it('has the two instances share the partitions of the live consumer group', async () => {
    const admin = system.platform.kafka.admin();
    await admin.connect();
    try {
      const group = groupName(system.config.TOPIC_PREFIX, ConsumerGroup.Live);
      const { groups } = await admin.describeGroups([group]);
      const members = groups[0]!.members;
      assert.equal(members.length, 2, 'two members in the live group');
      for (const m of members) {
        const assignment = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        const partitions = Object.values(assignment?.assignment ?? {}).flat();
        assert.ok(partitions.length > 0, `member ${m.memberId} holds partitions`);
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers every update to sockets on both instances, whichever instance consumed it', async () => {
    const password = 'demo-test-password';
    const municipalToken = await login(system.url, 'municipal.member', password);
    const onFirst = await connect(system.url, municipalToken); // through the gateway: instance 1
    const onSecond = await connect(second!.url, municipalToken); // straight to instance 2
    const gasOnSecond = await connect(second!.url, await login(system.url, 'gas.member', password));

    // Enough tickets that both instances' shares of the 12 partitions carry some.
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await request(system.url, 'POST', '/api/v1/reports', {
        body: {
          category: 'road_collapse',
          description: `replica check ${i}`,
          location: demoGridCentre(i % 2 ? 'chunhai-g1' : 'chunhai-g2'),
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.ticketId);
    }
    const dispatchedTo = (s: { received: any[] }) =>
      new Set(s.received.filter((m) => m.status === 'dispatched').map((m) => m.id));
    await eventually(
      async () =>
        ids.every((id) => dispatchedTo(onFirst).has(id) && dispatchedTo(onSecond).has(id)) ? true : undefined,
      20000,
    );
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      gasOnSecond.received.filter((m) => ids.includes(m.id)),
      [],
      'the gas unit heard none of the municipal tickets',
    );
  });

  it('stopping one instance closes only its own sockets: the other keeps its users connected', async () => {
    const token = await login(system.url, 'municipal.member', 'demo-test-password');
    const onFirst = await connect(system.url, token);
    await connect(second!.url, token);
    const firstSocket = sockets.at(-2)!;
    const secondSocket = sockets.at(-1)!;
    const firstDisconnects: string[] = [];
    firstSocket.on('disconnect', (reason) => firstDisconnects.push(reason));
    const secondClosed = new Promise<string>((resolve) => secondSocket.once('disconnect', resolve));

    const stopping = second!;
    second = undefined;
    await stopping.stop();
    await secondClosed;

    // A later update still reaches the socket on the first instance: it was never closed.
    const res = await request(system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'road_collapse',
        description: 'after a replica stopped',
        location: demoGridCentre('chunhai-g1'),
      },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await eventually(
      async () =>
        onFirst.received.some((m) => m.id === res.body.ticketId && m.status === 'dispatched')
          ? true
          : undefined,
      20000,
    );
    assert.deepEqual(firstDisconnects, []);
    assert.equal(firstSocket.connected, true);
  });
});
