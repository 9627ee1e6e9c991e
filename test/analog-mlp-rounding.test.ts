/**
 * Analog MLP pulse-count rounding and NeuroSim's forward protocol (network/analog): the
 * nearest rule is NeuroSim's truncate(dw / (w_max - w_min), L) * L (threshold 0.5), the
 * stochastic rule is unbiased, updates below half a pulse are counted and leave the device
 * alone (the mechanism that freezes layer 1 under nearest rounding at small learning rates),
 * 1-bit inputs and hidden outputs, and the CLI flags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../src/rng/rng.js';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { Mlp, type MlpShape } from '../src/network/analog/mlp.js';
import { binarize, cropCenter, splitTrainTest, type ImageSet } from '../src/network/analog/dataset.js';
import { tabulatePulses, PULSE_TABLE_DEFAULTS, type PulseTables } from '../src/network/analog/pulse-table.js';
import { DeviceLayer, type DeviceLayerOptions } from '../src/network/analog/device-layer.js';
import { trainMlp } from '../src/network/analog/train.js';
import { crossbarLayer, CrossbarMlp } from '../src/network/analog/crossbar-inference.js';
import { loadMnist } from '../src/cli/mnist-files.js';
import { main } from '../src/cli/main.js';

let cache: ImageSet | undefined;
const mnist = (): ImageSet => (cache ??= cropCenter(loadMnist(), 28, 20));
let tcache: PulseTables | undefined;
/** The epiRAM preset's table (64 levels each way, NeuroSim's NL 0.5/-0.5 device), one variant. */
const epiram = (): PulseTables => {
  if (tcache) return tcache;
  const model = getModel('data-driven')!;
  return (tcache = tabulatePulses(model, resolveParams(model, getPreset('sige-epiram-choi2018'), {}, 'set'), { amplitude: 5, depressAmplitude: 3, width: 5e-6, interval: 1e-5, vRead: 0.1 }, { ...PULSE_TABLE_DEFAULTS, variants: 1, seed: 1 }));
};

test('nearest rounding is NeuroSim truncate (threshold 0.5) in both directions; below half a pulse nothing is written', () => {
  const t = epiram();
  assert.equal(t.status, 'ok');
  const opt: DeviceLayerOptions = { scheme: 'single', wMax: 1, c2c: 0, rounding: 'nearest', maxPulses: 1000 };
  const l = new DeviceLayer(1, 8, t, opt, new Rng(1));
  l.program(new Float64Array(8)); // all weights 0: mid-range, room both ways
  const [dp, dd] = l.pulseStep;
  // NeuroSim: numPulse = truncate(dw / (maxWeight - minWeight), L) * L, dw_1 = 2 w_max / L
  assert.ok(Math.abs(dp - 2 / t.levelsP[0]) < 1e-15 && Math.abs(dd - 2 / t.levelsD[0]) < 1e-15, `dw_1 ${dp}, ${dd}; levels ${t.levelsP[0]}/${t.levelsD[0]}`);
  const cases: Array<[number, number, number]> = [[0, 0.49 * dp, 0], [1, 0.5 * dp, 1], [2, 1.49 * dp, 1], [3, 2.5 * dp, 3], [4, -0.49 * dd, 0], [5, -0.51 * dd, 1], [6, -2.6 * dd, 3]];
  const rng = new Rng(2);
  for (const [k, dw, n] of cases) {
    const p0 = l.stats.pulses, w0 = l.weight(k), w = l.update(k, dw, rng);
    assert.equal(l.stats.pulses - p0, n, `dw = ${dw / (dw > 0 ? dp : dd)} pulse steps: ${l.stats.pulses - p0} pulses, expected ${n}`);
    if (n === 0) assert.equal(w, w0);
    else assert.ok(Math.sign(w - w0) === Math.sign(dw), `weight moved ${w - w0} for a request ${dw}`);
  }
  assert.equal(l.stats.updates, cases.length);
  assert.equal(l.stats.writes, cases.filter((c) => c[2] > 0).length);
});

test('stochastic rounding is unbiased: mean pulse count equals the request', () => {
  const t = epiram();
  const l = new DeviceLayer(1, 1, t, { scheme: 'single', wMax: 1, c2c: 0, rounding: 'stochastic', maxPulses: 1000 }, new Rng(1));
  const rng = new Rng(3), N = 20000, [dp] = l.pulseStep;
  for (let q = 0; q < N; q++) { l.program(new Float64Array(1)); l.update(0, 0.3 * dp, rng); }
  // binomial mean 0.3, standard error sqrt(0.21 / N) = 0.0032; 5 sigma
  const mean = l.stats.pulses / N;
  assert.ok(Math.abs(mean - 0.3) < 0.016, `mean pulses ${mean} for a 0.3-pulse request`);
});

