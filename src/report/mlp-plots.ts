/**
 * Plots of an analog MLP run, as data (PlotSpec) for renderSvg: test accuracy against epoch
 * (float reference and device), the device's pulse response (the table's source curves,
 * nominal variant), and histograms of the final weights (float and device) and of the device
 * conductances.
 * @module report/mlp-plots
 */
import type { TrainResult } from '../network/analog/train.js';
import type { PulseTables } from '../network/analog/pulse-table.js';
import { histogram } from './network-plots.js';
import type { PlotSpec } from './svg-plot.js';

function extent(a: ArrayLike<number>): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < a.length; k++) { lo = Math.min(lo, a[k]); hi = Math.max(hi, a[k]); }
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

function weightsOf(r: TrainResult): Float64Array {
  const a = new Float64Array(r.mlp.w1.length + r.mlp.w2.length);
  a.set(r.mlp.w1); a.set(r.mlp.w2, r.mlp.w1.length);
  return a;
}

/** The plots (see module doc); `device` and `tables` are absent for a float-only run. */
export function mlpPlots(float: TrainResult, device?: TrainResult, tables?: PulseTables, label = 'device'): PlotSpec[] {
  const ep = (r: TrainResult) => r.epochs.map((e) => e.epoch), acc = (r: TrainResult) => r.epochs.map((e) => 100 * e.testAccuracy);
  const plots: PlotSpec[] = [{
    id: 'mlp-accuracy', xLabel: 'epoch', xUnit: '1', yLabel: 'test accuracy (%)', yUnit: '1', xLog: false, yLog: false,
    series: [{ name: 'float', x: ep(float), y: acc(float), kind: 'both' }, ...(device ? [{ name: label, x: ep(device), y: acc(device), kind: 'both' as const }] : [])],
  }];
  if (tables) {
    const p = tables.curveP[0], d = tables.curveD[0];
    plots.push({
      id: 'mlp-pulse-response', xLabel: 'pulse', xUnit: '1', yLabel: 'conductance', yUnit: 'S', xLog: false, yLog: false,
      series: [{ name: 'potentiation', x: Array.from(p, (_, k) => k), y: p, kind: 'line' }, { name: 'depression', x: Array.from(d, (_, k) => p.length - 1 + k), y: d, kind: 'line' }],
    });
  }
  const wf = weightsOf(float), wd = device ? weightsOf(device) : undefined;
  const [lo, hi] = extent(wd ? Float64Array.from([...extent(wf), ...extent(wd)]) : wf);
  const hf = histogram(wf, lo, hi, 60);
  plots.push({
    id: 'mlp-weights', xLabel: 'weight', xUnit: '1', yLabel: 'weights', yUnit: '1', xLog: false, yLog: false,
    series: [{ name: 'float', x: hf.x, y: hf.y, kind: 'line', dashed: true }, ...(wd ? [{ name: label, x: histogram(wd, lo, hi, 60).x, y: histogram(wd, lo, hi, 60).y, kind: 'line' as const }] : [])],
  });
  if (device?.layers) {
    const g = new Float64Array(device.layers[0].g.length + device.layers[1].g.length);
    g.set(device.layers[0].g); g.set(device.layers[1].g, device.layers[0].g.length);
    const [a, b] = extent(g), h = histogram(g, a, b, 60);
    plots.push({ id: 'mlp-conductance', xLabel: 'device conductance', xUnit: 'S', yLabel: 'devices', yUnit: '1', xLog: false, yLog: false, series: [{ name: label, x: h.x, y: h.y, kind: 'line' }] });
  }
  return plots;
}
