/**
 * SVG plots for the lab: axes with units, linear or log scales (log chosen automatically when
 * positive data span more than two decades), legends, per-pixel min/max decimation of long
 * traces, fonts sized for a projector. Returns an SVG string (also used for SVG/PNG export).
 * @module lab/plot
 */

/** One plotted series. */
export interface Series {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  label?: string;
  color?: string;
  mode?: 'line' | 'points' | 'both';
}

/** Plot options. */
export interface PlotOptions {
  title?: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean | 'auto';
  yLog?: boolean | 'auto';
  /** Plot |y| (for log current axes). */
  yAbs?: boolean;
  width?: number;
  height?: number;
}

const COLORS = ['#1f5fa8', '#c0392b', '#27864a', '#8e44ad', '#d68910', '#148f95', '#6c3483', '#5d6d7e'];

function span(series: Series[], key: 'x' | 'y', abs: boolean): [number, number, boolean] {
  let lo = Infinity, hi = -Infinity, allPos = true;
  for (const s of series) {
    const a = s[key];
    for (let i = 0; i < a.length; i++) {
      const v = abs ? Math.abs(a[i]) : a[i];
      if (!Number.isFinite(v)) continue;
      if (v <= 0) allPos = false;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi, allPos];
}

function niceTicks(lo: number, hi: number, n = 6): number[] {
  const range = hi - lo || Math.abs(hi) || 1;
  const step0 = range / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => range / s <= n) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-2) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Render series to an SVG string. */
export function plotSvg(series: Series[], o: PlotOptions): string {
  const W = o.width ?? 640, H = o.height ?? 400;
  const m = { l: 86, r: 18, t: o.title ? 40 : 16, b: 62 };
  const pw = W - m.l - m.r, ph = H - m.t - m.b;
  let [x0, x1, xPos] = span(series, 'x', false);
  let [y0, y1, yPos] = span(series, 'y', Boolean(o.yAbs));
  const xLog = o.xLog === true || (o.xLog === 'auto' && xPos && x1 / x0 > 100);
  const yLog = o.yLog === true || (o.yLog === 'auto' && yPos && y1 / y0 > 100);
  // |y| only makes sense on a log axis; a linear axis shows signed values
  const yAbs = Boolean(o.yAbs) && yLog;
  if (o.yAbs && !yLog) [y0, y1] = span(series, 'y', false);
  if (!Number.isFinite(x0)) { x0 = 0; x1 = 1; }
  if (!Number.isFinite(y0)) { y0 = 0; y1 = 1; }
  const tx = (v: number) => (xLog ? Math.log10(v) : v);
  const ty = (v: number) => (yLog ? Math.log10(v) : v);
  let [a0, a1] = [tx(x0), tx(x1)], [b0, b1] = [ty(y0), ty(y1)];
  if (a1 === a0) { a0 -= 0.5; a1 += 0.5; }
  if (b1 === b0) { b0 -= Math.abs(b0) * 0.1 || 0.5; b1 += Math.abs(b1) * 0.1 || 0.5; }
  const pad = (b1 - b0) * 0.05;
  b0 -= pad; b1 += pad;
  const X = (v: number) => m.l + ((tx(v) - a0) / (a1 - a0)) * pw;
  const Y = (v: number) => m.t + ph - ((ty(yAbs ? Math.abs(v) : v) - b0) / (b1 - b0)) * ph;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Helvetica, Arial, sans-serif" font-size="14">`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  if (o.title) parts.push(`<text x="${m.l}" y="24" font-size="16" font-weight="bold">${esc(o.title)}</text>`);
  // ticks and grid
  const xt = xLog ? decadeTicks(a0, a1) : niceTicks(a0, a1);
  const yt = yLog ? decadeTicks(b0, b1) : niceTicks(b0, b1);
  for (const t of xt) {
    const v = xLog ? 10 ** t : t;
    const px = X(v);
    if (px < m.l - 0.5 || px > m.l + pw + 0.5) continue;
    parts.push(`<line x1="${px}" x2="${px}" y1="${m.t}" y2="${m.t + ph}" stroke="#e3e6ea"/>`);
    parts.push(`<text x="${px}" y="${m.t + ph + 20}" text-anchor="middle">${xLog ? `1e${t}` : fmtTick(v)}</text>`);
  }
  for (const t of yt) {
    const v = yLog ? 10 ** t : t;
    const py = m.t + ph - ((t - b0) / (b1 - b0)) * ph;
    if (py < m.t - 0.5 || py > m.t + ph + 0.5) continue;
    parts.push(`<line x1="${m.l}" x2="${m.l + pw}" y1="${py}" y2="${py}" stroke="#e3e6ea"/>`);
    parts.push(`<text x="${m.l - 8}" y="${py + 5}" text-anchor="end">${yLog ? `1e${t}` : fmtTick(v)}</text>`);
  }
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  parts.push(`<text x="${m.l + pw / 2}" y="${H - 16}" text-anchor="middle" font-size="15">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(20 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle" font-size="15">${yAbs ? '|' + esc(o.yLabel) + '|' : esc(o.yLabel)}</text>`);
  // series with per-pixel decimation
  series.forEach((s, k) => {
    const color = s.color ?? COLORS[k % COLORS.length];
    const mode = s.mode ?? 'line';
    const pts: string[] = [];
    let lastPx = -1, minY = 0, maxY = 0, have = false;
    const flush = () => { if (have) { pts.push(`${lastPx.toFixed(1)},${minY.toFixed(1)}`); if (maxY !== minY) pts.push(`${lastPx.toFixed(1)},${maxY.toFixed(1)}`); } };
    for (let i = 0; i < s.x.length; i++) {
      const xv = s.x[i], yv = s.y[i];
      if (!Number.isFinite(xv) || !Number.isFinite(yv) || (xLog && xv <= 0) || (yLog && (yAbs ? Math.abs(yv) : yv) <= 0)) continue;
      const px = Math.round(X(xv) * 2) / 2, py = Y(yv);
      if (mode !== 'line' || s.x.length < 2 * pw) { pts.push(`${X(xv).toFixed(1)},${py.toFixed(1)}`); continue; }
      if (px !== lastPx) { flush(); lastPx = px; minY = maxY = py; have = true; } else { minY = Math.min(minY, py); maxY = Math.max(maxY, py); }
    }
    if (mode === 'line' && s.x.length >= 2 * pw) flush();
    if (mode !== 'points' && pts.length) parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>`);
    if (mode !== 'line') for (const p of pts) { const [cx, cy] = p.split(','); parts.push(`<circle cx="${cx}" cy="${cy}" r="3.5" fill="${color}"/>`); }
  });
  const labelled = series.filter((s) => s.label);
  labelled.forEach((s, k) => {
    const color = s.color ?? COLORS[series.indexOf(s) % COLORS.length];
    const y = m.t + 18 + k * 20;
    parts.push(`<line x1="${m.l + pw - 150}" x2="${m.l + pw - 126}" y1="${y - 5}" y2="${y - 5}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<text x="${m.l + pw - 120}" y="${y}">${esc(s.label!)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function decadeTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const step = Math.max(1, Math.ceil((hi - lo) / 8));
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d += step) out.push(d);
  return out;
}
