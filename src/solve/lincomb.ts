/**
 * Fused linear combinations for the explicit Runge-Kutta stages:
 *
 *   out_i = y_i + c_0 k_0,i + c_1 k_1,i + ... + c_(m-1) k_(m-1),i    (y given)
 *   out_i =       c_0 k_0,i + c_1 k_1,i + ... + c_(m-1) k_(m-1),i    (y null)
 *
 * summed left to right, i.e. with exactly the roundings of the running sum
 * out = y + c_0 k_0; out += c_1 k_1; ... that it replaces, bit for bit, but in one pass over
 * the unknowns instead of m (one read of each operand, one write of out). Up to 7 terms are
 * unrolled; longer combinations fall back to the running sum.
 * @module solve/lincomb
 */

/**
 * out[0 .. n) = (y ? y : 0) + sum_j c[j] k[j] for j = 0 .. m-1, left to right (see module doc).
 * out must not alias any k[j] (it may alias y).
 */
export function combine(out: Float64Array, y: Float64Array | null, k: readonly Float64Array[], c: Float64Array, m: number, n: number): void {
  if (y === null) { combineNoY(out, k, c, m, n); return; }
  const k0 = k[0], c0 = c[0];
  switch (m) {
    case 1: for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i]; return;
    case 2: { const k1 = k[1], c1 = c[1]; for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i]; return; }
    case 3: {
      const k1 = k[1], k2 = k[2], c1 = c[1], c2 = c[2];
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i] + c2 * k2[i];
      return;
    }
    case 4: {
      const k1 = k[1], k2 = k[2], k3 = k[3], c1 = c[1], c2 = c[2], c3 = c[3];
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i];
      return;
    }
    case 5: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4];
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i];
      return;
    }
    case 6: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i] + c5 * k5[i];
      return;
    }
    case 7: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], k6 = k[6];
      const c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6];
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i] + c5 * k5[i] + c6 * k6[i];
      return;
    }
    default:
      for (let i = 0; i < n; i++) out[i] = y[i] + c0 * k0[i];
      for (let j = 1; j < m; j++) { const kj = k[j], cj = c[j]; for (let i = 0; i < n; i++) out[i] += cj * kj[i]; }
  }
}

function combineNoY(out: Float64Array, k: readonly Float64Array[], c: Float64Array, m: number, n: number): void {
  const k0 = k[0], c0 = c[0];
  switch (m) {
    case 1: for (let i = 0; i < n; i++) out[i] = c0 * k0[i]; return;
    case 2: { const k1 = k[1], c1 = c[1]; for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i]; return; }
    case 3: {
      const k1 = k[1], k2 = k[2], c1 = c[1], c2 = c[2];
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i];
      return;
    }
    case 4: {
      const k1 = k[1], k2 = k[2], k3 = k[3], c1 = c[1], c2 = c[2], c3 = c[3];
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i];
      return;
    }
    case 5: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4];
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i];
      return;
    }
    case 6: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i] + c5 * k5[i];
      return;
    }
    case 7: {
      const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], k6 = k[6];
      const c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6];
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i] + c1 * k1[i] + c2 * k2[i] + c3 * k3[i] + c4 * k4[i] + c5 * k5[i] + c6 * k6[i];
      return;
    }
    default:
      for (let i = 0; i < n; i++) out[i] = c0 * k0[i];
      for (let j = 1; j < m; j++) { const kj = k[j], cj = c[j]; for (let i = 0; i < n; i++) out[i] += cj * kj[i]; }
  }
}
