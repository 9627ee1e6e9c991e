import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { switchingKinetics } from '../src/memory/switching-kinetics.js';
import { retentionBake } from '../src/memory/retention-bake.js';
import { endurance } from '../src/memory/endurance.js';
import { multilevel, levelErrorRate, normalTail } from '../src/memory/multilevel.js';
import { fitArrhenius, arrheniusAt } from '../src/memory/arrhenius.js';
import { KB_EV } from '../src/units/constants.js';

test('switching time of the sinh-drift model follows the closed-form voltage-time relation over decades', () => {
  // baseline-sinh: dw/dt = k sinh(aV) 4 w (1 - w) (Joglekar p = 1), G = goff + (gon - goff) w, so
  // logit(w) grows at 4 k sinh(aV): t_sw = (logit(w_th) - logit(w0)) / (4 k sinh(aV)) exactly
  const ref = resolveDevice({ preset: 'baseline-sinh' }, 'device');
  const scale = [0.5, 0.75, 1, 1.5, 2, 2.5, 3];
  // the saturated references of this model are degenerate (the Joglekar window locks w at 0 and
  // 1), so the threshold is given: G = 1e-4 S, w_th = 0.0909
  const out = switchingKinetics.run(ref, { scale, start: 'preset', bisections: 0, gThreshold: 1e-4 });
  const k = 1.476, a = 3, gon = 1e-3, goff = 1e-5, w0 = 0.05, vSet = 1.2;
  const wth = (1e-4 - goff) / (gon - goff);
  const logit = (w: number) => Math.log(w / (1 - w));
  const t = out.curves.time.series.SET;
  for (let i = 0; i < scale.length; i++) {
    const V = scale[i] * vSet;
    const exact = (logit(wth) - logit(w0)) / (4 * k * Math.sinh(a * V));
    // the event is located on the DOPRI5 dense output at rtol 1e-6; 1e-4 leaves room for the
    // error accumulated over the logit change (about 3) and the bisection of the event
    assert.ok(Math.abs(t[i] / exact - 1) < 1e-4, `V ${V}: t_sw ${t[i]} exact ${exact}`);
  }
  assert.ok(t[0] / t[t.length - 1] > 1e3, 'the sweep spans more than three decades of switching time');
});

test('activated-filament switching time falls exponentially with voltage (constant volts per decade)', () => {
  // rate = nu h(exp(-E/kT) sinh(V/v0)) with v0 = 0.043 V and no heating: far below the attempt
  // frequency, t_sw ~ exp(-V/v0), so the fit must give v0 ln 10 volts per decade
  const ref = resolveDevice({ preset: 'ag-sio2-ecm-memory' }, 'device');
  const out = switchingKinetics.run(ref, { scale: [0.5, 0.6, 0.7, 0.8, 0.9, 1], bisections: 0 });
  const vpd = out.metrics.setVoltsPerDecade.value;
  // sinh(V/v0) = exp(V/v0)/2 within exp(-2 V/v0) < 1e-10 at V >= 0.5 V: 1e-3 covers the event timing
  assert.ok(Math.abs(vpd / (0.043 * Math.LN10) - 1) < 1e-3, `volts per decade ${vpd}`);
});

test('Arrhenius fit of simulated bakes recovers the activation energy and the extrapolated retention', () => {
  const Ea = 1.3, nu = 1e12;
  // cwear = 0: no wear floor, so the LRS relaxes toward w = 0 exactly
  const ref = resolveDevice({ preset: 'taox-vcm-memory', set: { earet: Ea, nuret: nu, cwear: 0 } }, 'device');
  const out = retentionBake.run(ref, { temperatures: [400, 450, 500, 550], samples: 4 });
  // deterministic exponential relaxation: the fit error is the event timing error (rtol 1e-6)
  assert.ok(Math.abs(out.metrics.lrsEa.value - Ea) < 1e-4, `Ea ${out.metrics.lrsEa.value}`);
  // closed form: w decays as exp(-nu e^(-Ea/kT) t) from the programmed LRS to the level at which
  // ln G has lost half the window; w_L, w_fail from the log-linear conductance
  const gon = 1e-4, goff = 1e-6;
  const nl = Math.sinh(0.1 / 0.5) / (0.1 / 0.5); // read at 0.1 V through I = G v_nl sinh(V / v_nl), v_nl = 0.5 V
  const wOf = (g: number) => Math.log(g / nl / goff) / Math.log(gon / goff);
  const gL = out.metrics.gLrs.value, gH = out.metrics.gHrs.value;
  const wL = wOf(gL), wF = wOf(Math.sqrt(gL * gH));
  const T = 358.15, exact = Math.log(wL / wF) / (nu * Math.exp(-Ea / (KB_EV * T)));
  // relative 1e-3: the Arrhenius extrapolation over 40 % in 1/kT multiplies the fitted slope error
  assert.ok(Math.abs(out.metrics.lrsRetention85.value / exact - 1) < 1e-3, `85 C: ${out.metrics.lrsRetention85.value} exact ${exact}`);
});

