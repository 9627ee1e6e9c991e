/**
 * `nanoionics network SPEC.yaml | --spec SPEC.yaml | --demo`: run a spiking network (neuron
 * groups, Poisson inputs, rule or device synapses) and print its summary; --out writes the
 * spike rasters, weights and traces as CSV plus an SVG of the raster and weight histograms.
 * @module cli/commands/network
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from '../command.js';
import { parse, UsageError } from '../args.js';
import { readSpecFile, writeAtomic, columnsToCsv, toJson, gitCommit } from '../io.js';
import { specContext } from '../context.js';
import { parseQuantity, SpecError } from '../../units/parse.js';
import { resolveDevice } from '../../experiment/device-spec.js';
import { canonicalJson, contentHash } from '../../experiment/hash.js';
import { stdpWaveformDefaults } from '../../protocols/network-defaults.js';
import { DEMO_NETWORK } from '../../network/demo.js';
import { resolveNetworkSpec, type NetworkDevice, type NetworkSpecContext } from '../../network/spec.js';
import { runNetwork, type NetworkResult } from '../../network/build.js';
import { networkPlots } from '../../report/network-plots.js';
import { renderSvg } from '../../report/svg-plot.js';
import { tileSvgs } from '../../report/svg-tile.js';
import { VERSION } from '../../version.js';
import { reservoirCommand } from './reservoir.js';

const help = `nanoionics network SPEC.yaml [--duration T] [--seed N] [--json] [--out DIR]
nanoionics network --spec SPEC.yaml ...
nanoionics network --demo ...
nanoionics network reservoir --task patterns|digits5x4|mnist ...   (see network reservoir --help)

Run a spiking network: leaky integrate-and-fire groups (current- or conductance-based),
Poisson inputs and spike generators, and synapses of two kinds:
  kind: rule     pair-based STDP with exponential traces (the Brian2 rule)
  kind: device   every synapse is a device of the catalogue (any preset, <param>Dtod /
                 <param>C2c variability); the pre and post spike waveforms are applied
                 across it and its weight is its read conductance, mapped linearly onto
                 weightRange: the plasticity is the device's own dynamics.
The spec (YAML or JSON, units as strings) has dt, duration, seed, groups, synapses and
monitors; see examples/network/stdp-784x100.yaml and examples/05-network-device-stdp.yaml.
A device synapse's spike waveform defaults to the stdp protocol's defaults for its preset.
--demo runs a built-in network: 100 Poisson inputs onto 10 neurons through rule STDP and onto
10 neurons through WOx (wox-du2015) device synapses, 0.5 s.
\`network reservoir\` runs reservoir computing with dynamic memristors (Du et al. 2017): pulse
streams into devices, a trained readout of their states (its own --help).

Options:
  --spec FILE     the network spec (or give it as the positional argument)
  --demo          run the built-in demo network
  --duration T    override the simulated time (e.g. 200ms)
  --seed N        override the seed
  --out DIR       write DIR/spikes-<group>.csv, weights-<synapses>.csv (pre, post, initial,
                  final), weight-trace-<synapses>.csv, state-<group>.<var>.csv, network.svg
                  (rasters and weight histograms) and result.json
  --json          print the summary as one JSON document
  -h, --help

Exit status: 0 on success, 1 when a device integration failed, 2 on bad input.`;

/** Device references through the experiment layer (preset files, equation models), one device each. */
function context(base?: string): NetworkSpecContext {
  const sctx = specContext(base);
  return {
    resolveDevice: (raw, path): NetworkDevice => {
      const d = resolveDevice(raw, path, sctx);
      if (d.count !== 1) throw new SpecError(`${path}.count`, d.count, 'nothing (one device per synapse)');
      return { model: d.model, resolved: d.resolved, preset: d.preset?.id, presetData: d.preset };
    },
    // the stdp protocol's spike for this preset: its per-preset defaults over its own
    waveformDefaults: (d) => stdpWaveformDefaults(d.presetData),
  };
}

