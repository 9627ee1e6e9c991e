/**
 * Schur-complement conjugate gradients for two families of tridiagonal lines on an M x N grid
 * coupled point by point (the nodal matrix of a crossbar with wire resistance):
 *
 *   [ A_W   -G  ] [x_W]   [b_W]
 *   [ -G    A_B ] [x_B] = [b_B],   G = diag(g) >= 0,
 *
 * where A_W is tridiagonal along every row (the word lines: unknown (i, j) couples (i, j +- 1))
 * and A_B is tridiagonal along every column (the bit lines: (i, j) couples (i +- 1, j)). Both
 * blocks are stored row-major (index i N + j), so the coupling is elementwise.
 *
 * The bit-line block is eliminated exactly, leaving the Schur complement on the word-line
 * unknowns,
 *
 *   S x_W = b_W + G A_B^-1 b_B,   S = A_W - G A_B^-1 G,   x_B = A_B^-1 (b_B + G x_W),
 *
 * which is symmetric positive definite when the whole matrix is. CG on S is preconditioned
 * with A_W^-1 (every word line solved exactly). If rho is the spectral radius of the block
 * Jacobi iteration, the condition number of A_W^-1 S is 1 / (1 - rho^2) against
 * (1 + rho) / (1 - rho) for the line (block Jacobi) preconditioner on the whole system: about
 * half the iterations, on vectors half as long (Saad, Iterative Methods for Sparse Linear
 * Systems, 2nd ed., sections 8.3 and 9.2 on Schur complements and block preconditioning).
 *
 * Kernels: the column (bit-line) solves run across rows, so their inner loops are contiguous
 * and free of recurrences; the row (word-line) solves interleave four rows. Each CG iteration
 * makes four fused passes over the data; nothing is allocated after construction.
 * @module math/grid-schur
 */

/** Outcome of a Schur CG solve. */
export interface GridSchurResult {
  status: 'ok' | 'max-iterations' | 'breakdown' | 'non-finite';
  iterations: number;
  /** Final ||r|| / ||b'|| of the Schur system (recursive estimate). */
  relResidual: number;
}

/** Factors and work vectors of one grid (reused across Newton steps and time steps). */
export class GridSchur {
  readonly n: number;
  /** Word-line factors: multipliers and reciprocal pivots. */
  private readonly lW: Float64Array; private readonly rdW: Float64Array;
  /** Bit-line factors (row-major). */
  private readonly lB: Float64Array; private readonly rdB: Float64Array;
  private readonly r: Float64Array; private readonly z: Float64Array; private readonly p: Float64Array;
  private readonly q: Float64Array; private readonly t: Float64Array;
  /** A_W and G of the last factorisation (views owned by the caller). */
  private dW: Float64Array; private eW: Float64Array; private g: Float64Array;

  constructor(readonly rows: number, readonly cols: number) {
    const n = (this.n = rows * cols);
    this.lW = new Float64Array(n); this.rdW = new Float64Array(n);
    this.lB = new Float64Array(n); this.rdB = new Float64Array(n);
    this.r = new Float64Array(n); this.z = new Float64Array(n); this.p = new Float64Array(n);
    this.q = new Float64Array(n); this.t = new Float64Array(n);
    this.dW = this.eW = this.g = this.q;
  }

  /**
   * Row-major buffers for the bit-line diagonal (d) and off-diagonal (e) that `factor` may be
   * given as dB and eB: the factorisation then runs in place (no extra storage).
   */
  bitLineInput(): { d: Float64Array; e: Float64Array } { return { d: this.rdB, e: this.lB }; }

