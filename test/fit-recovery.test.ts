/**
 * Parameter recovery: data simulated from known parameters with seeded noise are fitted back;
 * every free parameter must land within 3 reported standard uncertainties of the truth.
 *
 * Why 3 sigma: the uncertainty is the Gauss-Newton estimate s^2 (J^T J)^-1, exact for a model
 * linear in its parameters with independent Gaussian noise; for one parameter a 3-sigma miss
 * then has probability 0.27 %, and the margin covers the models' mild nonlinearity over one
 * sigma. The seeds are fixed, so the test is deterministic; a wrong covariance (e.g. a
 * missing residual-variance factor, which would shrink sigma by the noise level 1e-2) makes
 * it fail. The reported relative uncertainty must also be small (< 5 %), so that a fit
 * cannot pass by reporting huge error bars.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { fitModel, FIT_DEFAULTS, type FitResult } from '../src/fit/fit.js';
import { freeParams } from '../src/fit/param-space.js';
import { pulseSequenceToSet } from '../src/fit/tabulate.js';
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { Rng } from '../src/rng/rng.js';
import { importData, type DataSet } from '../src/fit/import.js';
import { syntheticIv } from './fit-helpers.js';

function check(res: FitResult, truth: Record<string, number>, label: string): void {
  assert.equal(res.status, 'converged', `${label}: ${res.message}`);
  for (const p of res.params) {
    const t = truth[p.name];
    // compare in the fitting coordinate (log10 for log parameters), where sigma is computed
    const dev = p.log ? Math.log10(p.value) - Math.log10(t) : p.value - t;
    const z = dev / p.sigmaCoord;
    console.log(`${label}: ${p.name} true ${t} fitted ${p.value.toPrecision(6)} +- ${p.sigma.toPrecision(3)} (z = ${z.toFixed(2)})`);
    assert.ok(Math.abs(z) <= 3, `${label}: ${p.name} = ${p.value} +- ${p.sigma}, truth ${t}, z = ${z}`);
    assert.ok(p.sigma / Math.abs(p.value) < 0.05, `${label}: ${p.name} relative sigma ${p.sigma / p.value} should be small for 1 % noise`);
  }
}

function startOf(modelId: string, presetId: string): Float64Array {
  return resolveParams(getModel(modelId)!, getPreset(presetId), {}, 'start').values;
}

test('linear-drift: ron, roff, muv recovered from a noisy I-V sweep within 3 sigma', () => {
  const truth = { ron: 150, roff: 12e3, muv: 2e-14 };
  const { set } = syntheticIv({ preset: 'hp-tio2-strukov2008', set: truth }, { type: 'sweep', vmax: '1 V', period: '1 s', cycles: 2 }, 0.01, 0.01, 11);
  const model = getModel('linear-drift')!;
  const base = { model, preset: getPreset('hp-tio2-strukov2008') };
  const free = freeParams(model, ['ron', 'roff', 'muv'], startOf('linear-drift', 'hp-tio2-strukov2008'));
  const res = fitModel(base, [set], free, { ...FIT_DEFAULTS, generations: 25 });
  check(res, truth, 'linear-drift');
  assert.ok(res.sets[0].r2 > 0.999, `R^2 ${res.sets[0].r2}`);
});

test('nonlinear-drift (sinh): k, a, gon, goff recovered from two sweeps at different rates', () => {
  const truth = { k: 2.5, a: 2.6, gon: 8e-4, goff: 2e-5 };
  // window 'none' (smoothly gated bounds): with the preset's Joglekar window the state locks
  // exponentially close to w = 0 during RESET, and the recovery time then depends on the
  // solver tolerance (data made at rtol 1e-6 and replayed at 1e-8 differ by R^2 0.998)
  const dev = { preset: 'baseline-sinh', set: { ...truth, window: 'none' } };
  // two sweep rates separate the drift prefactor k from the voltage scale a
  const s1 = syntheticIv(dev, { type: 'sweep', vmax: '1.2 V', period: '2 s' }, 0.02, 0.01, 21).set;
  const s2 = syntheticIv(dev, { type: 'sweep', vmax: '1.2 V', period: '0.5 s' }, 0.005, 0.01, 22).set;
  const model = getModel('nonlinear-drift')!;
  const free = freeParams(model, ['k', 'a=1:6', 'gon', 'goff'], startOf('nonlinear-drift', 'baseline-sinh'));
  const res = fitModel({ model, preset: getPreset('baseline-sinh'), set: { window: 'none' } }, [s1, s2], free, { ...FIT_DEFAULTS, generations: 25 });
  check(res, truth, 'nonlinear-drift');
});

/** Noisy reads of the Ag/a-Si data-driven device under 30 potentiating then 30 depressing pulses. */
function ddPulses(set: Record<string, number>, seed: number): DataSet {
  const amps = [...new Array(30).fill(3.2), ...new Array(30).fill(-2.8)];
  const skeleton = pulseSequenceToSet('pulses', new Array(61).fill(0), amps, 300e-6, 1e-3, 0.1);
  const r = simulate(resolveSpec({ device: { preset: 'ag-asi-jo2010', set }, stimulus: { type: 'pwl', points: Array.from(skeleton.t, (t, k) => [t, skeleton.v[k]]) }, record: { every: 'breakpoint' } }));
  const rng = new Rng(seed).stream('noise');
  const y = new Float64Array(skeleton.t.length);
  let j = 0;
  for (let k = 0; k < y.length; k++) {
    while (j + 1 < r.columns.t.length && r.columns.t[j + 1] <= skeleton.t[k]) j++;
    y[k] = r.columns.g[j] * (1 + 0.01 * rng.normal());
  }
  return { ...skeleton, y };
}

