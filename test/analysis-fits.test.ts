import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../src/rng/rng.js';
import { logspace, linspace } from '../src/math/stats.js';
import { fitStretchedExp, fitExp, fitDoubleExp, fitStdpWindow, type Estimate } from '../src/analysis/decay-fits.js';
import { branchNonlinearity, dynamicRange, updateAsymmetry, switchingVoltages } from '../src/analysis/metrics.js';

/**
 * Recovery within the reported uncertainty: |est - truth| <= 4 standard errors (a 4-sigma
 * bound fails by chance with probability ~6e-5 per parameter for a correct estimator; the
 * noise is seeded, so the test is deterministic).
 */
function within(name: string, e: Estimate, truth: number): void {
  assert.ok(Number.isFinite(e.error) && e.error > 0, `${name}: standard error ${e.error}`);
  assert.ok(Math.abs(e.value - truth) <= 4 * e.error, `${name}: ${e.value} +- ${e.error}, truth ${truth}`);
}

function noisy(y: number[], sd: number, seed: number): number[] {
  const r = new Rng(seed).stream('noise');
  return y.map((v) => v + r.normal(0, sd));
}

test('stretched exponential: recovers G_inf, A, tau, beta from noisy decay', () => {
  const t = logspace(1e-3, 1e3, 60);
  const truth = { gInf: 2e-6, a: 8e-6, tau: 3.0, beta: 0.55 };
  const y = noisy(t.map((x) => truth.gInf + truth.a * Math.exp(-Math.pow(x / truth.tau, truth.beta))), 5e-8, 3);
  const f = fitStretchedExp(t, y, 7);
  assert.ok(f.converged);
  for (const k of Object.keys(truth) as Array<keyof typeof truth>) within(k, f.params[k], truth[k]);
  assert.ok(f.r2 > 0.999);
});

test('single exponential with and without a fixed asymptote', () => {
  const x = linspace(1e-3, 0.1, 40);
  const y = noisy(x.map((v) => 1 + 0.4 * Math.exp(-v / 0.02)), 0.005, 11);
  const f = fitExp(x, y);
  within('yInf', f.params.yInf, 1); within('a', f.params.a, 0.4); within('tau', f.params.tau, 0.02);
  const g = fitExp(x, y, { yInf: 1 });
  within('tau (fixed asymptote)', g.params.tau, 0.02);
});

test('double exponential separates two time constants a decade apart', () => {
  const x = logspace(1e-4, 1, 80);
  const y = noisy(x.map((v) => 0.1 + 0.5 * Math.exp(-v / 2e-3) + 0.3 * Math.exp(-v / 5e-2)), 2e-3, 5);
  const f = fitDoubleExp(x, y, 2);
  within('tau1', f.params.tau1, 2e-3); within('tau2', f.params.tau2, 5e-2);
  within('a1', f.params.a1, 0.5); within('a2', f.params.a2, 0.3);
  assert.ok(f.params.tau1.value < f.params.tau2.value);
});

test('STDP window: amplitudes and time constants of both branches', () => {
  const dt = [...logspace(1e-7, 1e-5, 12).map((v) => -v), ...logspace(1e-7, 1e-5, 12)];
  const y = noisy(dt.map((d) => (d > 0 ? 0.3 * Math.exp(-d / 8e-7) : -0.2 * Math.exp(d / 1.5e-6))), 0.004, 9);
  const f = fitStdpWindow(dt, y);
  within('aPlus', f.aPlus, 0.3); within('tauPlus', f.tauPlus, 8e-7);
  within('aMinus', f.aMinus, -0.2); within('tauMinus', f.tauMinus, 1.5e-6);
});

test('NeuroSim nonlinearity: linear, saturating and accelerating branches', () => {
  const P = 100;
  const mk = (A: number) => Array.from({ length: P + 1 }, (_, k) => 1e-8 + 4e-8 * (1 - Math.exp(-k / A)) / (1 - Math.exp(-P / A)));
  // A/P_max = 0.3: the curvature c = 1/0.3 is recovered to 1e-6 on noise-free data (fit tolerance 1e-10)
  const sat = branchNonlinearity(mk(30));
  assert.ok(Math.abs(sat.aOverPmax - 0.3) < 1e-6, `${sat.aOverPmax}`);
  const lin = branchNonlinearity(Array.from({ length: P + 1 }, (_, k) => 1 + k));
  // |c| < 1e-4 means a normalised deviation from the line below c/8 ~ 1e-5: linear
  assert.ok(Math.abs(lin.curvature.value) < 1e-4 && lin.maxDeviation < 1e-12, `${lin.curvature.value}`);
  // a depression branch that falls fast first is saturating too (c > 0), accelerating is c < 0
  const dep = branchNonlinearity(mk(30).map((g) => 6e-8 - g));
  assert.ok(dep.curvature.value > 3);
  const acc = branchNonlinearity(mk(-50));
  assert.ok(Math.abs(acc.aOverPmax + 0.5) < 1e-6, `${acc.aOverPmax}`);
});

test('dynamic range, asymmetry and switching voltages on known curves', () => {
  assert.equal(dynamicRange([1, 4, 2]), 4);
  const p = [0, 1, 2, 3, 4], d = [4, 3, 2, 1, 0];
  assert.equal(updateAsymmetry(p, d), 0);
  assert.ok(updateAsymmetry([0, 3, 4, 4, 4], [4, 1, 0, 0, 0]) > 0.3);
  // a loop: g steps from 1e-6 to 1e-4 at v = 0.8 on the way up, back at v = -0.6
  const v = [0, 0.4, 0.8, 1, 0.5, 0, -0.3, -0.6, -1, -0.5, 0];
  const g = [1e-6, 1e-6, 1e-6, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4, 1e-6, 1e-6, 1e-6];
  const s = switchingVoltages(v, g);
  assert.ok(s.vSet > 0.8 && s.vSet < 1, `${s.vSet}`);
  assert.ok(s.vReset < -0.6 && s.vReset > -1, `${s.vReset}`);
  assert.ok(Math.abs(s.onOff - 100) < 1e-12 * 100); // ratio of two exact floats, round-off only
});
