/**
 * Plots of the reservoir runs, as data (PlotSpec for renderSvg) or heatmap documents: the 16
 * four-bit pattern states at both rates and the state after each frame of the one-pulse
 * patterns (the A9 experiment), the test states of a task (samples x features, each feature
 * scaled to its own range) and its confusion matrix.
 * @module report/reservoir-plots
 */
import type { PatternStudy } from '../network/reservoir/patterns.js';
import type { Features } from '../network/reservoir/tasks.js';
import { heatmapSvg } from './svg-heatmap.js';
import type { PlotSpec } from './svg-plot.js';

/** Final state against pattern number (pattern q = the binary digits of q, "0001" = 1) at both rates. */
export function patternStatesPlot(s: PatternStudy, id = 'reservoir-patterns'): PlotSpec {
  const x = s.patterns.map((_, q) => q);
  return {
    id, xLabel: 'pattern (binary value, "0001" = 1, "1000" = 8)', xUnit: '1', yLabel: 'final conductance', yUnit: 'S', xLog: false, yLog: false,
    series: [
      { name: `rate 1 (${s.schemes[0].frame * 1e3} ms frames)`, x, y: s.final[0], kind: 'both' },
      { name: `rate 2 (${s.schemes[1].frame * 1e3} ms frames)`, x, y: s.final[1], kind: 'both' },
    ],
  };
}

/** Conductance after each frame for the single-pulse patterns at rate r (0 or 1). */
export function patternTracesPlot(s: PatternStudy, r: 0 | 1, id = 'reservoir-traces'): PlotSpec {
  const F = s.frames, frames = Array.from({ length: F }, (_, k) => k + 1);
  const series = Array.from({ length: F }, (_, k) => {
    const q = 1 << (F - 1 - k);
    return { name: s.patterns[q], x: frames, y: Array.from({ length: F }, (_, f) => s.traces[r][q * F + f]), kind: 'both' as const };
  });
  return { id, xLabel: `frame (rate ${r + 1})`, xUnit: '1', yLabel: 'conductance after the frame', yUnit: 'S', xLog: false, yLog: false, series };
}

/** Heatmap of the first `rows` samples' states, each feature min-max scaled over those samples. */
export function statesHeatmap(f: Features, rows: number, title: string): string {
  const n = Math.min(rows, f.n), d = f.d, v = new Float64Array(n * d);
  for (let k = 0; k < d; k++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) { lo = Math.min(lo, f.x[i * d + k]); hi = Math.max(hi, f.x[i * d + k]); }
    for (let i = 0; i < n; i++) v[i * d + k] = hi > lo ? (f.x[i * d + k] - lo) / (hi - lo) : 0;
  }
  return heatmapSvg({ values: v, nx: d, nz: n, dx: 1, dz: 1, title, unit: 'scaled G', xLabel: 'feature (rate, device, read)', yLabel: 'test sample', axisScale: 1, topDown: true, min: 0, max: 1 });
}

/** Heatmap of a confusion matrix (true class rows, predicted columns), as fractions of each row. */
export function confusionHeatmap(conf: Int32Array, classes: number, title: string): string {
  const v = new Float64Array(classes * classes);
  for (let t = 0; t < classes; t++) {
    let s = 0;
    for (let p = 0; p < classes; p++) s += conf[t * classes + p];
    for (let p = 0; p < classes; p++) v[t * classes + p] = s ? conf[t * classes + p] / s : 0;
  }
  return heatmapSvg({ values: v, nx: classes, nz: classes, dx: 1, dz: 1, title, unit: 'fraction', xLabel: 'predicted', yLabel: 'true', axisScale: 1, topDown: true, min: 0, max: 1 });
}
