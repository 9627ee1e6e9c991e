import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LifGroup, type LifOptions } from '../src/network/lif.js';
import { SpikeGeneratorGroup } from '../src/network/sources.js';
import { connect } from '../src/network/connectivity.js';
import { RuleSynapses } from '../src/network/rule-synapses.js';
import { SpikeMonitor, StateMonitor } from '../src/network/monitors.js';
import { Network } from '../src/network/network.js';
import { integrate } from '../src/solve/driver.js';
import { ExplicitRK } from '../src/solve/explicit-rk.js';
import { DOPRI5 } from '../src/solve/tableaus/dopri5.js';

// LIF groups against their analytic solutions: exact propagators are exact, Euler is first
// order, the conductance-based exponential integrator second order; Brian2's threshold /
// reset / refractory timing.

const BASE: LifOptions = {
  n: 1, synapse: 'conductance', integration: 'exact', tauM: 20e-3, vRest: -0.07, vReset: -0.065, vThreshold: -0.054,
  refractory: 0, vBias: 0, v0: -0.07, tauSyn: 5e-3, tauE: 5e-3, tauI: 10e-3, eExc: 0, eInh: -0.08,
};

test('LIF, constant drive: first spike in step floor(t*/dt), t* = tau ln((v0 - v_inf)/(v_th - v_inf)); ISI = max(R, 1) + floor(t1*/dt) steps', () => {
  for (const [dt, ref] of [[1e-4, 0], [1e-4, 5e-3], [3e-5, 2e-3]] as const) {
    const o = { ...BASE, vBias: 0.02, refractory: ref }; // v_inf = -50 mV, above the -54 mV threshold
    const g = new LifGroup('n', o);
    const mon = new SpikeMonitor(g);
    const net = new Network(dt, [g], [], [mon]);
    net.run(0.3);
    const { t } = mon.columns();
    const vInf = o.vRest + o.vBias;
    const tFirst = o.tauM * Math.log((o.v0 - vInf) / (o.vThreshold - vInf));
    const tNext = o.tauM * Math.log((o.vReset - vInf) / (o.vThreshold - vInf));
    const R = Math.floor(ref / dt + 1e-3);
    assert.equal(Math.round(t[0] / dt), Math.floor(tFirst / dt), `dt ${dt}: first spike ${t[0]} s, t* = ${tFirst} s`);
    assert.ok(t[0] <= tFirst && tFirst < t[0] + dt);
    // updates resume in step n0 + max(R, 1) from v_reset; floor(t1*/dt) + 1 of them reach threshold
    const isi = Math.max(R, 1) + Math.floor(tNext / dt);
    for (let k = 1; k < t.length; k++) assert.equal(Math.round((t[k] - t[k - 1]) / dt), isi, `dt ${dt} ref ${ref}: ISI ${k}`);
    assert.ok(t.length > 5);
  }
});

test('LIF below threshold never spikes; refractory neurons are clamped at v_reset', () => {
  const g = new LifGroup('n', { ...BASE, vBias: 0.015 }); // v_inf = -55 mV < -54 mV
  const mon = new SpikeMonitor(g);
  new Network(1e-4, [g], [], [mon]).run(1);
  assert.equal(mon.total, 0);
  assert.ok(Math.abs(g.v[0] - -0.055) < 1e-12, `${g.v[0]}`);
  // refractory: after a spike v stays at v_reset for R - 1 updates
  const h = new LifGroup('n', { ...BASE, vBias: 0.03, refractory: 2e-3 });
  const sm = new SpikeMonitor(h), vm = new StateMonitor(h, 'v', [0]);
  new Network(1e-4, [h], [], [sm, vm]).run(0.05);
  const n0 = Math.round(sm.columns().t[0] / 1e-4);
  const v = vm.columns()['v[0]'];
  for (let k = n0 + 1; k <= n0 + 20; k++) assert.equal(v[k], BASE.vReset, `step ${k}`); // sampled at the start of step k
  assert.ok(v[n0 + 21] > BASE.vReset);
});

