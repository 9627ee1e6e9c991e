/**
 * Banded Cholesky factorisation A = L L^T of a symmetric positive-definite matrix with half
 * bandwidth w (A[i][j] = 0 for |i - j| > w). Storage: lower band, row-major, row i holds
 * A[i][i-w .. i] at band[i * (w + 1) + (j - i + w)]. Cost n w^2 flops, memory n (w + 1):
 * the direct option for small crossbars (w = 2 min(M, N) in the interleaved node order).
 * @module math/banded
 */

/** Index of A[i][j] (j <= i, i - j <= w) in the band storage. */
export function bandIndex(w: number, i: number, j: number): number { return i * (w + 1) + (j - i + w); }

/**
 * Factor in place (the band then holds L). With `from` > 0, rows below `from` must already hold
 * the factor of a matrix whose leading `from` rows equal this one's (row i of L depends only on
 * rows 0..i of A): an update that changes rows >= from refactors only those.
 * @returns 0, or 1 + the row whose pivot is not positive (matrix not SPD)
 */
export function bandCholesky(n: number, w: number, band: Float64Array, from = 0): number {
  const W = w + 1;
  for (let i = from > 0 ? from : 0; i < n; i++) {
    const j0 = i - w > 0 ? i - w : 0;
    for (let j = j0; j <= i; j++) {
      // s = A[i][j] - sum_{k = max(j0, j - w)}^{j-1} L[i][k] L[j][k]
      const k0 = j - w > j0 ? j - w : j0;
      let s = band[i * W + (j - i + w)];
      const ri = i * W - i + w, rj = j * W - j + w;
      for (let k = k0; k < j; k++) s -= band[ri + k] * band[rj + k];
      if (j === i) {
        if (!(s > 0)) return i + 1;
        band[i * W + w] = Math.sqrt(s);
      } else band[i * W + (j - i + w)] = s / band[j * W + w];
    }
  }
  return 0;
}

/** Solve L L^T x = b in place on x with a factor from bandCholesky. */
export function bandSolve(n: number, w: number, band: Float64Array, x: Float64Array): void {
  const W = w + 1;
  for (let i = 0; i < n; i++) {
    const j0 = i - w > 0 ? i - w : 0;
    const ri = i * W - i + w;
    let s = x[i];
    for (let k = j0; k < i; k++) s -= band[ri + k] * x[k];
    x[i] = s / band[i * W + w];
  }
  for (let i = n - 1; i >= 0; i--) {
    x[i] /= band[i * W + w];
    const xi = x[i];
    const j0 = i - w > 0 ? i - w : 0;
    const ri = i * W - i + w;
    for (let k = j0; k < i; k++) x[k] -= band[ri + k] * xi;
  }
}
