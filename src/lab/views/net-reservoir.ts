/**
 * Networks view, reservoir part (Du et al. 2017; measurements.md A9): on any preset, (1) the
 * A9 experiment, the 16 four-bit pulse patterns at rate 1 and rate 2 (the `reservoir-patterns`
 * protocol, checked as report panel fig5-reservoir checks it), and (2) the 5 x 4 digit task
 * (`network reservoir --task digits5x4`): accuracy of the readout on the reservoir, on the same
 * device without relaxation and on the raw pixels, the confusion matrix and the test states.
 * @module lab/views/net-reservoir
 */
import type { App, View } from '../app.js';
import type { ProtocolResult } from '../../protocols/types.js';
import { listPanels } from '../../report/reproduce.js';
import { a9Checks } from '../../report/panels-reservoir.js';
import { confusionHeatmap } from '../../report/reservoir-plots.js';
import { heatmapSvg } from '../../report/svg-heatmap.js';
import { renderSvg } from '../../report/svg-plot.js';
import { tableCsv } from '../../report/csv.js';
import { columnsToCsv, confusionColumns } from '../../experiment/csv.js';
import type { Features, TaskResult } from '../../network/reservoir/tasks.js';
import { plotCard, showMetrics } from '../card.js';
import { TaskError } from '../runner.js';
import { checksHtml, esc, guard, intField, presetSelect } from './net-common.js';

interface DigitsResult {
  device: string;
  control: { set?: Record<string, unknown>; skipped?: string };
  results: Array<TaskResult & { set: string; trainImages: number; testImages: number; test: Int32Array }>;
}

/** The protocol spec of the patterns experiment (what `nanoionics run` / `protocol` runs). */
export function patternsSpec(preset: string): Record<string, unknown> {
  return { protocol: 'reservoir-patterns', device: { preset }, params: {}, seed: 1 };
}

/**
 * The first `rows` samples' states with samples along x and features along y (a few features:
 * the report's samples-down map would be a tall strip), each feature min-max scaled.
 */
function statesMap(f: Features, rows: number, title: string): string {
  const n = Math.min(rows, f.n), d = f.d, v = new Float64Array(n * d);
  for (let k = 0; k < d; k++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) { lo = Math.min(lo, f.x[i * d + k]); hi = Math.max(hi, f.x[i * d + k]); }
    for (let i = 0; i < n; i++) v[k * n + i] = hi > lo ? (f.x[i * d + k] - lo) / (hi - lo) : 0;
  }
  return heatmapSvg({ values: v, nx: n, nz: d, dx: 1, dz: Math.max(1, n / (3 * d)), title, unit: 'scaled G', xLabel: 'test image', yLabel: 'feature', axisScale: 1, topDown: true, min: 0, max: 1 });
}

/** One colour per pattern, the same at both rates. */
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

const D = { dev: 'wox-du2017', rates: '1', train: '200', test: '1000', flips: '1', seed: '1' } as const;

