/**
 * Array kernels of the crossbar nodal solver (crossbar-system.ts), one loop nest per function.
 *
 * Why separate functions: a crossbar solve runs each of these passes only a few times, over
 * millions of nodes, so V8 optimises them by on-stack replacement while they run. In a function
 * with several loops, the loops after the first have no type feedback at that moment and the
 * optimised code deoptimises when it reaches them (measured on N = 1024: 2-4x slower passes).
 * One loop nest per function keeps every pass on optimised code from its first call.
 *
 * Node order (crossbar-geometry.ts): word-line nodes row-major (cell c = i N + j is node c),
 * then bit-line nodes column by column (cell c is node nW + j M + i) when no line is collapsed
 * ("full grid"); otherwise the cell -> node maps W and B are used.
 * @module circuit/crossbar-kernels
 */

/** Tile edge of the cache-blocked transposed loops. */
export const TILE = 32;

/** v[c] = x[W(c)] - x[B(c)] on a full grid (tiled transpose). */
export function cellVoltagesGrid(M: number, N: number, nW: number, x: Float64Array, v: Float64Array): void {
  for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
    const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
    for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) v[c] = x[c] - x[b];
  }
}

/** v[c] = x[W[c]] - x[B[c]] through the node maps. */
export function cellVoltagesMapped(m: number, W: Int32Array, B: Int32Array, x: Float64Array, v: Float64Array): void {
  for (let c = 0; c < m; c++) v[c] = x[W[c]] - x[B[c]];
}

/** F[k] = gDrv[k] x[k] - gvDrv[k] (driver currents leaving each node). */
export function driverCurrents(nn: number, gDrv: Float64Array, gvDrv: Float64Array, x: Float64Array, F: Float64Array): void {
  for (let k = 0; k < nn; k++) F[k] = gDrv[k] * x[k] - gvDrv[k];
}

/** F += wire currents: segment k joins node k and k + 1 with conductance lg[k] (0 at line ends). */
export function wireCurrents(nn: number, lg: Float64Array, x: Float64Array, F: Float64Array): void {
  let prev = 0;
  for (let k = 0; k < nn - 1; k++) {
    const cur = lg[k] * (x[k] - x[k + 1]);
    F[k] += cur - prev;
    prev = cur;
  }
  F[nn - 1] -= prev;
}

/** F[W(c)] += I[c] on a full grid (word-line nodes share the cell index). */
export function cellCurrentsWord(m: number, I: Float64Array, F: Float64Array): void {
  for (let c = 0; c < m; c++) F[c] += I[c];
}

/** F[B(c)] -= I[c] on a full grid (tiled transpose). */
export function cellCurrentsBit(M: number, N: number, nW: number, I: Float64Array, F: Float64Array): void {
  for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
    const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
    for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) F[b] -= I[c];
  }
}

/** F[W[c]] += I[c]; F[B[c]] -= I[c] through the node maps. */
export function cellCurrentsMapped(m: number, W: Int32Array, B: Int32Array, I: Float64Array, F: Float64Array): void {
  for (let c = 0; c < m; c++) { F[W[c]] += I[c]; F[B[c]] -= I[c]; }
}

/** Sum of F^2 over the free nodes. */
export function freeNorm2(nn: number, fixed: Uint8Array, F: Float64Array): number {
  let s = 0;
  for (let k = 0; k < nn; k++) { const f = fixed[k] ? 0 : F[k]; s += f * f; }
  return s;
}

/** rhs = -F at free nodes, 0 at fixed ones. */
export function newtonRhs(nn: number, fixed: Uint8Array, F: Float64Array, rhs: Float64Array): void {
  for (let k = 0; k < nn; k++) rhs[k] = fixed[k] ? 0 : -F[k];
}

/** Largest |a[k]|. */
export function maxAbs(n: number, a: Float64Array): number {
  let big = 0;
  for (let k = 0; k < n; k++) { const v = Math.abs(a[k]); if (v > big) big = v; }
  return big;
}

/** y[k] = x[k] + alpha d[k] (y may be x). */
export function stepTo(n: number, x: Float64Array, alpha: number, d: Float64Array, y: Float64Array): void {
  for (let k = 0; k < n; k++) y[k] = x[k] + alpha * d[k];
}

/**
 * Line part of the Jacobian: d = driver conductance + the two adjacent segments, off[k] = -lg[k]
 * unless node k or k + 1 is fixed (then 0, so the matrix stays symmetric).
 */
export function assembleLines(nn: number, gDrv: Float64Array, lg: Float64Array, fixed: Uint8Array, d: Float64Array, off: Float64Array): void {
  let prev = 0;
  for (let k = 0; k < nn - 1; k++) {
    const g = lg[k];
    d[k] = gDrv[k] + prev + g;
    off[k] = fixed[k] | fixed[k + 1] ? 0 : -g;
    prev = g;
  }
  d[nn - 1] = gDrv[nn - 1] + prev;
  off[nn - 1] = 0;
}

/** Word-line diagonal += cell conductance; masked couplings cg (full grid, word side). */
export function assembleCellsWord(m: number, gCell: Float64Array, fixed: Uint8Array, d: Float64Array, cg: Float64Array): void {
  for (let c = 0; c < m; c++) { const g = gCell[c]; d[c] += g; cg[c] = fixed[c] ? 0 : g; }
}

/** Bit-line diagonal += cell conductance; mask cg where the bit node is fixed (full grid, tiled). */
export function assembleCellsBit(M: number, N: number, nW: number, gCell: Float64Array, fixed: Uint8Array, d: Float64Array, cg: Float64Array): void {
  for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
    const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
    for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) {
      d[b] += gCell[c];
      if (fixed[b]) cg[c] = 0;
    }
  }
}

/** Both cell sides through the node maps. */
export function assembleCellsMapped(m: number, W: Int32Array, B: Int32Array, gCell: Float64Array, fixed: Uint8Array, d: Float64Array, cg: Float64Array): void {
  for (let c = 0; c < m; c++) {
    const g = gCell[c], w = W[c], b = B[c];
    d[w] += g; d[b] += g;
    cg[c] = fixed[w] | fixed[b] ? 0 : g;
  }
}

/** Fixed nodes get a unit diagonal (their rows are the identity). */
export function unitFixedDiagonal(nn: number, fixed: Uint8Array, d: Float64Array): void {
  for (let k = 0; k < nn; k++) if (fixed[k]) d[k] = 1;
}

/** Bit-line diagonal, off-diagonal and right-hand side from column-major nodes to row-major grids. */
export function gatherBitLines(M: number, N: number, nW: number, d: Float64Array, off: Float64Array, rhs: Float64Array, dB: Float64Array, eB: Float64Array, bB: Float64Array): void {
  for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
    const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
    for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) {
      dB[c] = d[b]; eB[c] = off[b]; bB[c] = rhs[b];
    }
  }
}

/** Row-major bit-line solution back to the column-major node order. */
export function scatterBitLines(M: number, N: number, nW: number, xB: Float64Array, dx: Float64Array): void {
  for (let i0 = 0; i0 < M; i0 += TILE) for (let j0 = 0; j0 < N; j0 += TILE) {
    const i1 = Math.min(M, i0 + TILE), j1 = Math.min(N, j0 + TILE);
    for (let i = i0; i < i1; i++) for (let j = j0, c = i * N + j0, b = nW + j0 * M + i; j < j1; j++, c++, b += M) dx[b] = xB[c];
  }
}
