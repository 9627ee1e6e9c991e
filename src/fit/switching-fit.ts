/**
 * Fitting a model to switching statistics (mean V_set, V_reset, R_on, R_off of many cycles)
 * instead of a measured trace: the model is swept through a triangular stimulus that starts in
 * its low-resistance state,
 *     0 -> -vReset -> 0 -> +vSet -> 0   (times the model's SET polarity, at `rate` V/s),
 * and the switching quantities of that one simulated cycle are compared with the targets:
 *   V_set, V_reset  the source voltage where ln|I/V| crosses halfway from its value at the
 *                   start of the SET (RESET) leg to its extreme on that leg (`crossing` below),
 *   R_off, R_on     device V / I where the sweep passes |V| = 0.1 V on its way back to 0 after
 *                   the RESET half and after the SET half (a read at 0.1 V of the state reached).
 * Residuals, one per target quantity (targets hold the mean and the spread of the data):
 *   voltages      r = (Q_model - mean) / sd
 *   resistances   r = (ln Q_model - mean of ln Q) / sd of ln Q
 * so a residual of 1 is one standard deviation of the data's own cycle-to-cycle scatter.
 * Search: seeded differential evolution on the unit box of the free parameters, then
 * Levenberg-Marquardt (the same optimizers as fit/fit). A parameter set whose sweep does not
 * switch (a quantity cannot be extracted) is a failed evaluation.
 * @module fit/switching-fit
 */
import { Rng } from '../rng/rng.js';
import { simulate } from '../experiment/run.js';
import type { ResolvedSpec } from '../experiment/spec.js';
import { differentialEvolution } from './differential-evolution.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';
import { toUnit, toValue, type FreeParam } from './param-space.js';
import { Replay, type BaseDevice } from './replay.js';
import { SWITCHING_QUANTITIES, type SwitchingQuantity } from './variability.js';
import type { DataSet } from './import.js';
import type { FitSettings } from './fit.js';

/** Read voltage of R_on / R_off (V). */
const READ_V = 0.1;

/** Target of one quantity: mean and standard deviation (of ln Q for resistances). */
export interface SwitchingTarget { mean: number; sd: number }

/** Targets (voltages in V with their sign, resistances as mean and sd of ln(R / Ohm)). */
export type SwitchingTargets = Partial<Record<SwitchingQuantity, SwitchingTarget>>;

/** The triangular sweep. */
export interface SwitchingSweep { vReset: number; vSet: number; rate: number; dV: number; polarity: 1 | -1 }

/** Switching quantities of one simulated cycle (V, V, Ohm, Ohm; NaN when not found). */
export type SwitchingValues = Record<SwitchingQuantity, number>;

/** Outcome of a switching-statistics fit. */
export interface SwitchingFit {
  values: Float64Array;
  params: Array<{ name: string; unit: string; value: number; start: number; lo: number; hi: number; log: boolean; atBound: boolean }>;
  /** Sum of squared residuals at the start and at the optimum. */
  startCost: number;
  cost: number;
  /** Residuals (in data standard deviations) per fitted quantity at the optimum. */
  residuals: Partial<Record<SwitchingQuantity, number>>;
  start: SwitchingValues;
  fitted: SwitchingValues;
  status: 'converged' | 'not-converged' | 'failed';
  message: string;
  evaluations: number;
}

/** The sweep as a data set (rows every dV; the y column is unused). */
export function switchingSweepData(s: SwitchingSweep): DataSet {
  const t: number[] = [], v: number[] = [];
  const legs = [-s.vReset, 0, s.vSet, 0];
  let time = 0, from = 0;
  t.push(0); v.push(0);
  for (const to of legs) {
    const n = Math.max(1, Math.ceil(Math.abs(to - from) / s.dV));
    for (let k = 1; k <= n; k++) { t.push(time + (k * Math.abs(to - from)) / n / s.rate); v.push(s.polarity * (from + ((to - from) * k) / n)); }
    time += Math.abs(to - from) / s.rate;
    from = to;
  }
  const m = t.length;
  return { name: 'switching sweep', kind: 'iv', t: Float64Array.from(t), v: Float64Array.from(v), target: 'i', y: new Float64Array(m), cycle: new Int32Array(m), line: Int32Array.from({ length: m }, (_, k) => k + 1), device: '' };
}

