/**
 * Levenberg-Marquardt least squares on the unit box (Marquardt, SIAM J. Appl. Math. 11, 431
 * (1963); scaling as in Moré, LNM 630 (1978)), with a forward-difference Jacobian:
 *
 *   minimise S(u) = sum_k r_k(u)^2,   step  (J^T J + lambda diag(J^T J)) du = -J^T r
 *
 * lambda shrinks by 3 after an accepted step and grows by 4 after a rejected one. Steps are
 * projected onto [0, 1]^n (bounds). Residual evaluations that fail (a simulation that does
 * not finish) return null and count as rejected steps. Converged when the relative decrease
 * of S or the step falls below the tolerances, or when no step decreases S although the
 * Gauss-Newton model predicts less than 1e-6 S to gain (the optimum within the simulation's
 * noise); otherwise the status says why it stopped and the best point found is returned.
 * @module fit/levenberg-marquardt
 */
import { solveDense } from '../math/dense.js';

/** Settings of the local polish. */
export interface LmOptions {
  maxIterations: number;
  /** Relative decrease of S below which the fit has converged. */
  ftol: number;
  /** Step norm in u below which the fit has converged. */
  xtol: number;
  /** Finite-difference step in u. */
  h: number;
}

/** Outcome of LM. */
export interface LmResult {
  u: Float64Array;
  r: Float64Array;
  /** Jacobian at u, m x n row-major (dr_k/du_j at k * n + j). */
  jac: Float64Array;
  cost: number;
  iterations: number;
  evaluations: number;
  status: 'converged' | 'max-iterations' | 'stalled' | 'failed';
  message: string;
}

/** Forward-difference Jacobian; steps away from the upper bound go backwards. */
export function jacobian(res: (u: Float64Array) => Float64Array | null, u: Float64Array, r: Float64Array, h: number): Float64Array | null {
  const n = u.length, m = r.length;
  const J = new Float64Array(m * n);
  const up = Float64Array.from(u);
  for (let j = 0; j < n; j++) {
    const s = u[j] + h <= 1 ? h : -h;
    up[j] = u[j] + s;
    const rp = res(up);
    up[j] = u[j];
    if (!rp) return null;
    for (let k = 0; k < m; k++) J[k * n + j] = (rp[k] - r[k]) / s;
  }
  return J;
}

function sumSq(r: Float64Array): number {
  let s = 0;
  for (let k = 0; k < r.length; k++) s += r[k] * r[k];
  return s;
}

/** Polish u0 by Levenberg-Marquardt. */
export function levenbergMarquardt(res: (u: Float64Array) => Float64Array | null, u0: Float64Array, opts: LmOptions): LmResult {
  const n = u0.length;
  let u = Float64Array.from(u0);
  let r = res(u);
  let evals = 1;
  if (!r) return { u, r: new Float64Array(0), jac: new Float64Array(0), cost: Infinity, iterations: 0, evaluations: evals, status: 'failed', message: 'the model could not be simulated at the start point' };
  const m = r.length;
  let S = sumSq(r);
  let lambda = 1e-3;
  let J = jacobian(res, u, r, opts.h);
  evals += n;
  if (!J) return { u, r, jac: new Float64Array(m * n), cost: S, iterations: 0, evaluations: evals, status: 'failed', message: 'the Jacobian could not be evaluated at the start point' };
  const A = new Float64Array(n * n), g = new Float64Array(n);
  let it = 0;
  let status: LmResult['status'] = 'max-iterations';
  let message = `stopped after ${opts.maxIterations} iterations without meeting the tolerances`;
  for (; it < opts.maxIterations; it++) {
    A.fill(0); g.fill(0);
    for (let k = 0; k < m; k++) {
      for (let a = 0; a < n; a++) {
        const ja = J[k * n + a];
        g[a] += ja * r[k];
        for (let b = 0; b <= a; b++) A[a * n + b] += ja * J[k * n + b];
      }
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) A[b * n + a] = A[a * n + b];
    let accepted = false;
    for (let tries = 0; tries < 12 && !accepted; tries++) {
      const M = Float64Array.from(A);
      for (let a = 0; a < n; a++) M[a * n + a] += lambda * Math.max(A[a * n + a], 1e-12);
      const neg = g.map((x) => -x);
      const du = solveDense(n, M, neg);
      if (!du) { lambda *= 4; continue; }
      const un = new Float64Array(n);
      let stepNorm = 0;
      for (let a = 0; a < n; a++) {
        const x = Math.min(1, Math.max(0, u[a] + du[a]));
        stepNorm += (x - u[a]) ** 2;
        un[a] = x;
      }
      stepNorm = Math.sqrt(stepNorm);
      const rn = res(un);
      evals++;
      const Sn = rn ? sumSq(rn) : Infinity;
      if (rn && Sn < S) {
        const dec = (S - Sn) / Math.max(S, 1e-300);
        u = un; r = rn; S = Sn;
        lambda = Math.max(lambda / 3, 1e-12);
        accepted = true;
        const Jn = jacobian(res, u, r, opts.h);
        evals += n;
        if (!Jn) return { u, r, jac: J, cost: S, iterations: it + 1, evaluations: evals, status: 'failed', message: 'the Jacobian could not be evaluated (simulation failed near the optimum)' };
        J = Jn;
        if (dec < opts.ftol || stepNorm < opts.xtol) {
          return { u, r, jac: J, cost: S, iterations: it + 1, evaluations: evals, status: 'converged', message: dec < opts.ftol ? `relative decrease ${dec.toExponential(2)} below ftol` : `step ${stepNorm.toExponential(2)} below xtol` };
        }
      } else {
        lambda *= 4;
        if (stepNorm < opts.xtol) {
          return { u, r, jac: J, cost: S, iterations: it + 1, evaluations: evals, status: 'converged', message: 'no further decrease within the step tolerance' };
        }
      }
    }
    if (!accepted) {
      // At the optimum the replay's solver noise can hide any decrease. If the Gauss-Newton
      // model predicts a decrease g^T A^-1 g below 1e-6 S (a change of chi^2 far below the 1
      // that one standard uncertainty means when S ~ number of points), the point is optimal.
      const du = solveDense(n, A, g);
      let pred = 0;
      if (du) for (let a = 0; a < n; a++) pred += g[a] * du[a];
      if (du && pred >= 0 && pred < 1e-6 * S) {
        status = 'converged';
        message = `no measurable decrease left (predicted ${(pred / Math.max(S, 1e-300)).toExponential(2)} of S, below the simulation noise)`;
      } else {
        status = 'stalled';
        message = 'no decreasing step found (lambda grew without success); the best point is returned';
      }
      break;
    }
  }
  return { u, r, jac: J, cost: S, iterations: it, evaluations: evals, status, message };
}
