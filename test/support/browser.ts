import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from './test-system';

/**
 * Debian's chromium driven by playwright-core: no browser download, headless, no network of its
 * own (the system runs on a closed network, and so do its tests). scripts/test.sh installs the
 * package when it is missing.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screens as people use them: a phone for residents, a desk screen for staff. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESK = { viewport: { width: 1280, height: 900 } };

/**
 * A fresh browser profile (own localStorage) on the system's origin, in Simplified Chinese (the
 * product's first language) and Shanghai time. Console errors of the page are collected so a test
 * can show them when it fails.
 */
export async function newPage(
  browser: Browser,
  baseURL: string,
  device: typeof PHONE | typeof DESK = DESK,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    ...device,
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are reported below with their URL instead.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text()}`);
  });
  page.on('response', async (r) => {
    if (r.status() < 400) return;
    // KPI figures still being summarised are an answer the pages wait out (they say so and ask
    // again after Retry-After), not a failure.
    if (r.status() === 503 && (await r.text().catch(() => '')).includes('"KPI_PREPARING"')) return;
    errors.push(`http ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { context, page, errors };
}

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

/** Saves test-artifacts/screenshots/<name>.png (test-artifacts is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Logs in through the page's own login form (StaffGate). */
export async function loginThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.locator('[data-testid="login-form"]').waitFor();
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-form"] button[type="submit"]');
  await page.locator('[data-testid="login-form"]').waitFor({ state: 'detached' });
}

/** A valid 1×1 PNG, for uploads. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The pages one test opened, with their errors: on a failure the test prints the errors and
 * screenshots every page, so a red run says what the browser saw.
 */
export class PageSet {
  private readonly opened: { page: Page; context: BrowserContext; errors: string[] }[] = [];
  constructor(
    private readonly browser: () => Browser,
    private readonly baseURL: () => string,
  ) {}

  /** `prepare` runs before the page loads (e.g. to route or block requests). */
  async open(
    device: typeof PHONE | typeof DESK,
    path: string,
    prepare?: (page: Page) => Promise<void>,
  ): Promise<Page> {
    const p = await newPage(this.browser(), this.baseURL(), device);
    this.opened.push(p);
    await prepare?.(p.page);
    await p.page.goto(path);
    return p.page;
  }

  get errors(): string[] {
    return this.opened.flatMap((p) => p.errors);
  }

  /** Call from afterEach: on failure prints what the pages logged and screenshots them. */
  async afterEach(test: Mocha.Test | undefined, name: string): Promise<void> {
    if (test?.state === 'failed') {
      for (const e of this.errors) console.log(`      ${e}`);
      for (const [i, p] of this.opened.entries())
        await screenshot(p.page, `failed-${name}-${i}`).catch(() => undefined);
    }
    for (const p of this.opened.splice(0)) await p.context.close().catch(() => undefined);
  }
}

/** What a browser spec works with: its own test system, one Chromium, and the pages it opened. */
export interface BrowserSuite {
  readonly system: TestSystem;
  readonly browser: Browser;
  readonly pages: PageSet;
}

/**
 * Registers the hooks every browser spec needs — start a test system and Chromium side by side,
 * after each test report (on failure) and close its pages, stop both at the end — and gives the
 * spec access to them. Call inside `describe`.
 */
export function browserSuite(
  name: string,
  /** Settings of the system; a function is called when it starts (after earlier `before` hooks). */
  overrides: Record<string, string> | (() => Record<string, string>) = {},
): BrowserSuite {
  let system: TestSystem | undefined;
  let browser: Browser | undefined;
  const pages = new PageSet(
    () => browser!,
    () => system!.url,
  );
  before(async () => {
    const settings = typeof overrides === 'function' ? overrides() : overrides;
    [system, browser] = await Promise.all([startTestSystem(settings), launchBrowser()]);
  });
  afterEach(async function () {
    await pages.afterEach(this.currentTest, name);
  });
  after(async () => {
    await browser?.close();
    await system?.destroy();
  });
  return {
    get system() {
      return system!;
    },
    get browser() {
      return browser!;
    },
    pages,
  };
}
