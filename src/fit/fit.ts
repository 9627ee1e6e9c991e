/**
 * Fitting a device model to one or more measured data sets at once.
 *
 * 1. Residuals: for data set d with rows y_k and model values m_k(p),
 *      linear: r_k = (m_k - y_k) / s_d,   s_d = RMS(y) of the set (each set weighs by its own scale)
 *      log:    r_k = asinh(m_k / f_d) - asinh(y_k / f_d),   f_d = 1e-3 max|y| (currents over decades)
 * 2. Global search: seeded differential evolution on the unit box of the free parameters
 *    (fit/param-space: log coordinates for parameters spanning decades).
 * 3. Polish: Levenberg-Marquardt from the best DE point.
 * 4. Uncertainty: with J = dr/dc at the optimum (c = fitting coordinates: log10 p or p) and
 *    s^2 = S / (m - n), cov(c) = s^2 (J^T J)^-1 (the usual Gauss-Newton estimate, valid when
 *    the residuals are independent with a common variance and the model is locally linear);
 *    sigma_p = p ln(10) sigma_c for log parameters. Correlations from cov.
 * 5. Identifiability warnings: J^T J near singular (condition number of its correlation-scaled
 *    form above 1e8), relative uncertainty above 100 %, |correlation| above 0.99, parameter at
 *    a bound (where the covariance says nothing).
 * R^2 per data set is 1 - SS_res / SS_tot in the data's own units.
 * @module fit/fit
 */
import { Rng } from '../rng/rng.js';
import { solveDense } from '../math/dense.js';
import { differentialEvolution } from './differential-evolution.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';
import { coordSpan, toUnit, toValue, type FreeParam } from './param-space.js';
import { Replay, type BaseDevice, type ReplaySettings } from './replay.js';
import type { DataSet } from './import.js';

/** Fit settings (all resolved; the CLI fills defaults). */
export interface FitSettings extends ReplaySettings {
  seed: number;
  population: number;
  generations: number;
  residual: 'linear' | 'log';
  lmIterations: number;
  /**
   * Forward-difference step of the Jacobian in units of the search box (default 1e-5 of its
   * width): large against the replay's solver noise (rtol 1e-8), small against curvature.
   * With 1e-6 the nearly parallel k_off / v_off columns of VTEAM gave sigmas that changed
   * by 3x between neighbouring steps.
   */
  fdStep: number;
}

/** Default settings. */
export const FIT_DEFAULTS: FitSettings = {
  seed: 1, population: 0, generations: 40, residual: 'linear', lmIterations: 40, fdStep: 1e-5,
  vRead: 0.1, rtol: 1e-8, series: 0, compliance: Infinity, maxStepsPerRow: 50,
};

/** One fitted parameter. */
export interface FittedParam {
  name: string;
  unit: string;
  value: number;
  /** Standard uncertainty in the parameter's unit (linearised for log parameters). */
  sigma: number;
  /** Uncertainty in the fitting coordinate: decades of p for log parameters, else = sigma. */
  sigmaCoord: number;
  log: boolean;
  lo: number;
  hi: number;
  start: number;
  atBound: boolean;
}

/** Per data-set goodness of fit. */
export interface SetFit {
  name: string;
  kind: DataSet['kind'];
  target: 'i' | 'g';
  n: number;
  r2: number;
  rmse: number;
  /** Model values at the data rows. */
  model: Float64Array;
  /** Measured values. */
  y: Float64Array;
}

/** The result of a fit. */
export interface FitResult {
  model: string;
  params: FittedParam[];
  /** Full parameter vector of the model at the optimum. */
  values: Float64Array;
  correlation: number[][];
  sets: SetFit[];
  /** Sum of squared (scaled) residuals, data points, degrees of freedom, residual variance. */
  cost: number;
  points: number;
  dof: number;
  s2: number;
  conditionNumber: number;
  status: 'converged' | 'not-converged' | 'failed';
  message: string;
  warnings: string[];
  evaluations: number;
  generations: number;
  settings: FitSettings;
}

