/**
 * SVG heatmaps of 2D fields with a colour bar and nm axes (for `nanoionics filament`).
 * Axisymmetric maps are mirrored about the axis so the picture shows a full cross-section.
 * @module report/svg-heatmap
 */

/** A map on an nx-by-nz grid (k = j*nx + i), with cell sizes in metres. */
export interface HeatmapInput {
  values: ArrayLike<number>; nx: number; nz: number; dx: number; dz: number;
  title: string; unit: string; mirror?: boolean; log?: boolean; min?: number; max?: number;
  /** Axis labels and the factor from metres to the axis unit (default "x (nm)", "z (nm)", 1e9). */
  xLabel?: string; yLabel?: string; axisScale?: number;
  /** Row 0 at the top (matrices) instead of the bottom (cross-sections). */
  topDown?: boolean;
  /**
   * Row boundaries (m, length nz + 1, increasing from the bottom) of a grid with rows of
   * different heights; default: uniform rows of height dz.
   */
  zEdges?: ArrayLike<number>;
  /** Cells (i, j) to outline, e.g. the selected cell and the sneak path of a crossbar read. */
  outline?: Array<{ i: number; j: number; color: string }>;
}

const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]]; // viridis

function color(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(x)), f = x - k;
  const c = STOPS[k].map((a, q) => Math.round(a + (STOPS[k + 1][q] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Render one map as an SVG document. */
export function heatmapSvg(h: HeatmapInput): string {
  const cols = h.mirror ? 2 * h.nx : h.nx;
  const zTot = h.zEdges ? h.zEdges[h.nz] - h.zEdges[0] : h.nz * h.dz;
  const W = 360, H = Math.max(120, Math.round(W * zTot / (cols * h.dx)));
  const cw = W / cols, ch = H / h.nz, x0 = 50, y0 = 30;
  // vertical extent (px from the top of the plot) of row j
  const rowTop = (j: number): number => {
    if (!h.zEdges) return (h.topDown ? j : h.nz - 1 - j) * ch;
    const z0 = h.zEdges[0], f = (z: number) => ((z - z0) / zTot) * H;
    return h.topDown ? f(h.zEdges[j]) : H - f(h.zEdges[j + 1]);
  };
  const rowH = (j: number): number => (h.zEdges ? ((h.zEdges[j + 1] - h.zEdges[j]) / zTot) * H : ch);
  const tr = (v: number) => (h.log ? Math.log10(Math.max(v, 1e-300)) : v);
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < h.nx * h.nz; k++) { const v = tr(h.values[k]); if (v < lo) lo = v; if (v > hi) hi = v; }
  if (h.min !== undefined) lo = tr(h.min);
  if (h.max !== undefined) hi = tr(h.max);
  if (!(hi > lo)) hi = lo + 1;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W + 160}" height="${H + 70}" font-family="sans-serif" font-size="11">`);
  parts.push(`<text x="${x0}" y="18" font-size="13">${h.title}</text>`);
  for (let j = 0; j < h.nz; j++) for (let c = 0; c < cols; c++) {
    const i = h.mirror ? (c < h.nx ? h.nx - 1 - c : c - h.nx) : c;
    const v = tr(h.values[j * h.nx + i]);
    parts.push(`<rect x="${(x0 + c * cw).toFixed(2)}" y="${(y0 + rowTop(j)).toFixed(2)}" width="${(cw + 0.3).toFixed(2)}" height="${(rowH(j) + 0.3).toFixed(2)}" fill="${color((v - lo) / (hi - lo))}"/>`);
  }
  for (const o of h.outline ?? []) {
    parts.push(`<rect x="${(x0 + o.i * cw + 1).toFixed(2)}" y="${(y0 + rowTop(o.j) + 1).toFixed(2)}" width="${Math.max(1, cw - 2).toFixed(2)}" height="${Math.max(1, rowH(o.j) - 2).toFixed(2)}" fill="none" stroke="${o.color}" stroke-width="2"/>`);
  }
  const sc = h.axisScale ?? 1e9;
  const wNm = cols * h.dx * sc, zNm = zTot * sc;
  parts.push(`<rect x="${x0}" y="${y0}" width="${W}" height="${H}" fill="none" stroke="black"/>`);
  for (let q = 0; q <= 4; q++) {
    const xv = (h.mirror ? -wNm / 2 : 0) + (wNm * q) / 4;
    parts.push(`<text x="${x0 + (W * q) / 4}" y="${y0 + H + 14}" text-anchor="middle">${xv.toFixed(1)}</text>`);
    const zv = h.topDown ? (zNm * (4 - q)) / 4 : (zNm * q) / 4;
    parts.push(`<text x="${x0 - 4}" y="${y0 + H - (H * q) / 4 + 4}" text-anchor="end">${zv.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${x0 + W / 2}" y="${y0 + H + 30}" text-anchor="middle">${h.xLabel ?? `${h.mirror ? 'r' : 'x'} (nm)`}</text>`);
  parts.push(`<text x="12" y="${y0 + H / 2}" transform="rotate(-90 12 ${y0 + H / 2})" text-anchor="middle">${h.yLabel ?? 'z (nm)'}</text>`);
  const bx = x0 + W + 20;
  for (let q = 0; q < 50; q++) parts.push(`<rect x="${bx}" y="${(y0 + H - ((q + 1) * H) / 50).toFixed(2)}" width="14" height="${(H / 50 + 0.3).toFixed(2)}" fill="${color(q / 49)}"/>`);
  const fmt = (v: number) => (h.log ? `1e${v.toFixed(1)}` : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : v.toFixed(2));
  parts.push(`<text x="${bx + 18}" y="${y0 + 8}">${fmt(hi)}</text><text x="${bx + 18}" y="${y0 + H}">${fmt(lo)}</text>`);
  parts.push(`<text x="${bx}" y="${y0 + H + 30}">${h.unit}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
