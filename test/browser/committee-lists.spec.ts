import assert from 'node:assert/strict';
import { browserSuite, DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';
const NEED = '东日婴儿托育室';

/**
 * The joint committee's lists in a real Chromium, from a resident's need to their rating of the
 * project that met it: a resident raises a need on the residents' page (an empty form refused
 * under its inputs) and another, offered it as a near-duplicate, says "me too"; the property
 * company offers its activity room from the console; Dongri's secretary adds a caller to the need
 * by phone and records another caller's need, accepts the first, sees
 * the room among its matches with the reasons and makes a project from it, whose approval from a
 * stale page (approved meanwhile elsewhere) is said in a sentence and reloaded, and waives one of
 * its milestones; the
 * property company starts it, marks the milestone done and delivers it; the first resident
 * rates it.
 */
describe('browser: joint committee needs, resources and projects', function () {
  this.timeout(180000);
  const suite = browserSuite('committee-lists');

  it('takes a need from a resident to a rated project', async () => {
    // A resident raises the need; the empty form is refused field by field first.
    const resident = await suite.pages.open(PHONE, '/#/needs/dongri');
    const needs = resident.locator('[data-testid="community-needs"]');
    await needs.locator('[data-testid="need-raise"]').click();
    const form = needs.locator('[data-testid="need-form"]');
    await form.locator('[data-testid="need-submit"]').click();
    await form.locator('[data-testid="field-error-title"]').waitFor();
    assert.equal(await form.locator('[data-testid="need-title"]').getAttribute('aria-invalid'), 'true');
    await form.locator('[data-testid="field-error-kind"]').waitFor();
    await form.locator('[data-testid="need-title"]').fill(NEED);
    await form
      .locator('[data-testid="need-description"]')
      .fill('小区里一到三岁的孩子很多，需要就近的托育服务');
    await form.locator('[data-testid="need-kind"]').selectOption('childcare');
    await form.locator('[data-testid="need-people"]').fill('12');
    await form.locator('[data-testid="need-submit"]').click();
    await needs.locator('[data-testid="need-sent"]').waitFor();
    assert.equal(await form.locator('[data-testid="field-error-title"]').count(), 0);
    await needs.locator('[data-testid="own-need"][data-status="open"]', { hasText: NEED }).waitFor();
    await needs.locator('[data-testid="public-need"]', { hasText: NEED }).waitFor();
    await screenshot(resident, 'lists-01-need-raised');

    // Another resident starts the same need and is offered the existing one instead: "me too".
    const neighbour = await suite.pages.open(PHONE, '/#/needs/dongri');
    const theirs = neighbour.locator('[data-testid="community-needs"]');
    await theirs.locator('[data-testid="need-raise"]').click();
    await theirs.locator('[data-testid="need-title"]').fill('婴儿托育室');
    await theirs.locator('[data-testid="need-kind"]').selectOption('childcare');
    await theirs.locator('[data-testid="need-submit"]').click();
    const similar = theirs.locator('[data-testid="similar-needs"] [data-testid="public-need"]', {
      hasText: NEED,
    });
    await similar.waitFor();
    await screenshot(neighbour, 'lists-02-similar-offered');
    await similar.locator('[data-testid="need-me-too"]').click();
    await theirs.locator('[data-testid="need-support-note"]').first().waitFor();
    await theirs
      .locator('.need-list [data-testid="public-need"]', { hasText: NEED })
      .locator('[data-testid="need-supporters"]', { hasText: '1' })
      .waitFor();

    // The property company offers its activity room from the console (an empty form refused first).
    const unitPage = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(unitPage, 'property-dongri.member', PASSWORD);
    const unit = unitPage.locator('[data-testid="unit-resources"]');
    await unit.locator('[data-testid="resource-new"]').click();
    await unit.locator('[data-testid="resource-communityId"]').selectOption('dongri');
    await unit.locator('[data-testid="resource-save"]').click();
    await unit.locator('[data-testid="field-error-title"]').waitFor();
    await unit.locator('[data-testid="resource-title"]').fill('物业活动室');
    await unit.locator('[data-testid="resource-description"]').fill('一楼活动室，可改造为婴儿室');
    await unit.locator('[data-testid="resource-kind"]').selectOption('venue');
    await unit.locator('[data-testid="resource-serves-childcare"]').check();
    await unit.locator('[data-testid="resource-capacity"]').fill('20');
    await unit.locator('[data-testid="resource-openingHours"]').fill('周一至周五 9:00-17:00');
    await unit.locator('[data-testid="resource-contactName"]').fill('张经理');
    await unit.locator('[data-testid="resource-contactPhone"]').fill('13600136000');
    await unit.locator('[data-testid="resource-save"]').click();
    const offered = unit.locator('[data-testid="unit-resource"]', { hasText: '物业活动室' });
    await offered.waitFor();
    // Edited: more places than first said.
    await offered.locator('[data-testid="resource-edit"]').click();
    await unit.locator('[data-testid="resource-capacity"]').fill('25');
    await unit.locator('[data-testid="resource-save"]').click();
    await unit.locator('[data-testid="unit-resource"]', { hasText: '容量 25' }).waitFor();
    await screenshot(unitPage, 'lists-03-resource-offered');

    // The secretary accepts the need, reads its matches and makes a project from the room.
    const dash = await suite.pages.open(DESK, '/dashboard.html');
    await loginThroughForm(dash, 'dongri.secretary', PASSWORD);
    await dash.locator('[data-testid="dash-tab-committee"]').click();
    await dash.locator('[data-testid="committee-community"]').selectOption('dongri');

    // A resident phones in the same need: the secretary is offered the existing one and adds the
    // caller to it by phone (asked for the number first); another caller's new need is recorded.
    const onBehalf = dash.locator('[data-testid="need-on-behalf"]');
    await onBehalf.locator('[data-testid="need-raise"]').click();
    await onBehalf.locator('[data-testid="need-title"]').fill('婴儿托育');
    await onBehalf.locator('[data-testid="need-kind"]').selectOption('childcare');
    await onBehalf.locator('[data-testid="need-submit"]').click();
    const existing = onBehalf.locator('[data-testid="similar-need"]', { hasText: NEED });
    await existing.locator('[data-testid="need-support-phone"]').click();
    await onBehalf.locator('[data-testid="field-error-contactPhone"]').waitFor();
    await onBehalf.locator('[data-testid="need-phone"]').fill('13700137000');
    await existing.locator('[data-testid="need-support-phone"]').click();
    await existing.locator('[data-testid="need-support-phone-note"]', { hasText: '共 2 人' }).waitFor();
    // A need's row, by its title (each row's merge choice names the other needs too).
    const needRow = (title: string, status?: string) =>
      dash
        .locator(
          status ? `[data-testid="staff-need"][data-status="${status}"]` : '[data-testid="staff-need"]',
        )
        .filter({ has: dash.locator('strong', { hasText: title }) });
    await needRow(NEED).getByText('2 人附议').waitFor();
    await onBehalf.locator('[data-testid="need-title"]').fill('老人午间助餐');
    await onBehalf.locator('[data-testid="need-description"]').fill('独居老人多，希望有人送午饭');
    await onBehalf.locator('[data-testid="need-kind"]').selectOption('elderly_care');
    await onBehalf.locator('[data-testid="need-people"]').fill('8');
    await onBehalf.locator('[data-testid="need-submit"]').click();
    await onBehalf.locator('[data-testid="need-sent"]').waitFor();
    await needRow('老人午间助餐', 'open').waitFor();
    await screenshot(dash, 'lists-03b-need-on-behalf');

    const staffNeed = needRow(NEED);
    await staffNeed.locator('[data-testid="need-accept"]').click();
    await needRow(NEED, 'accepted').waitFor();
    await staffNeed.locator('[data-testid="need-matches"]').click();
    const matches = dash.locator('[data-testid="need-matches-panel"]');
    const room = matches.locator('[data-testid="need-match"]', { hasText: '物业活动室' });
    await room.locator('[data-testid="match-reason"]').first().waitFor();
    await room.locator('[data-testid="match-pick"]').check();
    assert.equal(await matches.locator('[data-testid="project-lead"]').inputValue(), 'property-dongri');
    await matches.locator('[data-testid="project-milestone"]').fill('场地改造');
    await matches.locator('[data-testid="project-milestone-add"]').click();
    await matches.locator('[data-testid="project-milestone"]').nth(1).fill('开放仪式');
    // It takes ten of the room's places: more than are left is refused under the amount.
    await room.locator('[data-testid="match-amount"]').fill('99');
    await screenshot(dash, 'lists-04-matches');
    await matches.locator('[data-testid="project-create"]').click();
    await room.locator('[data-testid="field-error-commitments[0].amount"]').waitFor();
    await room.locator('[data-testid="match-amount"]').fill('10');
    await matches.locator('[data-testid="project-create"]').click();
    await matches.locator('[data-testid="project-created"]').waitFor();
    const projects = dash.locator('[data-testid="projects-panel"]');
    const proposed = projects.locator('[data-testid="staff-project"][data-status="proposed"]', {
      hasText: NEED,
    });
    await proposed.waitFor();

    // Approved meanwhile from another session: the page's stale approval is said in a sentence
    // and the list reloaded to the project as it now stands. The list's reloads (the live update
    // for the other session's approval among them) are held until the stale approval was refused.
    let releaseList = () => {};
    const listReleased = new Promise<void>((resolve) => {
      releaseList = resolve;
    });
    const heldList = /\/api\/v1\/projects\?/;
    await dash.route(heldList, async (route) => {
      await listReleased;
      await route.continue();
    });
    const secretary = await login(suite.system.url, 'dongri.secretary', PASSWORD);
    const listed = await request(suite.system.url, 'GET', '/api/v1/projects?communityId=dongri', {
      token: secretary,
    });
    const project = listed.body.items.find((p: { title: string }) => p.title === NEED);
    const approved = await request(suite.system.url, 'POST', `/api/v1/projects/${project.id}/approve`, {
      token: secretary,
      body: {},
      headers: { 'if-match': String(project.version) },
    });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const rooms = await request(suite.system.url, 'GET', '/api/v1/resources?communityId=dongri', {
      token: secretary,
    });
    const taken = rooms.body.items.find((r: { title: string }) => r.title === '物业活动室');
    assert.equal(taken.remaining, 15, 'approval took the ten places the project committed');
    const refused = dash.waitForResponse((r) => r.url().endsWith('/approve') && r.status() === 409);
    await proposed.locator('[data-testid="project-approve"]').click();
    await refused;
    releaseList();
    await dash.unroute(heldList);
    await projects.locator('[data-testid="projects-note"]', { hasText: '他人更新' }).waitFor();
    await projects
      .locator('[data-testid="staff-project"][data-status="approved"]', { hasText: NEED })
      .waitFor();
    // The opening ceremony is waived, with the reason kept beside it.
    const approvedProject = projects.locator('[data-testid="staff-project"]', { hasText: NEED });
    await approvedProject
      .locator('[data-testid="milestone"]', { hasText: '开放仪式' })
      .locator('[data-testid="milestone-waive"]')
      .click();
    await approvedProject.locator('[data-testid="milestone-waive-reason"]').fill('与社区活动合并举办');
    await approvedProject.locator('[data-testid="milestone-waive-confirm"]').click();
    await approvedProject.locator('[data-testid="milestone"]', { hasText: '与社区活动合并举办' }).waitFor();
    await screenshot(dash, 'lists-05-project-approved');

    // The lead unit starts it, marks the milestone done and delivers it.
    await unitPage.reload();
    const unitProjects = unitPage.locator('[data-testid="unit-lists"] [data-testid="projects-panel"]');
    const ours = unitProjects.locator('[data-testid="staff-project"]', { hasText: NEED });
    await ours.locator('[data-testid="project-start"]').click();
    await unitProjects
      .locator('[data-testid="staff-project"][data-status="in_progress"]', { hasText: NEED })
      .waitFor();
    await ours.locator('[data-testid="milestone-done"]').click();
    await ours.locator('[data-testid="milestone"][data-done="true"]').waitFor();
    await ours.locator('[data-testid="project-deliver"]').click();
    await unitProjects
      .locator('[data-testid="staff-project"][data-status="delivered"]', { hasText: NEED })
      .waitFor();
    await screenshot(unitPage, 'lists-06-project-delivered');

    // The resident who raised the need sees it served and rates the project.
    await resident.reload();
    await needs.locator('[data-testid="own-need"][data-status="served"]').waitFor();
    const delivered = needs.locator('[data-testid="public-project"]', { hasText: NEED });
    await delivered.locator('[data-testid="project-score-pick"]').selectOption('4');
    await delivered.locator('[data-testid="project-rate"]').click();
    await delivered.locator('[data-testid="project-rated"]').waitFor();
    await delivered.locator('[data-testid="project-score"]', { hasText: '4' }).waitFor();
    await screenshot(resident, 'lists-07-project-rated');
  });
});
