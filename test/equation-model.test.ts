import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { SpecError } from '../src/units/parse.js';

const PULSES = { type: 'pulse-train', amplitude: '1 V', rise: '10 ns', width: '990 ns', fall: '10 ns', period: '2 us', count: 300, tail: '990 ns' };

/** The shared/baselines problem written as equations (memristor.sub). */
const BASELINE_EQ = {
  model: 'equation',
  equations: {
    current: 'I = (gon*w + goff*(1 - w)) * V',
    states: { w: { rate: 'k*sinh(a*V)*(1 - (2*w - 1)^2)', init: 'w0', min: 0, max: 1, atol: 1e-10 } },
    params: {
      k: { value: 1.476, unit: '1/s', meaning: 'drift prefactor' },
      a: { value: 3, unit: '1/V', meaning: 'sinh voltage scale' },
      gon: { value: '1 mS', unit: 'S' }, goff: { value: '10 uS', unit: 'S' }, w0: 0.05,
    },
  },
};

test('the equation form of the baseline problem reproduces the built-in baseline-sinh run', () => {
  const run = (device: unknown) => simulate(resolveSpec({ device, stimulus: PULSES, solver: { method: 'dopri5', rtol: 1e-8 }, record: { every: 'breakpoint' } }));
  const ref = run({ preset: 'baseline-sinh' });
  const eq = run(BASELINE_EQ);
  assert.equal(ref.status, 'ok');
  assert.equal(eq.status, 'ok');
  assert.equal(eq.stats.nsteps, ref.stats.nsteps);
  // same equations, same solver, same steps: only floating-point association may differ; the
  // bound gate (tanh((1 - w) / 1e-3) = 1 in double for w < 0.96) does not act
  assert.ok(Math.abs(eq.final.w[0] - ref.final.w[0]) <= 1e-10, `${eq.final.w[0]} vs ${ref.final.w[0]}`);
  let di = 0;
  for (let k = 0; k < ref.columns.i.length; k++) di = Math.max(di, Math.abs(eq.columns.i[k] - ref.columns.i[k]));
  assert.ok(di <= 1e-13, `current differs by ${di} A`); // 1e-10 of the ~1 mA scale
  assert.equal(eq.provenance.models[0].id, 'equation');
});

test('a second-order electro-thermal equation model runs with the stiff solver and matches the analytic heating curve', () => {
  // w is driven by an Arrhenius rate in T; T relaxes with tau = 1 ns while the run lasts 20 us
  // (2e4 time constants: an explicit method would need ~1e4 steps at least)
  const g = 1e-4, v = 0.5, tau = 1e-9, cth = 1e-15, t0 = 300;
  const spec = resolveSpec({
    device: {
      model: 'equation',
      equations: {
        current: 'G = g',
        states: {
          w: { rate: 'A*exp(-Ea/(kB*T))*(1 - w)', init: 0, min: 0, max: 1 },
          T: { rate: 'I*V/Cth - (T - T0)/tau', init: '300 K', min: 0, max: 3000, unit: 'K' },
        },
        params: {
          g: { value: '100 uS', unit: 'S' }, A: { value: 1e10, unit: '1/s' }, Ea: { value: '0.6 eV', unit: 'J' },
          Cth: { value: cth, unit: 'J/K' }, tau: { value: '1 ns', unit: 's' }, T0: { value: '300 K', unit: 'K' },
        },
        stiff: true,
      },
    },
    stimulus: { type: 'dc', level: `${v} V`, duration: '20 us' },
    solver: { rtol: 1e-7 },
  });
  const r = simulate(spec);
  assert.equal(r.status, 'ok', r.message);
  // auto: the stiffness detector must have handed the run to the Rosenbrock method
  assert.match(r.provenance.solver.method, /now rodas3/);
  const dT = (g * v * v * tau) / cth; // steady-state rise R_th P with R_th = tau / Cth: 25 K
  const { t, T } = r.columns;
  let worst = 0;
  for (let k = 0; k < t.length; k++) worst = Math.max(worst, Math.abs(T[k] - (t0 + dT * (1 - Math.exp(-t[k] / tau)))));
  // rtol 1e-7 on T ~ 325 K allows ~3e-5 K per step; the global error over the ~tens of steps
  // of the transient stays below 1e-5 of the 25 K rise
  assert.ok(worst <= 1e-5 * dT, `max |T - exact| = ${worst} K`);
  assert.ok(r.stats.nsteps < 1000, `stiff solver took ${r.stats.nsteps} steps`);
  // the hot state switches w: 1 - w = exp(-rate t) with the steady-state Arrhenius rate
  const rate = 1e10 * Math.exp(-0.6 * 1.602176634e-19 / (1.380649e-23 * (t0 + dT)));
  const expected = 1 - Math.exp(-rate * (20e-6 - tau)); // the first ~tau is spent heating (colder, slower)
  // the heating transient shifts the effective time by a fraction of tau: ~tau / 20 us = 5e-5 relative
  assert.ok(Math.abs(r.final.w[0] - expected) < 2e-4 * expected, `w ${r.final.w[0]} vs about ${expected}`);
});

