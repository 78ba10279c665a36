import assert from 'node:assert/strict';
import type { MeetingDecision } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { createHttpApp, errorHandler, listen, notFoundHandler } from '@grid-dispatch/http';
import { createLogger } from '@grid-dispatch/logger';
import type { WorkflowConfig } from '@grid-dispatch/workflow';
import { committeeRouter } from '@grid-dispatch/workflow/dist/committee/committee.router';
import { openCommitteeContext } from '@grid-dispatch/workflow/dist/committee/committee-context';
import type { DecisionEffectContext } from '@grid-dispatch/workflow/dist/committee/decision-effects';
import { login, request } from '../support/http-client';
import { startTestSystem, type TestSystem } from '../support/test-system';

/**
 * The seam through which meeting decisions change projects: the committee routes of a test system's
 * platform, served with effects that record what they are asked and can refuse.
 */
describe('committee: meeting decisions go through DecisionEffects (real servers)', function () {
  this.timeout(120000);
  let system: TestSystem;
  let server: Awaited<ReturnType<typeof listen>>;
  let secretary: string;
  const applied: Array<{ decision: MeetingDecision; context: DecisionEffectContext }> = [];
  let refuse = false;
  let committee: ReturnType<typeof openCommitteeContext>;

  before(async () => {
    system = await startTestSystem();
    const config = system.config as unknown as WorkflowConfig;
    committee = openCommitteeContext(system.platform, config);
    const app = createHttpApp({ logger: createLogger({ level: 'silent' }) });
    app.use(
      '/api/v1',
      committeeRouter(system.platform, config, {
        outbox: committee.outbox,
        effects: {
          async apply(decision, context) {
            if (refuse) throw new AppError('VERSION_CONFLICT', 'The project changed meanwhile.');
            applied.push({ decision, context });
          },
        },
      }),
    );
    app.use(notFoundHandler);
    app.use(errorHandler(createLogger({ level: 'silent' })));
    server = await listen(app, 0);
    secretary = await login(system.url, 'dongri.secretary', 'demo-test-password');
    await system.platform.db.collection('committee_projects').insertOne({
      _id: 'study-room',
      communityId: 'dongri',
      title: 'Study room',
      needIds: [],
      leadUnitId: 'property-dongri',
      participantUnitIds: [],
      status: 'proposed',
      milestones: [],
      evaluations: [],
      proposedAt: new Date(),
    } as never);
  });

  after(async () => {
    await committee?.close();
    await server?.close();
    await system?.destroy();
  });

  it('applies a checked decision, then records it; a refusal records nothing; a 422 applies nothing', async () => {
    const base = '/api/v1/committees/dongri/meetings';
    const created = await request(server.url, 'POST', base, { token: secretary, body: { month: '2026-11' } });
    assert.equal(created.status, 201);
    const decide = (body: unknown) =>
      request(server.url, 'POST', `${base}/2026-11/decisions`, { token: secretary, body });

    let res = await decide({ kind: 'approve_project', projectId: 'study-room' });
    assert.equal(res.status, 201);
    assert.equal(applied.length, 1);
    assert.deepEqual(applied[0]!.decision, { kind: 'approve_project', projectId: 'study-room' });
    assert.equal(applied[0]!.context.communityId, 'dongri');
    assert.equal(applied[0]!.context.meetingId, created.body.id);
    assert.equal(applied[0]!.context.principal.username, 'dongri.secretary');

    res = await decide({ kind: 'approve_project', projectId: 'nope' });
    assert.equal(res.status, 422);
    assert.equal(applied.length, 1);

    refuse = true;
    res = await decide({ kind: 'note', text: 'refused by the projects' });
    assert.equal(res.status, 409);
    refuse = false;
    const meeting = await request(server.url, 'GET', `${base}/2026-11`, { token: secretary });
    assert.equal(meeting.body.decisions.length, 1);
    assert.equal(meeting.body.version, 2);
  });
});