test('nearest rounding at lr 0.3 leaves layer 1 almost unwritten; NeuroSim-scale learning rates write it', () => {
  const { train, test: te } = splitTrainTest(mnist(), 500, 200, 1);
  const shape: MlpShape = { nIn: 400, nHidden: 32, nOut: 10, hidden: 'sigmoid', loss: 'mse' };
  const run = (lr1: number, lr2: number) => trainMlp(train, te, { shape, epochs: 1, lr1, lr2, wMax: 1, seed: 1, device: { tables: epiram(), layer: { scheme: 'single', c2c: 0, rounding: 'nearest', maxPulses: 1000 } } }).layers![0].stats;
  const small = run(0.3, 0.3), ns = run(0.8, 0.4);
  const f = (s: { updates: number; writes: number }) => s.writes / s.updates;
  // |lr x_i delta_j| rarely reaches half a pulse step (1 / 64 of w_max): layer 1 is frozen at lr 0.3
  assert.ok(f(small) < 0.01, `lr 0.3: ${(100 * f(small)).toFixed(3)} % of layer-1 updates wrote a pulse`);
  // larger steps cross the half-pulse threshold more often (bench/analog-nn, 8000 images x 5 epochs:
  // 0.007 % at lr 0.3 against 0.48 % at lr 0.8 / 0.4 for this device)
  assert.ok(f(ns) > f(small), `lr 0.8: ${(100 * f(ns)).toFixed(3)} % vs lr 0.3: ${(100 * f(small)).toFixed(3)} %`);
});

test('1-bit inputs and hidden outputs: binarize thresholds at 0.5, layer 2 sees [h >= 0.5], crossbar read agrees', () => {
  const set = mnist(), b = binarize(set);
  let ones = 0;
  for (let i = 0; i < b.x.length; i++) {
    assert.equal(b.x[i], set.x[i] >= 0.5 ? 1 : 0);
    ones += b.x[i];
  }
  assert.ok(ones > 0 && ones < b.x.length);
  assert.throws(() => binarize(set, 0), /threshold/);
  const shape: MlpShape = { nIn: 6, nHidden: 5, nOut: 3, hidden: 'sigmoid', loss: 'mse', binaryHidden: true };
  const m = new Mlp(shape), rng = new Rng(5);
  m.init(rng, 1);
  for (let k = 0; k < m.w1.length; k++) m.w1[k] *= 4;
  const x = Float64Array.from({ length: 6 }, () => rng.uniform(0, 1));
  m.forward(x, 0);
  let nOn = 0;
  for (let c = 0; c < 3; c++) {
    let z = m.w2[5 * 3 + c];
    for (let j = 0; j < 5; j++) if (m.h[j] >= 0.5) z += m.w2[j * 3 + c];
    assert.ok(Math.abs(m.z2[c] - z) < 1e-12, `z2[${c}] ${m.z2[c]} vs ${z}`);
  }
  for (let j = 0; j < 5; j++) if (m.h[j] >= 0.5) nOn++;
  assert.ok(nOn > 0 && nOn < 5, `${nOn} of 5 hidden units on: the check needs both kinds`);
  // trained on devices with 1-bit inputs and hidden outputs: the ideal crossbar read gives the same accuracy
  const sp = splitTrainTest(set, 300, 200, 2), tr = binarize(sp.train), te = binarize(sp.test);
  const r = trainMlp(tr, te, { shape: { nIn: 400, nHidden: 16, nOut: 10, hidden: 'sigmoid', loss: 'mse', binaryHidden: true }, epochs: 1, lr1: 0.8, lr2: 0.4, wMax: 1, seed: 1, device: { tables: epiram(), layer: { scheme: 'single', c2c: 0, rounding: 'nearest', maxPulses: 1000 } } });
  const cm = new CrossbarMlp(r.mlp, crossbarLayer(r.layers![0], 0), crossbarLayer(r.layers![1], 0), { rWire: 0, vRead: 0.1, dacBits: 0, adcBits: 0 });
  assert.equal(cm.accuracy(te), r.testAccuracy);
});

test('CLI: --binary-inputs and --binary-hidden reach the network and the summary', async () => {
  const log = console.log, err = console.error, out: string[] = [];
  console.log = (s: string) => out.push(String(s)); console.error = () => {};
  try {
    assert.equal(await main(['mlp', '--train', '200', '--test', '100', '--epochs', '1', '--hidden', '8', '--binary-inputs', '--binary-hidden', '--json']), 0);
  } finally { console.log = log; console.error = err; }
  const doc = JSON.parse(out[0]);
  assert.equal(doc.network.binaryInputs, true);
  assert.equal(doc.network.binaryHidden, true);
});
