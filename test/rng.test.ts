import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../src/rng/index.js';
import { mean, std } from '../src/math/stats.js';

test('same seed, same numbers; different seeds differ', () => {
  const a = new Rng(7), b = new Rng(7), c = new Rng(8);
  const xa = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(xa, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(xa, Array.from({ length: 5 }, () => c.next()));
});

test('named sub-streams are independent of the order they are made in', () => {
  const r1 = new Rng(3), r2 = new Rng(3);
  const v1 = r1.stream('variability'); r1.stream('kmc');
  r2.stream('kmc'); const v2 = r2.stream('variability');
  assert.equal(v1.next(), v2.next());
  assert.notEqual(new Rng(3).stream('a').next(), new Rng(3).stream('b').next());
});

test('distribution moments (n = 200000; tolerances are 5 standard errors)', () => {
  const r = new Rng(11);
  const n = 200000;
  const u = Array.from({ length: n }, () => r.next());
  assert.ok(Math.abs(mean(u) - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  const z = Array.from({ length: n }, () => r.normal(2, 3));
  assert.ok(Math.abs(mean(z) - 2) < 5 * 3 / Math.sqrt(n));
  assert.ok(Math.abs(std(z) - 3) < 5 * 3 / Math.sqrt(2 * n));
  const l = Array.from({ length: n }, () => Math.log(r.lognormal(5, 0.2)));
  assert.ok(Math.abs(mean(l) - Math.log(5)) < 5 * 0.2 / Math.sqrt(n));
  const e = Array.from({ length: n }, () => r.exponential(4));
  assert.ok(Math.abs(mean(e) - 0.25) < 5 * 0.25 / Math.sqrt(n));
  for (const x of u) assert.ok(x >= 0 && x < 1);
});
