import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeStencil, addFace, applyStencil, applyStencilDot, type Stencil5 } from '../../src/physics/linear/stencil.js';
import { KrylovWork, pcg } from '../../src/physics/linear/krylov.js';

/**
 * Unit-voltage potential of a film with a filament: conductivity 1e6 times higher in a vertical
 * channel (the contrast of the continuum SET), electrodes as Dirichlet half-cells at z = 0 (0 V)
 * and at the top (1 V), as in continuum/conduction.ts.
 */
function filamentLaplace(nx: number, nz: number): { A: Stencil5; b: Float64Array } {
  const A = makeStencil(nx, nz), b = new Float64Array(nx * nz);
  const sig = (i: number, j: number) => (Math.abs(i - nx / 2) < nx / 10 && j > nz / 8 ? 1e6 : 1);
  for (let j = 0; j < nz; j++) for (let i = 0; i < nx; i++) {
    const k = j * nx + i;
    if (i < nx - 1) addFace(A, k, k + 1, 2 / (1 / sig(i, j) + 1 / sig(i + 1, j)), 'x');
    if (j < nz - 1) addFace(A, k, k + nx, 2 / (1 / sig(i, j) + 1 / sig(i, j + 1)), 'z');
  }
  for (let i = 0; i < nx; i++) {
    A.c[i] += 2 * sig(i, 0);
    const kt = (nz - 1) * nx + i;
    A.c[kt] += 2 * sig(i, nz - 1); b[kt] += 2 * sig(i, nz - 1);
  }
  return { A, b };
}

function relResidual(A: Stencil5, b: Float64Array, x: Float64Array): number {
  const q = new Float64Array(b.length);
  applyStencil(A, x, q);
  let rr = 0, bb = 0;
  for (let k = 0; k < b.length; k++) { rr += (b[k] - q[k]) ** 2; bb += b[k] ** 2; }
  return Math.sqrt(rr / bb);
}

test('modified ILU(0) PCG reaches the same potential as ILU(0) PCG in fewer iterations on a filament (60 x 60)', () => {
  const { A, b } = filamentLaplace(60, 60);
  const out: Array<{ it: number; x: Float64Array }> = [];
  for (const relax of [0, 0.97]) {
    const W = new KrylovWork(60, 60, 'ilu');
    W.relax = relax;
    const x = new Float64Array(b.length);
    const r = pcg(A, b, x, W, 1e-10, 4000);
    assert.equal(r.status, 'ok');
    // the reported residual is the true one
    assert.ok(relResidual(A, b, x) <= 1.01e-10, `relax ${relax}: residual ${relResidual(A, b, x)}`);
    out.push({ it: r.iterations, x });
  }
  let d = 0;
  for (let k = 0; k < b.length; k++) d = Math.max(d, Math.abs(out[0].x[k] - out[1].x[k]));
  assert.ok(d < 1e-6, `potentials differ by ${d} V`);
  // MIC(0) conditioning O(h^-1) against O(h^-2) for IC(0): on 60 x 60 well under 3/4 of the iterations
  assert.ok(out[1].it < 0.75 * out[0].it, `iterations ILU ${out[0].it}, MILU ${out[1].it}`);
});

test('ILU(0) is exact for a single row or column (tridiagonal): PCG converges in one iteration', () => {
  for (const [nx, nz] of [[1, 17], [17, 1]]) {
    const A = makeStencil(nx, nz), b = new Float64Array(nx * nz);
    for (let k = 0; k + 1 < nx * nz; k++) addFace(A, k, k + 1, 1 + k % 3, nx > 1 ? 'x' : 'z');
    A.c[0] += 1; b[nx * nz - 1] = 1; A.c[nx * nz - 1] += 1;
    for (const relax of [0, 0.97]) {
      const W = new KrylovWork(nx, nz, 'ilu');
      W.relax = relax;
      const x = new Float64Array(nx * nz);
      const r = pcg(A, b, x, W, 1e-12, 50);
      assert.equal(r.status, 'ok');
      assert.equal(r.iterations, 1, `${nx} x ${nz}, relax ${relax}: ${r.iterations} iterations`);
    }
  }
});

test('applyStencilDot equals applyStencil and the dot product on every grid shape', () => {
  for (const [nx, nz] of [[1, 1], [1, 4], [4, 1], [2, 2], [5, 3], [3, 7]]) {
    const A = makeStencil(nx, nz), m = nx * nz;
    for (let k = 0; k < m; k++) {
      A.c[k] = 3 + k;
      if (k % nx < nx - 1) { A.e[k] = 0.5 + k / 7; A.w[k + 1] = 0.25 + k / 11; }
      if (k + nx < m) { A.n[k] = 0.3 + k / 5; A.s[k + nx] = 0.2 + k / 13; }
    }
    const x = Float64Array.from({ length: m }, (_, k) => Math.sin(k + 1)), y1 = new Float64Array(m), y2 = new Float64Array(m);
    applyStencil(A, x, y1);
    const d = applyStencilDot(A, x, y2);
    let d1 = 0;
    for (let k = 0; k < m; k++) { assert.equal(y2[k], y1[k], `${nx} x ${nz} row ${k}`); d1 += x[k] * y1[k]; }
    assert.ok(Math.abs(d - d1) <= 1e-12 * Math.abs(d1), `${nx} x ${nz}: ${d} vs ${d1}`);
  }
});