/** Fit `free` parameters of `base` to the data sets. */
export function fitModel(base: BaseDevice, sets: readonly DataSet[], free: readonly FreeParam[], settings: FitSettings): FitResult {
  if (!sets.length) throw new RangeError('fitModel: no data sets');
  const replays = sets.map((d) => new Replay(base, d, settings));
  const start = replays[0].startValues;
  const n = free.length;
  const m = sets.reduce((s, d) => s + d.y.length, 0);
  const scale = sets.map((d) => {
    let s = 0, mx = 0;
    for (const y of d.y) { s += y * y; mx = Math.max(mx, Math.abs(y)); }
    return settings.residual === 'log' ? 1e-3 * mx || 1 : Math.sqrt(s / d.y.length) || 1;
  });
  const values = Float64Array.from(start);
  const buffers = sets.map((d) => new Float64Array(d.y.length));
  let evaluations = 0;
  let lastError = '';
  const residuals = (u: Float64Array): Float64Array | null => {
    evaluations++;
    for (let a = 0; a < n; a++) values[free[a].index] = toValue(free[a], u[a]);
    const r = new Float64Array(m);
    let off = 0;
    for (let d = 0; d < sets.length; d++) {
      const err = replays[d].evaluate(values, buffers[d]);
      if (err) { lastError = `${sets[d].name}: ${err}`; return null; }
      const y = sets[d].y, mv = buffers[d], s = scale[d];
      for (let k = 0; k < y.length; k++) {
        r[off + k] = settings.residual === 'log' ? Math.asinh(mv[k] / s) - Math.asinh(y[k] / s) : (mv[k] - y[k]) / s;
      }
      off += y.length;
    }
    return r;
  };
  const cost = (u: Float64Array): number => {
    const r = residuals(u);
    if (!r) return Infinity;
    let s = 0;
    for (let k = 0; k < r.length; k++) s += r[k] * r[k];
    return Number.isFinite(s) ? s : Infinity;
  };
  const u0 = Float64Array.from(free, (f) => toUnit(f, start[f.index]));
  const rng = new Rng(settings.seed).stream('fit:de');
  const pop = settings.population > 0 ? settings.population : Math.min(40, Math.max(12, 8 * n));
  const de = settings.generations > 0
    ? differentialEvolution(cost, u0, rng, { population: pop, generations: settings.generations, crossover: 0.9, tol: 1e-6 })
    : { best: u0, cost: cost(u0), generations: 0, evaluations: 1, converged: false };
  const warnings: string[] = [];
  if (!Number.isFinite(de.cost)) {
    return failed(base, free, start, sets, settings, evaluations, de.generations, `no parameter set in the search simulated successfully (last error: ${lastError})`);
  }
  const lm = levenbergMarquardt(residuals, de.best, { maxIterations: settings.lmIterations, ftol: 1e-10, xtol: 1e-9, h: settings.fdStep });
  if (lm.status === 'failed' && !lm.r.length) return failed(base, free, start, sets, settings, evaluations, de.generations, lm.message);
  // final model values at the optimum
  for (let a = 0; a < n; a++) values[free[a].index] = toValue(free[a], lm.u[a]);
  const setFits: SetFit[] = sets.map((d, k) => {
    const mv = new Float64Array(d.y.length);
    replays[k].evaluate(values, mv);
    return goodness(d, mv);
  });
  const dof = Math.max(1, m - n);
  const s2 = lm.cost / dof;
  // covariance in fitting coordinates c = span * u
  const A = new Float64Array(n * n);
  for (let k = 0; k < m; k++) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) A[a * n + b] += lm.jac[k * n + a] * lm.jac[k * n + b];
  const spans = free.map(coordSpan);
  const { cov, cond } = invertScaled(A, n);
  const params: FittedParam[] = free.map((f, a) => {
    const value = values[f.index];
    const varU = cov ? cov[a * n + a] * s2 : Infinity;
    const sigmaCoord = Math.sqrt(Math.max(varU, 0)) * spans[a];
    const sigma = f.log ? value * Math.LN10 * sigmaCoord : sigmaCoord;
    const atBound = lm.u[a] < 1e-3 || lm.u[a] > 1 - 1e-3;
    return { name: f.name, unit: f.unit, value, sigma, sigmaCoord, log: f.log, lo: f.lo, hi: f.hi, start: start[f.index], atBound };
  });
  const correlation = free.map((_, a) => free.map((__, b) => (cov ? cov[a * n + b] / Math.sqrt(cov[a * n + a] * cov[b * n + b]) : NaN)));
  if (!cov || cond > 1e8) warnings.push(`J^T J is near singular (condition number ${cov ? cond.toExponential(2) : 'infinite'}): some parameter combination is not constrained by the data`);
  for (const p of params) {
    if (p.atBound) warnings.push(`${p.name} is at a bound of its search range [${p.lo}, ${p.hi}] ${p.unit}: its uncertainty is not meaningful; widen the range or fix it`);
    else if (!(Math.abs(p.sigma) <= Math.abs(p.value))) warnings.push(`${p.name} has a relative uncertainty above 100 % (${(100 * p.sigma / Math.abs(p.value)).toFixed(0)} %): the data hardly constrain it`);
  }
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    if (Math.abs(correlation[a][b]) > 0.99) warnings.push(`${free[a].name} and ${free[b].name} are correlated (${correlation[a][b].toFixed(3)}): only a combination is identified`);
  }
  const ok = lm.status === 'converged';
  if (!ok) warnings.push(`Levenberg-Marquardt did not converge (${lm.status}: ${lm.message}); the best point found is reported`);
  return {
    model: base.model.id, params, values: Float64Array.from(values), correlation, sets: setFits,
    cost: lm.cost, points: m, dof, s2, conditionNumber: cond,
    status: ok ? 'converged' : 'not-converged', message: `DE ${de.generations} generations (population ${pop}), LM ${lm.iterations} iterations: ${lm.message}`,
    warnings, evaluations, generations: de.generations, settings,
  };
}