  /**
   * Factor both line families. dW, eW: word-line diagonal and off-diagonal (eW[c] couples c and
   * c + 1; must be 0 at row ends); dB, eB: bit-line diagonal and off-diagonal in row-major order
   * (eB[c] couples c and c + N); g: the coupling. dW, eW and g are kept by reference and must
   * not change until the solves are done; dB and eB are only read here (they may be the
   * buffers of `bitLineInput`).
   * @returns 0, or 1 + the first index (W: c, B: n + c) whose pivot is not positive
   */
  factor(dW: Float64Array, eW: Float64Array, dB: Float64Array, eB: Float64Array, g: Float64Array): number {
    const M = this.rows, N = this.cols, lW = this.lW, rdW = this.rdW, lB = this.lB, rdB = this.rdB;
    this.dW = dW; this.eW = eW; this.g = g;
    for (let i = 0; i < M; i++) {
      const o = i * N;
      let piv = dW[o];
      if (!(piv > 0)) return o + 1;
      rdW[o] = 1 / piv;
      for (let k = o + 1; k < o + N; k++) {
        const m = eW[k - 1] / piv;
        lW[k - 1] = m;
        piv = dW[k] - m * eW[k - 1];
        if (!(piv > 0)) return k + 1;
        rdW[k] = 1 / piv;
      }
      lW[o + N - 1] = 0;
    }
    // bit lines: row i's pivots from row i - 1's, all columns at once
    for (let j = 0; j < N; j++) { const piv = dB[j]; if (!(piv > 0)) return this.n + j + 1; rdB[j] = 1 / piv; }
    for (let i = 1; i < M; i++) {
      const o = i * N;
      for (let c = o; c < o + N; c++) {
        const e = eB[c - N], m = e * rdB[c - N];
        lB[c - N] = m;
        const piv = dB[c] - m * e;
        if (!(piv > 0)) return this.n + c + 1;
        rdB[c] = 1 / piv;
      }
    }
    lB.fill(0, (M - 1) * N);
    return 0;
  }

  /** x <- A_B^-1 x (row-major, in place). */
  solveB(x: Float64Array): void {
    columnForward(this.n, this.cols, this.lB, x, x, null);
    columnBackward(this.n, this.cols, this.lB, this.rdB, x);
  }

  /**
   * Solve the block system. bW and bB are read (bB may be the same array as xB); xW and xB
   * receive the solution (CG starts from x_W = 0, since Newton corrections have no better guess).
   */
  solve(bW: Float64Array, bB: Float64Array, xW: Float64Array, xB: Float64Array, rtol: number, maxIt: number): GridSchurResult {
    const n = this.n, N = this.cols, g = this.g, dW = this.dW, eW = this.eW;
    const lB = this.lB, rdB = this.rdB, lW = this.lW, rdW = this.rdW;
    const r = this.r, z = this.z, p = this.p, q = this.q, t = this.t;
    // s = A_B^-1 b_B is kept in xB until the end; b' = b_W + G s
    if (xB !== bB) xB.set(bB);
    this.solveB(xB);
    const bn = Math.sqrt(startResidual(n, bW, g, xB, r, xW));
    const finish = (status: GridSchurResult['status'], iterations: number, rel: number): GridSchurResult => {
      // x_B = s + A_B^-1 G x_W
      columnForward(n, N, lB, t, xW, g);
      columnBackward(n, N, lB, rdB, t);
      axpy(n, 1, t, xB);
      return { status, iterations, relResidual: rel };
    };
    if (!Number.isFinite(bn)) return { status: 'non-finite', iterations: 0, relResidual: NaN };
    if (bn === 0) return finish('ok', 0, 0);
    const tol = rtol * bn;
    let rz = rowSolve(n, lW, rdW, r, z);
    p.set(z);
    let rn = bn * bn;
    for (let it = 1; it <= maxIt; it++) {
      // q = S p = A_W p - G A_B^-1 G p
      columnForward(n, N, lB, t, p, g);
      columnBackward(n, N, lB, rdB, t);
      const pq = schurProduct(n, dW, eW, g, p, t, q);
      if (!(pq > 0)) return finish(Number.isFinite(pq) ? 'breakdown' : 'non-finite', it, Math.sqrt(rn) / bn);
      rn = cgUpdate(n, rz / pq, p, q, xW, r);
      if (!Number.isFinite(rn)) return finish('non-finite', it, NaN);
      if (Math.sqrt(rn) <= tol) return finish('ok', it, Math.sqrt(rn) / bn);
      const rzNew = rowSolve(n, lW, rdW, r, z);
      xpby(n, z, rzNew / rz, p);
      rz = rzNew;
    }
    return finish('max-iterations', maxIt, Math.sqrt(rn) / bn);
  }
}

