import assert from 'node:assert/strict';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/** The demo district's committees, as `npm start` loads them: the lists show and work through the API. */
describe('committee demo data (baby room, courier station, canteen, needs waiting)', function () {
  this.timeout(120000);
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem({ SEED_DEMO_COMMITTEE: 'true' });
  });
  after(async () => {
    await system?.destroy();
  });

  it('shows residents the projects and needs of their community', async () => {
    const dongri = await request(system.url, 'GET', '/api/v1/communities/dongri/projects');
    assert.equal(dongri.status, 200, JSON.stringify(dongri.body));
    assert.deepEqual(
      dongri.body.items.map((p: { id: string; status: string }) => [p.id, p.status]),
      [['demo-project-dongri-baby-room', 'in_progress']],
    );
    const chunhai = await request(system.url, 'GET', '/api/v1/communities/chunhai/projects');
    assert.equal(chunhai.body.items[0].status, 'delivered');
    assert.equal(chunhai.body.items[0].averageScore, 4.8);
    const waiting = await request(system.url, 'GET', '/api/v1/communities/baiyun/needs');
    assert.deepEqual(
      waiting.body.items.map((n: { status: string }) => n.status),
      ['open'],
    );
  });

  it('gives the secretaries their lists and the matches for a need waiting for resources', async () => {
    const token = await login(system.url, 'laohutan.secretary', 'demo-test-password');
    const projects = await request(system.url, 'GET', '/api/v1/projects', { token });
    assert.deepEqual(
      projects.body.items.map((p: { id: string }) => p.id),
      ['demo-project-chunhai-courier-station'],
    );
    const taoyuan = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const matches = await request(system.url, 'GET', '/api/v1/needs/demo-need-taoyuan-study-room/matches', {
      token: taoyuan,
    });
    assert.equal(matches.status, 200, JSON.stringify(matches.body));
    assert.equal(matches.body.items[0].resource.id, 'demo-resource-service-centre-volunteers');
    assert.equal(matches.body.items[0].servesKind, true);
    const resources = await request(system.url, 'GET', '/api/v1/resources?communityId=dongri', {
      token: taoyuan,
    });
    assert.equal(resources.body.items.length, 2);
  });
});
