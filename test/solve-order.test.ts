import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integrate, ExplicitRK, Rosenbrock, DOPRI5, BS3, ROS2, RODAS3, type OdeSystem, type Stepper } from '../src/solve/index.js';
import { linearFit } from '../src/math/stats.js';

/** y' = -y + sin(t)... non-autonomous problem with known solution; also a 2D rotation. */
const prob: OdeSystem = {
  n: 2,
  rhs(t, y, d) {
    d[0] = -2 * y[0] + Math.cos(t);          // y0 = (2 cos t + sin t)/5 + C e^{-2t}
    d[1] = y[0] * Math.exp(-t) - 0.5 * y[1];
  },
};
function exactY0(t: number): number { return (2 * Math.cos(t) + Math.sin(t)) / 5 + (1 - 2 / 5) * Math.exp(-2 * t); }

/** Fixed steps: h0 = hMax and huge tolerance forces constant steps h. */
function errorAt(stepper: Stepper, h: number): number {
  const y = new Float64Array([1, 0]);
  const r = integrate(prob, stepper, 0, 2, y, { h0: h, hMax: h, rtol: 1e10, atol: 1e10 });
  assert.equal(r.status, 'ok');
  return Math.abs(y[0] - exactY0(2));
}

// Step ranges are chosen in each method's asymptotic regime and above round-off
// (DOPRI5 reaches 1e-14 near h = 0.01; ROS2 shows error cancellation above h = 0.02).
for (const [name, mk, order, hs] of [
  ['dopri5', () => new ExplicitRK(DOPRI5), 5, [0.2, 0.1, 0.05, 0.025]],
  ['bs3', () => new ExplicitRK(BS3), 3, [0.1, 0.05, 0.025, 0.0125]],
  ['ros2', () => new Rosenbrock(ROS2), 2, [0.0125, 0.00625, 0.003125, 0.0015625]],
  ['rodas3', () => new Rosenbrock(RODAS3), 3, [0.1, 0.05, 0.025, 0.0125]],
] as const) {
  test(`${name}: convergence order from a log-log slope is ${order}`, () => {
    const errs = hs.map((h) => errorAt(mk(), h));
    const fit = linearFit(hs.map(Math.log), errs.map(Math.log));
    // 0.3: a four-point slope over one and a half decades of h
    assert.ok(Math.abs(fit.slope - order) < 0.3, `slope ${fit.slope} errors ${errs}`);
  });
}
