/**
 * Test helper: Debian's Chromium (never a downloaded browser) driven by playwright-core,
 * headless and kept off the network, against the lab served on loopback.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { startLabServer } from '../src/cli/commands/lab.js';

export const CHROMIUM = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));

/** Launch headless Chromium with the flags that keep it off the network. */
export async function launch(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('Debian chromium is not installed (apt-get install chromium); .ci/run installs it');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a new, empty user-data-dir of its own
  });
}

/** Serve the lab from this checkout on a free loopback port. */
export async function serve(): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await startLabServer(0, '127.0.0.1', process.cwd());
  return { url, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** Wait until the lab's status bar says ready. */
export async function waitReady(page: Page, timeout = 30000): Promise<void> {
  await page.waitForFunction("document.getElementById('status')?.textContent === 'ready'", null, { timeout });
}

/** Open the lab at `query` in a fresh context (downloads allowed); page errors fail the test. */
export async function openLab(browser: Browser, base: string, query = ''): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(base + query);
  return page;
}

/** Click an export button and return the downloaded file's text. */
export async function downloadText(page: Page, selector: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync((await dl.path())!, 'utf8');
}