test('fitArrhenius: known line recovered; standard error grows with scatter', () => {
  const T = [400, 450, 500, 550, 600];
  const t = T.map((x) => 1e-10 * Math.exp(1.1 / (KB_EV * x)));
  const f = fitArrhenius(T, t)!;
  assert.ok(Math.abs(f.ea - 1.1) < 1e-9 && f.eaSe < 1e-9);
  assert.ok(Math.abs(arrheniusAt(f, 358.15).t / (1e-10 * Math.exp(1.1 / (KB_EV * 358.15))) - 1) < 1e-9);
  const noisy = t.map((x, k) => x * Math.exp([0.1, -0.1, 0.05, -0.05, 0][k]));
  const g = fitArrhenius(T, noisy)!;
  assert.ok(g.eaSe > 0 && Math.abs(g.ea - 1.1) < 5 * g.eaSe, `ea ${g.ea} se ${g.eaSe}`);
  assert.equal(fitArrhenius([400], [1]), null);
});

test('endurance: cycle skipping agrees with brute force on a short wear-limited run', () => {
  // strong wear (Q_wear = 5 nC) so that the window closes after several hundred cycles
  const ref = resolveDevice({ preset: 'ag-sio2-ecm-memory', set: { qwear: 5e-9 } }, 'device');
  const brute = endurance.run(ref, { target: 1e5, mode: 'brute-force' });
  const skip = endurance.run(ref, { target: 1e5 });
  const nb = brute.metrics.cycles.value, ns = skip.metrics.cycles.value;
  assert.equal(brute.metrics.failed.value, 1);
  assert.equal(skip.metrics.failed.value, 1);
  // stated error control: <= tol = 1e-4 of the wear range per jump; with ~40 jumps and
  // dq/dN = (1 - q) Q_cycle / Q_wear near q = 0.8, the failing cycle moves by at most ~3 %
  assert.ok(Math.abs(ns / nb - 1) < 0.03, `skip ${ns} brute ${nb}`);
  assert.ok(skip.metrics.simulatedCycles.value < 0.6 * nb, `skipping simulated ${skip.metrics.simulatedCycles.value} of ${nb}`);
});

test('levelErrorRate: two levels 6 sd apart have the normal tail beyond 3 sd', () => {
  const e = levelErrorRate([0, 6], [1, 1]);
  assert.ok(Math.abs(e / 1.3498980316e-3 - 1) < 1e-6, `error ${e}`); // erfcc relative error < 1.2e-7
  assert.ok(Math.abs(normalTail(0) - 0.5) < 1e-7);
  assert.equal(levelErrorRate([0, 1], [0, 0]), 0);
});

test('multilevel: reported level count is consistent with the read-error rate', () => {
  const ref = resolveDevice({ preset: 'ag-sio2-ecm-memory' }, 'device');
  const levels = [2, 4, 8, 16, 32];
  const target = 1e-3;
  const out = multilevel.run(ref, { levels, devices: 12, readNoise: 0.03, errorRate: target, retention: 0 });
  const errs = out.curves.errors.series['after programming'];
  const K = out.metrics.levels.value;
  const k = levels.indexOf(K);
  assert.ok(k >= 0, `K ${K}`);
  assert.ok(errs[k] <= target, `error at K ${errs[k]}`);
  for (let j = k + 1; j < levels.length; j++) assert.ok(errs[j] > target, `K ${levels[j]} error ${errs[j]} should exceed the target`);
  // more levels at the same spread and window: adjacent gaps shrink, error cannot fall much
  assert.ok(errs[levels.length - 1] > errs[0]);
  assert.ok(out.metrics.pulsesPerLevel.value >= 1);
});
