// Screenshots of every lab view into docs/screenshots (Debian chromium via playwright-core),
// and the time from a parameter change to the recomputed I-V plot, measured in the browser.
// Usage: npm run build && node scripts/lab-screenshots.mjs
import { chromium } from 'playwright-core';
import { mkdirSync, existsSync } from 'node:fs';
import { startLabServer } from '../dist/src/cli/commands/lab.js';

const exe = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => existsSync(p));
if (!exe) { console.error('Debian chromium is not installed (apt-get install chromium)'); process.exit(1); }
mkdirSync('docs/screenshots', { recursive: true });
const { server, url } = await startLabServer(0, '127.0.0.1', process.cwd());
const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
const ready = (ms = 240000) => page.waitForFunction("document.getElementById('status')?.textContent === 'ready'", null, { timeout: ms });
try {
  await page.goto(url + '?view=device&preset=wox-du2015');
  await ready();
  // I-V recompute latency: change a parameter a few times, read the lab's own timing
  const times = [];
  for (const v of ['1.2e-2', '1.1e-2', '1e-2', '0.9e-2', '1e-2']) {
    const input = page.locator('tr[data-param="lambda"] input');
    if (!(await input.count())) break;
    await input.fill(v);
    await input.dispatchEvent('change');
    await ready();
    times.push(Number(await page.locator('#timing').textContent()));
  }
  if (times.length) console.log(`I-V recompute after a parameter change (ms): ${times.join(', ')}`);
  await page.screenshot({ path: 'docs/screenshots/device.png', fullPage: true });
  await page.goto(url + '?view=protocols&preset=wox-du2015&o.protocol=ppf');
  await ready();
  await page.screenshot({ path: 'docs/screenshots/protocols.png', fullPage: true });
  await page.goto(url + '?view=arrays&o.n=16&o.cell=1r');
  await ready();
  await page.screenshot({ path: 'docs/screenshots/arrays.png', fullPage: true });
  // rows refined toward the bottom electrode (dzBottom), drawn at their heights
  await page.goto(url + '?view=filament&o.grid=12x10&o.dzb=0.15%20nm');
  await page.click('#run');
  await page.waitForFunction("document.querySelectorAll('#maps svg').length === 3", null, { timeout: 300000 });
  await page.screenshot({ path: 'docs/screenshots/filament.png', fullPage: true });
  const shown = (id) => page.waitForFunction(`Number(document.querySelector('#${id} .plot')?.getAttribute('data-points')) > 0 && document.getElementById('status')?.textContent === 'ready'`, null, { timeout: 300000 });
  await page.goto(url + '?view=networks&o.part=snn');
  await shown('wmean-device');
  await page.screenshot({ path: 'docs/screenshots/networks.png', fullPage: true });
  await page.goto(url + '?view=networks&o.part=reservoir');
  await shown('rc-confusion');
  await page.screenshot({ path: 'docs/screenshots/networks-reservoir.png', fullPage: true });
  await page.goto(url + '?view=networks&o.part=mlp');
  await ready();
  await page.click('#run');
  await shown('mlp-confusion');
  await page.screenshot({ path: 'docs/screenshots/networks-mlp.png', fullPage: true });
  await page.goto(url + '?view=report');
  await page.click('#runall');
  await page.waitForFunction("[...document.querySelectorAll('.chip')].every((c) => !['not run', 'running…'].includes(c.textContent))", null, { timeout: 600000 });
  await page.screenshot({ path: 'docs/screenshots/report.png', fullPage: true });
  console.log('screenshots written to docs/screenshots/');
} finally {
  await browser.close();
  server.close();
}
