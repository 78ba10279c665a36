import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { browserSuite, DESK, loginThroughForm, screenshot } from '../support/browser';
import { eventually, login, request } from '../support/http-client';

const PASSWORD = 'demo-test-password';

/**
 * Pushes missed while a console was disconnected are not replayed: on reconnecting the console
 * refetches its view. Also a server that drops its sockets on purpose (a restart) is rejoined.
 */
describe('browser: a console that lost its live connection catches up on reconnect', function () {
  this.timeout(120000);
  const suite = browserSuite('reconnect');

  it('shows a ticket dispatched while it was offline once it is back', async () => {
    const page = await suite.pages.open(DESK, '/console.html');
    await loginThroughForm(page, 'municipal.member', PASSWORD);
    const status = page.locator('[data-testid="live-status"]');
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();

    // The server drops every socket (as on a restart), and the way back is blocked for a while.
    await page.routeWebSocket('**/socket.io/**', (ws) => ws.close());
    await page.route('**/socket.io/**', (route) => route.abort());
    suite.system.services.live.io.disconnectSockets(true);
    await page.locator('[data-testid="live-status"][data-status="disconnected"]').waitFor();

    const res = await request(suite.system.url, 'POST', '/api/v1/reports', {
      body: {
        category: 'road_collapse',
        description: '断线期间的塌陷 while offline',
        location: demoGridCentre('chunhai-g1'),
      },
    });
    assert.equal(res.status, 201);
    const token = await login(suite.system.url, 'municipal.member', PASSWORD);
    await eventually(async () => {
      const t = await request(suite.system.url, 'GET', `/api/v1/tickets/${res.body.ticketId}`, { token });
      return t.status === 200 && t.body.status === 'dispatched' ? true : undefined;
    }, 15000);
    await page.waitForTimeout(500);
    assert.equal(await page.locator(`[data-testid="inbox-row-${res.body.trackingCode}"]`).count(), 0);
    await screenshot(page, 'reconnect-offline');

    // The way back opens: the console reconnects by itself and refetches its inbox.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 15000 });
    await page.locator(`[data-testid="inbox-row-${res.body.trackingCode}"]`).waitFor({ timeout: 5000 });
    assert.equal(await status.getAttribute('data-status'), 'connected');
    await screenshot(page, 'reconnect-caught-up');
  });
});