test('data-driven: gmin, gmax and pulse width recovered from noisy pulse reads', () => {
  const truth = { gmin: 4e-9, gmax: 5e-8, tw: 250e-6 };
  const data = ddPulses(truth, 31);
  const model = getModel('data-driven')!;
  const free = freeParams(model, ['gmin', 'gmax', 'tw'], startOf('data-driven', 'ag-asi-jo2010'));
  // the replayed pulses are 300 us wide; tw is the reference width at which a pulse makes the tabulated step
  const res = fitModel({ model, preset: getPreset('ag-asi-jo2010') }, [data], free, { ...FIT_DEFAULTS, generations: 20 });
  check(res, truth, 'data-driven');
});

test('identifiability: a threshold that single-amplitude pulses cannot see is flagged', () => {
  const data = ddPulses({}, 41);
  const model = getModel('data-driven')!;
  const free = freeParams(model, ['gmax', 'vthp=0.5:1.5'], startOf('data-driven', 'ag-asi-jo2010'));
  const res = fitModel({ model, preset: getPreset('ag-asi-jo2010') }, [data], free, { ...FIT_DEFAULTS, generations: 8 });
  assert.ok(res.warnings.some((w) => /vthp/.test(w) || /singular/.test(w)), `warnings: ${res.warnings.join(' | ')}`);
});

test('cross-model: linear-drift fitted to sinh-drift data gives a best fit and reports its R^2', () => {
  const { set } = syntheticIv({ preset: 'baseline-sinh' }, { type: 'sweep', vmax: '1.2 V', period: '2 s' }, 0.02, 0.01, 51);
  const model = getModel('linear-drift')!;
  const base = { model, set: { window: 'joglekar', x0: 0.05 } };
  const start = resolveParams(model, undefined, base.set, 'start').values;
  const free = freeParams(model, ['ron=100:10000', 'roff=1e3:1e7', 'muv=1e-16:1e-11'], start);
  const res = fitModel(base, [set], free, { ...FIT_DEFAULTS, generations: 25 });
  const r2 = res.sets[0].r2;
  console.log(`cross-model (sinh data, linear-drift model): R^2 = ${r2.toFixed(4)}; ${res.params.map((p) => `${p.name} ${p.value.toPrecision(3)}`).join(', ')}`);
  // a sensible best fit: the linear model captures most of the hysteresis loop (R^2 > 0.8) but,
  // lacking the sinh threshold, not all of it (the 1 % noise alone would allow R^2 ~ 0.9999)
  assert.ok(r2 > 0.8 && r2 < 0.999, `R^2 ${r2}`);
});

test('vteam: ron, roff, koff, voff recovered from two sweep amplitudes (bounded search)', () => {
  const truth = { ron: 80, roff: 1500, koff: 1e-3, voff: 0.05 };
  const dev = { preset: 'vteam-memtorch', set: truth };
  const s1 = syntheticIv(dev, { type: 'sweep', vmax: '1 V', period: '200 ns', cycles: 2 }, 2e-9, 0.01, 61).set;
  const s2 = syntheticIv(dev, { type: 'sweep', vmax: '0.5 V', period: '200 ns' }, 2e-9, 0.01, 62).set;
  const model = getModel('vteam')!;
  // with the default 3-decade bounds the search can settle in the "never switches off" basin
  // (roff at its upper bound, koff tiny, R^2 0.998): bounds of one to two decades avoid it
  const free = freeParams(model, ['ron=10:500', 'roff=300:1e4', 'koff=1e-5:1e-1', 'voff=0.005:0.2'], startOf('vteam', 'vteam-memtorch'));
  const res = fitModel({ model, preset: getPreset('vteam-memtorch') }, [s1, s2], free, { ...FIT_DEFAULTS, generations: 20 });
  check(res, truth, 'vteam');
});

