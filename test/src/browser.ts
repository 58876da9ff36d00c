// The browser of the browser tests: Debian's chromium driven by playwright-core (never a browser download),
// headless, with nothing of its own on the network. `.ci/run` installs it; without it those suites are skipped, and
// say so.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.HUB_CHROMIUM ?? '/usr/bin/chromium';

/** `describe`, or `describe.skip` with a warning naming the suite when there is no browser. */
export function withBrowser(suite: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  console.warn(`${suite} skipped: no browser at ${CHROMIUM} (apt-get install chromium)`);
  return describe.skip;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
