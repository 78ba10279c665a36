import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { Page } from 'playwright-core';
import { browserSuite, type DESK, loginThroughForm, PHONE, screenshot } from '../support/browser';
import { eventually, login, request } from '../support/http-client';

const WIDE = { viewport: { width: 1440, height: 900 } };
const AGENT = { username: 'hotline.shots', password: 'Hotline-shots-2026' };

/**
 * Every page in both languages at a phone's width (375 px) and a wide desk screen (1440 px), with
 * something on it (an open report, a fixed one), saved as `set-<page>-<lang>-<width>.png` under
 * test-artifacts/screenshots. At 375 px no page may scroll sideways: unit members and hotline
 * agents use phones too.
 */
describe('browser: every page, both languages, both widths', function () {
  this.timeout(240000);
  const suite = browserSuite('screenshot-set');
  let fixedCode = '';

  before(async () => {
    const url = suite.system.url;
    const admin = await login(url, 'admin', 'admin-test-password');
    const agent = await request(url, 'POST', '/api/v1/admin/users', {
      token: admin,
      body: { ...AGENT, displayName: '截图接线员', role: 'hotline_agent' },
    });
    assert.equal(agent.status, 201, JSON.stringify(agent.body));
    // Something on every screen: an open road collapse, and a lamp the unit fixed with a note.
    for (const category of ['road_collapse', 'street_lamp']) {
      const filed = await request(url, 'POST', '/api/v1/reports', {
        body: { category, description: `春海 ${category} 截图用`, location: demoGridCentre('chunhai-g2') },
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      if (category !== 'street_lamp') continue;
      fixedCode = filed.body.trackingCode;
      const token = await login(url, 'municipal.member', 'demo-test-password');
      for (const [action, body] of [
        ['accept', {}],
        ['resolve', { note: '已更换灯泡，恢复照明' }],
      ] as const) {
        const ticket = await eventually(async () => {
          const res = await request(url, 'GET', `/api/v1/tickets/${filed.body.ticketId}`, { token });
          return res.status === 200 && res.body.unitId ? res.body : undefined;
        }, 15000);
        const res = await request(url, 'POST', `/api/v1/tickets/${filed.body.ticketId}/${action}`, {
          token,
          body,
          headers: { 'if-match': String(ticket.version) },
        });
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
    }
  });

  /** Each page: where it is, who logs in (if staff), and what shows it has loaded. */
  const PAGES: {
    name: string;
    path: () => string;
    user?: [string, string];
    /** A tab to open once the page is there. */
    tab?: string;
    ready: string;
  }[] = [
    { name: 'report', path: () => '/', ready: '[data-testid="category-picker"]' },
    {
      name: 'activities',
      path: () => '/#/activities/chunhai',
      ready: '[data-testid="activities-community"]',
    },
    { name: 'tracking', path: () => `/#/track/${fixedCode}`, ready: '[data-testid="fix-evidence"]' },
    {
      name: 'console',
      path: () => '/console.html',
      user: ['municipal.member', 'demo-test-password'],
      ready: '[data-testid="live-status"][data-status="connected"]',
    },
    {
      name: 'dashboard',
      path: () => '/dashboard.html',
      user: ['chunhai.secretary', 'demo-test-password'],
      ready: '[data-testid="kpi-responseRate"]:not(:has(.skeleton))',
    },
    {
      name: 'committee',
      path: () => '/dashboard.html',
      user: ['chunhai.secretary', 'demo-test-password'],
      tab: '[data-testid="dash-tab-committee"]',
      ready: '[data-testid="chair-order"] li',
    },
    {
      name: 'figures',
      path: () => '/dashboard.html',
      user: ['chunhai.secretary', 'demo-test-password'],
      tab: '[data-testid="dash-tab-figures"]',
      ready: '[data-testid="figures-total"]',
    },
    {
      name: 'admin',
      path: () => '/admin.html',
      user: ['admin', 'admin-test-password'],
      ready: '[data-testid="admin-new"]',
    },
    {
      name: 'hotline',
      path: () => '/hotline.html',
      user: [AGENT.username, AGENT.password],
      ready: '[data-testid="hotline-form"]',
    },
  ];

  async function noSidewaysScroll(page: Page, where: string) {
    const { scroll, client } = await page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return { scroll: root.scrollWidth as number, client: root.clientWidth as number };
    });
    assert.ok(scroll <= client, `${where}: ${scroll} px wide in a ${client} px viewport`);
  }

  for (const p of PAGES)
    it(`shows the ${p.name} page in zh and en at 375 and 1440 px`, async () => {
      for (const [width, device] of [
        [375, PHONE],
        [1440, WIDE],
      ] as const) {
        for (const lang of ['zh', 'en'] as const) {
          const page = await suite.pages.open(device as typeof DESK, p.path());
          if (p.user) await loginThroughForm(page, ...p.user);
          if (lang === 'en') await page.locator('[data-testid="lang-switch"]').first().click();
          if (p.tab) await page.locator(p.tab).click();
          await page.locator(p.ready).first().waitFor({ timeout: 20000 });
          assert.equal(
            await page.evaluate(() => (globalThis as any).document.documentElement.lang),
            lang === 'zh' ? 'zh-CN' : 'en',
          );
          if (width === 375) await noSidewaysScroll(page, `${p.name} ${lang}`);
          // On the console, the fixed ticket's clock is said to be the secretaries' verification.
          if (p.name === 'console')
            await page
              .locator(`[data-testid="inbox-row-${fixedCode}"]`, {
                hasText: lang === 'zh' ? '待书记核查' : 'Secretary to verify',
              })
              .waitFor();
          await screenshot(page, `set-${p.name}-${lang}-${width}`);
        }
      }
    });
});
