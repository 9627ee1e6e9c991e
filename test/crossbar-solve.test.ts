import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrossbarSystem } from '../src/circuit/crossbar-system.js';
import { ConductanceElement } from '../src/circuit/crossbar-cells.js';
import { CrossbarDrive } from '../src/circuit/crossbar-geometry.js';
import { buildCells } from '../src/circuit/crossbar-build.js';
import { solveDense } from '../src/math/dense.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { Rng } from '../src/rng/rng.js';

/** Random linear problem: conductances U[1 uS, 100 uS]. */
function randomG(m: number, n: number, seed: number): Float64Array {
  const r = new Rng(seed), g = new Float64Array(m * n);
  for (let k = 0; k < g.length; k++) g[k] = r.uniform(1e-6, 1e-4);
  return g;
}

/**
 * Independent dense nodal solve: node (i, j, line) numbered directly, every branch stamped,
 * each driver a Norton source (finite R) — no ideal sources, so no elimination is involved.
 */
function denseSolve(m: number, n: number, g: Float64Array, rw: number, rb: number, drv: CrossbarDrive): Float64Array {
  const W = (i: number, j: number): number => i * n + j, B = (i: number, j: number): number => m * n + j * m + i;
  const nn = 2 * m * n, A = new Float64Array(nn * nn), b = new Float64Array(nn);
  const br = (p: number, q: number, c: number): void => { A[p * nn + p] += c; A[q * nn + q] += c; A[p * nn + q] -= c; A[q * nn + p] -= c; };
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    br(W(i, j), B(i, j), g[i * n + j]);
    if (j + 1 < n) br(W(i, j), W(i, j + 1), 1 / rw);
    if (i + 1 < m) br(B(i, j), B(i + 1, j), 1 / rb);
  }
  const src = (k: number, c: number, v: number): void => { if (c > 0) { A[k * nn + k] += c; b[k] += c * v; } };
  for (let i = 0; i < m; i++) { src(W(i, 0), drv.wlG[2 * i], drv.wlV[2 * i]); src(W(i, n - 1), drv.wlG[2 * i + 1], drv.wlV[2 * i + 1]); }
  for (let j = 0; j < n; j++) { src(B(0, j), drv.blG[2 * j], drv.blV[2 * j]); src(B(m - 1, j), drv.blG[2 * j + 1], drv.blV[2 * j + 1]); }
  return solveDense(nn, A, b)!;
}

test('linear crossbar: CG (line, block-SGS, Schur complement) and banded Cholesky agree with a dense direct solve', () => {
  const m = 6, n = 9, g = randomG(m, n, 1);
  const d = new CrossbarDrive(m, n);
  const r = new Rng(2);
  // drivers at either or both ends with finite resistances, one line floating at one end
  for (let i = 0; i < m; i++) { d.word(i, 0, r.uniform(0, 0.3), 50); if (i % 2) d.word(i, 1, r.uniform(0, 0.3), 20); }
  for (let j = 0; j < n; j++) { d.bit(j, 1, 0, 10); if (j % 3 === 0) d.bit(j, 0, 0.05, 100); }
  const ref = denseSolve(m, n, g, 2.5, 1.5, d);
  for (const linear of ['cg-line', 'cg-sgs', 'cg-schur', 'banded'] as const) {
    const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 2.5, rBit: 1.5 }, new ConductanceElement(g), { linear, rtol: 1e-14 });
    sys.setDrive(d);
    const res = sys.solve();
    assert.equal(res.status, 'ok', res.message);
    let worst = 0;
    for (let k = 0; k < ref.length; k++) worst = Math.max(worst, Math.abs(sys.x[k] - ref[k]));
    // dense LU and the sparse solvers differ by round-off amplified by the condition number
    // (wires 0.4-0.7 S against 1e-6 S cells: about 1e6), so 1e-9 V on 0.3 V signals
    assert.ok(worst < 1e-9, `${linear}: max |dV| ${worst} V`);
  }
});

test('KCL holds at every free node and the power balance closes (nonlinear 1S1R, ideal sources)', () => {
  const m = 8, n = 8;
  const dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  for (const linear of ['banded', 'cg-line', 'cg-schur'] as const) {
    const cells = buildCells({ type: '1s1r', device: dev }, m, n, new Rng(3));
    cells.memory.x.fill(0.5);
    const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 2, rBit: 2 }, cells.cell, { linear, rtol: 1e-13 });
    const d = new CrossbarDrive(m, n);
    for (let i = 0; i < m; i++) d.word(i, 0, i === 3 ? 1.2 : 0.6);
    for (let j = 0; j < n; j++) d.bit(j, 1, j === 5 ? 0 : 0.6, j === 5 ? 100 : 0);
    sys.setDrive(d);
    const res = sys.solve();
    assert.equal(res.status, 'ok', res.message);
    // kclError is relative to the round-off scale of each node's sum; Newton converges
    // quadratically, so after its last step the residual is at floating-point level. 1e-12
    // (about 5000 ulps) leaves room for the series cells' internal-node tolerance (1e-12
    // relative); a Newton or CG tolerance problem shows up as 1e-9 or worse.
    const kcl = sys.kclError();
    assert.ok(kcl < 1e-12, `${linear}: KCL residual ${kcl}`);
    const p = sys.power();
    const lost = p.cells + p.wires + p.drivers;
    assert.ok(Math.abs(p.sources - lost) <= 1e-9 * p.sources, `${linear}: sources ${p.sources} W, dissipated ${lost} W`);
  }
});

