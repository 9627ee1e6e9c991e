/**
 * Plots of a network run, as data (PlotSpec) for renderSvg: a spike raster per recorded group
 * (at most `maxPoints` spikes drawn, every k-th spike when there are more, and the title says
 * so), the histogram of the weights of every synapse group before and after the run, and the
 * mean weight over time when it was recorded.
 * @module report/network-plots
 */
import type { NetworkResult } from '../network/build.js';
import type { PlotSpec } from './svg-plot.js';

/** Histogram of w over [lo, hi] in `bins` bins: bin centres and counts. */
export function histogram(w: ArrayLike<number>, lo: number, hi: number, bins: number): { x: number[]; y: number[] } {
  const y = new Array<number>(bins).fill(0), x: number[] = [];
  const width = hi > lo ? (hi - lo) / bins : 1;
  for (let b = 0; b < bins; b++) x.push(lo + (b + 0.5) * width);
  for (let k = 0; k < w.length; k++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((w[k] - lo) / width)));
    if (Number.isFinite(w[k])) y[b]++;
  }
  return { x, y };
}

/** The plots of a network result (see module doc). */
export function networkPlots(r: NetworkResult, maxPoints = 6000): PlotSpec[] {
  const plots: PlotSpec[] = [];
  for (const [name, s] of Object.entries(r.spikes)) {
    const n = s.t.length, k = Math.max(1, Math.ceil(n / maxPoints));
    const x: number[] = [], y: number[] = [];
    for (let q = 0; q < n; q += k) { x.push(s.t[q]); y.push(s.i[q]); }
    plots.push({
      id: `raster-${name}`, xLabel: 'time', xUnit: 's', yLabel: `${name} neuron`, yUnit: '1', xLog: false, yLog: false,
      series: [{ name: k > 1 ? `${name}: ${n} spikes (every ${k}th drawn)` : `${name}: ${n} spikes`, x, y, kind: 'scatter', radius: 1.2 }],
    });
  }
  for (const [name, w] of Object.entries(r.weights)) {
    if (!w.initial.length) continue;
    let lo = Infinity, hi = -Infinity;
    for (const a of [w.initial, w.final]) for (let k = 0; k < a.length; k++) { lo = Math.min(lo, a[k]); hi = Math.max(hi, a[k]); }
    if (!(hi > lo)) hi = lo + 1;
    const h0 = histogram(w.initial, lo, hi, 40), h1 = histogram(w.final, lo, hi, 40);
    plots.push({
      id: `weights-${name}`, xLabel: `${name} weight`, yUnit: '1', xUnit: '1', yLabel: 'synapses', xLog: false, yLog: false,
      series: [{ name: 'before', x: h0.x, y: h0.y, kind: 'line', dashed: true }, { name: 'after', x: h1.x, y: h1.y, kind: 'line' }],
    });
    const tr = w.trace;
    if (tr.t && tr.t.length > 2) {
      plots.push({
        id: `wmean-${name}`, xLabel: 'time', xUnit: 's', yLabel: `${name} mean weight`, yUnit: '1', xLog: false, yLog: false,
        series: [{ name: 'mean', x: tr.t, y: tr.mean, kind: 'line' }],
      });
    }
  }
  return plots;
}