export const reservoirPart: View = (root: HTMLElement, app: App) => {
  const o = app.state.opts;
  const val = (k: keyof typeof D) => o[k] ?? D[k];
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <p>Every input row is a stream of time frames (a 1 is a programming pulse at the frame start, a 0 an empty frame)
    into its own device; the read conductances are the reservoir state. Rate 1: 0.8 ms frames, 1.5 V / 0.5 ms pulses;
    rate 2: 4 ms frames, 1.5 V / 0.8 ms pulses (A9).</p>
    <label>Device <select id="dev"></select></label>
    <h4>4-bit patterns (A9)</h4>
    <p class="cite">All 16 patterns on one device at both rates, read after every frame.</p>
    <button id="runp" class="primary">Run patterns</button>
    <h4>5 x 4 digits</h4>
    <p class="cite">5 devices (one per row). Readout trained on the clean digits, then on the clean digits plus noisy copies, tested on other noisy copies.</p>
    <label>Rates <select id="rates"><option value="1">rate 1</option><option value="2">rate 2</option><option value="1,2">rates 1 and 2</option></select></label>
    <label>Noisy training images <input id="train" value="${esc(val('train'))}"></label>
    <label>Noisy test images <input id="test" value="${esc(val('test'))}"></label>
    <label>Pixels flipped per noisy image <input id="flips" value="${esc(val('flips'))}"></label>
    <label>Seed <input id="seed" value="${esc(val('seed'))}"></label>
    <button id="rund" class="primary">Run digits</button><p class="err" id="rerr"></p>
    <p class="cite">CLI: <code id="cmdp"></code><br><code id="cmdd"></code></p>
  </aside><div class="plots compact" id="plots"></div></div>`;
  const dev = root.querySelector('#dev') as HTMLSelectElement;
  presetSelect(dev, val('dev'));
  const rates = root.querySelector('#rates') as HTMLSelectElement;
  rates.value = val('rates');
  const plots = root.querySelector('#plots') as HTMLElement;
  const statesCard = plotCard(plots, 'rc-states', 'Final states of the 16 patterns at both rates');
  const tracesCard = plotCard(plots, 'rc-traces', 'Single-pulse patterns: state after each frame');
  const checks = document.createElement('section');
  checks.className = 'card';
  checks.id = 'rc-checks';
  checks.innerHTML = '<header><h3>A9 checks (report panel fig5-reservoir)</h3></header><table class="checks"></table>';
  plots.appendChild(checks);
  const accCard = plotCard(plots, 'rc-accuracy', '5 x 4 digits: readout accuracy');
  const confCard = plotCard(plots, 'rc-confusion', '5 x 4 digits: confusion of the reservoir readout (noisy test)');
  const digitStatesCard = plotCard(plots, 'rc-digit-states', '5 x 4 digits: reservoir states of the test images');
  const input = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  const save = (patch: Record<string, string>) => {
    const opts: Record<string, string> = { ...app.state.opts, part: 'reservoir', ...patch };
    for (const k of Object.keys(D) as (keyof typeof D)[]) if (opts[k] === D[k]) delete opts[k];
    app.setState({ opts });
  };

  const runPatterns = async () => {
    const spec = patternsSpec(dev.value);
    save({ dev: dev.value });
    (root.querySelector('#cmdp') as HTMLElement).textContent = `nanoionics protocol reservoir-patterns --device ${dev.value}`;
    app.status(`running the 16 patterns on ${dev.value}…`, 'busy');
    try {
      const r = await app.runner.run<ProtocolResult>('protocol', spec, app.progress);
      const panel = listPanels().find((p) => p.id === 'fig5-reservoir')!;
      const t = r.tables.states;
      const meta = { protocol: 'reservoir-patterns', device: r.device, metrics: r.metrics, read: r.read };
      statesCard({ svg: renderSvg({ ...panel.plot(r), id: 'rc-states', width: 560, height: 340 }), columns: t.columns, units: t.units, csv: tableCsv(t), spec, meta });
      const m = r.metrics;
      showMetrics('rc-states', Object.fromEntries(['minGapRate1', 'minGapRate2', 'recencyRate1', 'recencyRate2', 'orderViolations', 'rankFlips', 'tauEffRate1', 'tauEffRate2'].map((k) => [k, m[k]])));
      // the single-pulse patterns ("1000", "0100", ...) after each frame: rate 1 solid, rate 2 dashed
      const F = Number(r.params.frames), frame = Array.from({ length: F }, (_, k) => k + 1);
      const cols: Record<string, number[]> = { frame };
      const series = [];
      for (let rate = 1; rate <= 2; rate++) for (let k = 0; k < F; k++) {
        const q = 1 << (F - 1 - k), name = q.toString(2).padStart(F, '0'); // row q of the table is pattern q
        const y = frame.map((f) => (t.columns[`rate${rate}Frame${f}`] as ArrayLike<number>)[q]);
        cols[`p${name}Rate${rate}`] = y;
        series.push({ name: `${name} rate ${rate}`, x: frame, y, kind: 'both' as const, dashed: rate === 2, color: COLORS[k % COLORS.length] });
      }
      tracesCard({
        svg: renderSvg({ id: 'rc-traces', xLabel: 'frame', xUnit: '1', yLabel: 'conductance after the frame', yUnit: 'S', xLog: false, yLog: false, series, width: 560, height: 340 }),
        columns: cols, units: Object.fromEntries(Object.keys(cols).filter((k) => k !== 'frame').map((k) => [k, 'S'])), spec, meta,
      });
      (checks.querySelector('table') as HTMLElement).innerHTML = checksHtml(a9Checks((k) => m[k]?.value ?? NaN));
      app.status(r.status === 'ok' ? 'ready' : `reservoir-patterns failed: ${r.messages.join('; ')}`, r.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  };

  const runDigits = async () => {
    let train = 0, test = 0, flips = 0, seed = 0;
    if (!guard(root.querySelector('#rerr') as HTMLElement, app.status, () => {
      train = intField(input('train'), 'train', 0, 100000);
      test = intField(input('test'), 'test', 1, 100000);
      flips = intField(input('flips'), 'flips', 0, 20);
      seed = intField(input('seed'), 'seed', 0, 2 ** 31);
    })) return;
    save({ dev: dev.value, rates: rates.value, train: input('train'), test: input('test'), flips: input('flips'), seed: input('seed') });
    const command = `nanoionics network reservoir --task digits5x4 --device ${dev.value} --rate ${rates.value} --train ${train} --test ${test} --flips ${flips} --seed ${seed} --out digits-out`;
    (root.querySelector('#cmdd') as HTMLElement).textContent = command;
    app.status(`running the 5 x 4 digits on ${dev.value}…`, 'busy');
    try {
      const payload = { preset: dev.value, rates: rates.value.split(','), train, test, flips, seed };
      const r = await app.runner.run<DigitsResult>('reservoir-digits', payload, app.progress);
      const spec = { command, ...payload };
      const meta = { device: r.device, control: r.control, results: r.results.map((x) => ({ set: x.set, trainImages: x.trainImages, testImages: x.testImages, lines: x.lines.map((l) => ({ name: l.name, features: l.features, trainAccuracy: l.trainAccuracy, testAccuracy: l.testAccuracy })), status: x.status, message: x.message })) };
      // accuracy.csv of the CLI: set (0 clean, 1 noisy), line (0 reservoir, 1 control, last raw pixels)
      const acc: Record<string, number[]> = { set: [], line: [], features: [], trainAccuracy: [], testAccuracy: [] };
      r.results.forEach((x, si) => x.lines.forEach((l, li) => { acc.set.push(si); acc.line.push(li); acc.features.push(l.features); acc.trainAccuracy.push(l.trainAccuracy); acc.testAccuracy.push(l.testAccuracy); }));
      const names = r.results[0].lines.map((l) => l.name);
      accCard({
        svg: renderSvg({ id: 'rc-accuracy', xLabel: `readout input (${names.map((n, k) => `${k + 1} ${n}`).join(', ')})`, xUnit: '1', yLabel: 'test accuracy (%)', yUnit: '1', xLog: false, yLog: false, width: 560, height: 340,
          series: r.results.map((x) => ({ name: `${x.set} (${x.testImages} test images)`, x: x.lines.map((_, k) => k + 1), y: x.lines.map((l) => 100 * l.testAccuracy), kind: 'scatter' as const, radius: 5 })) }),
        columns: acc, units: {}, csv: columnsToCsv(acc), spec, meta,
      });
      const metrics: Record<string, { value: number; unit: string; meaning?: string }> = {};
      for (const x of r.results) for (const l of x.lines) metrics[`${x.set}: ${l.name}`] = { value: 100 * l.testAccuracy, unit: '%', meaning: `${l.features} features; train ${(100 * l.trainAccuracy).toFixed(2)} %` };
      showMetrics('rc-accuracy', metrics);
      const main = r.results[r.results.length - 1];
      const conf = main.lines[0].confusion, cc = confusionColumns(conf, 10);
      confCard({ svg: confusionHeatmap(conf, 10, `reservoir readout on ${esc(r.device)}: confusion (noisy test)`), columns: cc, units: {}, csv: columnsToCsv(cc), spec, meta });
      const f = main.testStates, sc: Record<string, ArrayLike<number>> = { label: main.test };
      for (let k = 0; k < f.d; k++) sc[`x${k}`] = Float64Array.from({ length: f.n }, (_, i) => f.x[i * f.d + k]);
      digitStatesCard({ svg: statesMap(f, 60, `reservoir states (${esc(r.device)}), first 60 test images`), columns: sc, units: {}, csv: columnsToCsv(sc), spec, meta });
      const bad = r.results.find((x) => x.status !== 'ok');
      app.status(bad ? `digits: ${bad.message}` : 'ready', bad ? 'error' : 'info');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : String(e), 'error');
    }
  };
  root.querySelector('#runp')!.addEventListener('click', () => void runPatterns());
  root.querySelector('#rund')!.addEventListener('click', () => void runDigits());
  void (async () => { await runPatterns(); await runDigits(); })();
};
