// The explorer in a real browser (Debian's chromium, headless) with every request to another host refused:
// it loads, shows the example query, and runs it against the hub.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startStack, type Stack } from '../stack';

const CHROMIUM = process.env.HUB_CHROMIUM ?? '/usr/bin/chromium';
const maybe = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`explorer browser test skipped: no browser at ${CHROMIUM} (apt-get install chromium)`);

maybe('explorer in a browser, offline', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack({ gatewayEnv: { HUB_PUBLIC_INTROSPECTION: '1' } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads from the gateway alone and runs the example query', async () => {
    const page = await browser.newPage();
    const gateway = new URL(stack.gateway.url);
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === gateway.host || url.protocol === 'data:') return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${stack.gateway.url}/explorer`);
    await page.waitForSelector('.graphiql-container', { timeout: 20000 });
    await page.waitForSelector('text=touristSites', { timeout: 20000 });
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.result-window >> text=Thác Bản Giốc', { timeout: 20000 });
    expect(await page.textContent('.result-window')).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
