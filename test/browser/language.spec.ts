import assert from 'node:assert/strict';
import { browserSuite, DESK, newPage, PHONE, screenshot } from '../support/browser';

/** Simplified Chinese first; one switch to English that every page of the origin remembers. */
describe('browser: the language switch', function () {
  this.timeout(120000);
  const suite = browserSuite('language');

  it('shows Chinese first, switches to English and back, and remembers the choice', async () => {
    const { page, context } = await newPage(suite.browser, suite.system.url, PHONE);
    await page.goto('/');
    const road = page.locator('[data-category="road_collapse"] .category-name');
    await road.waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.match((await page.locator('h1').textContent()) ?? '', /问题直报/);
    assert.match((await road.textContent()) ?? '', /道路塌陷/);
    assert.equal(await page.locator('[data-testid="lang-switch"]').textContent(), 'English');

    await page.click('[data-testid="lang-switch"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match((await page.locator('h1').textContent()) ?? '', /Report a problem/);
    assert.match((await road.textContent()) ?? '', /road collapse/i);
    assert.match((await page.locator('label[for="description"]').textContent()) ?? '', /Description/);
    await screenshot(page, 'language-resident-en');

    // Remembered across reloads and across the pages of the origin.
    await page.reload();
    await road.waitFor();
    assert.match((await page.locator('h1').textContent()) ?? '', /Report a problem/);
    const consolePage = await context.newPage();
    await consolePage.setViewportSize(DESK.viewport);
    await consolePage.goto('/console.html');
    await consolePage.locator('[data-testid="login-form"]').waitFor();
    assert.match(
      (await consolePage.locator('[data-testid="login-form"] h2').textContent()) ?? '',
      /Staff login/,
    );
    await screenshot(consolePage, 'language-console-login-en');

    await consolePage.click('[data-testid="lang-switch"]');
    assert.match(
      (await consolePage.locator('[data-testid="login-form"] h2').textContent()) ?? '',
      /工作人员登录/,
    );
    await page.reload();
    await road.waitFor();
    assert.match((await road.textContent()) ?? '', /道路塌陷/);
    await context.close();
  });
});
