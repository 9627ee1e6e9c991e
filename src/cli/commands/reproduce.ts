/**
 * `nanoionics reproduce [--only LIST] [--out DIR] [--json]`: run the review's figure panels
 * and write DIR/index.html, DIR/summary.json and DIR/data/*.csv (default DIR: report/).
 * @module cli/commands/reproduce
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, UsageError } from '../args.js';
import { writeAtomic, toJson, gitCommit } from '../io.js';
import { listPanels, reproduce } from '../../report/reproduce.js';
import { VERSION } from '../../version.js';
import { getPreset } from '../../devices/catalogue.js';
import { datasheet, type Datasheet } from '../../memory/datasheet.js';
import { datasheetHtml } from '../../memory/datasheet-html.js';
import { memoryReportSection, REPORT_DATASHEETS } from '../../memory/report-section.js';

function help(): string {
  return `nanoionics reproduce [--only LIST] [--out DIR] [--json]

Run every phenomenon of the review (Zhu, Lee, Lu 2019) that a simulation can show and write
DIR/index.html (default report/): one panel per figure panel with the simulated plot, what the
review reports, the metric, the published value or band (measurements.md, with its provenance
code and hard/soft gate) and pass/fail; DIR/data/<panel>-<table>.csv and DIR/summary.json.

Options:
  --only LIST   comma-separated panel ids or prefixes (e.g. fig6,fig7b)
  --out DIR     output folder (default report)
  --seed N      seed (default 1)
  --quick-datasheets  the memory datasheets at reduced effort (fewer devices, levels and
                cycles); they are included unless --only is given without "memory" in it
  --strict      exit 1 when a panel fails a hard check (default: 0 once the report is written)
  --json        print summary.json to stdout
  -h, --help

Panels: ${listPanels().map((p) => p.id).join(', ')}

Exit status: 0 when the report is written (with --strict: only when every available panel
passes its hard checks, 1 otherwise), 2 on bad input.`;
}

export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: 'reproduce the review\'s figures into an HTML report (the main job)',
  get help() { return help(); },
  run(argv) {
    const { values, positionals } = parse(argv, { only: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' }, 'quick-datasheets': { type: 'boolean' } });
    if (values.help) { console.log(help()); return 0; }
    if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}: nanoionics reproduce [--only LIST] [--out DIR] [--json]`);
    const seed = values.seed !== undefined ? Number(values.seed) : 1;
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed ${values.seed}: expected a non-negative integer`);
    let only = values.only ? String(values.only).split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const withMemory = !only || only.includes('memory');
    if (only) only = only.filter((s) => s !== 'memory');
    const dir = values.out ? String(values.out) : 'report';
    const t0 = performance.now();
    const rep = reproduce({
      only, seed,
      onPanel: (d, k, n) => process.stderr.isTTY && process.stderr.write(`[${k + 1}/${n}] ${d.id} ${' '.repeat(20)}\r`),
      meta: { version: `nanoionics ${VERSION}`, commit: gitCommit() ?? 'unknown', seed: String(seed) },
    });
    // memory datasheets (the memory layer comes after report, so they are composed here)
    const sheets: Array<{ stack: string; sheet: Datasheet }> = [];
    if (withMemory) {
      const quick = Boolean(values['quick-datasheets']);
      for (const [id, stack] of REPORT_DATASHEETS) {
        if (!getPreset(id)) continue;
        if (process.stderr.isTTY) process.stderr.write(`datasheet ${id}${' '.repeat(20)}\r`);
        const d = datasheet({ preset: id }, { quick, seed });
        sheets.push({ stack, sheet: d });
        rep.files[`datasheets/${id}.html`] = datasheetHtml(d);
        rep.files[`datasheets/${id}.json`] = toJson(d) + '\n';
      }
      if (sheets.length) {
        const section = memoryReportSection(sheets, quick ? 'Reduced-effort settings (--quick-datasheets).' : 'Default datasheet settings.');
        rep.files['index.html'] = rep.files['index.html'].replace('<footer', `${section}\n<footer`);
      }
    }
    const wall = (performance.now() - t0) / 1e3;
    if (process.stderr.isTTY) process.stderr.write(' '.repeat(40) + '\r');
    const summary = JSON.parse(rep.files['summary.json']);
    summary.meta.wallTime = `${wall.toFixed(1)} s`;
    summary.datasheets = sheets.map(({ stack, sheet }) => ({ stack, preset: sheet.device, criteria: sheet.criteria.map((c) => ({ claim: c.claim, target: c.target, value: c.value, unit: c.unit, status: c.status })) }));
    rep.files['summary.json'] = toJson(summary) + '\n';
    rep.files['index.html'] = rep.files['index.html'].replace('</footer>', `<p>wall time ${wall.toFixed(1)} s</p></footer>`);
    for (const [rel, text] of Object.entries(rep.files)) writeAtomic(join(dir, rel), text);
    const bad = rep.panels.filter((p) => p.status === 'fail' || p.status === 'error');
    if (values.json) console.log(toJson(summary));
    else {
      for (const p of rep.panels) console.log(`${p.status.padEnd(8)} ${p.id.padEnd(18)} ${(p.device ?? '-') + (p.series ? ' + ' + p.series : '')}${p.status === 'missing' || p.status === 'error' ? '  (' + (p.note ?? '') + ')' : ''}`);
      for (const { stack, sheet } of sheets) console.log(`datasheet ${sheet.device.padEnd(20)} (${stack}): ${sheet.criteria.map((c) => `${c.claim} ${c.status}`).join('; ')}`);
      console.log(`wrote ${join(dir, 'index.html')} (${rep.panels.length} panels, ${sheets.length} datasheets, ${wall.toFixed(1)} s)`);
    }
    return values.strict && bad.length ? 1 : 0;
  },
};
