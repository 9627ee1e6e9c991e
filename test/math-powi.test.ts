import { test } from 'node:test';
import assert from 'node:assert/strict';
import { powi } from '../src/math/powi.js';
import { Rng } from '../src/rng/rng.js';

test('powi: integer powers within (q - 1) units of round-off of Math.pow, exact at special values', () => {
  const rng = new Rng(3);
  const u = 2 ** -53;
  let worst = 0;
  for (let k = 0; k < 20000; k++) {
    const x = 2 * rng.next() - 1, q = k % 65;
    const a = powi(x, q), b = Math.pow(x, q);
    if (b === 0) { assert.equal(a, b); continue; }
    if (Math.abs(b) < 1e-290) continue; // subnormal range: absolute error below 1e-300
    const rel = Math.abs(a - b) / Math.abs(b);
    // powi's bound (q - 1) u plus Math.pow's own ~1 u
    assert.ok(rel <= (Math.max(q - 1, 0) + 1) * u, `x = ${x}, q = ${q}: ${a} vs ${b} (rel ${rel})`);
    worst = Math.max(worst, rel / u);
  }
  assert.ok(worst > 0, 'some powers differ in the last place (the comparison is not vacuous)');
  // exact cases: small integers, signed zeros, infinities, NaN, the non-integer fallback
  assert.equal(powi(-2, 3), -8);
  assert.equal(powi(3, 4), 81);
  assert.ok(Object.is(powi(-0, 3), -0) && Object.is(powi(-0, 4), 0));
  assert.equal(powi(NaN, 0), 1);
  assert.equal(powi(-Infinity, 3), -Infinity);
  assert.ok(Number.isNaN(powi(NaN, 4)));
  assert.equal(powi(1.5, 4.5), Math.pow(1.5, 4.5));
  assert.equal(powi(2, 65), Math.pow(2, 65));
  assert.equal(powi(2, -2), 0.25);
});
