/**
 * From a validated network spec to a network, and a run to a result of columns and summary
 * numbers. Random streams are named and derived from the one seed (rng.stream), so adding a
 * group or a monitor never changes the numbers of the others:
 *   group:NAME:rates (Poisson rates), group:NAME (Poisson spikes), synapses:NAME:connect,
 *   synapses:NAME:weights, synapses:NAME:variability / :c2c / :jumps (device synapses).
 * @module network/build
 */
import { Rng } from '../rng/rng.js';
import { connect } from './connectivity.js';
import { DeviceSynapses, type DeviceSynapseStats } from './device-synapses.js';
import { LifGroup } from './lif.js';
import { SpikeMonitor, StateMonitor, WeightMonitor } from './monitors.js';
import { Network } from './network.js';
import { RuleSynapses } from './rule-synapses.js';
import { PoissonGroup, SpikeGeneratorGroup } from './sources.js';
import type { Init, ResolvedNetworkSpec } from './spec.js';
import type { Recorder, SpikingGroup, SynapseGroup } from './types.js';
import type { SpikeShape } from './spike-waveform.js';

/** A network built from a spec, with its monitors by name. */
export interface BuiltNetwork {
  network: Network;
  groups: Map<string, SpikingGroup>;
  synapses: Map<string, SynapseGroup>;
  spikeMonitors: Map<string, SpikeMonitor>;
  stateMonitors: StateMonitor[];
  weightMonitors: Map<string, WeightMonitor>;
}

/** Draw n values of an initial-value spec (clipped to [lo, hi]). */
export function drawInit(v: Init, n: number, rng: Rng, path: string, lo = -Infinity, hi = Infinity): Float64Array {
  const out = new Float64Array(n);
  if (v.kind === 'list' && v.values.length !== n) throw new RangeError(`${path}: ${v.values.length} values for ${n} units`);
  for (let k = 0; k < n; k++) {
    const x = v.kind === 'const' ? v.value : v.kind === 'uniform' ? rng.uniform(v.lo, v.hi) : v.kind === 'normal' ? rng.normal(v.mean, v.sd) : v.values[k];
    out[k] = x < lo ? lo : x > hi ? hi : x;
  }
  return out;
}

/** Build the network of a resolved spec (nothing runs yet). */
export function buildNetwork(spec: ResolvedNetworkSpec): BuiltNetwork {
  const rng = new Rng(spec.seed);
  const groups = new Map<string, SpikingGroup>();
  for (const g of spec.groups) {
    if (g.type === 'poisson') groups.set(g.name, new PoissonGroup(g.name, drawInit(g.rate, g.n, rng.stream(`group:${g.name}:rates`), `groups.${g.name}.rate`, 0), rng.stream(`group:${g.name}`)));
    else if (g.type === 'lif') groups.set(g.name, new LifGroup(g.name, g.lif));
    else groups.set(g.name, new SpikeGeneratorGroup(g.name, g.n, g.indices, g.times));
  }
  const synapses = new Map<string, SynapseGroup>();
  for (const s of spec.synapses) {
    const pre = groups.get(s.from)!, post = groups.get(s.to)!;
    const conn = connect(s.connect, pre.n, post.n, rng.stream(`synapses:${s.name}:connect`));
    if (s.kind === 'rule') {
      const w0 = drawInit(s.weight!, conn.n, rng.stream(`synapses:${s.name}:weights`), `synapses.${s.name}.weight`, s.stdp!.wMin, s.stdp!.wMax);
      synapses.set(s.name, new RuleSynapses(s.name, pre, post, conn, s.target, w0, s.stdp!));
    } else {
      synapses.set(s.name, new DeviceSynapses(s.name, pre, post, conn, s.target, {
        model: s.device!.model, resolved: s.device!.resolved, preset: s.device!.preset, pre: s.pre!, post: s.post!, vRead: s.vRead!,
        weightRange: s.weightRange!, conductanceRange: s.conductanceRange!, rtol: s.rtol!, method: s.method!,
      }, rng));
    }
  }
  // spike counts of every group; (i, t) pairs only for the monitored ones
  const spikeMonitors = new Map<string, SpikeMonitor>();
  for (const [name, g] of groups) spikeMonitors.set(name, new SpikeMonitor(g, spec.monitors.spikes.includes(name)));
  const stateMonitors = spec.monitors.states.map((m) => new StateMonitor(groups.get(m.group)!, m.variable, m.indices, m.every));
  // weights of every synapse group at the start and the end; traces where asked for
  const weightMonitors = new Map<string, WeightMonitor>();
  for (const [name, s] of synapses) {
    const m = spec.monitors.weights.find((w) => w.synapses === name);
    weightMonitors.set(name, new WeightMonitor(s, m ? m.every : 2 ** 31 - 1, m ? m.indices : []));
  }
  const recorders: Recorder[] = [...spikeMonitors.values(), ...stateMonitors, ...weightMonitors.values()];
  const network = new Network(spec.dt, [...groups.values()], [...synapses.values()], recorders);
  return { network, groups, synapses, spikeMonitors, stateMonitors, weightMonitors };
}

