/**
 * Preconditioned conjugate gradients for symmetric positive-definite operators given as
 * callbacks (matrix-free): the operator and the preconditioner are objects with an `apply`
 * method so that the caller keeps its buffers. Work vectors are allocated once by the caller
 * (PcgWork) and reused across solves (Newton iterations, time steps).
 * @module math/pcg
 */

/** y <- A x (must not allocate). */
export interface LinearOperator { apply(x: Float64Array, y: Float64Array): void }

/** Outcome of a CG solve. */
export interface PcgResult {
  status: 'ok' | 'max-iterations' | 'breakdown' | 'non-finite';
  iterations: number;
  /** Final ||b - A x||_2 / ||b||_2 (recursive estimate). */
  relResidual: number;
}

/** Work vectors for n unknowns. */
export class PcgWork {
  readonly r: Float64Array; readonly z: Float64Array; readonly p: Float64Array; readonly q: Float64Array;
  constructor(readonly n: number) {
    this.r = new Float64Array(n); this.z = new Float64Array(n); this.p = new Float64Array(n); this.q = new Float64Array(n);
  }
}

/**
 * Solve A x = b from the initial guess in x (warm start) to ||r|| <= rtol ||b||.
 * @param m preconditioner: z <- M^-1 r
 */
export function pcg(a: LinearOperator, m: LinearOperator, b: Float64Array, x: Float64Array, rtol: number, maxIt: number, w: PcgWork): PcgResult {
  const n = w.n, r = w.r, z = w.z, p = w.p, q = w.q;
  let bn = 0;
  for (let i = 0; i < n; i++) bn += b[i] * b[i];
  bn = Math.sqrt(bn);
  if (bn === 0) { x.fill(0); return { status: 'ok', iterations: 0, relResidual: 0 }; }
  if (!Number.isFinite(bn)) return { status: 'non-finite', iterations: 0, relResidual: NaN };
  a.apply(x, q);
  let rn = 0;
  for (let i = 0; i < n; i++) { const v = b[i] - q[i]; r[i] = v; rn += v * v; }
  const tol = rtol * bn;
  if (Math.sqrt(rn) <= tol) return { status: 'ok', iterations: 0, relResidual: Math.sqrt(rn) / bn };
  m.apply(r, z);
  let rz = 0;
  for (let i = 0; i < n; i++) { p[i] = z[i]; rz += r[i] * z[i]; }
  for (let it = 1; it <= maxIt; it++) {
    a.apply(p, q);
    let pq = 0;
    for (let i = 0; i < n; i++) pq += p[i] * q[i];
    if (!(pq > 0)) return { status: Number.isFinite(pq) ? 'breakdown' : 'non-finite', iterations: it, relResidual: Math.sqrt(rn) / bn };
    const alpha = rz / pq;
    rn = 0;
    for (let i = 0; i < n; i++) { x[i] += alpha * p[i]; const v = r[i] - alpha * q[i]; r[i] = v; rn += v * v; }
    if (!Number.isFinite(rn)) return { status: 'non-finite', iterations: it, relResidual: NaN };
    if (Math.sqrt(rn) <= tol) return { status: 'ok', iterations: it, relResidual: Math.sqrt(rn) / bn };
    m.apply(r, z);
    let rzNew = 0;
    for (let i = 0; i < n; i++) rzNew += r[i] * z[i];
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
  }
  return { status: 'max-iterations', iterations: maxIt, relResidual: Math.sqrt(rn) / bn };
}
