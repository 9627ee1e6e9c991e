/**
 * Building the data-driven model (devices/models/data-driven) from measured potentiation /
 * depression curves.
 *
 * 1. Pulse steps: in a pulse data set (time, voltage, conductance reads) a programming pulse
 *    is a run of rows with |V| above half the largest |V| of the file; the reads just before
 *    and after it give one step (G_before, G_after) with the pulse's polarity, amplitude and
 *    width (time between its first and last row).
 * 2. Normalisation: x = (G - G_min) / (G_max - G_min) with G_min, G_max the extremes of all
 *    reads.
 * 3. Knots: each step is placed at its midpoint x_mid = (x_before + x_after) / 2; a
 *    continuous-time rate dx/dt = d(x) / t_w integrated over one pulse gives
 *    dx = d(x_mid) + O(dx^3), so pairing the step with its midpoint makes the tabulation
 *    second-order accurate (pairing with x_before would be first-order: a 1.2 % bias for
 *    steps of 2.5 % of the range). d at knot x_k = k / 8 is a local linear regression of the
 *    steps with Gaussian weights of width 1/8 (exact for locally linear d, smooths noise).
 *    Knots with no step within three widths take the nearest step's value.
 * @module fit/tabulate
 */
import { DD_KNOTS } from '../devices/models/data-driven.js';
import { median } from '../math/stats.js';
import { SpecError } from '../units/parse.js';
import type { DataSet } from './import.js';

/** One programming pulse seen in the data. */
export interface PulseStep {
  gBefore: number;
  gAfter: number;
  polarity: 1 | -1;
  amplitude: number;
  width: number;
}

/** Find programming pulses and the reads around them. */
export function pulseSteps(set: DataSet): PulseStep[] {
  if (set.target !== 'g') throw new SpecError(set.name, set.kind, 'a pulse data set with conductance (or resistance) reads');
  let vmax = 0;
  for (const v of set.v) vmax = Math.max(vmax, Math.abs(v));
  const thr = 0.5 * vmax;
  const out: PulseStep[] = [];
  let k = 0;
  const n = set.v.length;
  while (k < n) {
    if (Math.abs(set.v[k]) <= thr) { k++; continue; }
    const a = k;
    const pol = set.v[k] > 0 ? 1 : -1;
    let amp = 0;
    while (k < n && Math.abs(set.v[k]) > thr && Math.sign(set.v[k]) === pol) { amp = Math.max(amp, Math.abs(set.v[k])); k++; }
    const b = k - 1;
    if (a === 0 || k >= n) continue; // no read before or after
    out.push({ gBefore: set.y[a - 1], gAfter: set.y[k], polarity: pol as 1 | -1, amplitude: amp, width: set.t[b] - set.t[a] });
  }
  return out;
}

/** Local-linear estimate of the step size at each knot (see module notes). */
export function knotValues(xm: readonly number[], dx: readonly number[]): number[] {
  const h = 1 / (DD_KNOTS - 1);
  const out: number[] = [];
  for (let k = 0; k < DD_KNOTS; k++) {
    const xk = k * h;
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < xm.length; i++) {
      const z = (xm[i] - xk) / h;
      if (Math.abs(z) > 3) continue;
      const w = Math.exp(-0.5 * z * z);
      const u = xm[i] - xk;
      sw += w; sx += w * u; sy += w * dx[i]; sxx += w * u * u; sxy += w * u * dx[i];
    }
    if (sw < 1e-3) {
      let best = 0;
      for (let i = 1; i < xm.length; i++) if (Math.abs(xm[i] - xk) < Math.abs(xm[best] - xk)) best = i;
      out.push(dx[best]);
      continue;
    }
    const det = sw * sxx - sx * sx;
    // intercept of the weighted line through the steps, or their weighted mean when degenerate
    out.push(det > 1e-12 * sw * sw ? (sy * sxx - sx * sxy) / det : sy / sw);
  }
  return out;
}

/** Data-driven model parameters tabulated from pulse data sets. */
export function tabulateDataDriven(sets: readonly DataSet[]): Record<string, number> {
  const steps = sets.flatMap(pulseSteps);
  const pot = steps.filter((s) => s.polarity > 0), dep = steps.filter((s) => s.polarity < 0);
  if (!pot.length || !dep.length) throw new SpecError(sets.map((s) => s.name).join(', '), `${pot.length} potentiating, ${dep.length} depressing pulses`, 'pulse data with both positive and negative programming pulses between conductance reads');
  let gmin = Infinity, gmax = -Infinity;
  for (const d of sets) for (const g of d.y) { gmin = Math.min(gmin, g); gmax = Math.max(gmax, g); }
  if (!(gmax > gmin)) throw new SpecError(sets[0].name, gmin, 'conductance reads that change');
  const range = gmax - gmin;
  const branch = (ss: PulseStep[]) => {
    const xm = ss.map((s) => ((s.gBefore + s.gAfter) / 2 - gmin) / range);
    const dx = ss.map((s) => (s.gAfter - s.gBefore) / range);
    return knotValues(xm, dx);
  };
  const dp = branch(pot), dd = branch(dep);
  const vp = median(pot.map((s) => s.amplitude)), vd = median(dep.map((s) => s.amplitude));
  const tw = median(steps.map((s) => s.width));
  if (!(tw > 0)) throw new SpecError(sets[0].name, tw, 'programming pulses that last longer than one row (at least two rows per pulse: its start and end)');
  const first = sets[0].y[0];
  const out: Record<string, number> = { gmin, gmax, x0: (first - gmin) / range, vp, vd, vthp: vp / 2, vthd: vd / 2, tw, nu: 1 };
  dp.forEach((v, k) => { out[`dp${k}`] = v; });
  dd.forEach((v, k) => { out[`dd${k}`] = v; });
  return out;
}

/**
 * Pulse data set (time, voltage, conductance reads) from a sequence of reads and pulses:
 * a read at `vRead` lasting `tRead` (rows at its start and end), then each pulse as a
 * rectangle of width `width` (rows at its start and end, sharing times with the reads around
 * it so that the replayed PWL has vertical edges), followed by the next read. Used to make
 * example files and tests.
 */
export function pulseSequenceToSet(name: string, g: readonly number[], amps: readonly number[], width: number, tRead: number, vRead: number): DataSet {
  const t: number[] = [], v: number[] = [], y: number[] = [];
  const row = (tt: number, vv: number, gg: number) => { t.push(tt); v.push(vv); y.push(gg); };
  let time = 0;
  row(time, vRead, g[0]); time += tRead; row(time, vRead, g[0]);
  for (let k = 0; k < amps.length; k++) {
    row(time, amps[k], g[k]); time += width; row(time, amps[k], g[k + 1]);
    row(time, vRead, g[k + 1]); time += tRead; row(time, vRead, g[k + 1]);
  }
  return { name, kind: 'pulse', t: Float64Array.from(t), v: Float64Array.from(v), target: 'g', y: Float64Array.from(y), cycle: new Int32Array(t.length), line: Int32Array.from(t, (_, k) => k + 2), device: '' };
}
