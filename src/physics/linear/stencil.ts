/**
 * Five-point stencil matrices on a structured nx-by-nz grid (index k = j*nx + i, i fast).
 *
 *   (A x)_k = c_k x_k - w_k x_{k-1} - e_k x_{k+1} - s_k x_{k-nx} - n_k x_{k+nx}
 *
 * Off-diagonal couplings are stored as positive numbers (conductances), so a conservative
 * finite-volume diffusion or upwinded transport operator is an M-matrix with w, e, s, n >= 0.
 * Couplings across the grid edge must be zero (the caller folds boundary terms into c and b).
 * The matrix is symmetric when w_k = e_{k-1} and s_k = n_{k-nx}.
 * @module physics/linear/stencil
 */

/** A five-point stencil operator (struct of arrays, length nx*nz each). */
export interface Stencil5 {
  readonly nx: number;
  readonly nz: number;
  readonly c: Float64Array;
  readonly w: Float64Array;
  readonly e: Float64Array;
  readonly s: Float64Array;
  readonly n: Float64Array;
}

/** Allocate a zero stencil on an nx-by-nz grid. */
export function makeStencil(nx: number, nz: number): Stencil5 {
  const m = nx * nz;
  return { nx, nz, c: new Float64Array(m), w: new Float64Array(m), e: new Float64Array(m), s: new Float64Array(m), n: new Float64Array(m) };
}

/** Reset all coefficients to zero. */
export function clearStencil(A: Stencil5): void {
  A.c.fill(0); A.w.fill(0); A.e.fill(0); A.s.fill(0); A.n.fill(0);
}

/** y = A x (y must not alias x). */
export function applyStencil(A: Stencil5, x: Float64Array, y: Float64Array): void {
  const { nx, nz, c, w, e, s, n } = A;
  for (let j = 0; j < nz; j++) {
    const row = j * nx;
    for (let i = 0; i < nx; i++) {
      const k = row + i;
      let v = c[k] * x[k];
      if (i > 0) v -= w[k] * x[k - 1];
      if (i < nx - 1) v -= e[k] * x[k + 1];
      if (j > 0) v -= s[k] * x[k - nx];
      if (j < nz - 1) v -= n[k] * x[k + nx];
      y[k] = v;
    }
  }
}

/**
 * y = A x and returns x . y in the same sweep (y must not alias x); the edge rows and columns
 * are peeled off so the interior loop has no branches.
 */
export function applyStencilDot(A: Stencil5, x: Float64Array, y: Float64Array): number {
  const { nx, nz, c, w, e, s, n } = A;
  if (nx < 2 || nz < 3) { applyStencil(A, x, y); let d = 0; for (let k = 0; k < x.length; k++) d += x[k] * y[k]; return d; }
  let d = 0;
  for (let j = 0; j < nz; j++) {
    const row = j * nx, last = row + nx - 1;
    if (j === 0 || j === nz - 1) {
      for (let k = row; k <= last; k++) {
        let v = c[k] * x[k];
        if (k > row) v -= w[k] * x[k - 1];
        if (k < last) v -= e[k] * x[k + 1];
        if (j > 0) v -= s[k] * x[k - nx];
        if (j < nz - 1) v -= n[k] * x[k + nx];
        y[k] = v; d += x[k] * v;
      }
      continue;
    }
    let v = c[row] * x[row] - e[row] * x[row + 1] - s[row] * x[row - nx] - n[row] * x[row + nx];
    y[row] = v; d += x[row] * v;
    for (let k = row + 1; k < last; k++) {
      v = c[k] * x[k] - w[k] * x[k - 1] - e[k] * x[k + 1] - s[k] * x[k - nx] - n[k] * x[k + nx];
      y[k] = v; d += x[k] * v;
    }
    v = c[last] * x[last] - w[last] * x[last - 1] - s[last] * x[last - nx] - n[last] * x[last + nx];
    y[last] = v; d += x[last] * v;
  }
  return d;
}

/**
 * Add a symmetric conductance g between cells k1 and k2 (a finite-volume face): diagonal +g
 * on both, coupling g in both directions. `dir` is 'x' when k2 = k1 + 1, 'z' when k2 = k1 + nx.
 */
export function addFace(A: Stencil5, k1: number, k2: number, g: number, dir: 'x' | 'z'): void {
  A.c[k1] += g; A.c[k2] += g;
  if (dir === 'x') { A.e[k1] += g; A.w[k2] += g; } else { A.n[k1] += g; A.s[k2] += g; }
}