/** Simulate the sweep with the full parameter vector and extract the switching quantities; null on solver failure. */
export function sweepSwitching(replay: Replay, values: Float64Array, s: SwitchingSweep): SwitchingValues | null {
  const spec: ResolvedSpec = { ...replay.spec, device: { ...replay.spec.device, resolved: { values, spreads: new Map() } } };
  const res = simulate(spec);
  if (res.status !== 'ok') return null;
  const { t, vs, v, i } = res.columns;
  const tResetEnd = (2 * s.vReset) / s.rate;
  // reads: device V / I at the last row with |source V| >= vRead of the RESET leg and of the SET
  // leg (the sweep passes vRead on its way back to 0; the recorded 'g' column cannot be used
  // because a model state named g shadows it)
  const vRead = Math.min(READ_V, s.vReset, s.vSet);
  let kOff = -1, kOn = -1;
  for (let k = 0; k < t.length; k++) {
    if (Math.abs(vs[k]) < vRead * (1 - 1e-9) || i[k] === 0) continue;
    if (t[k] <= tResetEnd * (1 + 1e-9)) kOff = k; else kOn = k;
  }
  const r = (k: number) => (k >= 0 ? Math.abs(v[k] / i[k]) : NaN);
  const tTop = tResetEnd + s.vSet / s.rate;
  return { vset: crossing(t, vs, i, s.polarity, 0, tTop, vRead), vreset: crossing(t, vs, i, s.polarity, 0, s.vReset / s.rate, vRead), ron: r(kOn), roff: r(kOff) };
}

/**
 * Switching voltage on the rising leg ending at tEnd (|V| growing, rows with |V| >= vMin): the
 * source voltage, interpolated linearly between rows, where ln|I/V| first crosses the midpoint
 * between its value at the start of the leg and its extreme on the leg (a continuous function
 * of the parameters, unlike the row of the largest jump, so that Levenberg-Marquardt sees a
 * gradient). Returned in the physics orientation (times `polarity`); NaN when ln|I/V| changes
 * by less than ln 2 on the leg (no switching).
 */
function crossing(t: ArrayLike<number>, vs: ArrayLike<number>, i: ArrayLike<number>, polarity: number, tStart: number, tEnd: number, vMin: number): number {
  const ks: number[] = [];
  for (let k = 0; k < t.length; k++) if (t[k] > tStart && t[k] <= tEnd * (1 + 1e-9) && Math.abs(vs[k]) >= vMin * (1 - 1e-9) && i[k] !== 0) ks.push(k);
  if (ks.length < 2) return NaN;
  const lg = ks.map((k) => Math.log(Math.abs(i[k] / vs[k])));
  const up = vs[ks[ks.length - 1]] * polarity > 0;
  const ext = up ? Math.max(...lg) : Math.min(...lg);
  if (Math.abs(ext - lg[0]) < Math.LN2) return NaN;
  const mid = 0.5 * (lg[0] + ext);
  for (let a = 1; a < ks.length; a++) {
    if ((up && lg[a] >= mid) || (!up && lg[a] <= mid)) {
      const w = (mid - lg[a - 1]) / (lg[a] - lg[a - 1]);
      return polarity * (vs[ks[a - 1]] + w * (vs[ks[a]] - vs[ks[a - 1]]));
    }
  }
  return NaN;
}

