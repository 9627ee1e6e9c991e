import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSpec, simulate, buildGroups } from '../src/experiment/index.js';
import { MeasurementTerm } from '../src/circuit/measure.js';

/** A fixed linear resistor written as an equation model (the state never moves). */
const resistor = (g: string) => ({
  model: 'equation',
  equations: { current: 'G = g', states: { w: { rate: '0', init: 0.5, min: 0, max: 1 } }, params: { g: { value: g, unit: 'S' } } },
});

test('two linear resistors in series behind R give the exact divider voltages', () => {
  const gA = 1e-3, gB = 3e-4, R = 500;
  const spec = resolveSpec({
    device: resistor('1 mS'), series: resistor('300 uS'), circuit: { series: `${R} Ohm` },
    stimulus: { type: 'sweep', vmax: '1.5 V', vmin: '-0.7 V', period: '1 ms' },
    record: { every: 'step' },
  });
  const r = simulate(spec);
  assert.equal(r.status, 'ok');
  const { vs, v, vB, i } = r.columns;
  assert.ok(vs.length > 5);
  for (let k = 0; k < vs.length; k++) {
    const I = vs[k] / (R + 1 / gA + 1 / gB);
    // KVL residual tolerance of the pair solve is 1e-13 V + 1e-11 |vs|; 1e-10 V leaves room for
    // the inner inverse solve of device A (same relative tolerance)
    assert.ok(Math.abs(v[k] - I / gA) <= 1e-10, `vA ${v[k]} vs ${I / gA} at vs = ${vs[k]}`);
    assert.ok(Math.abs(vB[k] - I / gB) <= 1e-10, `vB ${vB[k]} vs ${I / gB}`);
    assert.ok(Math.abs(i[k] - I) <= 1e-10 * gA, `I ${i[k]} vs ${I}`);
  }
});

test('a pair with a steep selector-like device converges: KVL and equal currents at every point', () => {
  // selector: 1e6 on/off ratio switched over 5 mV around |V| = 0.4 V (monotone I(V)), in series
  // with a 10 kOhm memory element
  const selector = {
    model: 'equation',
    equations: {
      current: 'I = V*(goff + gon*sstep(abs(V) - vth, dv))',
      states: { s: { rate: '0', init: 0, min: 0, max: 1 } },
      params: { goff: { value: '1 nS', unit: 'S' }, gon: { value: '1 mS', unit: 'S' }, vth: { value: '0.4 V', unit: 'V' }, dv: { value: '5 mV', unit: 'V' } },
    },
  };
  const raw = {
    device: resistor('100 uS'), series: selector, circuit: { series: '100 Ohm' },
    stimulus: { type: 'sweep', vmax: '2 V', vmin: '-2 V', period: '1 ms' },
  };
  const spec = resolveSpec(raw);
  const { a, b } = buildGroups(spec);
  const term = new MeasurementTerm(spec.stimulus, spec.circuit, a, b);
  const y = new Float64Array(2).fill(0.5);
  y[1] = 0;
  let worst = 0, points = 0;
  for (let k = 0; k <= 2000; k++) {
    const vs = -2 + (4 * k) / 2000;
    term.solve(vs, y);
    const iA = 1e-4 * term.vA[0];
    // the selector current at its solved voltage
    const vB = term.vB[0];
    const iB = vB * (1e-9 + 1e-3 * 0.5 * (1 + Math.tanh((Math.abs(vB) - 0.4) / 5e-3)));
    const kvl = Math.abs(vs - 100 * term.cur[0] - term.vA[0] - vB);
    worst = Math.max(worst, kvl / (1e-13 + 1e-11 * Math.abs(vs)));
    // current continuity: device A's inverse solve has relative tolerance 1e-11 in V
    assert.ok(Math.abs(iA - iB) <= 1e-9 * Math.max(Math.abs(iB), 1e-12), `vs ${vs}: I_A ${iA} vs I_B ${iB}`);
    points++;
  }
  // KVL residual within the solver's own stopping tolerance (plus the last Newton update)
  // (measured about 1x; 2x allows for the inner solve of A, which has its own tolerance)
  assert.ok(worst <= 2, `KVL residual up to ${worst} x the tolerance`);
  // safeguarded Newton / Illinois from a warm start: a few outer iterations per solve, where
  // bisection from the [0, vs] bracket to 1e-11 V needs about 38
  const mean = term.pairIterations / term.pairSolves;
  assert.ok(mean < 6, `mean outer iterations ${mean} over ${points} solves`);
  const r = simulate(spec);
  assert.equal(r.status, 'ok');
});

test('a near-open device A with a warm start far above the root still satisfies KVL', () => {
  // A = 1 nS (an OFF diffusive element), B = 1.4 mS (a drift memristor): the root is
  // u = 1.5 V * 1e-9 / (1e-9 + 1.4e-3) ~ 1.1 uV. A warm start at u = 0.1 V (B's voltage while A
  // was ON, kept by a rejected trial step) makes A's inverse clip at |vs|; the old Newton slope
  // through 1/g_A crept by ~1e-7 V per iteration and stopped at u ~ 0.1 V after MAX_IT
  const spec = resolveSpec({
    device: resistor('1 nS'), series: resistor('1.4 mS'),
    stimulus: { type: 'pulse', amplitude: '1.5 V', width: '1 ms' },
  });
  const { a, b } = buildGroups(spec);
  const term = new MeasurementTerm(spec.stimulus, spec.circuit, a, b);
  const y = new Float64Array([0.5, 0.5]);
  const uTrue = (1.5 * 1e-9) / (1e-9 + 1.4e-3);
  for (const u0 of [0, 1e-3, 0.1, 1.4]) {
    term.vB[0] = u0;
    term.vA[0] = 1.5 - u0;
    const it0 = term.pairIterations;
    term.solve(1.5, y);
    assert.ok(Math.abs(term.vB[0] - uTrue) <= 1e-12, `warm start ${u0}: u ${term.vB[0]} vs ${uTrue}`);
    assert.ok(Math.abs(1.5 - term.vA[0] - term.vB[0]) <= 1e-10, `KVL residual ${1.5 - term.vA[0] - term.vB[0]}`);
    // bisection while A is clipped, then Newton: well below the 200-iteration cap
    assert.ok(term.pairIterations - it0 < 60, `warm start ${u0}: ${term.pairIterations - it0} outer iterations`);
  }
});
