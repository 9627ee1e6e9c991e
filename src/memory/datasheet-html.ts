/**
 * One-page HTML datasheet (and a side-by-side comparison of two) from Datasheet data:
 * the figures table with units, the memory-grade criteria with pass / fail / n/a, the
 * preset's provenance, and the protocol curves drawn with report/svg-plot.
 * @module memory/datasheet-html
 */
import { renderSvg, type PlotSeries } from '../report/svg-plot.js';
import { formatSI } from '../units/format.js';
import type { Datasheet } from './datasheet.js';
import { DATASHEET_FIELDS } from './datasheet.js';
import type { Curve } from './protocol.js';

function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

/** A number with its unit for display (bounds marked with >=). */
export function showValue(value: number, unit: string, bound?: string): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '—' : String(value);
  const pre = bound === 'lower' ? '≥ ' : '';
  if (unit === '1') return pre + (Math.abs(value) >= 1e4 || (Math.abs(value) < 1e-2 && value !== 0) ? value.toExponential(2) : String(Number(value.toPrecision(4))));
  if (unit === 's' && value > 3.15e7) return `${pre}${formatSI(value, 's', 3)} (${(value / 3.15576e7).toPrecision(3)} y)`;
  return pre + formatSI(value, unit, 4);
}

function plot(c: Curve, id: string): string {
  const series: PlotSeries[] = Object.entries(c.series).map(([name, y]) => ({ name, x: c.x, y, kind: c.x.length < 30 ? 'both' : 'line' }));
  return `<figure><figcaption>${esc(c.title)}</figcaption>${renderSvg({ id, xLabel: c.xLabel, xUnit: c.xUnit, yLabel: c.title.split(' vs ')[0], yUnit: c.yUnit, series, xLog: c.logX ? true : 'auto', yLog: c.logY ? true : 'auto', width: 420, height: 260 })}</figure>`;
}

const STYLE = `body{font:13px/1.4 system-ui,sans-serif;margin:1.5em;max-width:1100px}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}.pass{background:#d8f5d8}.fail{background:#f8d0d0}.na{background:#eee}
figure{display:inline-block;margin:4px}figcaption{font-weight:600}.small{color:#555;font-size:12px}`;

function criteriaRows(d: Datasheet): string {
  return d.criteria.map((c) => `<tr class="${c.status === 'n/a' ? 'na' : c.status}"><td>${esc(c.claim)}</td><td>${esc(c.target)}</td><td>${showValue(c.value, c.unit === 'year' ? '1' : c.unit)}${c.unit === 'year' ? ' y' : ''}</td><td><b>${c.status}</b></td><td class="small">${esc(c.note)}</td></tr>`).join('\n');
}

/** The one-page datasheet of one device. */
export function datasheetHtml(d: Datasheet): string {
  const rows = DATASHEET_FIELDS.map((k) => {
    const f = d.fields[k] as (typeof d.fields)[string] & { bound?: string };
    return `<tr><td>${k}</td><td>${showValue(f.value, f.unit, f.bound)}</td><td class="small">${esc(f.meaning ?? '')}</td></tr>`;
  }).join('\n');
  const plots: string[] = [];
  for (const [pname, out] of Object.entries(d.protocols)) for (const [cname, c] of Object.entries(out.curves)) if (cname !== 'map') plots.push(plot(c, `${d.device}-${pname}-${cname}`));
  if (d.iv.v.length) plots.push(plot({ title: 'I-V sweep (first cycle) |I| vs V', x: d.iv.v, xLabel: 'V', xUnit: 'V', logY: true, yUnit: 'A', series: { '|I|': d.iv.i.map(Math.abs) } }, `${d.device}-iv`));
  const notes = Object.entries(d.protocols).flatMap(([n, o]) => o.notes.map((x) => `<li><b>${n}</b>: ${esc(x)}</li>`)).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Datasheet ${esc(d.device)}</title><style>${STYLE}</style></head><body>
<h1>${esc(d.title)} <span class="small">(${esc(d.device)}, model ${esc(d.model)}, ${d.cellClass.toUpperCase()})</span></h1>
<p class="small">Citation: ${esc(d.citation)}<br>Fitted to: ${esc(d.fittedTo)}<br>${esc(d.notes)}</p>
<h2>Memory-grade criteria (measurements.md D)</h2>
<table><tr><th>review claim</th><th>target</th><th>simulated</th><th>status</th><th>note</th></tr>
${criteriaRows(d)}</table>
<h2>Figures</h2><table><tr><th>field</th><th>value</th><th>meaning</th></tr>
${rows}</table>
<h2>Curves</h2>${plots.join('\n')}
<h2>Protocol notes</h2><ul>${notes}</ul>
</body></html>
`;
}

/** Two datasheets side by side (figures and criteria). */
export function comparisonHtml(a: Datasheet, b: Datasheet): string {
  const rows = DATASHEET_FIELDS.map((k) => {
    const fa = a.fields[k] as (typeof a.fields)[string] & { bound?: string }, fb = b.fields[k] as typeof fa;
    return `<tr><td>${k}</td><td>${showValue(fa.value, fa.unit, fa.bound)}</td><td>${showValue(fb.value, fb.unit, fb.bound)}</td><td class="small">${esc(fa.meaning ?? '')}</td></tr>`;
  }).join('\n');
  const crit = a.criteria.map((c, k) => {
    const c2 = b.criteria[k];
    return `<tr><td>${esc(c.claim)}</td><td class="${c.status === 'n/a' ? 'na' : c.status}">${c.status}</td><td class="${c2.status === 'n/a' ? 'na' : c2.status}">${c2.status}</td></tr>`;
  }).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(a.device)} vs ${esc(b.device)}</title><style>${STYLE}</style></head><body>
<h1>${esc(a.device)} vs ${esc(b.device)}</h1>
<table><tr><th>criterion</th><th>${esc(a.device)}</th><th>${esc(b.device)}</th></tr>${crit}</table>
<table><tr><th>field</th><th>${esc(a.device)}</th><th>${esc(b.device)}</th><th>meaning</th></tr>${rows}</table>
</body></html>
`;
}
