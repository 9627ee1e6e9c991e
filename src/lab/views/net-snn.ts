/**
 * Networks view, spiking part: the demo network of `nanoionics network --demo` (Poisson inputs
 * onto two LIF groups, one through rule STDP, one through device synapses) with its sizes,
 * input rates, synapse device, duration and seed editable. The spec is validated by the library
 * before it runs in the worker; the results are the spike rasters, the weight histograms before
 * and after, and the mean weight over time of each synapse group. Exports: the CLI's files
 * (spikes-G.csv, weights-S.csv, weight-trace-S.csv) and the spec (`nanoionics network SPEC.json`).
 * @module lab/views/net-snn
 */
import type { App, View } from '../app.js';
import { DEMO_NETWORK } from '../../network/demo.js';
import { resolveNetworkSpec } from '../../network/spec.js';
import type { NetworkResult } from '../../network/build.js';
import { networkPlots } from '../../report/network-plots.js';
import { renderSvg, type PlotSpec } from '../../report/svg-plot.js';
import { columnsToCsv } from '../../experiment/csv.js';
import { SpecError, parseQuantity } from '../../units/parse.js';
import { plotCard, showMetrics, type CardData } from '../card.js';
import { TaskError } from '../runner.js';
import { NETWORK_CONTEXT } from '../network-context.js';
import { esc, guard, intField, parseSetText, presetSelect } from './net-common.js';

/** The view's editable fields (URL `o.` keys) and the demo's values. */
export const SNN_DEFAULTS = { inputs: '100', rate: '40 Hz', outputs: '10', dev: 'wox-du2015', dset: 'c0=0.5, c0Dtod=0.5', duration: '0.5 s', seed: '7' } as const;
type SnnOptions = Record<keyof typeof SNN_DEFAULTS, string>;

/**
 * The network spec of the form: the demo spec with the edited fields. A device other than the
 * demo's gets no waveform of its own (its preset's stdp spike applies, as in the CLI).
 */
export function snnSpec(o: SnnOptions): Record<string, unknown> {
  const s = JSON.parse(JSON.stringify(DEMO_NETWORK)) as Record<string, any>;
  s.duration = o.duration;
  s.seed = intField(o.seed, 'seed', 0, 2 ** 31);
  s.groups.input.n = intField(o.inputs, 'groups.input.n', 1, 10000);
  s.groups.input.rate = { uniform: ['0 Hz', o.rate] };
  s.groups.ruleOut.n = s.groups.deviceOut.n = intField(o.outputs, 'groups.ruleOut.n', 1, 1000);
  s.synapses.device.device = { preset: o.dev, set: parseSetText(o.dset, 'synapses.device.device.set') };
  if (o.dev !== DEMO_NETWORK_DEVICE) delete s.synapses.device.waveform;
  return s;
}

const DEMO_NETWORK_DEVICE = ((DEMO_NETWORK.synapses as Record<string, Record<string, { preset: string }>>).device.device).preset;

