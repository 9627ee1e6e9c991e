import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitStretched, runSegments, sampleAt } from './syn-helpers.js';

const T_RET = 1000; // s of retention after the stimulus
/** Stretched-exponential fit of the read conductance after K pulses (1.3 V / 1 ms at `rate`). */
function retention(K: number, rate = 10) {
  const { r, starts } = runSegments('wox-chang2011', [
    { type: 'pulse-train', amplitude: 1.3, width: 1e-3, frequency: rate, count: K },
    { type: 'dc', level: 0, duration: T_RET },
  ], { every: 'step' });
  assert.equal(r.status, 'ok', r.message);
  const t0 = starts[1];
  const ts: number[] = [];
  for (let k = 0; k <= 60; k++) ts.push(0.1 * Math.pow(T_RET / 0.1, k / 60)); // log-spaced, 0.1 s .. 1000 s
  const y = sampleAt(r.columns.t, r.columns.g, ts.map((x) => x + t0));
  return { fit: fitStretched(ts, y), g0: y[0], gEnd: y[y.length - 1], gRest: r.columns.g[0] };
}

test('wox-chang2011: retention is stretched-exponential, tau grows with pulse count (STM -> LTM), 0 < beta <= 1', () => {
  const Ks = [5, 10, 20, 40];
  const fits = Ks.map((K) => retention(K));
  for (const [k, f] of fits.entries()) {
    // the fit must describe the decay (a sum of three exponentials): R^2 > 0.98
    assert.ok(f.fit.r2 > 0.98, `K=${Ks[k]}: R^2 ${f.fit.r2}`);
    // measurements.md A1 (b): 0 < beta < 1 (distribution of relaxation times)
    assert.ok(f.fit.beta > 0 && f.fit.beta <= 1, `K=${Ks[k]}: beta ${f.fit.beta}`);
  }
  // A1 (a): tau does not decrease with N and tau(40) > tau(5)
  for (let k = 1; k < fits.length; k++) assert.ok(fits[k].fit.tau >= fits[k - 1].fit.tau, `tau(K): ${fits.map((f) => f.fit.tau).join(', ')}`);
  // A1 (d), provisional soft gate tau40/tau5 >= 2 (code R; the preset is calibrated to it)
  assert.ok(fits[3].fit.tau / fits[0].fit.tau >= 2, `tau40/tau5 = ${fits[3].fit.tau / fits[0].fit.tau}`);
  // the change still retained after 1000 s grows with the pulse count
  const kept = fits.map((f) => f.gEnd - f.gRest);
  for (let k = 1; k < kept.length; k++) assert.ok(kept[k] > kept[k - 1], `retained dG(K): ${kept.join(', ')}`);
});

test('wox-chang2011: for the same pulse count, closer pulses leave the larger retained state', () => {
  // measurements.md A1 (c): rate/spacing effect
  const fast = retention(20, 20), slow = retention(20, 2);
  assert.ok(fast.gEnd > slow.gEnd, `G(1000 s): 20 Hz ${fast.gEnd}, 2 Hz ${slow.gEnd}`);
});
