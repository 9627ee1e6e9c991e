/**
 * Levenberg-Marquardt least squares with parameter uncertainties.
 *
 * Minimises S(p) = sum_i w_i (y_i - f(x_i; p))^2 with Marquardt's scaled damping
 * (J^T W J + lambda diag(J^T W J)) dp = J^T W r, bounds enforced by projection. The Jacobian is
 * analytic when the model gives one, forward differences otherwise. At the optimum the
 * covariance is C = s^2 (J^T W J)^-1 with s^2 = S / (n - p) (residual variance; the usual
 * estimate when the noise level is not known), and the standard errors are sqrt(diag C).
 * Optional random restarts draw from a seeded stream (no Math.random).
 * @module analysis/lm
 */
import { solveDense } from '../math/dense.js';
import { Rng } from '../rng/rng.js';

/** A model y = f(x; p). */
export interface FitModel {
  /** Parameter names (for results and messages). */
  readonly names: readonly string[];
  /** Value of the model at x. */
  f(x: number, p: Float64Array): number;
}

/** Options of a fit. */
export interface LmOptions {
  /** Lower/upper bounds per parameter (default unbounded). */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  /** Weights per point (default 1). */
  weights?: ArrayLike<number>;
  maxIter?: number;
  /** Relative tolerance on the step and on the decrease of S. */
  tol?: number;
  /** Extra starts drawn log/lin-uniformly within the bounds (needs finite bounds). */
  restarts?: number;
  seed?: number;
}

/** Outcome of a fit. */
export interface FitResult {
  params: Float64Array;
  /** Standard errors (sqrt of the covariance diagonal); NaN when the curvature is singular. */
  errors: Float64Array;
  covariance: Float64Array;
  names: readonly string[];
  /** Sum of squared (weighted) residuals. */
  sse: number;
  /** Coefficient of determination (unweighted). */
  r2: number;
  iterations: number;
  converged: boolean;
  message: string;
}

function sse(model: FitModel, x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number> | undefined, p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = y[i] - model.f(x[i], p);
    s += (w ? w[i] : 1) * r * r;
  }
  return s;
}

function jacobian(model: FitModel, x: ArrayLike<number>, p: Float64Array, J: Float64Array, f0: Float64Array): void {
  const m = p.length, n = x.length;
  for (let i = 0; i < n; i++) f0[i] = model.f(x[i], p);
  const q = Float64Array.from(p);
  for (let k = 0; k < m; k++) {
    const h = 1e-7 * Math.max(Math.abs(p[k]), 1e-12);
    q[k] = p[k] + h;
    for (let i = 0; i < n; i++) J[i * m + k] = (model.f(x[i], q) - f0[i]) / h;
    q[k] = p[k];
  }
}

function project(p: Float64Array, lo?: ArrayLike<number>, hi?: ArrayLike<number>): void {
  for (let k = 0; k < p.length; k++) {
    if (lo && p[k] < lo[k]) p[k] = lo[k];
    if (hi && p[k] > hi[k]) p[k] = hi[k];
  }
}

