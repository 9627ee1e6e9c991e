import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../src/rng/rng.js';
import { listPresets, getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { resolveProtocolSpec, runProtocolSpec } from '../src/protocols/registry.js';
import { PoissonGroup, SpikeGeneratorGroup } from '../src/network/sources.js';
import { LifGroup } from '../src/network/lif.js';
import { connect } from '../src/network/connectivity.js';
import { DeviceSynapses, stateBoxConductance, type DeviceSynapseOptions } from '../src/network/device-synapses.js';
import { spikePoints, spikeValue, type SpikeShape } from '../src/network/spike-waveform.js';
import { resolveDevice } from '../src/experiment/device-spec.js';
import { simulate } from '../src/experiment/run.js';
import { Pwl } from '../src/stimulus/waveform.js';
import { WeightMonitor } from '../src/network/monitors.js';
import { Network } from '../src/network/network.js';
import type { SpikingGroup } from '../src/network/types.js';

// Device synapses against the protocol engine (`nanoionics protocol stdp`): same device, same
// spike waveforms, same integrator settings; and the invariances of the event-driven, batched
// integration (splitting, batching, seeds).

/** Options for device synapses of a preset whose weight is the conductance itself (w = g). */
function options(presetId: string, shape: SpikeShape, set: Record<string, unknown> = {}, vRead = 0.1): DeviceSynapseOptions {
  const preset = getPreset(presetId)!, model = getModel(preset.model)!;
  const resolved = resolveParams(model, preset, set, 'set');
  const g = stateBoxConductance(model, resolved.values, vRead) ?? [0, 1];
  return { model, resolved, preset: presetId, pre: shape, post: shape, vRead, weightRange: g, conductanceRange: g, rtol: 1e-6, method: 'auto' };
}

/** Read conductance of synapse k from the device state. */
function gOf(s: DeviceSynapses, k: number): number {
  const m = s.opt.model, S = m.states.length, P = m.params.length, n = s.n;
  const x = new Float64Array(S), p = new Float64Array(P), i = new Float64Array(1);
  for (let q = 0; q < S; q++) x[q] = s.x[q * n + k];
  for (let q = 0; q < P; q++) p[q] = s.devices.p[q * n + k];
  m.current(Float64Array.of(s.opt.vRead), x, p, i, null, 1);
  return i[0] / s.opt.vRead;
}

/**
 * dW = g(read)/g(0) - 1 of one device synapse for a pre spike at tPre and a post spike at
 * tPre + delay, read at the later spike + spike duration + readDelay (a grid point).
 */
function networkDw(o: DeviceSynapseOptions, delay: number, readAfter: number, dt: number): { dW: number; status: string } {
  const tPre = delay >= 0 ? 0 : -delay, tPost = tPre + delay;
  const pre = new SpikeGeneratorGroup('pre', 1, [0], [tPre]), post = new SpikeGeneratorGroup('post', 1, [0], [tPost]);
  const s = new DeviceSynapses('s', pre, post, connect({ kind: 'all' }, 1, 1), null, o, new Rng(1));
  const net = new Network(dt, [pre, post], [s]);
  const g0 = gOf(s, 0);
  net.runSteps(Math.round((Math.max(tPre, tPost) + readAfter) / dt));
  s.weights(net.step, new Float64Array(1));
  return { dW: gOf(s, 0) / g0 - 1, status: s.status };
}

/** The stdp protocol's dW table for a preset, with readDelay moved so that the read falls on the network grid. */
function protocolDw(presetId: string, dt: number, params: Record<string, unknown> = {}) {
  const p0 = resolveProtocolSpec({ protocol: 'stdp', device: { preset: presetId }, params }).params;
  const shape: SpikeShape = { progAmplitude: p0.progAmplitude as number, progWidth: p0.progWidth as number, heatAmplitude: p0.heatAmplitude as number, heatWidth: p0.heatWidth as number, gap: p0.gap as number };
  const D = spikePoints(shape).duration;
  const readAfter = Math.ceil((D + (p0.readDelay as number)) / dt) * dt;
  const r = runProtocolSpec({ protocol: 'stdp', device: { preset: presetId }, params: { ...params, readDelay: readAfter - D } });
  return { shape, readAfter, status: r.status, dt: r.tables.stdp.columns.dt, dW: r.tables.stdp.columns.dW, vRead: p0.vRead as number };
}

test('device synapse = protocol stdp (wox-du2015, its default waveform and delays 7-70 ms, both signs): |dW_net - dW_protocol| <= 1e-6', () => {
  const dt = 1e-4;
  const pr = protocolDw('wox-du2015', dt);
  assert.equal(pr.status, 'ok');
  const o = options('wox-du2015', pr.shape, {}, pr.vRead);
  let worst = 0;
  for (let k = 0; k < pr.dt.length; k++) {
    const n = networkDw(o, pr.dt[k], pr.readAfter, dt);
    assert.equal(n.status, 'ok');
    // both integrate the same ODE under the same breakpoints at rtol 1e-6; the network restarts
    // the integration at the second spike and at the read, so their step sequences differ and
    // the results agree to the integration error, ~rtol |g| (measured: 2e-9)
    assert.ok(Math.abs(n.dW - pr.dW[k]) <= 1e-6, `dt ${pr.dt[k]} s: network ${n.dW}, protocol ${pr.dW[k]}`);
    worst = Math.max(worst, Math.abs(n.dW - pr.dW[k]));
  }
  // the window itself: +dt potentiates, -dt depresses (the device's own STDP)
  assert.ok(pr.dW[pr.dt.length / 2] > 0.05 && pr.dW[pr.dt.length / 2 - 1] < -0.05);
  assert.ok(worst < 1e-6);
});

test('device synapse = protocol stdp for every deterministic catalogue preset (smallest delay, both signs): |dW_net - dW_protocol| <= 1e-5 (1 + |dW|)', () => {
  // excluded, with the reason: models with stochastic jumps draw their random numbers along the
  // integrator's steps (a different sequence here), and taox-vcm-memory's protocol run itself
  // stops at max-steps with this waveform (nothing to compare with)
  for (const preset of listPresets()) {
    const model = getModel(preset.model)!;
    if (model.jump || preset.id === 'taox-vcm-memory') continue;
    const p0 = resolveProtocolSpec({ protocol: 'stdp', device: { preset: preset.id } }).params;
    const D = spikePoints({ progAmplitude: 1, progWidth: p0.progWidth as number, heatAmplitude: p0.heatAmplitude as number, heatWidth: p0.heatWidth as number, gap: p0.gap as number }).duration;
    const d0 = Math.max((p0.delays as number[])[0], D), dt = Number((d0 / 20).toPrecision(1)), delay = Math.ceil(d0 / dt) * dt;
    const pr = protocolDw(preset.id, dt, { delays: [delay] });
    assert.equal(pr.status, 'ok', preset.id);
    const o = options(preset.id, pr.shape, {}, pr.vRead);
    for (let k = 0; k < pr.dt.length; k++) {
      const n = networkDw(o, pr.dt[k], pr.readAfter, dt);
      assert.equal(n.status, 'ok', preset.id);
      // rtol 1e-6 on g, integration restarted at each spike; the 1 + |dW| scale covers devices
      // whose conductance changes by orders of magnitude (yakopcic-2011: dW = 6e3)
      assert.ok(Math.abs(n.dW - pr.dW[k]) <= 1e-5 * (1 + Math.abs(pr.dW[k])), `${preset.id} dt ${pr.dt[k]}: network ${n.dW}, protocol ${pr.dW[k]}`);
    }
  }
});

const SHAPE: SpikeShape = { progAmplitude: 1.4, progWidth: 1e-3, heatAmplitude: 0.9, heatWidth: 5e-3, gap: 0 };

function poissonPair(seed: number): [SpikingGroup, SpikingGroup] {
  const r = new Rng(seed);
  return [new PoissonGroup('pre', [60, 30, 45], r.stream('pre')), new PoissonGroup('post', [40, 80, 20, 50], r.stream('post'))];
}

test('lazy integration is exact: reading every weight in every step (catch-up split into 0.1 ms pieces) changes nothing beyond the integrator tolerance', () => {
  const run = (every: number) => {
    const [a, b] = poissonPair(5);
    const s = new DeviceSynapses('s', a, b, connect({ kind: 'all' }, 3, 4), null, options('wox-du2015', SHAPE, { c0: 0.5 }), new Rng(2));
    const mon = new WeightMonitor(s, every);
    new Network(1e-4, [a, b], [s], [mon]).run(0.2);
    return { w: mon.final!, w0: mon.initial!, st: s.stats };
  };
  const lazy = run(2 ** 30), eager = run(1);
  assert.ok(eager.st.catchUps > 20 * lazy.st.catchUps, `${eager.st.catchUps} vs ${lazy.st.catchUps} catch-ups`);
  for (let k = 0; k < lazy.w.length; k++) {
    assert.ok(Math.abs(eager.w[k] - lazy.w[k]) <= 1e-6 * Math.abs(lazy.w[k]), `synapse ${k}: ${eager.w[k]} vs ${lazy.w[k]}`);
  }
  // and the spikes did something: every weight moved by far more than that tolerance
  for (let k = 0; k < lazy.w.length; k++) assert.ok(Math.abs(lazy.w[k] / lazy.w0[k] - 1) > 1e-3, `synapse ${k}: ${lazy.w0[k]} -> ${lazy.w[k]}`);
});

test('batching is transparent: one pre neuron onto 8 posts with different spike times equals 8 separate single-synapse networks', () => {
  const postTimes = [2e-3, 4e-3, 5e-3, 9e-3, 15e-3, 30e-3, 1e-3, 0];
  const o = options('wox-du2015', SHAPE, { c0: 0.4 });
  const pre = new SpikeGeneratorGroup('pre', 1, [0, 0], [5e-3, 20e-3]);
  const post = new SpikeGeneratorGroup('post', 8, postTimes.map((_, j) => j), postTimes);
  const s = new DeviceSynapses('s', pre, post, connect({ kind: 'all' }, 1, 8), null, o, new Rng(1));
  const net = new Network(1e-4, [pre, post], [s]);
  net.run(0.06);
  s.weights(net.step, new Float64Array(8));
  for (let j = 0; j < 8; j++) {
    const a = new SpikeGeneratorGroup('pre', 1, [0, 0], [5e-3, 20e-3]), b = new SpikeGeneratorGroup('post', 1, [0], [postTimes[j]]);
    const one = new DeviceSynapses('s', a, b, connect({ kind: 'all' }, 1, 1), null, o, new Rng(1));
    const n1 = new Network(1e-4, [a, b], [one]);
    n1.run(0.06);
    one.weights(n1.step, new Float64Array(1));
    const g8 = gOf(s, j), g1 = gOf(one, 0);
    assert.ok(Math.abs(g8 - g1) <= 1e-6 * g1, `post ${j}: batched ${g8} vs alone ${g1}`);
  }
  // different timings gave different weights (the batch did not smear them together)
  const gs = postTimes.map((_, j) => gOf(s, j));
  assert.ok(new Set(gs.map((g) => g.toPrecision(6))).size === 8, `${gs}`);
});

test('a pre spike delivers the mapped read conductance at the spike time into the target conductance', () => {
  const o = { ...options('wox-du2015', SHAPE, { c0: 0.3 }), weightRange: [0, 0.02] as [number, number] };
  const pre = new SpikeGeneratorGroup('pre', 1, [0, 0], [1e-3, 8e-3]);
  const post = new LifGroup('post', { n: 1, synapse: 'conductance', integration: 'exact', tauM: 20e-3, vRest: -0.07, vReset: -0.065, vThreshold: 0, refractory: 0, vBias: 0, v0: -0.07, tauSyn: 5e-3, tauE: 5e-3, tauI: 10e-3, eExc: 0, eInh: -0.08 });
  const s = new DeviceSynapses('s', pre, post, connect({ kind: 'all' }, 1, 1), 'ge', o, new Rng(1));
  const net = new Network(1e-4, [pre, post], [s]);
  const [g0, g1] = o.conductanceRange, [w0, w1] = o.weightRange;
  const map = (g: number) => w0 + (w1 - w0) * (g - g0) / (g1 - g0);
  net.runSteps(10);
  const gBefore = gOf(s, 0); // nothing has happened yet at zero bias but relaxation (lazy: caught up at the spike)
  net.runSteps(1); // step 10: the spike; ge = w(g at 1 ms)
  assert.ok(Math.abs(post.ge[0] - map(gOf(s, 0))) < 1e-15, `${post.ge[0]} vs ${map(gOf(s, 0))}`);
  assert.ok(Math.abs(gOf(s, 0) / gBefore - 1) < 1e-4); // 1 ms of zero-bias relaxation (tau_c = 30 s)
  const ge1 = post.ge[0];
  net.runSteps(70); // through step 80: the second spike, after the first spike's waveform depressed the device
  const w2 = map(gOf(s, 0));
  assert.ok(Math.abs(post.ge[0] - (ge1 * Math.exp(-70e-4 / 5e-3) + w2)) < 1e-15);
  assert.ok(w2 < ge1, 'a lone pre spike (RESET polarity) depresses the WOx device');
});

test('variability: <param>Dtod spreads the devices from the seed (same seed same weights); <param>C2c redraws on polarity changes', () => {
  const run = (seed: number, set: Record<string, unknown>) => {
    const [a, b] = poissonPair(9);
    const s = new DeviceSynapses('s', a, b, connect({ kind: 'all' }, 3, 4), null, options('wox-du2015', SHAPE, set), new Rng(seed));
    const mon = new WeightMonitor(s, 2 ** 30);
    new Network(1e-4, [a, b], [s], [mon]).run(0.1);
    return mon;
  };
  const a = run(1, { c0: 0.5, c0Dtod: 0.3 }), b = run(1, { c0: 0.5, c0Dtod: 0.3 }), c = run(2, { c0: 0.5, c0Dtod: 0.3 }), flat = run(1, { c0: 0.5 });
  assert.deepEqual([...a.final!], [...b.final!]);
  assert.notDeepEqual([...a.initial!], [...c.initial!]);
  assert.equal(new Set(flat.initial!).size, 1);
  assert.equal(new Set(a.initial!).size, 12);
  const c2c = run(1, { c0: 0.5, lambdaC2c: 0.3 });
  assert.equal(new Set(c2c.initial!).size, 1); // same start
  assert.notDeepEqual([...c2c.final!], [...flat.final!]); // different drift rates drawn per polarity change
  assert.deepEqual([...c2c.final!], [...run(1, { c0: 0.5, lambdaC2c: 0.3 }).final!]);
});

/**
 * Reference by the experiment engine: the voltage across one synapse built independently as a
 * Pwl (each spike's waveform from its start until the neuron's next spike, which restarts it;
 * pre with the RESET sign, post with the SET sign; overlaps add), run through simulate().
 */
function engineG(presetId: string, pre: number[], post: number[], tEnd: number, set: Record<string, unknown>): { g0: number; g1: number } {
  const dev = resolveDevice({ preset: presetId, set }, 'device');
  const W = spikePoints(SHAPE), s = dev.model.setPolarity;
  const pieces: Array<{ t0: number; t1: number; sign: number }> = [];
  for (const [times, sign] of [[pre, -s], [post, s]] as const) {
    times.forEach((t0, k) => pieces.push({ t0, t1: k + 1 < times.length ? times[k + 1] : Infinity, sign }));
  }
  const value = (t: number, left: boolean) => {
    let v = 0;
    for (const p of pieces) {
      const inside = left ? t > p.t0 && t <= p.t1 : t >= p.t0 && t < p.t1;
      if (inside) v += p.sign * spikeValue(W, t - p.t0);
    }
    return v;
  };
  const ts = new Set<number>([0, tEnd]);
  for (const p of pieces) for (const u of W.t) if (p.t0 + u < p.t1 && p.t0 + u <= tEnd) ts.add(p.t0 + u);
  for (const p of pieces) if (p.t1 < tEnd) ts.add(p.t1);
  const tt: number[] = [], vv: number[] = [];
  for (const t of [...ts].sort((a, b) => a - b)) {
    const l = value(t, true), r = value(t, false);
    if (t > 0 && l !== r) { tt.push(t); vv.push(l); } // a restart: step from the left limit
    tt.push(t); vv.push(r);
  }
  const res = simulate({
    device: dev, circuit: { series: 0, compliance: Infinity }, stimulus: new Pwl(tt, vv), tEnd,
    solver: { method: 'auto', rtol: 1e-6, atolScale: 1, maxStep: Infinity, maxSteps: 5e6 },
    record: { every: 'breakpoint', vRead: 0.1, devices: [0] }, seed: 1, raw: {},
  });
  assert.equal(res.status, 'ok');
  return { g0: res.columns.g[0], g1: res.columns.g[res.columns.g.length - 1] };
}

test('overlapping and restarted spike waveforms = the experiment engine under the superposed voltage (wox-du2015)', () => {
  const cases: Array<[number[], number[]]> = [
    [[0], [2e-3]], // post 2 ms after pre: the waveforms (6 ms) overlap
    [[3e-3], [0]], // pre 3 ms after post
    [[1e-3], [1e-3]], // together: identical waveforms cancel (zero volts)
    [[0, 3e-3], [1e-3]], // the second pre spike restarts the first one's waveform mid-heating pulse
    [[0, 2e-3, 4e-3], [1e-3, 5e-3, 5.5e-3]],
  ];
  const set = { c0: 0.4 };
  for (const [pre, post] of cases) {
    const tEnd = 30e-3;
    const a = new SpikeGeneratorGroup('pre', 1, pre.map(() => 0), pre), b = new SpikeGeneratorGroup('post', 1, post.map(() => 0), post);
    const syn = new DeviceSynapses('s', a, b, connect({ kind: 'all' }, 1, 1), null, options('wox-du2015', SHAPE, set), new Rng(1));
    const net = new Network(1e-4, [a, b], [syn]);
    const g0 = gOf(syn, 0);
    net.run(tEnd);
    syn.weights(net.step, new Float64Array(1));
    const ref = engineG('wox-du2015', pre, post, tEnd, set);
    assert.ok(Math.abs(g0 - ref.g0) < 1e-15 * ref.g0);
    const dNet = gOf(syn, 0) / g0 - 1, dRef = ref.g1 / ref.g0 - 1;
    assert.ok(Math.abs(dNet - dRef) <= 1e-6, `pre ${pre} post ${post}: network dW ${dNet}, engine ${dRef}`);
    if (pre[0] === post[0]) assert.ok(Math.abs(dRef) < 1e-3, `cancelling spikes leave only the 30 ms relaxation: ${dRef}`);
    else assert.ok(Math.abs(dRef) > 1e-3, `${dRef}`);
  }
});
