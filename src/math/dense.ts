/**
 * Dense linear algebra on flat row-major Float64Arrays: LU with partial pivoting and solve.
 * Used for the small blocks of stiff integrators (one block per device) and small circuits.
 * @module math/dense
 */

/**
 * In-place LU factorisation with partial pivoting of the n x n matrix stored row-major at
 * a[off .. off + n*n). Pivot indices go to piv[pivOff .. pivOff + n).
 * @returns 0 on success, k + 1 when column k has no usable pivot (singular)
 */
export function luFactor(n: number, a: Float64Array, off: number, piv: Int32Array, pivOff: number): number {
  for (let k = 0; k < n; k++) {
    let p = k;
    let max = Math.abs(a[off + k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[off + i * n + k]);
      if (v > max) { max = v; p = i; }
    }
    piv[pivOff + k] = p;
    if (max === 0 || !Number.isFinite(max)) return k + 1;
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = a[off + k * n + j];
        a[off + k * n + j] = a[off + p * n + j];
        a[off + p * n + j] = t;
      }
    }
    const d = a[off + k * n + k];
    for (let i = k + 1; i < n; i++) {
      const f = (a[off + i * n + k] /= d);
      if (f !== 0) for (let j = k + 1; j < n; j++) a[off + i * n + j] -= f * a[off + k * n + j];
    }
  }
  return 0;
}

/**
 * Solve with a factorisation from luFactor; b is overwritten by x. b is strided:
 * element i at b[bOff + i * bStride] (struct-of-arrays state uses stride N).
 */
export function luSolve(n: number, a: Float64Array, off: number, piv: Int32Array, pivOff: number,
  b: Float64Array, bOff: number, bStride: number): void {
  for (let k = 0; k < n; k++) {
    const p = piv[pivOff + k];
    if (p !== k) {
      const t = b[bOff + k * bStride];
      b[bOff + k * bStride] = b[bOff + p * bStride];
      b[bOff + p * bStride] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    let s = b[bOff + i * bStride];
    for (let j = 0; j < i; j++) s -= a[off + i * n + j] * b[bOff + j * bStride];
    b[bOff + i * bStride] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[bOff + i * bStride];
    for (let j = i + 1; j < n; j++) s -= a[off + i * n + j] * b[bOff + j * bStride];
    b[bOff + i * bStride] = s / a[off + i * n + i];
  }
}

/** Solve the dense system A x = b (copies A; convenience for small problems, not hot loops). */
export function solveDense(n: number, A: ArrayLike<number>, b: ArrayLike<number>): Float64Array | null {
  const a = Float64Array.from(A);
  const x = Float64Array.from(b);
  const piv = new Int32Array(n);
  if (luFactor(n, a, 0, piv, 0) !== 0) return null;
  luSolve(n, a, 0, piv, 0, x, 0, 1);
  return x;
}
