// The security console in a real browser (Debian's chromium, headless) against the real hub, with every request
// to another host refused: sign in as the auditor, see the traffic, filter it, open an event, switch language,
// export the filtered events as CSV, see the statistics and verify the chain; a changed record is named; and a
// non-auditor is told why not.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, withBrowser } from '../browser';
import { startStack, type Stack } from '../stack';

const maybe = withBrowser('console browser test');

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

maybe('security console in a browser, offline', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    // Traffic to look at: allowed, partly denied (PUBLIC asks for a personal field), rejected (bad token), refused
    // outright (an official asks for the audit log), a personal-data read by the owning agency's editor.
    // More than one page of 25 first, so that paging has something to do.
    for (let i = 0; i < 26; i++) await stack.query('query Warmup { touristSites(first: 1) { totalCount } }');
    const editor = (await stack.signIn('vhttdl.editor')).body.access_token;
    const official = (await stack.signIn('vhttdl.official')).body.access_token;
    expect((await stack.query('query Sites { touristSites(first: 2) { totalCount } }')).status).toBe(200);
    expect((await stack.query('query Lodging { accommodation(code: "LT-0005") { name ownerName } }')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await stack.query('{ touristSites { totalCount } }', undefined, 'not-a-token')).status).toBe(401);
    expect((await stack.query('query Peek { auditEvents(first: 1) { edges { cursor } } }', undefined, official)).status).toBe(403);
    expect(
      (await stack.query('query OwnerRead { accommodation(code: "LT-0005") { ownerName } }', undefined, editor)).errors,
    ).toBeUndefined();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page that may reach the gateway only; records what else it tried, page errors and CSP violations. */
  async function openConsole(): Promise<{ context: BrowserContext; page: Page; foreign: string[]; problems: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const gateway = new URL(stack.gateway.url);
    const foreign: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === gateway.host || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
    });
    await page.goto(`${stack.gateway.url}/console`);
    return { context, page, foreign, problems };
  }

  /** Polls until the condition holds (20 s at most). */
  async function until(condition: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 20000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in 20 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.getByTestId('username').fill(username);
    await page.getByTestId('password').fill('demo-password-2025');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('signed-in-user').filter({ hasText: username }).waitFor();
  }

  /** The listed rows once the list has settled. */
  async function rows(page: Page): Promise<{ id: string; operation: string; outcome: string; denied: number }[]> {
    await page.locator('[data-testid="events-table"][data-loading="false"]').waitFor();
    return page.getByTestId('event-row').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-event-id') ?? '',
        operation: tr.querySelector('[data-testid="event-operation"]')?.textContent ?? '',
        outcome: tr.getAttribute('data-outcome') ?? '',
        denied: Number(tr.getAttribute('data-denied')),
      })),
    );
  }

  it('signs in, filters, opens an event, switches language, exports the filter as CSV and verifies the chain', async () => {
    const { context, page, foreign, problems } = await openConsole();
    await page.getByTestId('app-title').filter({ hasText: 'Bảng điều khiển an ninh' }).waitFor({ timeout: 30000 });
    await signIn(page, 'security.auditor');

    // Everything, newest first: the traffic above is there.
    await page.getByTestId('event-row').first().waitFor();
    const all = await rows(page);
    const operations = all.map((r) => r.operation);
    for (const name of ['Sites', 'Lodging', 'Peek', 'OwnerRead']) expect(operations.some((o) => o.endsWith(name))).toBe(true);
    expect(all.some((r) => r.outcome === 'REJECTED')).toBe(true);
    expect(all.some((r) => r.denied === 0)).toBe(true);

    // Paging by cursor: the next page holds other (older) events, and back again.
    expect(all).toHaveLength(25);
    await page.getByTestId('page-next').click();
    await until(async () => (await page.getByTestId('events-page').textContent())?.includes('Trang 2') === true);
    const second = await rows(page);
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((r) => all.some((a) => a.id === r.id))).toEqual([]);
    expect(second.every((r) => r.operation.endsWith('Warmup'))).toBe(true);
    await page.getByTestId('page-previous').click();
    await until(async () => (await page.getByTestId('events-page').textContent())?.includes('Trang 1') === true);

    // Denied only: fewer rows, each with something denied.
    await page.getByTestId('filter-denied-only').check();
    await page.getByTestId('filter-apply').click();
    await until(async () => {
      const listed = await rows(page);
      return listed.length > 0 && listed.every((r) => r.denied > 0);
    });
    const denied = await rows(page);
    expect(denied.length).toBeLessThan(all.length);
    expect(denied.every((r) => r.denied > 0)).toBe(true);
    expect(denied.map((r) => r.operation).some((o) => o.endsWith('Lodging'))).toBe(true);
    expect(denied.map((r) => r.operation).some((o) => o.endsWith('Sites') || o.endsWith('OwnerRead'))).toBe(false);

    // One event: its document (literals hidden) and what was denied, and why.
    await page.getByTestId('event-row').filter({ hasText: 'Lodging' }).first().click();
    const doc = page.getByTestId('detail-document');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('accommodation(code: "")');
    expect(await doc.textContent()).toContain('ownerName');
    const deniedRow = page.getByTestId('denied-row').first();
    expect(await deniedRow.textContent()).toContain('AccommodationEstablishment.ownerName');
    expect(await page.getByTestId('denied-reason').first().textContent()).toMatch(/^PERSONAL/);
    expect(await page.getByTestId('detail-principal').textContent()).toContain('Công dân (PUBLIC)');

    // English on the switch.
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.getByText('Denied coordinates (1)').waitFor();
    expect(await page.getByTestId('app-title').textContent()).toBe('Security console');
    expect(await page.getByTestId('detail-principal').textContent()).toContain('Citizen (PUBLIC)');
    await page.getByTestId('detail-back').click();

    // Export of the current filter (denied only): a header row and exactly the listed events.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8')).filter((r) => r.some((c) => c !== ''));
    const [header, ...records] = csv;
    expect(header.slice(0, 3)).toEqual(['id', 'at', 'requestId']);
    const deniedColumn = header.indexOf('denied');
    expect(deniedColumn).toBeGreaterThan(0);
    expect(records.map((r) => r[0]).sort()).toEqual(denied.map((r) => r.id).sort());
    expect(records.every((r) => r[deniedColumn] !== '')).toBe(true);
    await page.getByTestId('export-done').waitFor();

    // Statistics: denied requests and personal reads of today are counted.
    await page.getByTestId('tab-statistics').click();
    await page.getByTestId('chart-over-time').locator('svg').first().waitFor();
    expect(Number(await page.getByTestId('total-denied').getAttribute('data-value'))).toBeGreaterThanOrEqual(denied.length);
    expect(Number(await page.getByTestId('total-personalReads').getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('top-agencies').textContent()).toContain('SVHTTDL');

    // Field usage: the fields asked today, by whom, and those of culture-tourism nobody asked.
    await page.getByTestId('tab-usage').click();
    await page.getByTestId('usage-row').first().waitFor();
    expect(await page.getByTestId('usage-table').textContent()).toContain('Query.touristSites');
    await page.getByTestId('usage-subgraph').fill('culture-tourism');
    await page.getByTestId('usage-refresh').click();
    await page.getByTestId('usage-unused').waitFor();
    expect(await page.getByTestId('usage-unused').textContent()).toContain('Mutation.updateAccommodation');
    await page.screenshot({ path: join(tmpdir(), 'hub-console-usage.png'), fullPage: true });

    // The chain verifies.
    await page.getByTestId('tab-chain').click();
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('chain-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.textContent()).toContain('Chain intact');
    expect(Number((await page.getByTestId('chain-records').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);

    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds sign-in attempts by request kind and by the username tried, and shows the username of one', async () => {
    expect((await stack.signIn('ghost.user', 'not-the-password-1')).status).toBe(400);
    const { context, page, foreign, problems } = await openConsole();
    await signIn(page, 'security.auditor');
    await page.getByTestId('filter-operation-type').click();
    await page.getByRole('option', { name: 'Đăng nhập' }).click();
    await page.getByTestId('filter-username').fill('ghost.user');
    await page.getByTestId('filter-apply').click();
    await until(async () => {
      const listed = await rows(page);
      return listed.length === 1 && listed[0].outcome === 'REJECTED';
    });
    await page.getByTestId('event-row').first().click();
    await page.getByTestId('detail-username').waitFor();
    expect(await page.getByTestId('detail-username').textContent()).toContain('ghost.user');
    expect(await page.getByTestId('detail-error-codes').textContent()).toContain('invalid_grant');
    if (process.env.HUB_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.HUB_SCREENSHOTS}/console-sign-in-event.png`, fullPage: true });
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells a signed-in official who is not an auditor that the log is not theirs to read', async () => {
    const { context, page, foreign, problems } = await openConsole();
    await signIn(page, 'vhttdl.official');
    const alert = page.getByTestId('not-auditor');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('AUDITOR');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("names the first broken link when a record was changed behind the hub's back, and opens it", async () => {
    const su = new Client({ connectionString: stack.audit.superuserUrl });
    await su.connect();
    await su.query(`update audit_record set outcome = case when outcome = 'ok' then 'denied' else 'ok' end where seq = 3`);
    await su.end();
    const { context, page, foreign, problems } = await openConsole();
    await signIn(page, 'security.auditor');
    await page.getByTestId('tab-chain').click();
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('chain-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await result.textContent()).toContain('Chuỗi bị hỏng');
    const brokenId = await page.getByTestId('chain-broken-event').textContent();
    expect(brokenId).toMatch(/:3$/);
    expect(await page.getByTestId('chain-broken-link').textContent()).toContain('does not match');
    await page.getByTestId('chain-open-event').click();
    await page.getByTestId('detail-document').waitFor();
    expect(await page.getByTestId('detail-id').textContent()).toBe(brokenId);
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