/** Summary of one group after a run. */
export interface GroupSummary { name: string; type: string; n: number; spikes: number; rate: number; }

/** Summary of one synapse group after a run. */
export interface SynapseSummary {
  name: string;
  kind: 'rule' | 'device';
  n: number;
  wMeanInitial: number;
  wMeanFinal: number;
  wSdInitial: number;
  wSdFinal: number;
  /** Device synapses: the device, the resolved spike waveforms and weight map, the work counters. */
  device?: {
    preset?: string; model: string; pre: SpikeShape; post: SpikeShape; vRead: number;
    conductanceRange: [number, number]; weightRange: [number, number]; stats: DeviceSynapseStats; programsBuilt: number;
  };
}

/** Outcome of running a network spec: summaries, columns and the weights. */
export interface NetworkResult {
  name?: string;
  status: 'ok' | 'failed';
  message: string;
  /** Simulated time reached (s), steps and dt (s). */
  t: number;
  steps: number;
  dt: number;
  seed: number;
  groups: GroupSummary[];
  synapses: SynapseSummary[];
  /** Recorded spikes of the monitored groups: unit index and time (s). */
  spikes: Record<string, { i: Float64Array; t: Float64Array }>;
  /** State monitor columns by `group.variable`. */
  states: Record<string, Record<string, Float64Array>>;
  /** Per synapse group: the weight trace columns, the initial and final weights, the pre / post indices. */
  weights: Record<string, { trace: Record<string, Float64Array>; initial: Float64Array; final: Float64Array; pre: Int32Array; post: Int32Array }>;
}

function meanSd(w: Float64Array): [number, number] {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k];
  const m = s / w.length;
  let q = 0;
  for (let k = 0; k < w.length; k++) q += (w[k] - m) ** 2;
  return [m, w.length > 1 ? Math.sqrt(q / (w.length - 1)) : 0];
}

/** Run a resolved spec for its duration and collect the result. */
export function runNetwork(spec: ResolvedNetworkSpec, onProgress?: (fraction: number) => void): NetworkResult {
  const b = buildNetwork(spec);
  const r = b.network.run(spec.duration, onProgress);
  return collect(spec, b, r.status, r.message);
}

/** Assemble the result of a built network that has run. */
export function collect(spec: ResolvedNetworkSpec, b: BuiltNetwork, status: 'ok' | 'failed', message: string): NetworkResult {
  const net = b.network, T = net.t;
  const groups: GroupSummary[] = [...b.groups.values()].map((g) => {
    const m = b.spikeMonitors.get(g.name)!;
    const type = g instanceof PoissonGroup ? 'poisson' : g instanceof LifGroup ? 'lif' : 'generator';
    return { name: g.name, type, n: g.n, spikes: m.total, rate: T > 0 ? m.total / (g.n * T) : NaN };
  });
  const synapses: SynapseSummary[] = [];
  const weights: NetworkResult['weights'] = {};
  for (const [name, s] of b.synapses) {
    const m = b.weightMonitors.get(name)!;
    const w0 = m.initial ?? new Float64Array(0), w1 = m.final ?? new Float64Array(0);
    const [m0, s0] = meanSd(w0), [m1, s1] = meanSd(w1);
    const sum: SynapseSummary = { name, kind: s.kind, n: s.n, wMeanInitial: m0, wMeanFinal: m1, wSdInitial: s0, wSdFinal: s1 };
    if (s instanceof DeviceSynapses) {
      const o = s.opt;
      sum.device = { preset: o.preset, model: o.model.id, pre: o.pre, post: o.post, vRead: o.vRead, conductanceRange: o.conductanceRange, weightRange: o.weightRange, stats: { ...s.stats }, programsBuilt: s.programsBuilt };
    }
    synapses.push(sum);
    weights[name] = { trace: m.columns(), initial: w0, final: w1, pre: s.preIndex, post: s.postIndex };
  }
  const spikes: NetworkResult['spikes'] = {};
  for (const name of spec.monitors.spikes) spikes[name] = b.spikeMonitors.get(name)!.columns();
  const states: NetworkResult['states'] = {};
  for (const m of b.stateMonitors) states[`${m.group.name}.${m.variable}`] = m.columns();
  return { name: spec.name, status, message, t: T, steps: net.step, dt: spec.dt, seed: spec.seed, groups, synapses, spikes, states, weights };
}
