/**
 * Physics checks of the compact models added with the catalogue (cheap ones): Stanford-PKU
 * kinetics against the published sanity numbers and exponential SET time, step-independent
 * gap noise, JART SET polarity, Mott threshold switching (NDR, hysteresis, heat balance),
 * ECM ON/OFF ratio and conductance plateaus at n G0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { resolveSpec, simulate, stateColumn } from '../src/experiment/index.js';
import { G0, KB, Q } from '../src/units/constants.js';

function rate(model: string, preset: string, set: Record<string, unknown>, v: number, x: number[]): number[] {
  const m = getModel(model)!;
  const p = resolveParams(m, getPreset(preset), set, 'set').values;
  const dx = new Float64Array(x.length);
  m.rhs(0, Float64Array.of(v), Float64Array.from(x), p, dx, 1);
  return [...dx];
}

test('stanford-pku: gap velocity at g = 1 nm matches the v1.0.0 sanity numbers (models.md §4.1)', () => {
  // models.md: ~1e-3 m/s at 1.2 V and ~0.04 m/s at 1.5 V (T = 298 K); quasi-static heating
  // at g = 1 nm adds < 1 K (R_th = 2.1e3 K/W), so the numbers hold to their stated 1-2 digits
  const v12 = -rate('stanford-pku', 'stanford-hfox-v1', {}, 1.2, [1e-9, 298])[0];
  const v15 = -rate('stanford-pku', 'stanford-hfox-v1', {}, 1.5, [1e-9, 298])[0];
  assert.ok(v12 > 0.7e-3 && v12 < 1.4e-3, `v(1.2 V) = ${v12} m/s`);
  assert.ok(v15 > 0.03 && v15 < 0.05, `v(1.5 V) = ${v15} m/s`);
  // below the F_min gate (gamma |V| / t_ox < F_min at 1.0 V) the gap does not move
  const v10 = rate('stanford-pku', 'stanford-hfox-v1', {}, 1.0, [1e-9, 298])[0];
  assert.ok(Math.abs(v10) < 1e-12 * v15, `below F_min: ${v10}`);
});

test('stanford-pku: SET time falls exponentially with voltage', () => {
  const volts = [1.5, 1.6, 1.7, 1.8];
  const lnt: number[] = [];
  for (const V of volts) {
    const r = simulate(resolveSpec({
      device: { preset: 'stanford-hfox-v1', set: { gini: '1.7 nm' } },
      stimulus: { type: 'dc', level: V, duration: '20 us' },
      solver: { rtol: 1e-7 },
      record: { every: 'step' },
    }));
    assert.equal(r.status, 'ok', r.message);
    const t = r.columns.t, g = r.columns[stateColumn('g')];
    const k = g.findIndex((x) => x < 1e-9);
    assert.ok(k > 0, `gap reached 1 nm at ${V} V`);
    const f = (g[k - 1] - 1e-9) / (g[k - 1] - g[k]);
    lnt.push(Math.log(t[k - 1] + f * (t[k] - t[k - 1])));
  }
  // ln t_SET linear in V: residual of a straight-line fit below 3 % of the span
  const n = volts.length, mv = volts.reduce((a, b) => a + b) / n, ml = lnt.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0;
  for (let k = 0; k < n; k++) { sxy += (volts[k] - mv) * (lnt[k] - ml); sxx += (volts[k] - mv) ** 2; }
  const slope = sxy / sxx;
  let res = 0;
  for (let k = 0; k < n; k++) res = Math.max(res, Math.abs(lnt[k] - ml - slope * (volts[k] - mv)));
  assert.ok(res < 0.03 * Math.abs(lnt[0] - lnt[n - 1]), `ln t not linear in V: ${lnt}`);
  // slope = -gamma a0 q / (t_ox kT), gamma between its values at g = 1.7 nm (12.07) and 1 nm (15.2)
  const k0 = (0.25e-9 * Q) / (12e-9 * KB * 298);
  assert.ok(-slope > 12.07 * k0 * 0.9 && -slope < 15.2 * k0 * 1.1, `slope ${slope} /V, expected -${(12.07 * k0).toFixed(2)} .. -${(15.2 * k0).toFixed(2)}`);
});

test('stanford-pku: Euler-Maruyama gap noise gives a step-independent variance', () => {
  // no drift at V = 0; g starts mid-range; variance after t must be (sigma act)^2 t whatever the step
  const sigma = 1e-7, t = 1e-6, N = 400;
  const act = 1 / (1 + Math.exp((450 - 298) / 500));
  const expect = (sigma * act) ** 2 * t;
  for (const maxStep of [1e-8, 1e-7]) {
    const r = simulate(resolveSpec({
      device: { preset: 'stanford-hfox-v1', set: { gini: '1 nm', sigmaG: sigma }, count: N },
      stimulus: { type: 'dc', level: 0, duration: t },
      solver: { maxStep },
      record: { every: 'none' },
      seed: 11,
    }));
    const g = r.final.g;
    const mean = g.reduce((a, b) => a + b) / N;
    const varg = g.reduce((a, b) => a + (b - mean) ** 2, 0) / (N - 1);
    // sampling error of a variance from 400 normal samples: sqrt(2/N) = 7 %; allow 3.5 sigma
    assert.ok(Math.abs(varg / expect - 1) < 0.25, `maxStep ${maxStep}: var ${varg}, expected ${expect}`);
  }
});

test('jart-vcm: SET at negative voltage, RESET at positive voltage', () => {
  const run = (v: number) => simulate(resolveSpec({
    device: { preset: 'jart-hfo2-cuppers2019' },
    stimulus: { type: 'pwl', points: [[0, 0], [0.5, v], [1, 0]] },
    record: { every: 'none', vRead: -0.2 },
  }));
  const neg = run(-1.2), pos = run(1.2);
  assert.equal(neg.status, 'ok', neg.message);
  assert.equal(pos.status, 'ok', pos.message);
  // HRS starts at N_min = 0.008e26 m^-3; a negative sweep must SET toward N_max = 20
  assert.ok(neg.final.ndisc[0] > 10, `N after -1.2 V: ${neg.final.ndisc[0]}`);
  assert.ok(neg.metrics.gFinal.value > 20 * neg.metrics.gInitial.value, 'negative sweep raises the conductance');
  // a positive sweep from the HRS can only push N further down (F_lim keeps it at N_min)
  assert.ok(pos.final.ndisc[0] <= 0.008 * 1.001, `N after +1.2 V: ${pos.final.ndisc[0]}`);
});

test('mott-thermal (VO2): threshold switching with NDR, hysteresis and heat balance behind a load', () => {
  const r = simulate(resolveSpec({
    device: { preset: 'vo2-zhang2024' },
    circuit: { series: '12 kOhm' },
    stimulus: { type: 'pwl', points: [[0, 0], [5e-4, 20], [1e-3, 0]] },
    record: { every: 'step' },
  }));
  assert.equal(r.status, 'ok', r.message);
  const { t, vs, v, i, m, T } = r.columns;
  const on = m.findIndex((x) => x > 0.5);
  assert.ok(on > 0, 'switches ON');
  let off = -1;
  for (let k = on; k < m.length; k++) if (t[k] > 5e-4 && m[k] < 0.5) { off = k; break; }
  assert.ok(off > 0, 'switches back OFF (volatile)');
  assert.ok(vs[on] > vs[off] + 1, `hysteresis: on at ${vs[on]} V, off at ${vs[off]} V of the source`);
  // NDR: across the switching event the device voltage falls while the current rises
  assert.ok(v[on + 5] < v[on - 5] && i[on + 5] > i[on - 5], 'negative differential resistance at turn-on');
  // quasi-static heat balance before turn-on (tau_th = 0.24 us << sweep): S_e (T - T0) = V I within 1 %
  const k = on - 10;
  const bal = (2.056e-4 * (T[k] - 325)) / (v[k] * i[k]);
  assert.ok(Math.abs(bal - 1) < 0.01, `heat balance ${bal}`);
  // back at T0 = 325 K the play operator leaves m on the cooling branch
  // m_c(T0) = 1/2 - 1/2 tanh(beta (T_c - w/2 - T0)) = 0.107 (a minor loop, as in Zhang's model)
  const mc = 0.5 - 0.5 * Math.tanh(0.253 * (332.8 - 7.19 / 2 - 325));
  assert.ok(Math.abs(m[m.length - 1] - mc) < 0.01, `m at 0 V: ${m[m.length - 1]}, cooling branch ${mc}`);
});

test('ecm-kinetic: Ag ON/OFF ratio above 1e3 at read (measurements.md D)', () => {
  for (const id of ['ag-sio2-pt', 'cu-sio2-ecm']) {
    const sw = getPreset(id)!.sweep!;
    const r = simulate(resolveSpec({
      device: { preset: id }, circuit: { compliance: sw.compliance },
      stimulus: { type: 'pwl', points: [[0, 0], [sw.period! / 4, sw.vSet], [sw.period! / 2, 0]] },
      record: { every: 'none', vRead: sw.vRead },
    }));
    assert.equal(r.status, 'ok', r.message);
    const ratio = r.metrics.gFinal.value / r.metrics.gInitial.value;
    assert.ok(ratio > 1e3, `${id}: ON/OFF ${ratio}`);
  }
});

test('ecm-kinetic: conductance dwells at integer multiples of G0 while an atom-thin contact grows', () => {
  const r = simulate(resolveSpec({
    device: { preset: 'nb-zno-pt-quantized' }, circuit: { compliance: '400 uA' },
    stimulus: { type: 'pwl', points: [[0, 0], [0.5, 1]] },
    record: { every: 1e-4 },
  }));
  assert.equal(r.status, 'ok', r.message);
  const gq = r.columns.gG0;
  let inBand = 0, total = 0;
  for (let k = 0; k < gq.length; k++) {
    if (gq[k] < 1 || gq[k] > 5) continue;
    total++;
    if (Math.abs(gq[k] - Math.round(gq[k])) < 0.1) inBand++;
  }
  assert.ok(total > 50, `time spent between 1 and 5 G0: ${total} samples`);
  // a featureless ramp would put 20 % of the samples within +-0.1 G0 of an integer
  assert.ok(inBand / total > 0.6, `fraction at plateaus ${inBand / total}`);
  assert.ok(G0 > 7.748e-5 && G0 < 7.749e-5);
});

test('ecm-kinetic (stochastic channels): conductance at contact sits on (1 + n) G0, n integer', () => {
  const r = simulate(resolveSpec({
    device: { preset: 'nb-zno-pt-quantized', set: { quantize: 'stochastic' } }, circuit: { compliance: '400 uA' },
    stimulus: { type: 'pwl', points: [[0, 0], [0.5, 1]] },
    record: { every: 1e-4 }, seed: 5,
  }));
  assert.equal(r.status, 'ok', r.message);
  const { gG0, n, x } = r.columns;
  let levels = 0, last = -1;
  for (let k = 0; k < n.length; k++) {
    assert.equal(n[k], Math.round(n[k]), `n is an integer (${n[k]})`);
    if (x[k] > 1.2e-12) continue; // in contact (x within 0.2 pm of its lower gate x_lo = 1 pm)
    // tip tunnelling factor exp(-2 kappa (x - x_lo)) >= 0.998 for x - x_lo < 0.2 pm, leak 1e-8 S = 1.3e-4 G0
    assert.ok(Math.abs(gG0[k] - 1 - n[k]) < 0.01, `G/G0 = ${gG0[k]} with n = ${n[k]}`);
    if (n[k] !== last) { levels++; last = n[k]; }
  }
  assert.ok(levels >= 3, `distinct plateaus visited: ${levels}`);
});

test('vteam: I-V options hit R_on and R_off at the bounds; gates stop only outward motion', () => {
  const m = getModel('vteam')!;
  for (const iv of ['linear', 'exponential']) {
    const p = resolveParams(m, getPreset('vteam-memtorch'), { iv }, 'set').values;
    const i = new Float64Array(1);
    m.current(Float64Array.of(1), Float64Array.of(0), p, i, null, 1);
    assert.ok(Math.abs(1 / i[0] - 50) < 1e-9, `${iv}: R(x_on) = ${1 / i[0]}`);
    m.current(Float64Array.of(1), Float64Array.of(3e-9), p, i, null, 1);
    assert.ok(Math.abs(1 / i[0] - 1000) < 1e-9, `${iv}: R(x_off) = ${1 / i[0]}`);
  }
  // at x_off a RESET voltage cannot push further, a SET voltage moves the state at full speed
  // ("3 nm" parses to x_off within an ulp; the gate is (d/eps)^2 ~ 1e-26 there, i.e. stopped)
  assert.ok(Math.abs(rate('vteam', 'vteam-memtorch', {}, 1, [3e-9])[0]) < 1e-20);
  const vSet = rate('vteam', 'vteam-memtorch', {}, -1, [3e-9])[0];
  assert.ok(Math.abs(vSet / (-10 * 4 ** 3) - 1) < 1e-12, `SET rate at x_off ${vSet} m/s, k_on (V/v_on - 1)^3 = -640`);
  // between the thresholds nothing moves
  assert.equal(rate('vteam', 'vteam-memtorch', {}, -0.1, [1.5e-9])[0], 0);
});

test('jart-vcm: the internal solve satisfies Kirchhoff and the quasi-static heat balance', () => {
  const m = getModel('jart-vcm')!;
  const p = resolveParams(m, getPreset('jart-hfo2-cuppers2019'), {}, 'set').values;
  const get = (name: string) => p[m.params.findIndex((d) => d.name === name)];
  const area = Math.PI * get('r') ** 2, zqm = get('zvo') * Q * get('mun') * area;
  const out = new Float64Array(2), i = new Float64Array(1);
  for (const N of [0.008, 1, 20]) {
    for (const V of [-1.2, -0.4, 0.3, 1.2]) {
      m.current(Float64Array.of(V), Float64Array.of(N), p, i, null, 1);
      m.outputsAt!(Float64Array.of(V), Float64Array.of(N), p, out, 1);
      const [T, vs] = out, I = i[0];
      const rd = get('ldisc') / (zqm * N * 1e26), rp = (get('lcell') - get('ldisc')) / (zqm * get('nplug') * 1e26);
      const rser = get('rtiox') + get('r0') * (1 + get('alphaline') * get('r0') * I * I * get('rthline'));
      const kv = vs + I * (rd + rp + rser) - V;
      // bracketed Newton stops at 1e-12 V + 1e-10 |V_S| on V_S; the residual is that times (1 + g R)
      assert.ok(Math.abs(kv) < 1e-6, `N ${N}, V ${V}: Kirchhoff residual ${kv} V`);
      const rth = get('rth0') * (V < 0 ? 1 : get('rthScale'));
      const tq = get('t0') + I * (vs + I * (rd + rp)) * rth;
      // outer Illinois iteration stops at |h(T)| < 1e-6 K or a bracket of 1e-9 T
      assert.ok(Math.abs(T - Math.min(tq, get('t0') + 3000)) < 1e-3, `N ${N}, V ${V}: T ${T} K, T0 + P R_th = ${tq} K`);
      assert.ok(Math.sign(I) === Math.sign(V), 'current follows the voltage');
    }
  }
});

test('a state named like a recorded column (stanford-pku gap g) does not overwrite the read conductance', () => {
  const r = simulate(resolveSpec({
    device: { preset: 'stanford-hfox-v1' },
    stimulus: { type: 'dc', level: 0.1, duration: '1 us' },
  }));
  const g = r.columns.g, gap = r.columns[stateColumn('g')];
  assert.equal(stateColumn('g'), 'state.g');
  assert.equal(r.units.g, 'S');
  // the read conductance at 0.1 V equals I/V of the device current column (same bias, same state)
  const k = g.length - 1;
  assert.ok(Math.abs(g[k] - r.columns.i[k] / r.columns.v[k]) <= 1e-9 * g[k], `g ${g[k]} vs I/V ${r.columns.i[k] / r.columns.v[k]}`);
  // the gap is a length of a few nm, as initialised by the preset
  assert.ok(gap[k] > 1e-10 && gap[k] < 1e-8, `gap ${gap[k]} m`);
});
