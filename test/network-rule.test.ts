import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../src/rng/rng.js';
import { PoissonGroup, SpikeGeneratorGroup } from '../src/network/sources.js';
import { LifGroup } from '../src/network/lif.js';
import { connect } from '../src/network/connectivity.js';
import { RuleSynapses, type StdpRule } from '../src/network/rule-synapses.js';
import { SpikeMonitor } from '../src/network/monitors.js';
import { Network } from '../src/network/network.js';
import { resolveNetworkSpec } from '../src/network/spec.js';
import { runNetwork } from '../src/network/build.js';

// Sources (Poisson statistics, generators), the rule-STDP reference against hand-computed
// trace updates, and determinism.

test('Poisson group: spike counts within 4 sigma of N r T, per-step Bernoulli statistics (mean ISI), rate 0 silent, r dt = 1 every step', () => {
  const N = 2000, r = 20, dt = 1e-4, T = 1;
  const g = new PoissonGroup('p', new Float64Array(N).fill(r), new Rng(3).stream('group:p'));
  const m = new SpikeMonitor(g);
  new Network(dt, [g], [], [m]).run(T);
  // binomial(N T/dt, r dt): mean N r T = 40000, sd sqrt(N T/dt p (1 - p)) = 199
  const p = r * dt, mean = N * T / dt * p, sd = Math.sqrt(N * T / dt * p * (1 - p));
  assert.ok(Math.abs(m.total - mean) < 4 * sd, `${m.total} vs ${mean} +- ${sd}`);
  // each unit's count: chi-square-like dispersion check (variance of counts ~ mean)
  let s2 = 0;
  for (let i = 0; i < N; i++) s2 += (m.counts[i] - mean / N) ** 2;
  const varRatio = s2 / (N - 1) / (mean / N * (1 - p));
  assert.ok(Math.abs(varRatio - 1) < 4 * Math.sqrt(2 / (N - 1)), `count variance / mean = ${varRatio}`);
  // geometric inter-spike intervals: mean 1/p steps (a long run, so that censoring at the end
  // of the window biases the mean by ~ (1/p)^2 dt / T = 1.3 steps, well inside 4 sigma = 10 steps)
  const gl = new PoissonGroup('p', new Float64Array(100).fill(r), new Rng(4).stream('group:p'));
  const ml = new SpikeMonitor(gl);
  new Network(dt, [gl], [], [ml]).run(20);
  const { i, t } = ml.columns();
  const last = new Float64Array(100).fill(-1);
  let sum = 0, n = 0;
  for (let k = 0; k < t.length; k++) { const u = i[k]; if (last[u] >= 0) { sum += (t[k] - last[u]) / dt; n++; } last[u] = t[k]; }
  const isiMean = sum / n, isiSd = Math.sqrt((1 - p) / (p * p) / n);
  assert.ok(Math.abs(isiMean - 1 / p) < 4 * isiSd, `mean ISI ${isiMean} steps vs ${1 / p}`);
  const g0 = new PoissonGroup('z', [0, 1 / dt], new Rng(1));
  const m0 = new SpikeMonitor(g0);
  new Network(dt, [g0], [], [m0]).runSteps(1000);
  assert.deepEqual([...m0.counts], [0, 1000]);
  assert.throws(() => new Network(dt, [new PoissonGroup('bad', [2 / dt], new Rng(1))]), /bad\.rate\[0\].*probability/);
});

test('spike generator: spikes in step round(t/dt), duplicates in one step rejected', () => {
  const g = new SpikeGeneratorGroup('g', 3, [2, 0, 1], [0.3e-3, 0.1e-3, 0.1e-3]);
  const m = new SpikeMonitor(g);
  new Network(1e-4, [g], [], [m]).runSteps(10);
  const c = m.columns();
  assert.deepEqual([...c.i], [0, 1, 2]);
  assert.deepEqual([...c.t].map((x) => Math.round(x / 1e-4)), [1, 1, 3]);
  assert.throws(() => new Network(1e-4, [new SpikeGeneratorGroup('d', 1, [0, 0], [1e-4, 1.04e-4])]), /spikes twice in step 1/);
});

const RULE: StdpRule = { tauPre: 20e-3, tauPost: 15e-3, aPre: 0.01, aPost: -0.012, wMin: 0, wMax: 1 };

/** One synapse from a pre generator to a post generator; spikes at the given times. */
function pair(pre: number[], post: number[], w0 = 0.5, rule = RULE): RuleSynapses {
  const a = new SpikeGeneratorGroup('pre', 1, pre.map(() => 0), pre), b = new SpikeGeneratorGroup('post', 1, post.map(() => 0), post);
  const s = new RuleSynapses('s', a, b, connect({ kind: 'all' }, 1, 1), null, [w0], rule);
  new Network(1e-4, [a, b], [s]).run(0.2);
  return s;
}

