/**
 * Krylov solvers for five-point stencil systems: preconditioned conjugate gradients for the
 * symmetric positive-definite Laplace / heat operators and BiCGSTAB for the non-symmetric
 * (upwinded) ion-transport operator. Both use either ILU(0) (modified ILU(0) for PCG
 * when KrylovWork.relax > 0) or a z-line block-Jacobi preconditioner: each
 * vertical grid line is solved exactly by the Thomas algorithm. A filament is a vertical
 * channel of high conductivity, so the strong couplings lie along z and the line
 * preconditioner captures them (a point-Jacobi PCG needs several times more iterations there).
 * Work arrays are owned by a {@link KrylovWork} made once per grid; solves do not allocate.
 * @module physics/linear/krylov
 */
import type { Stencil5 } from './stencil.js';
import { applyStencil, applyStencilDot } from './stencil.js';

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
  /** ILU(0) couplings scaled by the pivots, w_k / d_k and e_k / d_k (shortens the sweeps' recurrences). */
  readonly wd: Float64Array; readonly ed: Float64Array;
  /**
   * Preconditioner: 'line' = z-line block Jacobi (default), 'ilu' = ILU(0) of the five-point
   * stencil (natural ordering; incomplete Cholesky for symmetric A), which couples x and z.
   */
  precond: 'line' | 'ilu' = 'line';
  /**
   * Relaxation omega of the modified ILU(0) used by PCG with precond 'ilu' (0 = plain ILU(0),
   * the default; BiCGSTAB always uses plain ILU(0)). The fill that ILU(0) drops in row k (at
   * k-1+nx and k-nx+1) is subtracted from the pivot with weight omega, so the row sums of M
   * approach those of A: for the Laplacian the condition number of M^-1 A falls from O(h^-2) to
   * O(h^-1) at omega = 1 (Gustafsson, BIT 18, 142 (1978); omega < 1 keeps the pivots away from
   * zero in rows with zero row sum).
   */
  relax = 0;
  constructor(nx: number, nz: number, precond: 'line' | 'ilu' = 'line') {
    this.precond = precond;
    const m = nx * nz;
    this.m = m;
    const f = () => new Float64Array(m);
    this.r = f(); this.z = f(); this.p = f(); this.q = f();
    this.r0 = f(); this.v = f(); this.sv = f(); this.t = f(); this.y = f();
    this.cp = f(); this.dinv = f(); this.wd = f(); this.ed = f();
  }
}

/**
 * (Modified) ILU(0) of the five-point stencil, M = (D - L) D^-1 (D - U) with L, U the strict
 * lower / upper couplings of A and the pivots
 *   d_k = c_k - w_k (e_{k-1} + omega n_{k-1}) / d_{k-1} - s_k (n_{k-nx} + omega e_{k-nx}) / d_{k-nx}
 * (omega = 0: ILU(0)); stores 1 / d_k in dinv and w_k / d_k, e_k / d_k in wd, ed.
 */
function factorIlu(A: Stencil5, W: KrylovWork, omega: number): void {
  const { nx, nz, c, w, e, s, n } = A;
  const { dinv, wd, ed } = W;
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    let d = c[k];
    if (i > 0) d -= w[k] * (e[k - 1] + omega * n[k - 1]) * dinv[k - 1];
    if (j > 0) d -= s[k] * (n[k - nx] + omega * e[k - nx]) * dinv[k - nx];
    const di = d !== 0 ? 1 / d : 0;
    dinv[k] = di; wd[k] = w[k] * di; ed[k] = e[k] * di;
  }
}

/** z = M^-1 r for the ILU(0) factors (forward then backward sweep); returns r . z. */
function solveIlu(A: Stencil5, W: KrylovWork, r: Float64Array, z: Float64Array): number {
  const { nx, nz, s, n } = A;
  const { dinv, wd, ed } = W;
  // forward: z_k = (r_k + s_k z_{k-nx}) / d_k + (w_k / d_k) z_{k-1}; the recurrence along the
  // row is one multiply-add
  let prev = 0;
  for (let i = 0; i < nx; i++) {
    prev = r[i] * dinv[i] + wd[i] * prev;
    z[i] = prev;
  }
  for (let j = 1; j < nz; j++) {
    const row = j * nx;
    prev = 0;
    for (let k = row; k < row + nx; k++) {
      prev = (r[k] + s[k] * z[k - nx]) * dinv[k] + wd[k] * prev;
      z[k] = prev;
    }
  }
  // backward: z_k += (e_k z_{k+1} + n_k z_{k+nx}) / d_k
  let rz = 0, next = 0;
  const top = (nz - 1) * nx;
  for (let k = top + nx - 1; k >= top; k--) {
    next = z[k] + ed[k] * next;
    z[k] = next; rz += r[k] * next;
  }
  for (let j = nz - 2; j >= 0; j--) {
    const row = j * nx;
    next = 0;
    for (let k = row + nx - 1; k >= row; k--) {
      next = z[k] + n[k] * z[k + nx] * dinv[k] + ed[k] * next;
      z[k] = next; rz += r[k] * next;
    }
  }
  return rz;
}

/** Factor the preconditioner chosen in W (omega: MILU relaxation, ILU only). */
function factor(A: Stencil5, W: KrylovWork, omega = 0): void {
  if (W.precond === 'ilu') factorIlu(A, W, omega); else factorLines(A, W);
}

/** z = M^-1 r with the preconditioner chosen in W; returns r . z. */
function precondition(A: Stencil5, W: KrylovWork, r: Float64Array, z: Float64Array): number {
  if (W.precond === 'ilu') return solveIlu(A, W, r, z);
  solveLines(A, W, r, z);
  return dot(r, z);
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
  factor(A, W, W.relax);
  applyStencil(A, x, q);
  for (let k = 0; k < m; k++) r[k] = b[k] - q[k];
  const bn = Math.sqrt(dot(b, b)) || 1;
  let rn = Math.sqrt(dot(r, r));
  if (rn <= tol * bn) return { status: 'ok', iterations: 0, relResidual: rn / bn };
  let rz = precondition(A, W, r, z);
  p.set(z);
  for (let it = 1; it <= maxIter; it++) {
    const pq = applyStencilDot(A, p, q);
    if (!(pq > 0)) return { status: Number.isFinite(pq) ? 'breakdown' : 'non-finite', iterations: it, relResidual: rn / bn };
    const alpha = rz / pq;
    let rr = 0;
    for (let k = 0; k < m; k++) { x[k] += alpha * p[k]; const rk = r[k] - alpha * q[k]; r[k] = rk; rr += rk * rk; }
    rn = Math.sqrt(rr);
    if (!Number.isFinite(rn)) return { status: 'non-finite', iterations: it, relResidual: rn };
    if (rn <= tol * bn) return { status: 'ok', iterations: it, relResidual: rn / bn };
    const rz1 = precondition(A, W, r, z);
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