/** Residuals of switching values against targets (null when a targeted quantity is missing). */
export function switchingResiduals(q: SwitchingValues, targets: SwitchingTargets): Float64Array | null {
  const out: number[] = [];
  for (const name of SWITCHING_QUANTITIES) {
    const tg = targets[name];
    if (!tg) continue;
    const x = name === 'ron' || name === 'roff' ? Math.log(q[name]) : q[name];
    if (!Number.isFinite(x)) return null;
    out.push((x - tg.mean) / tg.sd);
  }
  return Float64Array.from(out);
}

/** Fit `free` parameters of `base` so that the sweep's switching quantities match `targets`. */
export function fitSwitching(base: BaseDevice, sweep: SwitchingSweep, targets: SwitchingTargets, free: readonly FreeParam[], settings: FitSettings): SwitchingFit {
  for (const [k, tg] of Object.entries(targets)) if (!(tg && tg.sd > 0 && Number.isFinite(tg.mean))) throw new RangeError(`fitSwitching: target ${k} needs a finite mean and a positive sd`);
  const replay = new Replay(base, switchingSweepData(sweep), settings);
  const start = replay.startValues;
  const values = Float64Array.from(start);
  const n = free.length;
  let evaluations = 0;
  const at = (u: Float64Array): Float64Array => { for (let a = 0; a < n; a++) values[free[a].index] = toValue(free[a], u[a]); return values; };
  const residuals = (u: Float64Array): Float64Array | null => {
    evaluations++;
    const q = sweepSwitching(replay, at(u), sweep);
    return q ? switchingResiduals(q, targets) : null;
  };
  const sum2 = (r: Float64Array | null) => (r ? r.reduce((s, x) => s + x * x, 0) : Infinity);
  const nanQ: SwitchingValues = { vset: NaN, vreset: NaN, ron: NaN, roff: NaN };
  const u0 = Float64Array.from(free, (f) => toUnit(f, start[f.index]));
  const startQ = sweepSwitching(replay, at(u0), sweep) ?? nanQ;
  const startCost = sum2(switchingResiduals(startQ, targets));
  const rng = new Rng(settings.seed).stream('fit:switching');
  const pop = settings.population > 0 ? settings.population : Math.min(40, Math.max(12, 8 * n));
  const de = settings.generations > 0
    ? differentialEvolution((u) => sum2(residuals(u)), u0, rng, { population: pop, generations: settings.generations, crossover: 0.9, tol: 1e-6 })
    : { best: u0, cost: startCost, generations: 0, evaluations: 0, converged: false };
  const params = (u: Float64Array) => free.map((f, a) => ({ name: f.name, unit: f.unit, value: toValue(f, u[a]), start: start[f.index], lo: f.lo, hi: f.hi, log: f.log, atBound: u[a] < 1e-3 || u[a] > 1 - 1e-3 }));
  if (!Number.isFinite(de.cost)) {
    return { values: Float64Array.from(start), params: params(u0), startCost, cost: Infinity, residuals: {}, start: startQ, fitted: startQ, status: 'failed', message: 'no parameter set in the search switched within the sweep', evaluations };
  }
  const lm = levenbergMarquardt(residuals, de.best, { maxIterations: settings.lmIterations, ftol: 1e-10, xtol: 1e-9, h: settings.fdStep });
  const u = lm.r.length ? lm.u : de.best;
  const fitted = sweepSwitching(replay, at(u), sweep) ?? nanQ;
  const r = switchingResiduals(fitted, targets);
  const residualsOut: Partial<Record<SwitchingQuantity, number>> = {};
  let j = 0;
  for (const name of SWITCHING_QUANTITIES) if (targets[name]) residualsOut[name] = r ? r[j++] : NaN;
  return {
    values: Float64Array.from(values), params: params(u), startCost, cost: sum2(r), residuals: residualsOut, start: startQ, fitted,
    status: lm.status === 'converged' ? 'converged' : 'not-converged',
    message: `DE ${de.generations} generations (population ${pop}), LM ${lm.iterations} iterations: ${lm.message}`, evaluations,
  };
}
