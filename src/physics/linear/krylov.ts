/**
 * Krylov solvers for five-point stencil systems: preconditioned conjugate gradients for the
 * symmetric positive-definite Laplace / heat operators and BiCGSTAB for the non-symmetric
 * (upwinded) ion-transport operator. Both use a z-line block-Jacobi preconditioner: each
 * vertical grid line is solved exactly by the Thomas algorithm. A filament is a vertical
 * channel of high conductivity, so the strong couplings lie along z and the line
 * preconditioner captures them (a point-Jacobi PCG needs several times more iterations there).
 * Work arrays are owned by a {@link KrylovWork} made once per grid; solves do not allocate.
 * @module physics/linear/krylov
 */
import type { Stencil5 } from './stencil.js';
import { applyStencil } from './stencil.js';

/** Outcome of a linear solve (values, never exceptions). */
export interface SolveInfo {
  status: 'ok' | 'max-iterations' | 'breakdown' | 'non-finite';
  iterations: number;
  /** Final residual 2-norm divided by the 2-norm of b. */
  relResidual: number;
}

/** Scratch vectors for one grid size. */
export class KrylovWork {
  readonly m: number;
  readonly r: Float64Array; readonly z: Float64Array; readonly p: Float64Array; readonly q: Float64Array;
  readonly r0: Float64Array; readonly v: Float64Array; readonly sv: Float64Array; readonly t: Float64Array; readonly y: Float64Array;
  /** Thomas factors of the line preconditioner, or the ILU(0) pivots (dinv) when precond = 'ilu'. */
  readonly cp: Float64Array; readonly dinv: Float64Array;
  /**
   * Preconditioner: 'line' = z-line block Jacobi (default), 'ilu' = ILU(0) of the five-point
   * stencil (natural ordering; incomplete Cholesky for symmetric A), which couples x and z.
   */
  precond: 'line' | 'ilu' = 'line';
  constructor(nx: number, nz: number, precond: 'line' | 'ilu' = 'line') {
    this.precond = precond;
    const m = nx * nz;
    this.m = m;
    const f = () => new Float64Array(m);
    this.r = f(); this.z = f(); this.p = f(); this.q = f();
    this.r0 = f(); this.v = f(); this.sv = f(); this.t = f(); this.y = f();
    this.cp = f(); this.dinv = f();
  }
}

/**
 * ILU(0) of the five-point stencil, M = (D - L) D^-1 (D - U) with L, U the strict lower / upper
 * couplings of A and the pivots d_k = c_k - w_k e_{k-1} / d_{k-1} - s_k n_{k-nx} / d_{k-nx};
 * stores 1 / d_k in dinv.
 */
function factorIlu(A: Stencil5, W: KrylovWork): void {
  const { nx, nz, c, w, e, s, n } = A;
  const { dinv } = W;
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    let d = c[k];
    if (i > 0) d -= w[k] * e[k - 1] * dinv[k - 1];
    if (j > 0) d -= s[k] * n[k - nx] * dinv[k - nx];
    dinv[k] = d !== 0 ? 1 / d : 0;
  }
}

/** z = M^-1 r for the ILU(0) factors (forward then backward sweep). */
function solveIlu(A: Stencil5, W: KrylovWork, r: Float64Array, z: Float64Array): void {
  const { nx, nz, w, e, s, n } = A;
  const { dinv } = W;
  for (let j = 0; j < nz; j++) {
    const row = j * nx;
    let prev = 0;
    for (let i = 0; i < nx; i++) {
      const k = row + i;
      let v = r[k] + w[k] * prev;
      if (j > 0) v += s[k] * z[k - nx];
      prev = v * dinv[k];
      z[k] = prev;
    }
  }
  for (let j = nz - 1; j >= 0; j--) {
    const row = j * nx;
    let next = 0;
    for (let i = nx - 1; i >= 0; i--) {
      const k = row + i;
      let v = e[k] * next;
      if (j < nz - 1) v += n[k] * z[k + nx];
      next = z[k] + v * dinv[k];
      z[k] = next;
    }
  }
}

/** Factor the preconditioner chosen in W. */
function factor(A: Stencil5, W: KrylovWork): void {
  if (W.precond === 'ilu') factorIlu(A, W); else factorLines(A, W);
}

/** z = M^-1 r with the preconditioner chosen in W. */
function precondition(A: Stencil5, W: KrylovWork, r: Float64Array, z: Float64Array): void {
  if (W.precond === 'ilu') solveIlu(A, W, r, z); else solveLines(A, W, r, z);
}

/** Factor the z-line tridiagonal blocks of A (Thomas forward sweep coefficients). */
function factorLines(A: Stencil5, W: KrylovWork): void {
  const { nx, nz, c, s, n } = A;
  const { cp, dinv } = W;
  for (let i = 0; i < nx; i++) {
    let prevCp = 0;
    for (let j = 0; j < nz; j++) {
      const k = j * nx + i;
      const sub = j > 0 ? -s[k] : 0;
      const den = c[k] - sub * prevCp;
      const di = den !== 0 ? 1 / den : 0;
      dinv[k] = di;
      const sup = j < nz - 1 ? -n[k] : 0;
      cp[k] = sup * di;
      prevCp = cp[k];
    }
  }
}