export const snnPart: View = (root: HTMLElement, app: App) => {
  const o = app.state.opts;
  const val = (k: keyof typeof SNN_DEFAULTS) => o[k] ?? SNN_DEFAULTS[k];
  root.innerHTML = `<div class="device-layout"><aside class="panel">
    <p>${esc(String(DEMO_NETWORK.name))}: Poisson inputs onto two groups of conductance-based LIF neurons,
    one through pair-based STDP (kind: rule), one through synapses that are devices (kind: device; the
    spike waveforms are applied across each device and its read conductance is the weight).</p>
    <label>Input neurons (Poisson) <input id="inputs" value="${esc(val('inputs'))}"></label>
    <label>Input rates uniform from 0 Hz to <input id="rate" value="${esc(val('rate'))}"></label>
    <label>Output neurons per group <input id="outputs" value="${esc(val('outputs'))}"></label>
    <label>Synapse device <select id="dev"></select></label>
    <label title="device parameters and spreads: name=value, separated by commas">Device parameters <input id="dset" value="${esc(val('dset'))}" spellcheck="false"></label>
    <label>Duration <input id="duration" value="${esc(val('duration'))}"></label>
    <label>Seed <input id="seed" value="${esc(val('seed'))}"></label>
    <button id="run" class="primary">Run network</button><p class="err" id="nerr"></p>
    <p class="cite">dt 0.1 ms. The demo's spike waveform for wox-du2015 (1.4 V / 1 ms programming, 0.9 V / 5 ms heating);
    any other device gets its preset's stdp protocol spike. CLI: <code id="cmd">nanoionics network --demo</code></p>
    <div id="nsummary" class="metrics"></div>
  </aside><div class="plots compact" id="plots"></div></div>`;
  const dev = root.querySelector('#dev') as HTMLSelectElement;
  presetSelect(dev, val('dev'));
  const plots = root.querySelector('#plots') as HTMLElement;
  const cards = new Map<string, (d: CardData) => void>();
  const card = (id: string, title: string) => {
    if (!cards.has(id)) cards.set(id, plotCard(plots, id, title));
    return cards.get(id)!;
  };
  const input = (id: string) => (root.querySelector(`#${id}`) as HTMLInputElement).value.trim();
  // a device change proposes the demo's parameters for the demo device, none for another
  dev.addEventListener('change', () => { (root.querySelector('#dset') as HTMLInputElement).value = dev.value === SNN_DEFAULTS.dev ? SNN_DEFAULTS.dset : ''; });

  const run = async () => {
    const form: SnnOptions = { inputs: input('inputs'), rate: input('rate'), outputs: input('outputs'), dev: dev.value, dset: input('dset'), duration: input('duration'), seed: input('seed') };
    let spec: Record<string, unknown> = {};
    const ok = guard(root.querySelector('#nerr') as HTMLElement, app.status, () => {
      parseQuantity(form.rate, 'frequency', 'groups.input.rate');
      spec = snnSpec(form);
      resolveNetworkSpec(spec, NETWORK_CONTEXT); // the library's checks: errors name the spec path
    });
    if (!ok) return;
    const opts: Record<string, string> = { part: 'snn' };
    for (const k of Object.keys(SNN_DEFAULTS) as (keyof typeof SNN_DEFAULTS)[]) if (form[k] !== SNN_DEFAULTS[k]) opts[k] = form[k];
    app.setState({ opts });
    const isDemo = JSON.stringify(spec) === JSON.stringify(DEMO_NETWORK);
    const command = isDemo ? 'nanoionics network --demo' : 'nanoionics network snn-spec.json';
    (root.querySelector('#cmd') as HTMLElement).textContent = command;
    app.status('running the network…', 'busy');
    try {
      const t0 = performance.now();
      const r = await app.runner.run<NetworkResult>('network', { spec }, app.progress);
      const wall = (performance.now() - t0) / 1e3;
      show(r, spec, command);
      (root.querySelector('#nsummary') as HTMLElement).innerHTML = `<span><b>simulated</b> ${Number(r.t.toPrecision(6))} s in ${r.steps} steps (${wall.toFixed(2)} s wall)</span>` +
        r.synapses.filter((s) => s.device).map((s) => `<span><b>${esc(s.name)}</b> ${s.device!.stats.programs} spike programs, ${s.device!.stats.deviceEvals} device evaluations</span>`).join('');
      app.status(r.status === 'ok' ? 'ready' : `network failed: ${r.message}`, r.status === 'ok' ? 'info' : 'error');
    } catch (e) {
      app.status(e instanceof TaskError ? e.message : e instanceof SpecError ? e.message : String(e), 'error');
    }
  };

  const show = (r: NetworkResult, spec: unknown, command: string) => {
    const byId = new Map(networkPlots(r).map((p) => [p.id!, p] as const));
    const svg = (p: PlotSpec) => renderSvg({ ...p, width: 560, height: 300 });
    const meta = { command, name: r.name, seed: r.seed, dt: r.dt, t: r.t, groups: r.groups, synapses: r.synapses.map((s) => ({ ...s, device: s.device ? { preset: s.device.preset, model: s.device.model, stats: s.device.stats } : undefined })) };
    for (const [g, s] of Object.entries(r.spikes)) {
      const id = `raster-${g}`;
      card(id, `Spike raster: ${esc(g)}`)({ svg: svg(byId.get(id)!), columns: { i: s.i, t: s.t }, units: { t: 's' }, csv: columnsToCsv({ i: s.i, t: s.t }, { t: 's' }), spec, meta });
      const sum = r.groups.find((q) => q.name === g)!;
      showMetrics(id, { spikes: { value: sum.spikes, unit: '' }, rate: { value: sum.rate, unit: 'Hz', meaning: 'mean firing rate per neuron' }, neurons: { value: sum.n, unit: '' } });
    }
    for (const [name, w] of Object.entries(r.weights)) {
      const sum = r.synapses.find((q) => q.name === name)!;
      const hid = `weights-${name}`, cols = { pre: w.pre, post: w.post, initial: w.initial, final: w.final };
      if (byId.has(hid)) {
        card(hid, `Weights of ${esc(name)} (${sum.kind}${sum.device ? `: ${esc(sum.device.preset ?? sum.device.model)}` : ''}): before and after`)({ svg: svg(byId.get(hid)!), columns: cols, units: {}, csv: columnsToCsv(cols), spec, meta });
        showMetrics(hid, { meanBefore: { value: sum.wMeanInitial, unit: '' }, meanAfter: { value: sum.wMeanFinal, unit: '' }, sdBefore: { value: sum.wSdInitial, unit: '' }, sdAfter: { value: sum.wSdFinal, unit: '' } });
      }
      const mid = `wmean-${name}`;
      if (byId.has(mid)) card(mid, `Mean weight of ${esc(name)} vs time`)({ svg: svg(byId.get(mid)!), columns: w.trace, units: { t: 's' }, csv: columnsToCsv(w.trace, { t: 's' }), spec, meta });
    }
  };
  root.querySelector('#run')!.addEventListener('click', () => void run());
  void run();
};
