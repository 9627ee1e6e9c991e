import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { renderSvg } from '../src/report/svg-plot.js';
import { selectPanels, listPanels } from '../src/report/reproduce.js';
import { SpecError } from '../src/units/parse.js';

test('reproduce --only writes index.html, per-panel CSV and summary.json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nanoionics-report-'));
  try {
    // fig2-vcm runs on a core preset (always present); fig9 needs presets from another branch
    const code = await main(['reproduce', '--only', 'fig2-vcm,fig9', '--out', dir]);
    assert.ok(code === 0 || code === 1);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(html, /<svg/);
    assert.match(html, /fig2-vcm/);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const rows = summary.panels as Array<{ panel: string; metric: string; band: string; pass: boolean | null; status: string }>;
    assert.ok(rows.some((r) => r.panel === 'fig2-vcm' && r.metric === 'bipolar' && typeof r.pass === 'boolean'));
    for (const r of rows.filter((x) => x.panel.startsWith('fig9'))) assert.ok(['missing', 'pass', 'warn', 'fail', 'error'].includes(r.status));
    const csv = readdirSync(join(dir, 'data'));
    assert.ok(csv.includes('fig2-vcm-loop.csv'), csv.join(','));
    assert.match(readFileSync(join(dir, 'data', 'fig2-vcm-loop.csv'), 'utf8'), /^t \[s\],v \[V\],i \[A\],g \[S\]/);
    assert.ok(!existsSync(join(dir, 'report')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('panel selection by id and prefix; unknown ids are a SpecError', () => {
  assert.deepEqual(selectPanels(['fig6']).map((p) => p.id), listPanels().filter((p) => p.id.startsWith('fig6')).map((p) => p.id));
  assert.throws(() => selectPanels(['fig99']), SpecError);
});

test('svg plot: log axis when positive data span decades, linear otherwise; labels carry units', () => {
  const log = renderSvg({ xLabel: 'interval', xUnit: 's', yLabel: 'PPF', yUnit: '1', series: [{ name: 'a', x: [1e-3, 1e-2, 1e-1, 1], y: [1.5, 1.2, 1.0, 1.0] }] });
  assert.match(log, />interval \(s\)</);
  assert.match(log, />10 m</); // decade tick 10 ms with an SI prefix
  const lin = renderSvg({ xLabel: 'pulse number', xUnit: '1', yLabel: 'conductance', yUnit: 'S', series: [{ name: 'G', x: [0, 1, 2], y: [1e-6, 2e-6, 3e-6] }] });
  assert.match(lin, />conductance \(µS\)</);
});
