/**
 * The report page: a summary table on top (every check: metric, value, band, provenance
 * code, gate, pass/fail), then a grid of panel cards, each with its simulated plot (inline
 * SVG), what the review reports, the checks, the device and protocol used, the read mode and
 * links to the panel's CSV data. Self-contained HTML with its own CSS, no scripts.
 * @module report/html
 */
import { formatSI } from '../units/format.js';
import type { PanelResult } from './panel.js';
import { renderSvg } from './svg-plot.js';

function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }

function fmtValue(v: number, unit: string): string {
  if (!Number.isFinite(v)) return String(v);
  if (unit === '1' || !unit) {
    const a = Math.abs(v);
    return a !== 0 && (a >= 1e4 || a < 1e-3) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
  }
  return formatSI(v, unit, 3);
}

const STATUS_TEXT: Record<PanelResult['status'], string> = { pass: 'pass', warn: 'pass (soft warn)', fail: 'FAIL', missing: 'not available', error: 'error' };

function badge(status: PanelResult['status']): string {
  return `<span class="badge ${status}">${STATUS_TEXT[status]}</span>`;
}

function checkRows(p: PanelResult, withPanel: boolean): string {
  if (!p.checks.length) {
    return `<tr>${withPanel ? `<td><a href="#${p.id}">${esc(p.figure)}</a></td><td>${esc(p.device ?? '-')}${p.series ? ' + ' + esc(p.series) : ''}</td>` : ''}<td colspan="5" class="muted">${esc(p.note ?? '')}</td><td>${badge(p.status)}</td></tr>`;
  }
  return p.checks.map((c, k) => {
    const res = c.pass ? '<span class="ok">pass</span>' : c.gate === 'hard' ? '<span class="bad">fail</span>' : '<span class="warn">warn</span>';
    const lead = withPanel ? (k === 0 ? `<td rowspan="${p.checks.length}"><a href="#${p.id}">${esc(p.figure)}</a></td><td rowspan="${p.checks.length}">${esc(p.device ?? '-')}${p.series ? ' + ' + esc(p.series) : ''}</td>` : '') : '';
    return `<tr>${lead}<td><code>${esc(c.metric)}</code></td><td class="num">${esc(fmtValue(c.value, c.unit))}</td><td>${esc(c.band)}</td><td title="${esc(c.source)}">${c.code} · ${c.gate}</td><td class="muted small">${esc(c.source)}</td><td>${res}</td></tr>`;
  }).join('');
}

function card(p: PanelResult): string {
  const plot = p.plot ? renderSvg(p.plot) : `<div class="noplot">${esc(p.note ?? 'no plot')}</div>`;
  const csv = p.result ? Object.keys(p.result.tables).map((t) => `<a href="data/${p.id}-${t}.csv">${t}.csv</a>`).join(' · ') : '';
  const dev = p.device ? `${esc(p.device)}${p.series ? ` + ${esc(p.series)} (series)` : ''}` : '-';
  return `<section class="card" id="${p.id}">
<header><h2>${esc(p.figure)} — ${esc(p.title)}</h2>${badge(p.status)}</header>
<div class="plot">${plot}</div>
${(p.figures ?? []).map((f) => `<div class="plot fig">${f}</div>`).join('\n')}
<p class="review"><b>Review:</b> ${esc(p.review)}</p>
${p.setup ? `<p class="meta"><b>Set-up:</b> ${esc(p.setup)}</p>` : ''}
<table class="checks"><thead><tr><th>metric</th><th>simulated</th><th>published band</th><th>code · gate</th><th>source</th><th></th></tr></thead><tbody>${checkRows(p, false)}</tbody></table>
<p class="meta">protocol <code>${esc(p.protocol)}</code> on <code>${dev}</code>${p.result ? ` · ${p.result.runs} simulations · ${esc(p.result.read.split(':')[0])}` : ''}${csv ? ` · data: ${csv}` : ''}</p>
${p.note && p.status !== 'missing' ? `<p class="note">${esc(p.note)}</p>` : ''}
</section>`;
}

