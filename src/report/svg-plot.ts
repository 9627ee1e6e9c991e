/**
 * Static SVG plots for the report: line and scatter series, linear or log axes (chosen
 * automatically when positive data span more than two decades), axis labels with units
 * scaled by an SI prefix, a legend, optional reference bands and lines. A plot is data
 * (PlotSpec) turned into a string: computing is kept apart from drawing, and the same
 * PlotSpec can be rendered elsewhere (the lab).
 * @module report/svg-plot
 */

/** One series. */
export interface PlotSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  kind?: 'line' | 'scatter' | 'both';
  color?: string;
  dashed?: boolean;
  /** Marker radius of scatter points (px, default 3); small for dense rasters. */
  radius?: number;
}

/** What to draw. */
export interface PlotSpec {
  xLabel: string;
  xUnit: string;
  yLabel: string;
  yUnit: string;
  series: PlotSeries[];
  /** 'auto' (default): log when positive data span > 2 decades. */
  xLog?: boolean | 'auto';
  yLog?: boolean | 'auto';
  /** Shaded horizontal band (e.g. a published range) with a label. */
  band?: { y0: number; y1: number; label: string };
  /** Horizontal reference lines. */
  hlines?: Array<{ y: number; label: string }>;
  width?: number;
  height?: number;
  /** Unique id (several plots share one HTML page: clip paths need distinct ids). */
  id?: string;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const PREFIX: Array<[number, string]> = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f']];
const PREFIXABLE = new Set(['V', 'A', 's', 'Hz', 'Ohm', 'S', 'J', 'F', 'W']);

function esc(s: string): string { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }

function extent(series: PlotSeries[], key: 'x' | 'y', extra: number[] = []): [number, number, boolean] {
  let lo = Infinity, hi = -Infinity, allPos = true;
  for (const s of series) for (let i = 0; i < s[key].length; i++) {
    const v = s[key][i];
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v); hi = Math.max(hi, v);
    if (v <= 0) allPos = false;
  }
  for (const v of extra) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); if (v <= 0) allPos = false; }
  if (!Number.isFinite(lo)) return [0, 1, false];
  return [lo, hi, allPos];
}

/** Axis mapping plus ticks. */
interface Axis { log: boolean; lo: number; hi: number; ticks: number[]; scale: number; prefix: string; }