test('wox-chang retention: tau1, tau2 recovered from a retention export (20 programming pulses, 120 s of reads)', () => {
  const truth = { tau1: 5, tau2: 40 };
  const r = simulate(resolveSpec({ device: { preset: 'wox-chang2011', set: truth }, stimulus: { type: 'pulse-train', amplitude: '1.4 V', width: '1 ms', period: '10 ms', count: 20, tail: '120 s' }, record: { every: 'step' }, solver: { maxStep: 0.5 } }));
  assert.equal(r.status, 'ok');
  const rng = new Rng(81).stream('noise');
  // an instrument file: every step during the pulses (with both sides of each edge, since
  // the replay interpolates linearly between rows), then a read every 0.5 s; 0.5 % read noise
  const T = r.columns.t, G = r.columns.g, V = r.columns.vs;
  const isEdge = (t: number) => { const n = Math.round(t / 0.01), off = t - n * 0.01; return n < 20 && (Math.abs(off) < 1e-12 || Math.abs(off - 1e-3) < 1e-12); };
  const lines = ['t [s],V [V],G [uS]'];
  let last = -1;
  for (let k = 0; k < T.length; k++) {
    if (!(T[k] < 0.25 || T[k] - last >= 0.5)) continue;
    if (T[k] >= 0.25) last = T[k];
    const g = G[k] * 1e6 * (1 + 0.005 * rng.normal());
    if (isEdge(T[k]) && k > 0) lines.push(`${T[k]},${V[k - 1]},${g}`);
    lines.push(`${T[k]},${V[k]},${g}`);
  }
  const { sets } = importData(lines.join('\n'), 'retention.csv', { kind: 'retention' });
  const model = getModel('wox-chang')!;
  const free = freeParams(model, ['tau1', 'tau2'], startOf('wox-chang', 'wox-chang2011'), 2);
  const res = fitModel({ model, preset: getPreset('wox-chang2011') }, sets, free, { ...FIT_DEFAULTS, generations: 12 });
  check(res, truth, 'wox-chang retention');
});

test('a fit stopped early says so and still returns its best point', () => {
  const { set } = syntheticIv({ preset: 'hp-tio2-strukov2008', set: { ron: 150 } }, { type: 'sweep', vmax: '1 V', period: '1 s' }, 0.02, 0.01, 91);
  const model = getModel('linear-drift')!;
  const free = freeParams(model, ['ron', 'roff'], startOf('linear-drift', 'hp-tio2-strukov2008'));
  const res = fitModel({ model, preset: getPreset('hp-tio2-strukov2008') }, [set], free, { ...FIT_DEFAULTS, generations: 0, lmIterations: 1 });
  assert.equal(res.status, 'not-converged');
  assert.ok(res.warnings.some((w) => /did not converge/.test(w)));
  assert.ok(Number.isFinite(res.params[0].value) && Number.isFinite(res.sets[0].r2));
});

test('thermal-second-order (ta2o5-kim2015): gOn, nu, tauTh recovered from a sweep plus a fast pulse train', () => {
  const model = getModel('thermal-second-order')!;
  const start = startOf('thermal-second-order', 'ta2o5-kim2015');
  const at = (n: string) => start[model.params.findIndex((p) => p.name === n)];
  const truth = { gOn: 1.3 * at('gOn'), nu: 2 * at('nu'), tauTh: 0.7 * at('tauTh') };
  const dev = { preset: 'ta2o5-kim2015', set: truth };
  const s1 = syntheticIv(dev, { type: 'sweep', vmax: '1.4 V', period: '1 ms' }, 5e-6, 0.01, 71).set;
  // rise and fall equal to the 10 ns sampling step: linear interpolation between the rows is
  // then exactly the applied trapezoid (zero-width edges sampled on a grid would be ramps)
  const s2 = syntheticIv(dev, { type: 'pulse-train', amplitude: '1.4 V', rise: '10 ns', fall: '10 ns', width: '100 ns', period: '300 ns', count: 4, tail: '1 us' }, 10e-9, 0.01, 72).set;
  // the pulses probe the thermal memory (tauTh): pulses 200 ns apart find the device still warm
  const free = freeParams(model, ['gOn', 'nu', 'tauTh'], start, 1);
  const res = fitModel({ model, preset: getPreset('ta2o5-kim2015') }, [s1, s2], free, { ...FIT_DEFAULTS, generations: 10 });
  check(res, truth, 'thermal-second-order');
});
