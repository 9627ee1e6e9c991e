import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrossbarSystem } from '../src/circuit/crossbar-system.js';
import { ConductanceElement } from '../src/circuit/crossbar-cells.js';
import { buildCells } from '../src/circuit/crossbar-build.js';
import { readCell, readMargin } from '../src/circuit/crossbar-read.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { Rng } from '../src/rng/rng.js';

test('zero wire resistance: read outputs hit the analytic worst-case bounds of models.md 11.2', () => {
  const m = 12, n = 7, ron = 1e3, k = 50, rs = 2; // R_off = k R_on, R_s = rs R_on
  const g = new Float64Array(m * n);
  const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 0, rBit: 0 }, new ConductanceElement(g), {});
  const out = (sel: number, others: number): number => {
    g.fill(1 / others); g[0] = 1 / sel;
    return readCell(sys, { row: 0, col: 0, vRead: 1, scheme: 'ground', rSense: rs * ron }).vOut;
  };
  const lrsLo = 1 / (1 / rs + m), lrsHi = k / (k / rs + (m - 1) + k);
  const hrsLo = 1 / (k / rs + k * (m - 1) + 1), hrsHi = 1 / (k / rs + m);
  // closed forms of a linear circuit: agreement to a few ulps of the O(1) output
  const tol = 1e-13;
  assert.ok(Math.abs(out(ron, ron) - lrsLo) < tol, `LRS on LRS ${out(ron, ron)} vs ${lrsLo}`);
  assert.ok(Math.abs(out(ron, k * ron) - lrsHi) < tol);
  assert.ok(Math.abs(out(k * ron, ron) - hrsLo) < tol);
  assert.ok(Math.abs(out(k * ron, k * ron) - hrsHi) < tol);
  // any background pattern stays inside the bounds
  const r = new Rng(9);
  for (let trial = 0; trial < 20; trial++) {
    const selL = trial % 2 === 0;
    for (let c = 0; c < m * n; c++) g[c] = r.next() < 0.5 ? 1 / ron : 1 / (k * ron);
    g[0] = selL ? 1 / ron : 1 / (k * ron);
    const v = readCell(sys, { row: 0, col: 0, vRead: 1, scheme: 'ground', rSense: rs * ron }).vOut;
    if (selL) assert.ok(v >= lrsLo - tol && v <= lrsHi + tol, `LRS read ${v} outside [${lrsLo}, ${lrsHi}]`);
    else assert.ok(v >= hrsLo - tol && v <= hrsHi + tol, `HRS read ${v} outside [${hrsLo}, ${hrsHi}]`);
  }
});

test('sneak current is explicit: V/2 read of an all-LRS column equals the half-selected cells current', () => {
  const m = 5, n = 5, G = 1e-4;
  const sys = new CrossbarSystem({ rows: m, cols: n, rWord: 0, rBit: 0 }, new ConductanceElement(new Float64Array(m * n).fill(G)), {});
  const r = readCell(sys, { row: 2, col: 3, vRead: 1, scheme: 'v2', rSense: 0 });
  // virtual-ground sense: the selected cell sees V, the (m - 1) half-selected cells of the column V/2
  assert.ok(Math.abs(r.iCell - G) < 1e-18);
  assert.ok(Math.abs(r.iSneak - (m - 1) * G / 2) < 1e-18, `sneak ${r.iSneak}`);
  assert.ok(Math.abs(r.sneakFraction - 2 / 3) < 1e-14);
});

test('1S1R read margin exceeds 1R at the same size (V/2 and V/3, 1 Ohm wires)', () => {
  const dev = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  for (const scheme of ['v2', 'v3'] as const) {
    for (const n of [8, 16]) {
      const res: Record<string, number> = {};
      for (const type of ['1r', '1s1r'] as const) {
        const cells = buildCells({ type, device: dev }, n, n);
        const sys = new CrossbarSystem({ rows: n, cols: n, rWord: 1, rBit: 1 }, cells.cell, {});
        const r = readMargin(sys, cells, { vRead: 1, scheme, rSense: 1e4 });
        assert.equal(r.status, 'ok');
        res[type] = r.margin;
      }
      assert.ok(res['1s1r'] > res['1r'], `${scheme} ${n}x${n}: 1S1R ${res['1s1r']} vs 1R ${res['1r']}`);
    }
  }
  // and the margin shrinks with size (more half-selected leakage on the sensed line)
  const m8 = readMarginOf(8), m32 = readMarginOf(32);
  assert.ok(m32 < m8, `margin 8x8 ${m8}, 32x32 ${m32}`);
  function readMarginOf(n: number): number {
    const cells = buildCells({ type: '1r', device: dev }, n, n);
    const sys = new CrossbarSystem({ rows: n, cols: n, rWord: 1, rBit: 1 }, cells.cell, {});
    return readMargin(sys, cells, { vRead: 1, scheme: 'v2', rSense: 1e4 }).margin;
  }
});
