import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { STAFF_ACTIONS } from '@grid-dispatch/domain';
import { login, request } from '../support/http-client';
import { fileAndDispatch } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * Each role × each ticket endpoint × own and foreign tickets. Nothing foreign is ever
 * read or written (404, version unchanged); inside the scope the answer is never 404.
 */
describe('authorization matrix', function () {
  this.timeout(180000);
  let system: TestSystem;
  const tokens: Record<string, string> = {};
  let ticketId = '';

  /** Who sees the Chunhai road collapse (lead municipal, assisting water) — and who must not. */
  const inScope = [
    'municipal.member',
    'water.member',
    'chunhai.secretary',
    'laohutan.secretary',
    'zhongshan.secretary',
  ];
  const outOfScope = [
    'gas.member',
    'property-dongri.member',
    'dongri.secretary',
    'linhai.secretary',
    'admin',
  ];

  const bodies: Record<string, unknown> = {
    accept: {},
    progress: { note: 'n' },
    resolve: { note: 'n' },
    return: { reason: 'r' },
    extension: { resolveBy: '2099-01-01T00:00:00Z', reason: 'r' },
    decide: { request: 'return', approve: false },
    reassign: { unitId: 'gas' },
    verify: { solved: true },
    reopen: { reason: 'r' },
    cancel: { reason: 'r' },
    merge: { intoTicketId: 'x' },
    urge: { note: 'n' },
  };

  before(async () => {
    system = await startTestSystem();
    for (const user of [...inScope, ...outOfScope]) {
      tokens[user] = await login(
        system.url,
        user,
        user === 'admin' ? 'admin-test-password' : 'demo-test-password',
      );
    }
    ({ ticketId } = await fileAndDispatch(system, {
      description: 'matrix ticket',
      location: demoGridCentre('chunhai-g2'),
    }));
  });
  after(async () => system?.destroy());

  const version = async () => (await system.platform.tickets.findById(ticketId))!.version;

  it('answers 404 to every foreign read and write, and changes nothing', async () => {
    const before = await version();
    let checked = 0;
    for (const user of outOfScope) {
      const get = await request(system.url, 'GET', `/api/v1/tickets/${ticketId}`, { token: tokens[user] });
      assert.equal(get.status, 404, `${user} GET`);
      const list = await request(system.url, 'GET', '/api/v1/tickets?limit=100', { token: tokens[user] });
      assert.ok(list.status === 200 || list.status === 404, `${user} list ${list.status}`);
      if (list.status === 200)
        assert.equal(
          list.body.items.some((t: any) => t.id === ticketId),
          false,
          `${user} lists it`,
        );
      for (const action of STAFF_ACTIONS) {
        const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
          token: tokens[user],
          body: bodies[action],
        });
        assert.equal(res.status, 404, `${user} ${action}: ${res.status}`);
        checked++;
      }
    }
    for (const action of STAFF_ACTIONS) {
      const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
        body: bodies[action],
      });
      assert.equal(res.status, 401, `no token ${action}`);
    }
    assert.equal(await version(), before, 'no foreign write went through');
    assert.equal(checked, outOfScope.length * STAFF_ACTIONS.length);
  });

  it('lets everyone in scope read it; their actions are judged by role and state, never hidden', async () => {
    for (const user of inScope) {
      const get = await request(system.url, 'GET', `/api/v1/tickets/${ticketId}`, { token: tokens[user] });
      assert.equal(get.status, 200, `${user} GET`);
      const list = await request(system.url, 'GET', '/api/v1/tickets?limit=100', { token: tokens[user] });
      assert.ok(
        list.body.items.some((t: any) => t.id === ticketId),
        `${user} lists it`,
      );
      // Only harmless actions on the shared ticket: the role decides (403) or the state (409), never 404.
      for (const action of ['verify', 'reopen', 'decide'] as const) {
        const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
          token: tokens[user],
          body: bodies[action],
        });
        assert.ok(
          [403, 409].includes(res.status),
          `${user} ${action}: ${res.status} ${JSON.stringify(res.body)}`,
        );
      }
    }
    const assist = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/accept`, {
      token: tokens['water.member'],
      body: {},
    });
    assert.equal(assist.status, 403, 'an assisting unit may not sign for the lead');
    const secretaryAccept = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/accept`, {
      token: tokens['chunhai.secretary'],
      body: {},
    });
    assert.equal(secretaryAccept.status, 403, 'a secretary does not sign for a unit');
    const lead = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/accept`, {
      token: tokens['municipal.member'],
      body: {},
    });
    assert.equal(lead.status, 200);
    const memberUrge = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/urge`, {
      token: tokens['municipal.member'],
      body: {},
    });
    assert.equal(memberUrge.status, 403, 'a unit does not urge itself');
    const districtUrge = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/urge`, {
      token: tokens['zhongshan.secretary'],
      body: {},
    });
    assert.equal(districtUrge.status, 200, 'the district secretary urges anything below');
  });

  it('lets a hotline agent file and look up reports, and nothing else: 403 on every ticket endpoint', async () => {
    const created = await request(system.url, 'POST', '/api/v1/admin/users', {
      token: tokens.admin,
      body: {
        username: 'matrix.hotline',
        password: 'Matrix-hotline-2026',
        displayName: 'matrix agent',
        role: 'hotline_agent',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const agent = await login(system.url, 'matrix.hotline', 'Matrix-hotline-2026');
    const before = await version();
    for (const [method, path] of [
      ['GET', `/api/v1/tickets/${ticketId}`],
      ['GET', '/api/v1/tickets?limit=100'],
    ] as const) {
      assert.equal((await request(system.url, method, path, { token: agent })).status, 403, path);
    }
    for (const action of STAFF_ACTIONS) {
      const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
        token: agent,
        body: bodies[action],
      });
      assert.equal(res.status, 403, `hotline agent ${action}: ${res.status}`);
    }
    for (const path of ['/api/v1/kpis', '/api/v1/units', '/api/v1/admin/users']) {
      const res = await request(system.url, 'GET', path, { token: agent });
      assert.ok([403, 404].includes(res.status), `hotline agent ${path}: ${res.status}`);
    }
    assert.equal(await version(), before, 'the agent changed nothing');
    const lookup = await request(system.url, 'GET', '/api/v1/hotline/reports?phone=13800138000', {
      token: agent,
    });
    assert.equal(lookup.status, 200, 'the hotline is the agent’s');
    for (const user of [...inScope, ...outOfScope]) {
      const res = await request(system.url, 'GET', '/api/v1/hotline/reports?phone=13800138000', {
        token: tokens[user],
      });
      assert.equal(res.status, 403, `${user} on the hotline`);
    }
  });
});