function niceStep(span: number, n: number): number {
  const raw = span / n, mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

function makeAxis(lo: number, hi: number, allPos: boolean, want: boolean | 'auto' | undefined, unit: string): Axis {
  const log = want === true ? allPos : want === false ? false : allPos && hi / lo > 100;
  if (log) {
    const a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
    const ticks: number[] = [];
    const stride = Math.max(1, Math.ceil((b - a) / 7));
    for (let e = a; e <= b; e += stride) ticks.push(Math.pow(10, e));
    return { log, lo: Math.pow(10, a), hi: Math.pow(10, Math.max(b, a + 1)), ticks, scale: 1, prefix: '' };
  }
  if (hi === lo) { const d = Math.abs(hi) || 1; lo -= d * 0.1; hi += d * 0.1; }
  const pad = (hi - lo) * 0.05;
  lo -= pad; hi += pad;
  const step = niceStep(hi - lo, 5);
  const t0 = Math.ceil(lo / step) * step;
  const ticks: number[] = [];
  for (let t = t0; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  let scale = 1, prefix = '';
  if (PREFIXABLE.has(unit)) {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    for (const [f, p] of PREFIX) if (m >= f * 0.999) { scale = f; prefix = p; break; }
  }
  return { log, lo, hi, ticks, scale, prefix };
}

function tickLabel(v: number, ax: Axis, unit: string): string {
  if (ax.log) {
    const e = Math.round(Math.log10(v));
    if (PREFIXABLE.has(unit)) {
      for (const [f, p] of PREFIX) if (v >= f * 0.999) { const m = v / f; return `${Number(m.toPrecision(3))} ${p}`; }
    }
    return e >= -2 && e <= 3 ? String(Number(v.toPrecision(3))) : `1e${e}`;
  }
  const s = v / ax.scale;
  return String(Number(s.toPrecision(4)));
}

function unitLabel(unit: string, ax: Axis): string {
  if (!unit || unit === '1') return '';
  if (ax.log) return ` (${unit})`;
  return ` (${ax.prefix}${unit === 'Ohm' ? 'Ω' : unit})`;
}

/** Render a plot to an SVG string. */
export function renderSvg(p: PlotSpec): string {
  const W = p.width ?? 440, H = p.height ?? 300;
  const m = { l: 64, r: 14, t: 12, b: 46 };
  const pw = W - m.l - m.r, ph = H - m.t - m.b;
  const [xl, xh, xp] = extent(p.series, 'x');
  const extraY = [...(p.band ? [p.band.y0, p.band.y1] : []), ...(p.hlines ?? []).map((h) => h.y)];
  const [yl, yh, yp] = extent(p.series, 'y', extraY);
  const ax = makeAxis(xl, xh, xp, p.xLog, p.xUnit), ay = makeAxis(yl, yh, yp, p.yLog, p.yUnit);
  const X = (v: number) => m.l + (ax.log ? (Math.log10(v) - Math.log10(ax.lo)) / (Math.log10(ax.hi) - Math.log10(ax.lo)) : (v - ax.lo) / (ax.hi - ax.lo)) * pw;
  const Y = (v: number) => m.t + ph - (ay.log ? (Math.log10(v) - Math.log10(ay.lo)) / (Math.log10(ay.hi) - Math.log10(ay.lo)) : (v - ay.lo) / (ay.hi - ay.lo)) * ph;
  const clipY = (v: number) => Math.max(m.t, Math.min(m.t + ph, v));
  const clip = `clip-${(p.id ?? 'plot').replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="#fff" stroke="#999"/>`);
  if (p.band) {
    const y0 = clipY(Y(Math.max(p.band.y0, ay.log ? ay.lo : -Infinity))), y1 = clipY(Y(Math.min(p.band.y1, ay.hi)));
    out.push(`<rect x="${m.l}" y="${Math.min(y0, y1).toFixed(1)}" width="${pw}" height="${Math.abs(y0 - y1).toFixed(1)}" fill="#2ca02c" fill-opacity="0.12"/>`);
    out.push(`<text x="${m.l + pw - 4}" y="${(Math.min(y0, y1) + 12).toFixed(1)}" text-anchor="end" fill="#2a7a2a" font-size="10">${esc(p.band.label)}</text>`);
  }
  for (const t of ax.ticks) {
    const x = X(t);
    if (x < m.l - 0.5 || x > m.l + pw + 0.5) continue;
    out.push(`<line x1="${x.toFixed(1)}" y1="${m.t}" x2="${x.toFixed(1)}" y2="${m.t + ph}" stroke="#eee"/>`);
    out.push(`<text x="${x.toFixed(1)}" y="${m.t + ph + 15}" text-anchor="middle" fill="#333">${esc(tickLabel(t, ax, p.xUnit))}</text>`);
  }
  for (const t of ay.ticks) {
    const y = Y(t);
    if (y < m.t - 0.5 || y > m.t + ph + 0.5) continue;
    out.push(`<line x1="${m.l}" y1="${y.toFixed(1)}" x2="${m.l + pw}" y2="${y.toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${m.l - 5}" y="${(y + 4).toFixed(1)}" text-anchor="end" fill="#333">${esc(tickLabel(t, ay, p.yUnit))}</text>`);
  }
  for (const h of p.hlines ?? []) {
    const y = Y(h.y);
    if (!(y >= m.t && y <= m.t + ph)) continue;
    out.push(`<line x1="${m.l}" y1="${y.toFixed(1)}" x2="${m.l + pw}" y2="${y.toFixed(1)}" stroke="#777" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${m.l + 4}" y="${(y - 3).toFixed(1)}" fill="#555" font-size="10">${esc(h.label)}</text>`);
  }
  out.push(`<clipPath id="${clip}"><rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}"/></clipPath><g clip-path="url(#${clip})">`);
  p.series.forEach((s, k) => {
    const col = s.color ?? PALETTE[k % PALETTE.length];
    const kind = s.kind ?? 'line';
    const n = s.x.length;
    // decimate long traces to about two points per pixel column
    const stride = Math.max(1, Math.floor(n / (pw * 2)));
    if (kind !== 'scatter') {
      let d = '', pen = false;
      const idx: number[] = [];
      for (let i = 0; i < n; i += stride) idx.push(i);
      if (n && idx[idx.length - 1] !== n - 1) idx.push(n - 1);
      for (const i of idx) {
        const xv = s.x[i], yv = s.y[i];
        const ok = Number.isFinite(xv) && Number.isFinite(yv) && (!ax.log || xv > 0) && (!ay.log || yv > 0);
        if (!ok) { pen = false; continue; }
        d += `${pen ? 'L' : 'M'}${X(xv).toFixed(1)},${Y(yv).toFixed(1)}`;
        pen = true;
      }
      out.push(`<path d="${d}" fill="none" stroke="${col}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    }
    if (kind !== 'line') {
      for (let i = 0; i < n; i++) {
        const xv = s.x[i], yv = s.y[i];
        if (!Number.isFinite(xv) || !Number.isFinite(yv) || (ax.log && xv <= 0) || (ay.log && yv <= 0)) continue;
        out.push(`<circle cx="${X(xv).toFixed(1)}" cy="${Y(yv).toFixed(1)}" r="${s.radius ?? 3}" fill="${col}" fill-opacity="0.85"/>`);
      }
    }
  });
  out.push('</g>');
  out.push(`<text x="${m.l + pw / 2}" y="${H - 8}" text-anchor="middle" fill="#111" font-size="13">${esc(p.xLabel + unitLabel(p.xUnit, ax))}</text>`);
  out.push(`<text transform="translate(14,${m.t + ph / 2}) rotate(-90)" text-anchor="middle" fill="#111" font-size="13">${esc(p.yLabel + unitLabel(p.yUnit, ay))}</text>`);
  // legend
  const named = p.series.filter((s) => s.name);
  if (named.length > 1) {
    const lw = Math.max(...named.map((s) => s.name.length)) * 6.5 + 30;
    const lx = m.l + pw - lw - 6, ly = m.t + 6;
    out.push(`<rect x="${lx}" y="${ly}" width="${lw}" height="${named.length * 16 + 6}" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>`);
    named.forEach((s, k) => {
      const col = s.color ?? PALETTE[p.series.indexOf(s) % PALETTE.length];
      const y = ly + 14 + k * 16;
      out.push(`<line x1="${lx + 6}" y1="${y - 4}" x2="${lx + 22}" y2="${y - 4}" stroke="${col}" stroke-width="2.5"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
      out.push(`<text x="${lx + 26}" y="${y}" fill="#222" font-size="11">${esc(s.name)}</text>`);
    });
  }
  out.push('</svg>');
  return out.join('');
}