/** One input spike of weight w at t = 0 onto a single neuron; returns v sampled at the start of every step. */
function kick(o: LifOptions, target: string, w: number, dt: number, T: number): Float64Array {
  const src = new SpikeGeneratorGroup('in', 1, [0], [0]);
  const g = new LifGroup('n', o);
  const syn = new RuleSynapses('s', src, g, connect({ kind: 'all' }, 1, 1), target, [w], { tauPre: 1, tauPost: 1, aPre: 0, aPost: 0, wMin: -Infinity, wMax: Infinity });
  const vm = new StateMonitor(g, 'v', [0]);
  new Network(dt, [src, g], [syn], [vm]).run(T);
  return vm.columns()['v[0]'];
}

test('current-based LIF: exact propagator equals v_rest + I0 tau_s/(tau_s - tau_m)(e^{-t/tau_s} - e^{-t/tau_m}) to rounding', () => {
  const o: LifOptions = { ...BASE, synapse: 'current', vThreshold: 1 };
  for (const tauSyn of [5e-3, 20e-3]) { // the second is the tau_s = tau_m limit: (t/tau) e^{-t/tau}
    const dt = 1e-4, I0 = 0.01;
    const v = kick({ ...o, tauSyn }, 'I', I0, dt, 0.1);
    for (let k = 1; k < v.length; k++) {
      const t = (k - 1) * dt; // the weight lands after the update of step 0: I(dt) = I0
      const ex = tauSyn === o.tauM ? I0 * (t / o.tauM) * Math.exp(-t / o.tauM)
        : I0 * (tauSyn / (tauSyn - o.tauM)) * (Math.exp(-t / tauSyn) - Math.exp(-t / o.tauM));
      // tolerance: a few ulp of v times the ~1000 steps of accumulated rounding
      assert.ok(Math.abs(v[k] - (o.vRest + ex)) < 1e-14, `tau_s ${tauSyn}, step ${k}: ${v[k]} vs ${o.vRest + ex}`);
    }
  }
});

/** Reference: the conductance-based neuron after a kick g0, by DOPRI5 at rtol 1e-12. */
function reference(o: LifOptions, g0: number, t: number): number {
  const sys = { n: 2, rhs: (_t: number, y: Float64Array, d: Float64Array) => { d[0] = (o.vRest - y[0] + y[1] * (o.eExc - y[0])) / o.tauM; d[1] = -y[1] / o.tauE; } };
  const y = Float64Array.of(o.vRest, g0);
  integrate(sys, new ExplicitRK(DOPRI5), 0, t, y, { rtol: 1e-12, atol: 1e-15 });
  return y[0];
}

test('conductance-based LIF: exponential integrator is second order, Euler first order (error ratios when dt halves)', () => {
  const o: LifOptions = { ...BASE, vThreshold: 1 }, g0 = 0.5, T = 10e-3;
  const ref = reference(o, g0, T);
  const err = (integration: 'exact' | 'euler', dt: number) => {
    const v = kick({ ...o, integration }, 'ge', g0, dt, T + 2 * dt);
    return Math.abs(v[Math.round(T / dt) + 1] - ref); // sampled at the start of step k: time (k - 1) dt after the kick
  };
  const ex = [2e-4, 1e-4, 5e-5].map((dt) => err('exact', dt)), eu = [2e-4, 1e-4, 5e-5].map((dt) => err('euler', dt));
  for (let k = 0; k < 2; k++) {
    const rx = ex[k] / ex[k + 1], ru = eu[k] / eu[k + 1];
    assert.ok(rx > 3.6 && rx < 4.4, `exact: errors ${ex}, ratio ${rx}`);
    assert.ok(ru > 1.8 && ru < 2.2, `euler: errors ${eu}, ratio ${ru}`);
  }
  assert.ok(ex[1] < eu[1] / 10, `exact ${ex[1]} should beat Euler ${eu[1]} by far at dt = 0.1 ms`);
});