// Kernels: one loop each where possible. V8 compiles a long-running loop on stack replacement
// (OSR) while the rest of its function has not run yet; code after it then lacks type feedback
// and deoptimises, again on every call (measured: 2-3x slower kernels). Small single-loop
// functions avoid that; circuit/crossbar-system.ts warms them up before a large first solve.

/** Forward column sweep: t[c] = s[c] (times g[c] when g is given) - lB[c - N] t[c - N]. */
function columnForward(n: number, N: number, lB: Float64Array, t: Float64Array, s: Float64Array, g: Float64Array | null): void {
  if (g) {
    for (let c = 0; c < N; c++) t[c] = g[c] * s[c];
    for (let c = N; c < n; c++) t[c] = g[c] * s[c] - lB[c - N] * t[c - N];
  } else {
    if (t !== s) for (let c = 0; c < N; c++) t[c] = s[c];
    for (let c = N; c < n; c++) t[c] = s[c] - lB[c - N] * t[c - N];
  }
}

/** Backward column sweep in place. */
function columnBackward(n: number, N: number, lB: Float64Array, rdB: Float64Array, t: Float64Array): void {
  for (let c = n - N; c < n; c++) t[c] *= rdB[c];
  for (let c = n - N - 1; c >= 0; c--) t[c] = t[c] * rdB[c] - lB[c] * t[c + N];
}

/**
 * z = A_W^-1 r over the whole array as one chain (the multipliers are 0 at row ends, so the
 * rows decouple); returns r . z.
 */
function rowSolve(n: number, l: Float64Array, rd: Float64Array, r: Float64Array, z: Float64Array): number {
  let a = r[0];
  z[0] = a;
  for (let k = 1; k < n; k++) { a = r[k] - l[k - 1] * a; z[k] = a; }
  return rowBack(n, l, rd, r, z);
}

function rowBack(n: number, l: Float64Array, rd: Float64Array, r: Float64Array, z: Float64Array): number {
  let a = z[n - 1] * rd[n - 1];
  z[n - 1] = a;
  let rz = r[n - 1] * a;
  for (let k = n - 2; k >= 0; k--) { a = z[k] * rd[k] - l[k] * a; z[k] = a; rz += r[k] * a; }
  return rz;
}

/** q = A_W p - g t (eW is 0 at row ends); returns p . q. */
function schurProduct(n: number, dW: Float64Array, eW: Float64Array, g: Float64Array, p: Float64Array, t: Float64Array, q: Float64Array): number {
  let pm = 0, pc = p[0], em = 0, pq = 0;
  for (let c = 0; c < n - 1; c++) {
    const pn = p[c + 1], ec = eW[c];
    const v = dW[c] * pc + ec * pn + em * pm - g[c] * t[c];
    q[c] = v; pq += pc * v;
    pm = pc; pc = pn; em = ec;
  }
  const v = dW[n - 1] * pc + em * pm - g[n - 1] * t[n - 1];
  q[n - 1] = v;
  return pq + pc * v;
}

/** x += alpha p; r -= alpha q; returns r . r. */
function cgUpdate(n: number, alpha: number, p: Float64Array, q: Float64Array, x: Float64Array, r: Float64Array): number {
  let rn = 0;
  for (let c = 0; c < n; c++) { x[c] += alpha * p[c]; const v = r[c] - alpha * q[c]; r[c] = v; rn += v * v; }
  return rn;
}

/** p = z + beta p. */
function xpby(n: number, z: Float64Array, beta: number, p: Float64Array): void {
  for (let c = 0; c < n; c++) p[c] = z[c] + beta * p[c];
}

/** y += a x. */
function axpy(n: number, a: number, x: Float64Array, y: Float64Array): void {
  for (let c = 0; c < n; c++) y[c] += a * x[c];
}

/** r = b_W + g s (s in xB), xW = 0; returns r . r. */
function startResidual(n: number, bW: Float64Array, g: Float64Array, s: Float64Array, r: Float64Array, xW: Float64Array): number {
  let bn = 0;
  for (let c = 0; c < n; c++) { const v = bW[c] + g[c] * s[c]; r[c] = v; bn += v * v; xW[c] = 0; }
  return bn;
}