/** R^2 and RMSE of model values against a data set. */
export function goodness(d: DataSet, mv: Float64Array): SetFit {
  let mean = 0;
  for (const y of d.y) mean += y;
  mean /= d.y.length;
  let ssr = 0, sst = 0;
  for (let k = 0; k < d.y.length; k++) { ssr += (mv[k] - d.y[k]) ** 2; sst += (d.y[k] - mean) ** 2; }
  return { name: d.name, kind: d.kind, target: d.target, n: d.y.length, r2: sst > 0 ? 1 - ssr / sst : NaN, rmse: Math.sqrt(ssr / d.y.length), model: mv, y: d.y };
}

/** (J^T J)^-1 via its correlation-scaled form, with a 1-norm condition estimate. */
function invertScaled(A: Float64Array, n: number): { cov: Float64Array | null; cond: number } {
  const d = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    if (!(A[a * n + a] > 0)) return { cov: null, cond: Infinity };
    d[a] = 1 / Math.sqrt(A[a * n + a]);
  }
  const C = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) C[a * n + b] = A[a * n + b] * d[a] * d[b];
  const inv = new Float64Array(n * n);
  for (let b = 0; b < n; b++) {
    const e = new Float64Array(n);
    e[b] = 1;
    const x = solveDense(n, C, e);
    if (!x) return { cov: null, cond: Infinity };
    for (let a = 0; a < n; a++) inv[a * n + b] = x[a];
  }
  const norm1 = (M: Float64Array) => { let mx = 0; for (let b = 0; b < n; b++) { let s = 0; for (let a = 0; a < n; a++) s += Math.abs(M[a * n + b]); mx = Math.max(mx, s); } return mx; };
  const cond = norm1(C) * norm1(inv);
  const cov = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cov[a * n + b] = inv[a * n + b] * d[a] * d[b];
  return { cov, cond };
}

function failed(base: BaseDevice, free: readonly FreeParam[], start: Float64Array, sets: readonly DataSet[], settings: FitSettings, evaluations: number, generations: number, message: string): FitResult {
  return {
    model: base.model.id,
    params: free.map((f) => ({ name: f.name, unit: f.unit, value: start[f.index], sigma: NaN, sigmaCoord: NaN, log: f.log, lo: f.lo, hi: f.hi, start: start[f.index], atBound: false })),
    values: Float64Array.from(start), correlation: [], sets: sets.map((d) => goodness(d, new Float64Array(d.y.length).fill(NaN))),
    cost: Infinity, points: 0, dof: 0, s2: NaN, conditionNumber: NaN, status: 'failed', message, warnings: [message], evaluations, generations, settings,
  };
}
