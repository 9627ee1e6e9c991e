/**
 * The fit report: one HTML page with, per data set, an overlay of data (points) and model
 * (line) and a residual plot, then the parameter table with uncertainties, the correlation
 * matrix and the warnings, as one self-contained page (inline SVG, no script).
 * I-V sets are drawn as I against V, pulse and retention sets against time (retention on a
 * log time axis when it spans more than two decades). Plots are drawn by report/svg-plot.
 * @module fit/fit-report
 */
import { renderSvg } from '../report/svg-plot.js';
import type { FitResult } from './fit.js';
import type { DataSet } from './import.js';
import type { DataFileInfo } from './preset-out.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
}

/** The HTML report of a fit. */
export function fitReportHtml(fit: FitResult, sets: readonly DataSet[], files: readonly DataFileInfo[], presetId: string): string {
  const blocks = fit.sets.map((sf, k) => {
    const d = sets[k];
    const isIv = d.kind === 'iv';
    const t0 = d.t[0];
    const x = isIv ? d.v : Float64Array.from(d.t, (t) => t - t0);
    let span = 0;
    for (const t of x) if (t > 0) span = Math.max(span, t);
    const minPos = Array.from(x).filter((t) => t > 0).reduce((a, b) => Math.min(a, b), Infinity);
    const logX = d.kind === 'retention' && span / minPos > 100;
    const unit = sf.target === 'i' ? 'A' : 'S';
    const yName = sf.target === 'i' ? 'current' : 'read conductance';
    const res = Float64Array.from(sf.model, (m, j) => m - sf.y[j]);
    const overlay = renderSvg({
      id: `fit-${k}`, xLabel: isIv ? 'voltage' : 'time since first row', xUnit: isIv ? 'V' : 's', yLabel: yName, yUnit: unit, xLog: logX, yLog: false,
      series: [{ name: 'data', x, y: sf.y, kind: 'scatter' }, { name: `model (R^2 ${sf.r2.toFixed(4)})`, x, y: sf.model, kind: 'line' }],
    });
    const resid = renderSvg({
      id: `res-${k}`, xLabel: 'row', xUnit: '', yLabel: 'model - data', yUnit: unit, xLog: false, yLog: false,
      series: [{ name: 'residual', x: Float64Array.from(res, (_, j) => j), y: res, kind: 'scatter' }],
    });
    return `<h3>${esc(sf.name)} (${sf.kind}, ${sf.n} rows): R<sup>2</sup> = ${sf.r2.toFixed(5)}, RMSE = ${fmt(sf.rmse)}</h3><div>${overlay} ${resid}</div>`;
  });
  const rows = fit.params.map((p) => `<tr><td>${esc(p.name)}</td><td>${fmt(p.value)}</td><td>${fmt(p.sigma)}</td><td>${p.log ? fmt(p.sigmaCoord) + ' dec' : ''}</td><td>${esc(p.unit)}</td><td>[${fmt(p.lo)}, ${fmt(p.hi)}]${p.log ? ' log' : ''}</td><td>${fmt(p.start)}</td><td>${p.atBound ? 'at bound' : ''}</td></tr>`).join('');
  const corr = `<table><tr><th></th>${fit.params.map((p) => `<th>${esc(p.name)}</th>`).join('')}</tr>${fit.correlation.map((r, a) => `<tr><th>${esc(fit.params[a].name)}</th>${r.map((c) => `<td>${Number.isFinite(c) ? c.toFixed(3) : '-'}</td>`).join('')}</tr>`).join('')}</table>`;
  const warn = fit.warnings.length ? `<ul>${fit.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '<p>none</p>';
  const data = files.map((f) => `<li>${esc(f.file)} (${esc(f.kind)}, ${f.rows} rows, sha256 <code>${f.sha256}</code>)</li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>fit ${esc(fit.model)} -> ${esc(presetId)}</title>
<style>body{font-family:sans-serif;max-width:960px;margin:1em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}</style></head><body>
<h1>Fit of ${esc(fit.model)}: preset ${esc(presetId)}</h1>
<p>Status: <b>${fit.status}</b> (${esc(fit.message)}); ${fit.evaluations} model evaluations; ${fit.points} points, residual variance ${fmt(fit.s2)}, condition number of J<sup>T</sup>J ${fmt(fit.conditionNumber)}.</p>
<h2>Parameters</h2><table><tr><th>name</th><th>value</th><th>sigma</th><th>sigma (log10)</th><th>unit</th><th>search range</th><th>start</th><th></th></tr>${rows}</table>
<h2>Correlations</h2>${corr}
<h2>Warnings</h2>${warn}
<h2>Data and model</h2>${blocks.join('\n')}
<h2>Data files</h2><ul>${data}</ul>
</body></html>
`;
}