function specError(device: unknown): SpecError {
  try {
    resolveSpec({ device, stimulus: { type: 'dc', level: '0.1 V', duration: '1 us' } });
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  assert.fail('spec should have been rejected');
}
const withEq = (patch: (eq: Record<string, any>) => void): unknown => {
  const d = structuredClone(BASELINE_EQ) as { model: string; equations: Record<string, any> };
  patch(d.equations);
  return d;
};

test('bad equation specs are rejected with the field and the character position', () => {
  let e = specError(withEq((q) => { q.states.w.rate = 'k*sinh(b*V)'; }));
  assert.equal(e.path, 'device.equations.states.w.rate');
  assert.match(e.message, /unknown name "b".*at character 8/);
  e = specError(withEq((q) => { q.current = 'I = gon*(w + V'; }));
  assert.equal(e.path, 'device.equations.current');
  assert.match(e.message, /closing "\)".*at character 15/); // position counted in the full string, "I =" included
  e = specError(withEq((q) => { delete q.states.w.init; }));
  assert.equal(e.path, 'device.equations.states.w.init');
  e = specError(withEq((q) => { q.states.w.min = 2; }));
  assert.equal(e.path, 'device.equations.states.w.min');
  e = specError(withEq((q) => { q.params.k.value = 'NaN'; }));
  assert.equal(e.path, 'device.equations.params.k.value');
  e = specError(withEq((q) => { q.params.k.value = Infinity; }));
  assert.equal(e.path, 'device.equations.params.k.value');
  e = specError(withEq((q) => { q.params.tau = { value: '100 ns', unit: 'V' }; }));
  assert.equal(e.path, 'device.equations.params.tau.value'); // a time given for a voltage
  e = specError(withEq((q) => { q.states.w.rate = 'log(w - 0.05)'; })); // -Infinity at the initial state
  assert.equal(e.path, 'device.equations.states.w.rate');
  e = specError(withEq((q) => { q.current = 'I = V*t'; }));
  assert.match(e.message, /unknown name "t"/); // the current is instantaneous: no t, no I
  e = specError(withEq((q) => { q.params.V = 1; }));
  assert.equal(e.path, 'device.equations.params.V');
  e = specError(withEq((q) => { q.states.w.speed = 1; }));
  assert.equal(e.path, 'device.equations.states.w.speed');
  e = specError(withEq((q) => { q.params.gon.unit = 'mS'; }));
  assert.equal(e.path, 'device.equations.params.gon.unit');
  e = specError({ ...(withEq(() => undefined) as object), set: { kk: 1 } });
  assert.equal(e.path, 'device.set.kk');
});

test('equation parameters take set overrides, units and device-to-device spread like any model', () => {
  const spec = resolveSpec({ device: { ...BASELINE_EQ, set: { k: '2.952 Hz', aDtod: 0.1 }, count: 50 }, stimulus: PULSES, record: { every: 'none' }, seed: 3 });
  const r = simulate(spec);
  assert.equal(r.status, 'ok');
  const w = r.final.w;
  assert.ok(Math.min(...w) < Math.max(...w), 'device-to-device spread of a must spread the final states');
});