const CSS = `
:root{--fg:#1d2330;--muted:#6b7280;--line:#e5e7eb;--bg:#f6f7f9;--ok:#15803d;--bad:#b91c1c;--warn:#b45309}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1500px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:16px;margin:0}
.sub{color:var(--muted);margin:0 0 18px}
.tally{display:flex;gap:12px;margin:14px 0 20px;flex-wrap:wrap}.tally div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px}
.tally b{font-size:20px;margin-right:6px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f1f3f6;font-weight:600}td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.summary{border:1px solid var(--line);border-radius:8px;overflow:hidden;margin-bottom:28px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(470px,1fr));gap:18px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card header{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-bottom:8px}
.plot svg{max-width:100%;height:auto}.noplot{height:120px;display:flex;align-items:center;justify-content:center;color:var(--muted);background:#fafafa;border:1px dashed var(--line);border-radius:6px;padding:10px;text-align:center}
.review{margin:8px 0}.meta,.note{color:var(--muted);font-size:12.5px;margin:6px 0 0}.note{color:var(--warn)}
.checks th,.checks td{font-size:12.5px}
.badge{font-size:12px;font-weight:600;padding:2px 9px;border-radius:999px;white-space:nowrap}
.badge.pass{background:#dcfce7;color:var(--ok)}.badge.warn{background:#fef3c7;color:var(--warn)}.badge.fail,.badge.error{background:#fee2e2;color:var(--bad)}.badge.missing{background:#e5e7eb;color:#4b5563}
.ok{color:var(--ok);font-weight:600}.bad{color:var(--bad);font-weight:600}.warn{color:var(--warn);font-weight:600}
.muted{color:var(--muted)}.small{font-size:12px}code{font-size:12.5px;background:#f3f4f6;padding:0 3px;border-radius:3px}
footer{margin-top:30px;color:var(--muted);font-size:12.5px}
a{color:#1d4ed8;text-decoration:none}a:hover{text-decoration:underline}
`;

/** The whole page. */
export function renderHtml(panels: PanelResult[], meta: Record<string, string>): string {
  const count = (s: PanelResult['status']) => panels.filter((p) => p.status === s).length;
  const checks = panels.flatMap((p) => p.checks);
  const hardFail = checks.filter((c) => c.gate === 'hard' && !c.pass).length;
  const softWarn = checks.filter((c) => c.gate === 'soft' && !c.pass).length;
  const metaLine = Object.entries(meta).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>nanoionics — reproduction of Zhu, Lee, Lu (2019)</title><style>${CSS}</style></head>
<body><main>
<h1>Reproducing <i>Nanoionic Resistive-Switching Devices</i></h1>
<p class="sub">X. Zhu, S. H. Lee, W. D. Lu, Adv. Electron. Mater. 2019, 5, 1900184 — every panel simulated by nanoionics from device dynamics (no learning rule), compared with the published numbers of <code>shared/reference/measurements.md</code>.</p>
<div class="tally"><div><b>${panels.length}</b>panels</div><div><b class="ok">${count('pass') + count('warn')}</b>pass</div><div><b class="bad">${count('fail') + count('error')}</b>fail / error</div><div><b>${count('missing')}</b>not available</div><div><b class="bad">${hardFail}</b>hard checks failed</div><div><b class="warn">${softWarn}</b>soft checks outside band</div></div>
<div class="summary"><table><thead><tr><th>figure</th><th>device</th><th>metric</th><th>simulated</th><th>published band</th><th>code · gate</th><th>source</th><th>result</th></tr></thead><tbody>
${panels.map((p) => checkRows(p, true)).join('\n')}
</tbody></table></div>
<div class="grid">
${panels.map(card).join('\n')}
</div>
<footer>
<p>Provenance codes (measurements.md): <b>S</b> stated in a readable source (hard gate) · <b>B</b> stated in the review only (soft) · <b>R</b> remembered from the primary paper (soft) · <b>D</b> derived by arithmetic (hard) · <b>Q</b> qualitative sign / ordering (hard). A panel passes when all its hard checks pass; soft checks outside their band are shown as warnings. "Not available": the preset the panel needs is not in this build's catalogue.</p>
<p>Reads: "virtual" reads are the recorder's non-perturbing read I(V_read)/V_read at the frozen device state. Data of every panel are in <code>data/</code>; all checks are in <code>summary.json</code>.</p>
<p>${metaLine}</p>
</footer>
</main></body></html>
`;
}
