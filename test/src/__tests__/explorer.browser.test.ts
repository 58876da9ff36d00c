// The explorer in a real browser (Debian's chromium, headless) with every request to another host refused: it
// loads, runs the example query; on a hub closed to anonymous introspection (the production default), signing in
// through its panel loads the schema, the Docs panel opens a type, and a query typed with autocomplete runs.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@hub/directory';
import { explorerExamples } from '@hub/gateway/explorer-examples';
import { launchBrowser, withBrowser } from '../browser';
import { startStack, type Stack } from '../stack';

const maybe = withBrowser('explorer browser test');

maybe('explorer in a browser, offline', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const offline = async () => {
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
    return { page, foreign, pageErrors };
  };

  it('loads from the gateway alone and runs the example query', async () => {
    const { page, foreign, pageErrors } = await offline();
    await page.goto(`${stack.gateway.url}/explorer`);
    await page.waitForSelector('.graphiql-container', { timeout: 20000 });
    await page.waitForSelector('text=touristSites', { timeout: 20000 });
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.result-window >> text=Thác Bản Giốc', { timeout: 20000 });
    expect(await page.textContent('.result-window')).toContain('Sở Văn hóa, Thể thao và Du lịch');
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('signs in from its panel, then shows the schema in Docs and completes a query as it is typed', async () => {
    const { page, foreign, pageErrors } = await offline();
    await page.goto(`${stack.gateway.url}/explorer`);
    await page.waitForSelector('.graphiql-container', { timeout: 20000 });
    // The example tabs: the first across two subgraphs, then one per subgraph (each subgraph's explorer.graphql).
    expect(await page.locator('.graphiql-tab').count()).toBe(explorerExamples().length);
    expect(explorerExamples().length).toBeGreaterThanOrEqual(5);

    await page.click('button[aria-label="Show Sign in"]');
    await page.fill('.hub-signin input[name=username]', 'vhttdl.official');
    await page.fill('.hub-signin input[name=password]', DEMO_PASSWORD);
    await page.click('.hub-signin button[type=submit]');
    await page.waitForSelector('[data-testid=signed-in-as] >> text=vhttdl.official', { timeout: 20000 });

    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.click('.graphiql-doc-explorer-content >> text=Query', { timeout: 20000 });
    await page.click('.graphiql-doc-explorer-content a >> text=TouristSite', { timeout: 20000 });
    await page.waitForSelector('.graphiql-doc-explorer-title >> text=TouristSite', { timeout: 20000 });
    expect(await page.textContent('.graphiql-doc-explorer-content')).toContain('commune');
    await page.screenshot({ path: join(tmpdir(), 'hub-explorer-docs.png') });

    // A new tab; the query typed, every field name completed from the schema's hints.
    await page.click('button[aria-label="Add tab"]');
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const queryText = () =>
      page.evaluate(() =>
        (
          document.querySelector('.graphiql-query-editor .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }
        ).CodeMirror.getValue(),
      );
    /**
     * Types the start of a field name and takes the schema's completion: the hint of that name is picked from the
     * list (arrow keys, Enter), or, when it is the only one left, CodeMirror has completed it already. On a busy machine the hints may
     * not have opened yet: Ctrl-Space asks for them.
     */
    const complete = async (typed: string, expected: string) => {
      await page.keyboard.type(typed, { delay: 30 });
      const hint = page.locator('.CodeMirror-hints .CodeMirror-hint', { hasText: new RegExp(`^${expected}$`) });
      const started = Date.now();
      let asked = false;
      while (Date.now() - started < 15000) {
        if (await hint.isVisible()) {
          // Picked with the keyboard, as a user would, so the editor keeps the focus: down to it, then Enter.
          for (let i = 0; i < 50; i++) {
            const active = (await page.locator('.CodeMirror-hints .CodeMirror-hint-active').textContent())?.trim();
            if (active === expected) break;
            await page.keyboard.press('ArrowDown');
          }
          await page.keyboard.press('Enter');
          return;
        }
        if ((await queryText()).includes(expected)) return;
        if (!asked && Date.now() - started > 3000) {
          await page.keyboard.press('Control+Space');
          asked = true;
        }
        await page.waitForTimeout(100);
      }
      throw new Error(`no completion to ${expected} after typing ${typed}: ${await queryText()}`);
    };
    await page.keyboard.type('{ ');
    await complete('accommodat', 'accommodations');
    await page.keyboard.type('(first: 2) { ');
    await complete('nod', 'nodes');
    await page.keyboard.type(' { ');
    await complete('licenceNum', 'licenceNumber');
    await page.keyboard.type(' ');
    await complete('nam', 'name');
    await page.screenshot({ path: join(tmpdir(), 'hub-explorer-autocomplete.png') });
    await page.click('.graphiql-execute-button');
    // licenceNumber is INTERNAL: it arrives because the request carries the official's token.
    await page.waitForSelector('.result-window >> text=licenceNumber', { timeout: 20000 });
    const result = JSON.parse(
      (await page.evaluate(() =>
        (document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
      )) as string,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.accommodations.nodes[0].licenceNumber).toEqual(expect.any(String));
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