test('rule STDP equals the hand-computed trace updates (pre/post pairs, both orders, triplets)', () => {
  const { tauPre, tauPost, aPre, aPost } = RULE;
  // pre 10 ms, post 25 ms: w += aPre e^{-15/20}
  let s = pair([10e-3], [25e-3]);
  assert.ok(Math.abs(s.w[0] - (0.5 + aPre * Math.exp(-15 / 20))) < 1e-15, `${s.w[0]}`);
  // post 10 ms, pre 18 ms: w += aPost e^{-8/15}
  s = pair([18e-3], [10e-3]);
  assert.ok(Math.abs(s.w[0] - (0.5 + aPost * Math.exp(-8 / 15))) < 1e-15, `${s.w[0]}`);
  // pre 10, post 20, pre 30, post 32 ms: traces accumulate
  s = pair([10e-3, 30e-3], [20e-3, 32e-3]);
  let w = 0.5;
  w += aPre * Math.exp(-10e-3 / tauPre); // post at 20 sees a_pre from 10
  w += aPost * Math.exp(-10e-3 / tauPost); // pre at 30 sees a_post from 20
  const apre30 = aPre * Math.exp(-20e-3 / tauPre) + aPre; // a_pre after the pre spike at 30
  w += apre30 * Math.exp(-2e-3 / tauPre); // post at 32
  assert.ok(Math.abs(s.w[0] - w) < 1e-15, `${s.w[0]} vs ${w}`);
  // same step: pre pathway first (w += a_post before it is incremented), then post (w += the new a_pre)
  s = pair([10e-3], [10e-3]);
  assert.ok(Math.abs(s.w[0] - (0.5 + aPre)) < 1e-15, `${s.w[0]}`);
  // clipping at w_max and w_min
  s = pair([10e-3, 11e-3, 12e-3], [10.5e-3, 11.5e-3, 12.5e-3], 0.995);
  assert.equal(s.w[0], 1);
  s = pair([10.5e-3, 11.5e-3], [10e-3, 11e-3], 0.005);
  assert.equal(s.w[0], 0);
});

test('static synapses (A = 0) deliver their weight into the target conductance and never change', () => {
  const a = new SpikeGeneratorGroup('pre', 2, [0, 1, 1], [1e-3, 1e-3, 2e-3]);
  const b = new LifGroup('post', { n: 1, synapse: 'conductance', integration: 'exact', tauM: 20e-3, vRest: -0.07, vReset: -0.065, vThreshold: 0, refractory: 0, vBias: 0, v0: -0.07, tauSyn: 5e-3, tauE: 5e-3, tauI: 10e-3, eExc: 0, eInh: -0.08 });
  const s = new RuleSynapses('s', a, b, connect({ kind: 'all' }, 2, 1), 'ge', [0.1, 0.3], { ...RULE, aPre: 0, aPost: 0 });
  const net = new Network(1e-4, [a, b], [s]);
  net.runSteps(11); // steps 0..10: the spikes of step 10 land after its update
  assert.ok(Math.abs(b.ge[0] - 0.4) < 1e-15, `${b.ge[0]}`);
  net.runSteps(10); // 10 decay steps, then the spike of step 20 adds 0.3
  assert.ok(Math.abs(b.ge[0] - (0.4 * Math.exp(-10e-4 / 5e-3) + 0.3)) < 1e-15, `${b.ge[0]}`);
  assert.deepEqual([...s.w], [0.1, 0.3]);
});

test('determinism: the same seed gives the same spikes and weights, another seed different ones', () => {
  const spec = (seed: number) => resolveNetworkSpec({
    dt: '0.1 ms', duration: '200 ms', seed,
    groups: { in: { type: 'poisson', n: 50, rate: { uniform: ['0 Hz', '40 Hz'] } }, out: { type: 'lif', n: 5, tauM: '20 ms', vRest: '-70 mV', vReset: '-65 mV', vThreshold: '-54 mV', refractory: '5 ms' } },
    synapses: { s: { from: 'in', to: 'out', weight: { uniform: [0, 0.1] }, stdp: { aPre: 1e-3, aPost: -1.05e-3, wMax: 0.1 } } },
    monitors: { spikes: ['in', 'out'] },
  });
  const a = runNetwork(spec(7)), b = runNetwork(spec(7)), c = runNetwork(spec(8));
  assert.ok(a.groups[1].spikes > 0);
  assert.deepEqual([...a.spikes.out.t], [...b.spikes.out.t]);
  assert.deepEqual([...a.spikes.in.i], [...b.spikes.in.i]);
  assert.deepEqual([...a.weights.s.final], [...b.weights.s.final]);
  assert.notDeepEqual([...a.spikes.in.t], [...c.spikes.in.t]);
});