function summary(r: NetworkResult, wall: number): string {
  const lines = [`network${r.name ? ` ${r.name}` : ''}: ${r.status}, ${+r.t.toPrecision(12)} s simulated in ${r.steps} steps of ${+(r.dt * 1e3).toPrecision(12)} ms (${wall.toFixed(2)} s wall)`];
  for (const g of r.groups) lines.push(`  group ${g.name.padEnd(12)} ${g.type.padEnd(9)} n = ${String(g.n).padEnd(6)} ${String(g.spikes).padStart(8)} spikes  ${g.rate.toFixed(2)} Hz`);
  for (const s of r.synapses) {
    lines.push(`  synapses ${s.name.padEnd(9)} ${s.kind.padEnd(6)} n = ${String(s.n).padEnd(7)} mean weight ${s.wMeanInitial.toPrecision(5)} -> ${s.wMeanFinal.toPrecision(5)} (sd ${s.wSdInitial.toPrecision(3)} -> ${s.wSdFinal.toPrecision(3)})`);
    if (s.device) {
      const st = s.device.stats;
      lines.push(`    device ${s.device.preset ?? s.device.model}: ${st.programs} spike programs and ${st.rests} rests integrated in ${st.solves} batched solves (${st.steps} steps, ${st.deviceEvals} device evaluations)`);
    }
  }
  if (r.status !== 'ok') lines.push(`  failed: ${r.message}`);
  return lines.join('\n');
}

function writeOut(dir: string, r: NetworkResult, doc: unknown): string[] {
  const files: string[] = [];
  const put = (name: string, text: string) => { writeAtomic(join(dir, name), text); files.push(name); };
  for (const [g, s] of Object.entries(r.spikes)) put(`spikes-${g}.csv`, columnsToCsv({ i: s.i, t: s.t }, { t: 's' }));
  for (const [name, w] of Object.entries(r.weights)) {
    put(`weights-${name}.csv`, columnsToCsv({ pre: w.pre, post: w.post, initial: w.initial, final: w.final }));
    if (w.trace.t && w.trace.t.length > 2) put(`weight-trace-${name}.csv`, columnsToCsv(w.trace, { t: 's' }));
  }
  for (const [name, cols] of Object.entries(r.states)) put(`state-${name}.csv`, columnsToCsv(cols, { t: 's' }));
  const plots = networkPlots(r);
  if (plots.length) put('network.svg', tileSvgs(plots.map(renderSvg), 2));
  put('result.json', toJson(doc));
  return files;
}

export const networkCommand: Command = {
  name: 'network',
  summary: 'spiking networks with rule or device synapses; `network reservoir`: reservoir computing',
  help,
  run(argv) {
    if (argv[0] === 'reservoir') return reservoirCommand.run(argv.slice(1));
    const { values, positionals } = parse(argv, {
      spec: { type: 'string' }, demo: { type: 'boolean' }, duration: { type: 'string' }, seed: { type: 'string' },
      out: { type: 'string' }, json: { type: 'boolean' },
    });
    if (values.help) { console.log(help); return 0; }
    const file = (values.spec as string | undefined) ?? positionals[0];
    if (positionals.length > 1 || (values.spec && positionals.length)) throw new UsageError('usage: nanoionics network SPEC.yaml | --spec SPEC.yaml | --demo');
    if (!file && !values.demo) throw new UsageError('nanoionics network: give a spec file (SPEC.yaml or --spec FILE) or --demo');
    if (file && values.demo) throw new UsageError('nanoionics network: --demo runs the built-in network; do not give a spec file too');
    const raw: Record<string, unknown> = file ? { ...(readSpecFile(file) as Record<string, unknown>) } : { ...DEMO_NETWORK };
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SpecError('', raw, 'a network spec (a map)');
    if (values.duration !== undefined) raw.duration = parseQuantity(values.duration, 'time', '--duration');
    if (values.seed !== undefined) {
      const s = Number(values.seed);
      if (!Number.isInteger(s) || s < 0) throw new UsageError(`--seed: got ${values.seed}, expected a non-negative integer`);
      raw.seed = s;
    }
    const spec = resolveNetworkSpec(raw, context(file));
    const tty = process.stderr.isTTY;
    const t0 = performance.now();
    const res = runNetwork(spec, tty ? (f) => process.stderr.write(`\r  ${(100 * f).toFixed(0)} %`) : undefined);
    if (tty) process.stderr.write('\r');
    const wall = (performance.now() - t0) / 1e3;
    const specJson = JSON.parse(canonicalJson(raw));
    const doc = {
      name: res.name, status: res.status, message: res.message, t: res.t, steps: res.steps, dt: res.dt, seed: res.seed,
      groups: res.groups, synapses: res.synapses,
      provenance: { package: 'nanoionics', version: VERSION, commit: gitCommit(), specHash: contentHash(specJson), seed: res.seed, wallTime: wall, spec: specJson },
    };
    let files: string[] = [];
    if (values.out) files = writeOut(String(values.out), res, doc);
    if (values.json) console.log(toJson(doc));
    else {
      console.log(summary(res, wall));
      if (values.out) console.log(`wrote ${files.join(', ')} to ${values.out}`);
    }
    return res.status === 'ok' ? 0 : 1;
  },
};