test('warm start: a second solve of the same drive takes one Newton step', () => {
  const m = 16, n = 16;
  const dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  const cells = buildCells({ type: '1s1r', device: dev }, m, n);
  const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 1, rBit: 1 }, cells.cell, {});
  const d = new CrossbarDrive(m, n);
  for (let i = 0; i < m; i++) d.word(i, 0, 1);
  for (let j = 0; j < n; j++) d.bit(j, 1, 0);
  sys.setDrive(d);
  const a = sys.solve();
  assert.equal(a.status, 'ok');
  assert.ok(a.newton > 2);
  const b = sys.solve();
  assert.equal(b.status, 'ok');
  assert.ok(b.newton <= 1, `warm restart took ${b.newton} Newton steps`);
});

test('cg-schur needs fewer CG iterations than the line preconditioner and gives the same voltages (64 x 48, 1 Ohm wires)', () => {
  const m = 64, n = 48, g = randomG(m, n, 7), r = new Rng(8);
  const d = new CrossbarDrive(m, n);
  for (let i = 0; i < m; i++) d.word(i, 0, r.uniform(0, 0.2));
  for (let j = 0; j < n; j++) d.bit(j, 1, 0);
  const run = (linear: 'cg-line' | 'cg-schur') => {
    const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 1, rBit: 1 }, new ConductanceElement(g), { linear, rtol: 1e-12 });
    sys.setDrive(d);
    const res = sys.solve();
    assert.equal(res.status, 'ok', res.message);
    assert.equal(res.linear, linear);
    return { x: sys.x, it: res.cgIterations };
  };
  const a = run('cg-line'), b = run('cg-schur');
  let worst = 0;
  for (let k = 0; k < a.x.length; k++) worst = Math.max(worst, Math.abs(a.x[k] - b.x[k]));
  // both stop at a relative residual of 1e-12 on a system of condition ~1e6: 1e-9 V apart at most
  assert.ok(worst < 1e-9, `max |dV| ${worst} V`);
  // theory (Saad 2003, 8.3): kappa(A_W^-1 S) = 1 / (1 - rho^2) vs (1 + rho) / (1 - rho) for the
  // line preconditioner, so about half the iterations; require strictly fewer than 3/4
  assert.ok(b.it < 0.75 * a.it, `cg-schur ${b.it} iterations vs cg-line ${a.it}`);
});

test('auto picks cg-schur for large full grids and cg-sgs when a line collapses (zero wire resistance)', () => {
  const g = randomG(200, 200, 3);
  const a = new CrossbarSystem({ rows: 200, cols: 200, rWord: 1, rBit: 1 }, new ConductanceElement(g), {});
  assert.equal(a.linearMethod(), 'cg-schur');
  const b = new CrossbarSystem({ rows: 200, cols: 200, rWord: 0, rBit: 1 }, new ConductanceElement(g), { linear: 'cg-schur' });
  assert.equal(b.linearMethod(), 'cg-sgs');
});

test('series cell: the internal node of a steep selector + memory converges in a few Newton steps to KCL', async () => {
  const { SeriesCell, SinhSelector } = await import('../src/circuit/crossbar-cells.js');
  const n = 41, v = new Float64Array(n), i = new Float64Array(n), g = new Float64Array(n);
  for (let k = 0; k < n; k++) v[k] = -2 + 0.1 * k;
  const mem = new ConductanceElement(new Float64Array(n).fill(1e-4));
  const cell = new SeriesCell(new SinhSelector(n, 1e-6, 0.05), mem);
  cell.eval(v, i, g);
  // a plain Newton creeps down the selector's exponential by ~Vs = 50 mV per step (~40 steps
  // over 2 V); on the compressed residual it needs about ten from a cold start
  assert.ok(cell.lastIterations <= 15, `internal node took ${cell.lastIterations} iterations`);
  for (let k = 0; k < n; k++) {
    const u = cell.u[k], iTop = 1e-6 * Math.sinh((v[k] - u) / 0.05), iMem = 1e-4 * u;
    // both branch currents agree to round-off of the node tolerance (1e-12 V relative)
    assert.ok(Math.abs(iTop - iMem) <= 1e-9 * Math.abs(iMem) + 1e-18, `v = ${v[k]}: ${iTop} vs ${iMem}`);
  }
});