/** One LM descent from p0. */
function descend(model: FitModel, x: ArrayLike<number>, y: ArrayLike<number>, p0: ArrayLike<number>, o: LmOptions): { p: Float64Array; s: number; it: number; converged: boolean } {
  const n = x.length, m = p0.length;
  const w = o.weights;
  const p = Float64Array.from(p0);
  project(p, o.lower, o.upper);
  const J = new Float64Array(n * m), f0 = new Float64Array(n);
  const A = new Float64Array(m * m), g = new Float64Array(m);
  let s = sse(model, x, y, w, p);
  let lambda = 1e-3;
  const tol = o.tol ?? 1e-10;
  const maxIter = o.maxIter ?? 300;
  let it = 0, converged = false;
  for (; it < maxIter && !converged; it++) {
    jacobian(model, x, p, J, f0);
    A.fill(0); g.fill(0);
    for (let i = 0; i < n; i++) {
      const wi = w ? w[i] : 1, r = y[i] - f0[i];
      for (let a = 0; a < m; a++) {
        const ja = J[i * m + a] * wi;
        g[a] += ja * r;
        for (let b = 0; b <= a; b++) A[a * m + b] += ja * J[i * m + b];
      }
    }
    for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) A[b * m + a] = A[a * m + b];
    let improved = false;
    for (let tries = 0; tries < 30; tries++) {
      const M = Float64Array.from(A);
      for (let a = 0; a < m; a++) M[a * m + a] += lambda * Math.max(A[a * m + a], 1e-300);
      const dp = solveDense(m, M, g);
      if (!dp) { lambda *= 10; continue; }
      const q = Float64Array.from(p);
      for (let a = 0; a < m; a++) q[a] += dp[a];
      project(q, o.lower, o.upper);
      const sq = sse(model, x, y, w, q);
      if (Number.isFinite(sq) && sq <= s) {
        let rel = 0;
        for (let a = 0; a < m; a++) rel = Math.max(rel, Math.abs(q[a] - p[a]) / Math.max(Math.abs(p[a]), 1e-300));
        const ds = s - sq;
        p.set(q);
        converged = rel < tol || ds <= tol * s || sq === 0;
        s = sq;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = true;
        break;
      }
      lambda *= 10;
    }
    if (!improved) { converged = true; break; } // no descent direction left: at a (local) minimum
  }
  return { p, s, it, converged };
}

/**
 * Fit model to (x, y) from the start p0. Deterministic for a given seed.
 * @returns parameters, standard errors, covariance, SSE, R^2 and a status
 */
export function levenbergMarquardt(model: FitModel, x: ArrayLike<number>, y: ArrayLike<number>, p0: ArrayLike<number>, o: LmOptions = {}): FitResult {
  const n = x.length, m = p0.length;
  if (n !== y.length) throw new RangeError(`fit: x has ${n} points, y has ${y.length}`);
  if (n < m) {
    const nan = new Float64Array(m).fill(NaN);
    return { params: Float64Array.from(p0), errors: nan, covariance: new Float64Array(m * m).fill(NaN), names: model.names, sse: NaN, r2: NaN, iterations: 0, converged: false, message: `${n} points cannot determine ${m} parameters` };
  }
  let best = descend(model, x, y, p0, o);
  if (o.restarts && o.lower && o.upper) {
    const rng = new Rng(o.seed ?? 1).stream('lm-restarts');
    for (let r = 0; r < o.restarts; r++) {
      const q = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const lo = o.lower[k], hi = o.upper[k];
        q[k] = lo > 0 && hi / lo > 100 ? Math.exp(rng.uniform(Math.log(lo), Math.log(hi))) : rng.uniform(lo, hi);
      }
      const d = descend(model, x, y, q, o);
      if (d.s < best.s) best = d;
    }
  }
  // covariance at the optimum
  const J = new Float64Array(n * m), f0 = new Float64Array(n);
  jacobian(model, x, best.p, J, f0);
  const A = new Float64Array(m * m);
  const w = o.weights;
  for (let i = 0; i < n; i++) for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) A[a * m + b] += (w ? w[i] : 1) * J[i * m + a] * J[i * m + b];
  const dof = n - m;
  const s2 = dof > 0 ? best.s / dof : NaN;
  const cov = new Float64Array(m * m).fill(NaN);
  for (let k = 0; k < m; k++) {
    const e = new Float64Array(m); e[k] = 1;
    const col = solveDense(m, A, e);
    if (col) for (let a = 0; a < m; a++) cov[a * m + k] = col[a] * s2;
  }
  const errors = new Float64Array(m);
  for (let k = 0; k < m; k++) errors[k] = Math.sqrt(cov[k * m + k]);
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i] / n;
  let syy = 0, sres = 0;
  for (let i = 0; i < n; i++) { syy += (y[i] - my) ** 2; sres += (y[i] - f0[i]) ** 2; }
  return {
    params: best.p, errors, covariance: cov, names: model.names, sse: best.s,
    r2: syy > 0 ? 1 - sres / syy : 1,
    iterations: best.it, converged: best.converged,
    message: best.converged ? 'converged' : `stopped after ${best.it} iterations`,
  };
}
