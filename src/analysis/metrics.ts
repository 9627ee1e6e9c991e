/**
 * Scalar figures of merit of synaptic and switching curves.
 *
 * Nonlinearity of a potentiation/depression curve follows the NeuroSim update shape
 * (Chen et al., NeuroSim manual, Table II): with the change since the start of the branch
 * normalised to its full range, dG_n(P) = (1 - exp(-P/A)) / (1 - exp(-P_max/A)); we fit
 * c = P_max / A (c -> 0 is linear, c > 0 saturating, c < 0 accelerating) and report
 * A / P_max = 1 / c. NeuroSim's printed labels (e.g. 2.40 / -4.88 for Ag/a-Si) are a table
 * lookup of the same A; we report A/P_max itself, not the label.
 * @module analysis/metrics
 */
import { levenbergMarquardt, type FitModel } from './lm.js';
import type { Estimate } from './decay-fits.js';

/** Normalised NeuroSim shape with curvature c = P_max / A, x = P / P_max in [0, 1]. */
function shape(x: number, c: number): number {
  // series for small |c| keeps the function smooth (and its derivative non-zero) through c = 0
  if (Math.abs(c) < 1e-4) return x * (1 + (c * (1 - x)) / 2);
  return (1 - Math.exp(-c * x)) / (1 - Math.exp(-c));
}
const SHAPE: FitModel = { names: ['c'], f: (x, p) => shape(x, p[0]) };

/** Nonlinearity of one branch (G after each pulse, including the start). */
export interface BranchNonlinearity {
  /** Fitted curvature c = P_max / A (dimensionless), with standard error. */
  curvature: Estimate;
  /** A / P_max (Infinity for a linear branch). */
  aOverPmax: number;
  /** Largest deviation of the normalised branch from the straight line (0 = linear, 1 = step). */
  maxDeviation: number;
  r2: number;
}

/**
 * Nonlinearity of a monotone branch g[0..P]. Works for potentiation (rising) and depression
 * (falling): both are normalised to the fraction of the change done so far.
 */
export function branchNonlinearity(g: ArrayLike<number>): BranchNonlinearity {
  const n = g.length - 1;
  const d = g[n] - g[0];
  const x = new Float64Array(n + 1), y = new Float64Array(n + 1);
  let dev = 0;
  for (let k = 0; k <= n; k++) {
    x[k] = k / n;
    y[k] = d !== 0 ? (g[k] - g[0]) / d : 0;
    dev = Math.max(dev, Math.abs(y[k] - x[k]));
  }
  if (d === 0 || n < 2) return { curvature: { value: NaN, error: NaN }, aOverPmax: NaN, maxDeviation: dev, r2: NaN };
  const r = levenbergMarquardt(SHAPE, x, y, [1], { lower: [-60], upper: [60] });
  const c = r.params[0];
  return { curvature: { value: c, error: r.errors[0] }, aOverPmax: 1 / c, maxDeviation: dev, r2: r.r2 };
}

/** Dynamic range G_max / G_min over a curve. */
export function dynamicRange(g: ArrayLike<number>): number {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < g.length; i++) { lo = Math.min(lo, g[i]); hi = Math.max(hi, g[i]); }
  return hi / lo;
}

/**
 * Asymmetry between a potentiation branch p[0..N] and a depression branch d[0..N] that runs
 * back over the same range: the mean of |p_n - d_(N-n)| over the range G_max - G_min.
 * 0 for perfectly symmetric updates (each depressing pulse undoes one potentiating pulse).
 */
export function updateAsymmetry(p: ArrayLike<number>, d: ArrayLike<number>): number {
  const n = Math.min(p.length, d.length) - 1;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i <= n; i++) { lo = Math.min(lo, p[i], d[i]); hi = Math.max(hi, p[i], d[i]); }
  let s = 0;
  for (let k = 0; k <= n; k++) s += Math.abs(p[k] - d[n - k]);
  return hi > lo ? s / ((n + 1) * (hi - lo)) : 0;
}

/**
 * First crossing of y through `level` in the given direction, interpolated linearly between
 * samples; returns the matching value of `at` (e.g. the voltage at which the conductance
 * crosses the geometric mean of its two states). NaN when y never crosses.
 */
export function crossingAt(y: ArrayLike<number>, at: ArrayLike<number>, level: number, direction: 1 | -1, from = 0): number {
  for (let i = Math.max(1, from); i < y.length; i++) {
    const a = direction * (y[i - 1] - level), b = direction * (y[i] - level);
    if (a < 0 && b >= 0) {
      const f = (level - y[i - 1]) / (y[i] - y[i - 1]);
      return at[i - 1] + f * (at[i] - at[i - 1]);
    }
  }
  return NaN;
}

/** Result of SET / RESET extraction from a bipolar loop. */
export interface SwitchingVoltages {
  vSet: number;
  vReset: number;
  /** Conductances (at the read voltage) of the low and high state. */
  gOff: number;
  gOn: number;
  onOff: number;
}

/**
 * SET and RESET voltages of a bipolar I-V loop from the read conductance g(t) recorded with
 * the applied voltage v(t): the state levels are the smallest and largest g; SET is the
 * voltage where g first rises through their geometric mean, RESET where it next falls
 * through it.
 */
export function switchingVoltages(v: ArrayLike<number>, g: ArrayLike<number>): SwitchingVoltages {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < g.length; i++) { lo = Math.min(lo, g[i]); hi = Math.max(hi, g[i]); }
  const mid = Math.sqrt(lo * hi);
  let iSet = -1;
  for (let i = 1; i < g.length; i++) if (g[i - 1] < mid && g[i] >= mid) { iSet = i; break; }
  const vSet = iSet > 0 ? crossingAt(g, v, mid, 1) : NaN;
  const vReset = iSet > 0 ? crossingAt(g, v, mid, -1, iSet) : crossingAt(g, v, mid, -1);
  return { vSet, vReset, gOff: lo, gOn: hi, onOff: hi / lo };
}
