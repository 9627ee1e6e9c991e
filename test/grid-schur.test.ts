import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GridSchur } from '../src/math/grid-schur.js';
import { solveDense } from '../src/math/dense.js';
import { Rng } from '../src/rng/rng.js';

/** A random SPD two-line-family system (weakly diagonally dominant lines plus couplings). */
function randomSystem(M: number, N: number, seed: number) {
  const r = new Rng(seed), n = M * N;
  const dW = new Float64Array(n), eW = new Float64Array(n), dB = new Float64Array(n), eB = new Float64Array(n), g = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    g[c] = r.uniform(0.01, 1);
    eW[c] = (c % N) === N - 1 ? 0 : -r.uniform(0.5, 5);
    eB[c] = c >= (M - 1) * N ? 0 : -r.uniform(0.5, 5);
  }
  // diagonal = sum of |couplings| + g (+ a little more on some nodes, like drivers)
  for (let c = 0; c < n; c++) {
    dW[c] = g[c] - eW[c] - ((c % N) > 0 ? eW[c - 1] : 0) + (c % 7 === 0 ? r.uniform(0, 2) : 0);
    dB[c] = g[c] - eB[c] - (c >= N ? eB[c - N] : 0) + (c % 5 === 0 ? r.uniform(0, 2) : 0);
  }
  const bW = new Float64Array(n), bB = new Float64Array(n);
  for (let c = 0; c < n; c++) { bW[c] = r.uniform(-1, 1); bB[c] = r.uniform(-1, 1); }
  return { n, dW, eW, dB, eB, g, bW, bB };
}

function dense(M: number, N: number, s: ReturnType<typeof randomSystem>): Float64Array {
  const nn = 2 * s.n, A = new Float64Array(nn * nn), b = new Float64Array(nn);
  for (let c = 0; c < s.n; c++) {
    A[c * nn + c] = s.dW[c]; A[(s.n + c) * nn + s.n + c] = s.dB[c];
    if ((c % N) < N - 1) { A[c * nn + c + 1] = s.eW[c]; A[(c + 1) * nn + c] = s.eW[c]; }
    if (c < (M - 1) * N) { const p = s.n + c, q = s.n + c + N; A[p * nn + q] = s.eB[c]; A[q * nn + p] = s.eB[c]; }
    A[c * nn + s.n + c] = -s.g[c]; A[(s.n + c) * nn + c] = -s.g[c];
    b[c] = s.bW[c]; b[s.n + c] = s.bB[c];
  }
  return solveDense(nn, A, b)!;
}

test('grid Schur CG solves the two-line-family system like a dense solve (square, wide, tall, single row / column)', () => {
  for (const [M, N] of [[6, 6], [3, 11], [12, 4], [1, 9], [8, 1]]) {
    const s = randomSystem(M, N, 10 * M + N), ref = dense(M, N, s);
    const gs = new GridSchur(M, N), bi = gs.bitLineInput();
    bi.d.set(s.dB); bi.e.set(s.eB);
    assert.equal(gs.factor(s.dW, s.eW, bi.d, bi.e, s.g), 0);
    const xW = new Float64Array(s.n), xB = new Float64Array(s.n);
    const r = gs.solve(s.bW, s.bB, xW, xB, 1e-14, 1000);
    assert.equal(r.status, 'ok');
    let worst = 0, scale = 0;
    for (let c = 0; c < s.n; c++) {
      worst = Math.max(worst, Math.abs(xW[c] - ref[c]), Math.abs(xB[c] - ref[s.n + c]));
      scale = Math.max(scale, Math.abs(ref[c]), Math.abs(ref[s.n + c]));
    }
    // well-conditioned (diagonally dominant) systems: agreement at 1e-11 of the solution scale
    assert.ok(worst < 1e-11 * scale, `${M} x ${N}: max error ${worst} (scale ${scale})`);
    // the unconditioned-by-design CG must still converge in at most n steps (exact arithmetic)
    assert.ok(r.iterations <= s.n, `${M} x ${N}: ${r.iterations} iterations`);
  }
});

test('grid Schur factorisation reports a non-positive pivot instead of returning NaN', () => {
  const s = randomSystem(4, 5, 3);
  s.dB[7] = -1;
  const gs = new GridSchur(4, 5), bi = gs.bitLineInput();
  bi.d.set(s.dB); bi.e.set(s.eB);
  const k = gs.factor(s.dW, s.eW, bi.d, bi.e, s.g);
  assert.ok(k > s.n, `factor returned ${k}: expected a bit-line index (> ${s.n})`);
});
