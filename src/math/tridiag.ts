/**
 * Batched symmetric positive-definite tridiagonal systems (LDL^T, the Thomas algorithm without
 * pivoting, stable for SPD matrices). Used as the line preconditioner of crossbar solves:
 * every word line and every bit line is one tridiagonal block.
 *
 * A block of length L starting at offset o has diagonal d[o..o+L) and off-diagonal
 * e[o..o+L-1) (e[o+k] couples unknowns k and k+1; e[o+L-1] is ignored).
 *   A = L D L^T with L unit lower bidiagonal (l[k] below the diagonal), D = diag(dd).
 * @module math/tridiag
 */

/**
 * Factor `count` consecutive tridiagonal blocks of length `len` in place: on return dd holds D
 * and l the multipliers. d and e may alias dd and l.
 * @returns 0, or 1 + the first index whose pivot is not positive (matrix not SPD)
 */
export function tridiagFactor(count: number, len: number, d: Float64Array, e: Float64Array, dd: Float64Array, l: Float64Array, off = 0): number {
  for (let b = 0; b < count; b++) {
    const o = off + b * len;
    let piv = d[o];
    if (!(piv > 0)) return o + 1;
    dd[o] = piv;
    for (let k = 1; k < len; k++) {
      const m = e[o + k - 1] / piv;
      l[o + k - 1] = m;
      piv = d[o + k] - m * e[o + k - 1];
      if (!(piv > 0)) return o + k + 1;
      dd[o + k] = piv;
    }
  }
  return 0;
}

/** Solve the factored blocks in place: x <- A^-1 x for `count` blocks of length `len`. */
export function tridiagSolve(count: number, len: number, dd: Float64Array, l: Float64Array, x: Float64Array, off = 0): void {
  for (let b = 0; b < count; b++) {
    const o = off + b * len;
    for (let k = 1; k < len; k++) x[o + k] -= l[o + k - 1] * x[o + k - 1];
    x[o + len - 1] /= dd[o + len - 1];
    for (let k = len - 2; k >= 0; k--) x[o + k] = x[o + k] / dd[o + k] - l[o + k] * x[o + k + 1];
  }
}

/**
 * Same as tridiagSolve but with the reciprocal pivots rd = 1 / D and four blocks processed
 * side by side: the forward and backward recurrences of one block are latency-bound, so
 * interleaving independent blocks lets the CPU overlap them (about 2x on x86-64).
 */
export function tridiagSolveInterleaved(count: number, len: number, rd: Float64Array, l: Float64Array, x: Float64Array, off = 0): void {
  let b = 0;
  for (; b + 4 <= count; b += 4) {
    const o0 = off + b * len, o1 = o0 + len, o2 = o1 + len, o3 = o2 + len;
    let p0 = x[o0], p1 = x[o1], p2 = x[o2], p3 = x[o3];
    for (let k = 1; k < len; k++) {
      p0 = x[o0 + k] -= l[o0 + k - 1] * p0;
      p1 = x[o1 + k] -= l[o1 + k - 1] * p1;
      p2 = x[o2 + k] -= l[o2 + k - 1] * p2;
      p3 = x[o3 + k] -= l[o3 + k - 1] * p3;
    }
    const e = len - 1;
    p0 = x[o0 + e] *= rd[o0 + e]; p1 = x[o1 + e] *= rd[o1 + e]; p2 = x[o2 + e] *= rd[o2 + e]; p3 = x[o3 + e] *= rd[o3 + e];
    for (let k = len - 2; k >= 0; k--) {
      p0 = x[o0 + k] = x[o0 + k] * rd[o0 + k] - l[o0 + k] * p0;
      p1 = x[o1 + k] = x[o1 + k] * rd[o1 + k] - l[o1 + k] * p1;
      p2 = x[o2 + k] = x[o2 + k] * rd[o2 + k] - l[o2 + k] * p2;
      p3 = x[o3 + k] = x[o3 + k] * rd[o3 + k] - l[o3 + k] * p3;
    }
  }
  for (; b < count; b++) {
    const o = off + b * len;
    for (let k = 1; k < len; k++) x[o + k] -= l[o + k - 1] * x[o + k - 1];
    x[o + len - 1] *= rd[o + len - 1];
    for (let k = len - 2; k >= 0; k--) x[o + k] = x[o + k] * rd[o + k] - l[o + k] * x[o + k + 1];
  }
}
