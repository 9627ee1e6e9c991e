/**
 * Analog MLP (network/analog): back-propagation against finite differences, float learning on
 * a small MNIST subset, the pulse table against the device model run by the protocol engine,
 * the physics ordering (linear symmetric device near float, nonlinear asymmetric Ag/a-Si
 * worse), crossbar read-out limits, determinism, bad input and the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/rng/rng.js';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { runProtocolSpec } from '../src/protocols/registry.js';
import { resolveSpec, simulate } from '../src/experiment/index.js';
import { Pwl } from '../src/stimulus/waveform.js';
import { Mlp, type MlpShape } from '../src/network/analog/mlp.js';
import { cropCenter, splitTrainTest, type ImageSet } from '../src/network/analog/dataset.js';
import { tabulatePulses, pulseStep, PULSE_TABLE_DEFAULTS, type PulseScheme } from '../src/network/analog/pulse-table.js';
import { trainMlp, evaluate } from '../src/network/analog/train.js';
import { crossbarLayer, CrossbarMlp } from '../src/network/analog/crossbar-inference.js';
import { loadMnist } from '../src/cli/mnist-files.js';
import { main } from '../src/cli/main.js';
import { SpecError } from '../src/units/parse.js';

let cache: ImageSet | undefined;
const mnist = (): ImageSet => (cache ??= cropCenter(loadMnist(), 28, 20));
const AG: PulseScheme = { amplitude: 3.2, depressAmplitude: 2.8, width: 300e-6, interval: 1e-3, vRead: 0.1 };
const tableOpt = { ...PULSE_TABLE_DEFAULTS, seed: 1 };

test('back-propagation equals central finite differences (both activations and losses)', () => {
  for (const hidden of ['sigmoid', 'relu'] as const) for (const loss of ['mse', 'softmax'] as const) {
    const shape: MlpShape = { nIn: 6, nHidden: 5, nOut: 4, hidden, loss };
    const m = new Mlp(shape), rng = new Rng(3);
    m.init(rng, 1);
    for (let k = 0; k < m.w1.length; k++) m.w1[k] *= 4; // larger weights: curvature that a wrong gradient would show
    const x = Float64Array.from({ length: 6 }, () => rng.uniform(0.1, 1));
    const g1 = new Float64Array(m.w1.length), g2 = new Float64Array(m.w2.length);
    m.gradients(x, 0, 2, g1, g2);
    const h = 1e-6;
    for (const [w, g] of [[m.w1, g1], [m.w2, g2]] as const) for (let k = 0; k < w.length; k++) {
      const w0 = w[k];
      w[k] = w0 + h; m.forward(x, 0); const lp = m.backward(2);
      w[k] = w0 - h; m.forward(x, 0); const lm = m.backward(2);
      w[k] = w0;
      const fd = (lp - lm) / (2 * h);
      // central difference error O(h^2 L''') plus round-off O(eps L / h) ~ 1e-10
      assert.ok(Math.abs(fd - g[k]) <= 1e-7 + 1e-6 * Math.abs(fd), `${hidden}/${loss} weight ${k}: backprop ${g[k]}, finite difference ${fd}`);
    }
  }
});

test('float MLP learns a 1000-image MNIST subset far above chance', () => {
  const { train, test: te } = splitTrainTest(mnist(), 1000, 1000, 1);
  const r = trainMlp(train, te, { shape: { nIn: 400, nHidden: 100, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: 3, lr1: 0.3, lr2: 0.3, wMax: 1, seed: 1 });
  // chance is 10 %; a working back-propagation reaches > 80 % on 1000 images in 3 epochs
  assert.ok(r.testAccuracy > 0.8, `test accuracy ${r.testAccuracy}`);
  let n = 0;
  for (const c of r.confusion) n += c;
  assert.equal(n, 1000);
  assert.equal(evaluate(r.mlp, te), r.testAccuracy);
});

test('pulse tables reproduce the pulse-response protocol: same reads, replay within 1e-3 of the range', () => {
  for (const [preset, scheme, pulses] of [
    ['ag-asi-jo2010', AG, 100],
    ['wox-du2015', { amplitude: 1.4, depressAmplitude: 1.4, width: 1e-3, interval: 10e-3, vRead: 0.1 }, 50],
  ] as const) {
    const model = getModel(getPreset(preset)!.model)!;
    const t = tabulatePulses(model, resolveParams(model, getPreset(preset), {}, 'set'), scheme, { ...tableOpt, pulses });
    assert.equal(t.status, 'ok', t.message);
    const proto = runProtocolSpec({ protocol: 'pulse-response', device: { preset }, params: { ...scheme, pulses } });
    const g = proto.tables.curve.columns.g;
    const range = t.gHi[0] - t.gLo[0];
    // the same engine on the same waveform: reads agree to the integrator tolerance
    for (let k = 0; k <= pulses; k++) {
      assert.ok(Math.abs(t.curveP[0][k] - g[k]) <= 1e-5 * range, `${preset} potentiation read ${k}: table ${t.curveP[0][k]}, protocol ${g[k]}`);
      assert.ok(Math.abs(t.curveD[0][k] - g[pulses + k]) <= 1e-5 * range, `${preset} depression read ${k}: table ${t.curveD[0][k]}, protocol ${g[pulses + k]}`);
    }
    // replaying the branches through the interpolated table: grid interpolation error only
    let gp = t.curveP[0][0], err = 0;
    for (let k = 1; k <= pulses; k++) { gp = pulseStep(t, 0, 1, gp); err = Math.max(err, Math.abs(gp - t.curveP[0][k]) / range); }
    for (let k = 1; k <= pulses; k++) { gp = pulseStep(t, 0, -1, gp); err = Math.max(err, Math.abs(gp - t.curveD[0][k]) / range); }
    assert.ok(err < 1e-3, `${preset}: replay deviates by ${err} of the range`);
  }
});

test('pulse table of a one-state device follows the engine on a mixed potentiate / depress sequence', () => {
  const preset = getPreset('ag-asi-jo2010')!, model = getModel('data-driven')!;
  const t = tabulatePulses(model, resolveParams(model, preset, {}, 'set'), AG, tableOpt);
  const rng = new Rng(5), seq: number[] = [];
  for (let k = 0; k < 150; k++) seq.push(k < 40 || rng.next() < 0.5 ? 1 : -1);
  // the same sequence as a waveform for the experiment engine, read after every period
  const e = Math.min(AG.width * 0.02, 1e-6), period = AG.width + 2 * e + AG.interval;
  const tt: number[] = [0], vv: number[] = [0];
  seq.forEach((s, k) => { const t0 = k * period; tt.push(t0 + e, t0 + e + AG.width, t0 + 2 * e + AG.width, (k + 1) * period); vv.push(s * 3.2 * (s > 0 ? 1 : 2.8 / 3.2), s * 3.2 * (s > 0 ? 1 : 2.8 / 3.2), 0, 0); });
  const r = simulate(resolveSpec({ device: { preset: 'ag-asi-jo2010' }, stimulus: { type: 'pwl', points: tt.map((x, k) => [x, vv[k]]) }, record: { every: 'breakpoint' } }));
  assert.equal(r.status, 'ok');
  const range = t.gHi[0] - t.gLo[0];
  let g = t.curveP[0][0], j = 0, err = 0;
  for (let k = 0; k < seq.length; k++) {
    g = pulseStep(t, 0, seq[k] as 1 | -1, g);
    const tEnd = (k + 1) * period;
    while (j + 1 < r.columns.t.length && r.columns.t[j + 1] <= tEnd * (1 + 1e-12)) j++;
    err = Math.max(err, Math.abs(g - r.columns.g[j]) / range);
  }
  // per pulse: interpolation on a 512-point grid plus second-order knot spacing; 150 pulses
  assert.ok(err < 2e-3, `table vs engine: max deviation ${err} of the range`);
});

test('ordering: a linear symmetric device trains to near-float accuracy, the nonlinear asymmetric Ag/a-Si does worse', () => {
  const { train, test: te } = splitTrainTest(mnist(), 1500, 2000, 1);
  const shape: MlpShape = { nIn: 400, nHidden: 100, nOut: 10, hidden: 'sigmoid', loss: 'mse' };
  // a large learning rate: many pulses per image, so the update (a)symmetry acts within 2 epochs
  const base = { shape, epochs: 2, lr1: 1, lr2: 1, wMax: 1, seed: 1 };
  const layer = { scheme: 'single' as const, c2c: 0, rounding: 'stochastic' as const, maxPulses: 1000 };
  const float = trainMlp(train, te, base).testAccuracy;
  const dd = getModel('data-driven')!;
  const lin: Record<string, number> = { gmin: 1e-6, gmax: 1e-4, vp: 1, vd: 1, vthp: 0.5, vthd: 0.5, tw: 1e-3 };
  for (let k = 0; k < 9; k++) { lin[`dp${k}`] = 1 / 64; lin[`dd${k}`] = -1 / 64; }
  const tl = tabulatePulses(dd, resolveParams(dd, undefined, lin, 'set'), { amplitude: 1, depressAmplitude: 1, width: 1e-3, interval: 1e-3, vRead: 0.1 }, tableOpt);
  assert.equal(tl.levelsP[0], 64);
  const linear = trainMlp(train, te, { ...base, device: { tables: tl, layer } }).testAccuracy;
  const ta = tabulatePulses(dd, resolveParams(dd, getPreset('ag-asi-jo2010'), {}, 'set'), AG, tableOpt);
  const agasi = trainMlp(train, te, { ...base, device: { tables: ta, layer } }).testAccuracy;
  // 2000 test images: binomial standard error ~0.8 pp
  assert.ok(Math.abs(linear - float) < 0.02, `linear ${linear} vs float ${float}`);
  assert.ok(agasi < linear - 0.02, `Ag/a-Si ${agasi} vs linear ${linear} (float ${float})`);
});

test('crossbar read: zero wires reproduce the ideal VMM, vanishing wires converge to it, wires lower the column currents', () => {
  const { train, test: te } = splitTrainTest(mnist(), 300, 200, 2);
  const model = getModel('data-driven')!;
  const t = tabulatePulses(model, resolveParams(model, getPreset('sige-epiram-choi2018'), {}, 'set'), { amplitude: 5, depressAmplitude: 3, width: 5e-6, interval: 1e-5, vRead: 0.1 }, tableOpt);
  const r = trainMlp(train, te, { shape: { nIn: 400, nHidden: 16, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: 1, lr1: 0.3, lr2: 0.3, wMax: 1, seed: 1, device: { tables: t, layer: { scheme: 'differential', c2c: 0, rounding: 'stochastic', maxPulses: 1000 } } });
  const ideal = [crossbarLayer(r.layers![0], 0), crossbarLayer(r.layers![1], 0)];
  const cm = new CrossbarMlp(r.mlp, ideal[0], ideal[1], { rWire: 0, vRead: 0.1, dacBits: 0, adcBits: 0 });
  assert.equal(cm.accuracy(te), r.testAccuracy);
  const tiny = crossbarLayer(r.layers![1], 1e-6), wired = crossbarLayer(r.layers![1], 100);
  let dmax = 0, sIdeal = 0, sWired = 0;
  const T0 = crossbarLayer(r.layers![1], 0).T;
  for (let k = 0; k < T0.length; k++) { dmax = Math.max(dmax, Math.abs(tiny.T[k] - T0[k]) / T0[k]); sIdeal += T0[k]; sWired += wired.T[k]; }
  assert.equal(tiny.status, 'ok');
  // IR drop ~ r G N: 1e-6 Ohm x 1.2e-5 S x 17 rows ~ 2e-10 relative
  assert.ok(dmax < 1e-6, `1 uOhm wires: T differs from G by ${dmax}`);
  assert.ok(sWired < sIdeal, `100 Ohm wires: total transfer ${sWired} not below the ideal ${sIdeal}`);
});

test('same seed, same numbers; another seed, other numbers', () => {
  const { train, test: te } = splitTrainTest(mnist(), 200, 100, 1);
  const model = getModel('data-driven')!;
  const res = resolveParams(model, getPreset('ag-asi-jo2010'), { dp0Dtod: 0.2 }, 'set');
  const run = (seed: number) => {
    const t = tabulatePulses(model, res, AG, { ...tableOpt, variants: 4, seed });
    return trainMlp(train, te, { shape: { nIn: 400, nHidden: 8, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: 1, lr1: 0.3, lr2: 0.3, wMax: 1, seed, device: { tables: t, layer: { scheme: 'single', c2c: 0.035, rounding: 'stochastic', maxPulses: 1000 } } });
  };
  const a = run(4), b = run(4), c = run(5);
  assert.deepEqual(a.layers![0].g, b.layers![0].g);
  assert.equal(a.testAccuracy, b.testAccuracy);
  assert.notDeepEqual(a.layers![0].g, c.layers![0].g);
  const split1 = splitTrainTest(mnist(), 50, 50, 1), split2 = splitTrainTest(mnist(), 100, 50, 1);
  assert.deepEqual(split1.test.y, split2.test.y); // the test images do not depend on --train
});

test('bad input names the field', () => {
  const set = mnist();
  assert.throws(() => splitTrainTest(set, 9000, 2000, 1), (e: unknown) => e instanceof SpecError && /train \+ test/.test(e.message));
  const { train, test: te } = splitTrainTest(set, 10, 10, 1);
  assert.throws(() => trainMlp(train, te, { shape: { nIn: 784, nHidden: 4, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: 1, lr1: 0.1, lr2: 0.1, wMax: 1, seed: 1 }), /shape\.nIn/);
  assert.throws(() => trainMlp(train, te, { shape: { nIn: 400, nHidden: 4, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs: 0, lr1: 0.1, lr2: 0.1, wMax: 1, seed: 1 }), /epochs/);
  const model = getModel('data-driven')!;
  assert.throws(() => tabulatePulses(model, resolveParams(model, undefined, {}, 'set'), { ...AG, width: -1 }, tableOpt), /pulse\.width/);
  // a pulse below the device threshold changes nothing: no table, said so
  const t = tabulatePulses(model, resolveParams(model, getPreset('ag-asi-jo2010'), {}, 'set'), { ...AG, amplitude: 1, depressAmplitude: 1 }, tableOpt);
  assert.equal(t.status, 'failed');
  assert.match(t.message, /do not change/);
});

test('CLI: nanoionics mlp writes its files and rejects bad flags with exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'analognn-cli-'));
  const log = console.log, err = console.error, out: string[] = [], errs: string[] = [];
  console.log = (s: string) => out.push(String(s)); console.error = (s: string) => errs.push(String(s));
  try {
    assert.equal(await main(['mlp', '--device', 'sige-epiram-choi2018', '--train', '200', '--test', '100', '--epochs', '1', '--hidden', '8', '--wire', '0,5', '--adc-bits', '0,4', '--out', dir, '--json']), 0);
    assert.equal(await main(['mlp', '--epochs', 'two']), 2);
    assert.equal(await main(['mlp', '--device', 'no-such-preset']), 2);
    assert.equal(await main(['mlp', '--train', '9000', '--test', '2000']), 2);
  } finally { console.log = log; console.error = err; }
  const doc = JSON.parse(out[0]);
  assert.equal(doc.device.preset, 'sige-epiram-choi2018');
  assert.equal(doc.device.c2c, 0.02);
  assert.equal(doc.crossbar.results.length, 4);
  for (const f of ['accuracy.csv', 'confusion.csv', 'crossbar.csv', 'pulse-table.csv', 'weights.csv', 'mlp.svg', 'summary.json']) assert.ok(existsSync(join(dir, f)), f);
  assert.match(readFileSync(join(dir, 'mlp.svg'), 'utf8'), /<svg/);
  assert.match(errs.join('\n'), /--epochs: got two/);
  assert.match(errs.join('\n'), /device\.preset/);
  assert.match(errs.join('\n'), /train \+ test/);
});
