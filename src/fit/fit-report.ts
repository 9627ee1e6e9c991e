/**
 * The fit report: one HTML page with, per data set, an overlay of data (points) and model
 * (line) and a residual plot, then the parameter table with uncertainties, the correlation
 * matrix and the warnings. Plots are inline SVG computed here (no script, no dependency).
 * I-V sets are drawn as I against V, pulse and retention sets against time (retention on a
 * log time axis when it spans more than two decades).
 * @module fit/fit-report
 */
import type { FitResult } from './fit.js';
import type { DataSet } from './import.js';
import type { DataFileInfo } from './preset-out.js';

const W = 420, H = 260, M = { l: 62, r: 12, t: 14, b: 38 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
}

/** One series of an SVG plot. */
export interface Series { x: ArrayLike<number>; y: ArrayLike<number>; style: 'points' | 'line'; color: string; label: string; }

/** A small scatter/line plot as an SVG string. */
export function svgPlot(series: Series[], xLabel: string, yLabel: string, logX = false): string {
  const tx = (x: number) => (logX ? Math.log10(Math.max(x, 1e-300)) : x);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of series) for (let k = 0; k < s.x.length; k++) {
    const x = tx(s.x[k]), y = s.y[k];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  if (!(x1 > x0)) { x0 -= 1; x1 += 1; }
  if (!(y1 > y0)) { y0 -= 1; y1 += 1; }
  const pad = 0.05 * (y1 - y0);
  y0 -= pad; y1 += pad;
  const px = (x: number) => M.l + ((tx(x) - x0) / (x1 - x0)) * (W - M.l - M.r);
  const py = (y: number) => H - M.b - ((y - y0) / (y1 - y0)) * (H - M.t - M.b);
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="10">`];
  parts.push(`<rect x="${M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="none" stroke="#888"/>`);
  for (let k = 0; k <= 4; k++) {
    const xv = x0 + ((x1 - x0) * k) / 4, yv = y0 + ((y1 - y0) * k) / 4;
    const xs = M.l + ((W - M.l - M.r) * k) / 4, ys = H - M.b - ((H - M.t - M.b) * k) / 4;
    parts.push(`<text x="${xs}" y="${H - M.b + 12}" text-anchor="middle">${fmt(logX ? 10 ** xv : xv)}</text>`);
    parts.push(`<text x="${M.l - 4}" y="${ys + 3}" text-anchor="end">${fmt(yv)}</text>`);
  }
  parts.push(`<text x="${(M.l + W - M.r) / 2}" y="${H - 6}" text-anchor="middle">${esc(xLabel)}</text>`);
  parts.push(`<text x="12" y="${(M.t + H - M.b) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(M.t + H - M.b) / 2})">${esc(yLabel)}</text>`);
  series.forEach((s, si) => {
    // decimate to about one point per pixel column
    const step = Math.max(1, Math.floor(s.x.length / (W - M.l - M.r)));
    if (s.style === 'line') {
      const pts: string[] = [];
      for (let k = 0; k < s.x.length; k += step) if (Number.isFinite(s.y[k])) pts.push(`${px(s.x[k]).toFixed(1)},${py(s.y[k]).toFixed(1)}`);
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${pts.join(' ')}"/>`);
    } else {
      for (let k = 0; k < s.x.length; k += step) if (Number.isFinite(s.y[k])) parts.push(`<circle cx="${px(s.x[k]).toFixed(1)}" cy="${py(s.y[k]).toFixed(1)}" r="1.8" fill="${s.color}" fill-opacity="0.6"/>`);
    }
    parts.push(`<text x="${W - M.r - 4}" y="${M.t + 12 + 12 * si}" text-anchor="end" fill="${s.color}">${esc(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
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
    const yName = sf.target === 'i' ? 'current (A)' : 'read conductance (S)';
    const xName = isIv ? 'voltage (V)' : 'time since first row (s)';
    const res = Float64Array.from(sf.model, (m, j) => m - sf.y[j]);
    const overlay = svgPlot([{ x, y: sf.y, style: 'points', color: '#1f77b4', label: 'data' }, { x, y: sf.model, style: 'line', color: '#d62728', label: `model (R^2 ${sf.r2.toFixed(4)})` }], xName, yName, logX);
    const resid = svgPlot([{ x: Float64Array.from(res, (_, j) => j), y: res, style: 'points', color: '#2ca02c', label: 'model - data' }], 'row', `residual ${sf.target === 'i' ? '(A)' : '(S)'}`);
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
