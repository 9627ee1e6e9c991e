import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integrate, ExplicitRK, Rosenbrock, DOPRI5, RODAS3, type OdeSystem } from '../src/solve/index.js';
import { PulseTrain, Sequence, Pwl, Dc } from '../src/stimulus/index.js';

/** dx/dt = V(t): x(T) is the exact area of the waveform, so any stepped-over pulse shows. */
function areaSystem(w: { value(t: number): number; valueLeft(t: number): number }): OdeSystem & { setInterval(a: number, b: number): void } {
  let tEnd = Infinity;
  return {
    n: 1,
    setInterval(_a, b) { tEnd = b; },
    rhs(t, _y, d) { d[0] = t >= tEnd ? w.valueLeft(t) : w.value(t); },
  };
}

test('rectangular pulses (zero rise time) are never stepped over: exact area, every edge visited', () => {
  // 1000 pulses of 1 us every 1 ms: a step-size controller without breakpoints would jump them all
  const train = new PulseTrain({ base: 0, amplitude: 2, delay: 0.5e-3, rise: 0, width: 1e-6, fall: 0 }, 1e-3, 1000);
  for (const mk of [() => new ExplicitRK(DOPRI5), () => new Rosenbrock(RODAS3)]) {
    const y = new Float64Array(1);
    const visited: number[] = [];
    const r = integrate(areaSystem(train), mk(), 0, train.duration, y, {
      breakpoints: { next: (t) => train.nextBreakpoint(t) }, rtol: 1e-9, atol: 1e-15,
      observer: (t, _y, kind) => { if (kind === 'breakpoint') visited.push(t); },
    });
    assert.equal(r.status, 'ok');
    // area = 1000 pulses * 2 V * 1 us, exact up to round-off of ~1e3 additions
    assert.ok(Math.abs(y[0] - 2e-3) < 1e-15 * 1e3, `area ${y[0]}`);
    // each pulse has two distinct edges: rise (= fall of the zero-length ramp) and end of top
    for (let k = 0; k < 1000; k++) {
      const start = 0.5e-3 + k * 1e-3;
      assert.ok(visited.some((t) => Math.abs(t - start) < 1e-15), `start of pulse ${k} not visited`);
      assert.ok(visited.some((t) => Math.abs(t - start - 1e-6) < 1e-15), `end of pulse ${k} not visited`);
    }
  }
});

test('trapezoidal train, PWL and sequence breakpoints are exact and ordered', () => {
  const tr = new PulseTrain({ base: 0, amplitude: 1, delay: 0, rise: 10e-9, width: 990e-9, fall: 10e-9 }, 2e-6, 3);
  const bps: number[] = [];
  for (let t = -1, k = 0; k < 20; k++) { t = tr.nextBreakpoint(Math.max(t, 0)); if (!Number.isFinite(t)) break; bps.push(t); }
  // the train ends at the last fall: 2 periods + rise + width + fall
  assert.deepEqual(bps.map((x) => Math.round(x * 1e10) / 1e10), [1e-8, 1e-6, 1.01e-6, 2e-6, 2.01e-6, 3e-6, 3.01e-6, 4e-6, 4.01e-6, 5e-6, 5.01e-6].map((x) => Math.round(x * 1e10) / 1e10));
  const pwl = new Pwl([0, 1, 1, 2], [0, 1, 3, 3]);
  assert.equal(pwl.value(1), 3);
  assert.equal(pwl.valueLeft(1), 1);
  assert.equal(pwl.nextBreakpoint(0.5), 1);
  const seq = new Sequence([new Dc(1, 2), pwl]);
  assert.equal(seq.value(1), 1);
  assert.equal(seq.nextBreakpoint(0), 2);
  assert.equal(seq.nextBreakpoint(2), 3);
  assert.equal(seq.value(3.5), 3);
  assert.equal(seq.valueLeft(3), 1);
});

test('events are located on the interpolant and can stop the run', () => {
  // y' = 1 from 0: crosses 0.37 at t = 0.37
  const sys: OdeSystem = { n: 1, rhs(_t, _y, d) { d[0] = 1; } };
  const y = new Float64Array(1);
  const r = integrate(sys, new ExplicitRK(DOPRI5), 0, 1, y, {
    h0: 0.3,
    events: { count: 1, direction: Int8Array.of(1), evaluate: (_t, yy, o) => { o[0] = yy[0] - 0.37; }, handle: () => 'stop' },
  });
  assert.equal(r.status, 'stopped');
  assert.ok(Math.abs(r.t - 0.37) < 1e-12);
  assert.ok(Math.abs(y[0] - 0.37) < 1e-12);
});

test('non-finite derivatives give a status and a message, not a NaN result', () => {
  const sys: OdeSystem = { n: 1, rhs(t, _y, d) { d[0] = t > 0.5 ? NaN : 1; } };
  const y = new Float64Array(1);
  const r = integrate(sys, new ExplicitRK(DOPRI5), 0, 1, y, {});
  assert.notEqual(r.status, 'ok');
  assert.match(r.message, /t = /);
});

test('a NaN in one component is never accepted because another component is finite', () => {
  // regression: the error norm used to let a later finite component overwrite an earlier NaN
  const sys: OdeSystem = { n: 2, rhs(_t, y, d) { d[0] = y[0] > 0.3 ? NaN : 1; d[1] = 1; } };
  const y = new Float64Array(2);
  const r = integrate(sys, new ExplicitRK(DOPRI5), 0, 1, y, { h0: 0.25 });
  assert.notEqual(r.status, 'ok');
  assert.ok(Number.isFinite(y[0]) && Number.isFinite(y[1]), `state ${y}`);
  assert.ok(y[0] <= 0.3 + 1e-9);
});

test('Rosenbrock steps see an input feature inside a stimulus segment (at least 4 steps per segment)', async () => {
  // dy/dt = -10 y exp(-((v - 0.5)/0.1)^2) under a 0 -> 1 -> 0 triangle: the rate lives in the
  // middle of each ramp. Rosenbrock stages sample only the ends of a step (v = 0 and 1, rate
  // ~1e-10): one step per ramp saw nothing and returned y = 1. Exact: y = exp(-2 sqrt(pi)).
  const { Pwl } = await import('../src/stimulus/index.js');
  const w = new Pwl([0, 1, 2], [0, 1, 0]);
  let tEnd = Infinity;
  const sys = {
    n: 1,
    setInterval(_a: number, b: number) { tEnd = b; },
    rhs(t: number, y: Float64Array, d: Float64Array) {
      const v = t >= tEnd ? w.valueLeft(t) : w.value(t);
      d[0] = -10 * y[0] * Math.exp(-(((v - 0.5) / 0.1) ** 2));
    },
  };
  const y = new Float64Array([1]);
  const r = integrate(sys, new Rosenbrock(RODAS3), 0, 2, y, { breakpoints: { next: (t) => w.nextBreakpoint(t) }, rtol: 1e-6, atol: 1e-9 });
  assert.equal(r.status, 'ok');
  const exact = Math.exp(-2 * Math.sqrt(Math.PI));
  // 1e-6 relative: the requested rtol (measured 3e-9)
  assert.ok(Math.abs(y[0] - exact) < 1e-6 * exact + 1e-9, `y ${y[0]} vs ${exact}`);
});
