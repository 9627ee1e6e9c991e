/**
 * Test helper: Debian's Chromium (never a downloaded browser) driven by playwright-core,
 * headless and kept off the network, against the lab served on loopback.
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
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