/** z = M^-1 r with M the z-line block diagonal of A (factors from factorLines). */
function solveLines(A: Stencil5, W: KrylovWork, r: Float64Array, z: Float64Array): void {
  const { nx, nz, s } = A;
  const { cp, dinv } = W;
  for (let i = 0; i < nx; i++) {
    let prev = 0;
    for (let j = 0; j < nz; j++) {
      const k = j * nx + i;
      const sub = j > 0 ? -s[k] : 0;
      prev = (r[k] - sub * prev) * dinv[k];
      z[k] = prev;
    }
    for (let j = nz - 2; j >= 0; j--) {
      const k = j * nx + i;
      z[k] -= cp[k] * z[k + nx];
    }
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/**
 * Solve A x = b for symmetric positive-definite A by line-preconditioned CG; x holds the
 * initial guess on entry. Stops when ||b - A x|| <= tol ||b||.
 */
export function pcg(A: Stencil5, b: Float64Array, x: Float64Array, W: KrylovWork, tol = 1e-10, maxIter = 2000): SolveInfo {
  const { r, z, p, q } = W;
  const m = W.m;
  factor(A, W);
  applyStencil(A, x, q);
  for (let k = 0; k < m; k++) r[k] = b[k] - q[k];
  const bn = Math.sqrt(dot(b, b)) || 1;
  let rn = Math.sqrt(dot(r, r));
  if (rn <= tol * bn) return { status: 'ok', iterations: 0, relResidual: rn / bn };
  precondition(A, W, r, z);
  p.set(z);
  let rz = dot(r, z);
  for (let it = 1; it <= maxIter; it++) {
    applyStencil(A, p, q);
    const pq = dot(p, q);
    if (!(pq > 0)) return { status: Number.isFinite(pq) ? 'breakdown' : 'non-finite', iterations: it, relResidual: rn / bn };
    const alpha = rz / pq;
    for (let k = 0; k < m; k++) { x[k] += alpha * p[k]; r[k] -= alpha * q[k]; }
    rn = Math.sqrt(dot(r, r));
    if (!Number.isFinite(rn)) return { status: 'non-finite', iterations: it, relResidual: rn };
    if (rn <= tol * bn) return { status: 'ok', iterations: it, relResidual: rn / bn };
    precondition(A, W, r, z);
    const rz1 = dot(r, z);
    const beta = rz1 / rz;
    rz = rz1;
    for (let k = 0; k < m; k++) p[k] = z[k] + beta * p[k];
  }
  return { status: 'max-iterations', iterations: maxIter, relResidual: rn / bn };
}

/**
 * Solve A x = b for a general (non-symmetric) stencil by right-preconditioned BiCGSTAB
 * (van der Vorst 1992) with the same line preconditioner; x holds the initial guess.
 */
export function bicgstab(A: Stencil5, b: Float64Array, x: Float64Array, W: KrylovWork, tol = 1e-10, maxIter = 2000): SolveInfo {
  const { r, r0, p, v, sv, t, y, z } = W;
  const m = W.m;
  factor(A, W);
  applyStencil(A, x, v);
  for (let k = 0; k < m; k++) { r[k] = b[k] - v[k]; r0[k] = r[k]; p[k] = 0; v[k] = 0; }
  const bn = Math.sqrt(dot(b, b)) || 1;
  let rn = Math.sqrt(dot(r, r));
  if (rn <= tol * bn) return { status: 'ok', iterations: 0, relResidual: rn / bn };
  let rho = 1, alpha = 1, omega = 1;
  for (let it = 1; it <= maxIter; it++) {
    const rho1 = dot(r0, r);
    if (rho1 === 0 || omega === 0) return { status: 'breakdown', iterations: it, relResidual: rn / bn };
    const beta = (rho1 / rho) * (alpha / omega);
    rho = rho1;
    for (let k = 0; k < m; k++) p[k] = r[k] + beta * (p[k] - omega * v[k]);
    precondition(A, W, p, y);
    applyStencil(A, y, v);
    const r0v = dot(r0, v);
    if (r0v === 0) return { status: 'breakdown', iterations: it, relResidual: rn / bn };
    alpha = rho / r0v;
    for (let k = 0; k < m; k++) sv[k] = r[k] - alpha * v[k];
    const sn = Math.sqrt(dot(sv, sv));
    if (sn <= tol * bn) {
      for (let k = 0; k < m; k++) x[k] += alpha * y[k];
      return { status: 'ok', iterations: it, relResidual: sn / bn };
    }
    precondition(A, W, sv, z);
    applyStencil(A, z, t);
    const tt = dot(t, t);
    omega = tt > 0 ? dot(t, sv) / tt : 0;
    for (let k = 0; k < m; k++) { x[k] += alpha * y[k] + omega * z[k]; r[k] = sv[k] - omega * t[k]; }
    rn = Math.sqrt(dot(r, r));
    if (!Number.isFinite(rn)) return { status: 'non-finite', iterations: it, relResidual: rn };
    if (rn <= tol * bn) return { status: 'ok', iterations: it, relResidual: rn / bn };
  }
  return { status: 'max-iterations', iterations: maxIter, relResidual: rn / bn };
}
