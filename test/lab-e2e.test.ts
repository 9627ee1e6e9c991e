import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, serve, openLab, waitReady } from './lab-browser.js';
import { resolveSpec, simulate, standardSweepSpec, columnsToCsv } from '../src/experiment/index.js';
import { runProtocolSpec } from '../src/protocols/registry.js';
import { tableCsv } from '../src/report/csv.js';

// Screenshots go to docs/screenshots only when asked (LAB_SCREENSHOTS=1), so the suite leaves
// the checkout unchanged.
const SHOTS = process.env.LAB_SCREENSHOTS ? 'docs/screenshots' : mkdtempSync(join(tmpdir(), 'nano-shots-'));
let browser: Browser;
let srv: { url: string; close: () => Promise<void> };
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); await srv?.close(); });

const open = (query = ''): Promise<Page> => openLab(browser, srv.url, query);

test('device explorer: a parameter change recomputes the I-V loop; the CSV export equals the library result', async () => {
  const page = await open('?view=device&preset=biolek2009');
  await page.waitForFunction("Number(document.querySelector('#iv .plot')?.getAttribute('data-points')) > 0", null, { timeout: 30000 });
  const input = page.locator('tr[data-param="ron"] input');
  await input.fill('200 Ohm');
  await input.dispatchEvent('change');
  await page.waitForFunction("location.search.includes('p.ron=200')", null, { timeout: 10000 });
  await waitReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#iv button[data-x="csv"]')]);
  const csv = readFileSync((await dl.path())!, 'utf8');
  const lib = simulate(resolveSpec(standardSweepSpec('biolek2009', { ron: '200 Ohm' })));
  const expected = columnsToCsv({ v: lib.columns.v, i: lib.columns.i, t: lib.columns.t }, { v: 'V', i: 'A', t: 's' });
  assert.equal(csv, expected);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'device.png'), fullPage: true });
  await page.close();
});

test('device explorer: an invalid value is rejected with the schema message and not applied', async () => {
  const page = await open('?view=device&preset=biolek2009');
  await waitReady(page);
  const before = page.url();
  const input = page.locator('tr[data-param="d"] input');
  await input.fill('-3 nm');
  await input.dispatchEvent('change');
  const err = page.locator('tr[data-param="d"] + tr.err td');
  await err.waitFor({ state: 'visible' });
  assert.match(await err.textContent() ?? '', /device\.set\.d.*-3 nm/);
  assert.equal(page.url(), before, 'state (URL) unchanged by an invalid value');
  await page.close();
});

test('a shared URL reproduces the view and its numbers', async () => {
  const page = await open('?view=device&preset=biolek2009&p.ron=150%20Ohm');
  await waitReady(page);
  assert.equal(await page.locator('tr[data-param="ron"] input').inputValue(), '150 Ohm');
  assert.equal(await page.locator('#preset').inputValue(), 'biolek2009');
  await page.close();
});

test('protocols view: change a parameter, run PPF, the plot has one point per interval, CSV equals the library table', async () => {
  const page = await open('?view=protocols&preset=wox-du2015&o.protocol=ppf');
  await waitReady(page);
  const input = page.locator('tr[data-param="intervals"] input');
  await input.fill('2 ms, 5 ms, 10 ms, 20 ms, 50 ms, 100 ms');
  await input.dispatchEvent('change');
  await page.waitForFunction("location.search.includes('o.p_intervals')", null, { timeout: 10000 });
  await page.click('#run');
  await page.waitForFunction("document.getElementById('status')?.textContent === 'running ppf…'", null, { timeout: 10000 }).catch(() => undefined);
  await waitReady(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#protocol button[data-x="csv"]')]);
  const csv = readFileSync((await dl.path())!, 'utf8');
  const r = runProtocolSpec({ protocol: 'ppf', device: { preset: 'wox-du2015' }, params: { intervals: '2 ms, 5 ms, 10 ms, 20 ms, 50 ms, 100 ms' }, seed: 1 });
  const first = Object.keys(r.tables)[0];
  assert.equal(csv, tableCsv(r.tables[first]));
  assert.equal(csv.trim().split('\n').length - 1, 6, 'one CSV row per interval');
  // the downloaded spec is what the CLI runs (nanoionics run/protocol SPEC): same numbers
  const [sdl] = await Promise.all([page.waitForEvent('download'), page.click('#protocol button[data-x="spec"]')]);
  const spec = JSON.parse(readFileSync((await sdl.path())!, 'utf8'));
  const again = runProtocolSpec(spec);
  assert.equal(tableCsv(again.tables[Object.keys(again.tables)[0]]), csv);
  // one plotted marker per interval on the PPF curve
  const markers = await page.locator('#protocol .plot svg circle').count();
  assert.ok(markers >= 6, `markers ${markers}`);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'protocols.png'), fullPage: true });
  await page.close();
});
