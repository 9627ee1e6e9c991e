import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runVmm, randomVmmProblem, quantize } from '../src/circuit/crossbar-vmm.js';
import { Rng } from '../src/rng/rng.js';

const base = { vRead: 0.2, gMin: 1e-6, gMax: 1e-4 };

test('zero wire resistance, ideal converters: the VMM equals W^T x to floating-point precision', () => {
  const n = 24, m = 17, batch = 4;
  const { w, x } = randomVmmProblem(m, n, batch, new Rng(1));
  for (const differential of [true, false]) {
    const ww = differential ? w : w.map((v) => Math.abs(v));
    const r = runVmm(ww, m, n, x, batch, { ...base, rWire: 0, differential });
    assert.equal(r.status, 'ok');
    // sums of m products of O(1) numbers and one division: a few hundred ulps at most
    assert.ok(r.relError < 1e-13, `differential=${differential}: relative error ${r.relError}`);
  }
});

test('VMM error grows with array size and with wire resistance, most at the far columns', () => {
  const err = (n: number, rw: number): { e: number; col: Float64Array } => {
    const { w, x } = randomVmmProblem(n, n, 6, new Rng(2).stream(`p${n}`));
    const r = runVmm(w, n, n, x, 6, { ...base, rWire: rw });
    assert.equal(r.status, 'ok');
    return { e: r.relError, col: r.columnError };
  };
  const bySize = [8, 16, 32, 64].map((n) => err(n, 1).e);
  for (let k = 1; k < bySize.length; k++) assert.ok(bySize[k] > bySize[k - 1], `size: ${bySize.join(', ')}`);
  const byWire = [0.1, 0.3, 1, 3].map((rw) => err(32, rw).e);
  for (let k = 1; k < byWire.length; k++) assert.ok(byWire[k] > byWire[k - 1], `wire: ${byWire.join(', ')}`);
  // word lines are driven at column 0: the last quarter of the columns sees more IR drop
  const col = err(64, 1).col;
  let near = 0, far = 0;
  for (let j = 0; j < 16; j++) { near += col[j]; far += col[63 - j]; }
  assert.ok(far > 2 * near, `near ${near} far ${far}`);
});

test('DAC/ADC quantisation: ENOB of an ideal array tracks the converter bits', () => {
  assert.equal(quantize(1, 3), 1);
  assert.equal(quantize(-1, 3), -1);
  const n = 16, { w, x } = randomVmmProblem(n, n, 32, new Rng(3));
  const e4 = runVmm(w, n, n, x, 32, { ...base, rWire: 0, adcBits: 4 }).enob;
  const e8 = runVmm(w, n, n, x, 32, { ...base, rWire: 0, adcBits: 8 }).enob;
  // uniform quantisation error of a full-scale-calibrated ADC: ENOB within about 1.5 bits of the
  // nominal (signals do not fill the range uniformly), and 4 more bits give about 4 more ENOB
  assert.ok(e4 > 2.5 && e4 < 5.5, `4-bit ENOB ${e4}`);
  assert.ok(e8 - e4 > 3 && e8 - e4 < 5, `8-bit ${e8} vs 4-bit ${e4}`);
});
