/**
 * The network spec: a spiking network as data (YAML / JSON, units as strings), validated at
 * the boundary into SI numbers. Errors name the path (`synapses.ff.stdp.tauPre`), the value
 * and what was expected.
 *
 * ```yaml
 * dt: 0.1 ms
 * duration: 1 s
 * seed: 7
 * groups:
 *   input:  { type: poisson, n: 784, rate: { uniform: [0 Hz, 40 Hz] } }
 *   output: { type: lif, n: 100, synapse: conductance, tauM: 20 ms, vRest: -70 mV,
 *             vReset: -65 mV, vThreshold: -54 mV, refractory: 5 ms, tauE: 5 ms, eExc: 0 mV }
 * synapses:
 *   ff:
 *     from: input
 *     to: output
 *     connect: all                       # all | one-to-one | { p: 0.1 } | { i: [...], j: [...] }
 *     target: ge                         # an input of the target group, or none
 *     kind: rule                         # rule: pair-based STDP | device: synapses made of devices
 *     weight: { uniform: [0, 0.01] }     # rule: initial weights
 *     stdp: { tauPre: 20 ms, tauPost: 20 ms, aPre: 1e-4, aPost: -1.05e-4, wMax: 0.01 }
 *     # kind: device
 *     # device: { preset: wox-du2015, set: { c0: 0.5, c0Dtod: 0.5 } }
 *     # weightRange: [0, 0.01]            # weights at the ends of conductanceRange
 *     # conductanceRange: [0.4 uS, 135 uS] # default: the read conductance over the state box
 *     # waveform: { progAmplitude: 1.4 V, progWidth: 1 ms, heatAmplitude: 0.9 V, heatWidth: 5 ms }
 *     # vRead: 0.1 V
 * monitors:
 *   spikes: [input, output]
 *   states: [{ group: output, variable: v, indices: [0, 1], every: 1 ms }]
 *   weights: [{ synapses: ff, every: 10 ms, indices: [0, 1] }]
 * ```
 * @module network/spec
 */
import { SpecError } from '../units/parse.js';
import type { DeviceModel, Preset } from '../devices/contract.js';
import type { ResolvedParams } from '../devices/params.js';
import type { ConnectRule } from './connectivity.js';
import type { LifOptions } from './lif.js';
import type { StdpRule } from './rule-synapses.js';
import type { SpikeShape } from './spike-waveform.js';
import { resolveSynapses } from './spec-synapses.js';
import { LIF_DEFAULTS } from './lif.js';
import { init, int, obj, onlyKeys, qty, type Init } from './spec-util.js';

export type { Init } from './spec-util.js';

/** A validated group. */
export type ResolvedGroup =
  | { name: string; type: 'poisson'; n: number; rate: Init }
  | { name: string; type: 'lif'; n: number; lif: LifOptions }
  | { name: string; type: 'generator'; n: number; indices: number[]; times: number[] };

/** A device reference resolved by the caller's resolver (or the built-in one). */
export interface NetworkDevice {
  model: DeviceModel;
  resolved: ResolvedParams;
  /** Preset id (provenance) and the preset itself (for per-preset defaults). */
  preset?: string;
  presetData?: Preset;
}

/** A validated synapse group. */
export interface ResolvedSynapses {
  name: string;
  from: string;
  to: string;
  connect: ConnectRule;
  target: string | null;
  kind: 'rule' | 'device';
  /** rule: initial weights and the STDP rule. */
  weight?: Init;
  stdp?: StdpRule;
  /** device: the device, the weight map, the spike waveforms and the integrator. */
  device?: NetworkDevice;
  weightRange?: [number, number];
  conductanceRange?: [number, number];
  pre?: SpikeShape;
  post?: SpikeShape;
  vRead?: number;
  rtol?: number;
  method?: 'auto' | 'dopri5' | 'rodas3';
}

/** Validated monitors (intervals in steps). */
export interface ResolvedMonitors {
  spikes: string[];
  states: Array<{ group: string; variable: string; indices: number[]; every: number }>;
  weights: Array<{ synapses: string; every: number; indices: number[] }>;
}

/** A validated network spec. */
export interface ResolvedNetworkSpec {
  name?: string;
  dt: number;
  duration: number;
  seed: number;
  groups: ResolvedGroup[];
  synapses: ResolvedSynapses[];
  monitors: ResolvedMonitors;
  raw: Record<string, unknown>;
}

/** Hooks of the front end: device resolution (preset files, equation models) and waveform defaults. */
export interface NetworkSpecContext {
  /** Resolve `synapses.X.device` (default: catalogue presets and models with `set`). */
  resolveDevice?: (raw: unknown, path: string) => NetworkDevice;
  /** Default spike waveform for a preset (the stdp protocol's per-preset defaults; unit strings allowed). */
  waveformDefaults?: (device: NetworkDevice) => Record<string, unknown>;
}

const TOP = ['name', 'description', 'dt', 'duration', 'seed', 'groups', 'synapses', 'monitors'];
const LIF_KEYS = ['type', 'n', 'synapse', 'integration', 'tauM', 'vRest', 'vReset', 'vThreshold', 'refractory', 'vBias', 'v0', 'tauSyn', 'tauE', 'tauI', 'eExc', 'eInh'];

/** Validate a network spec (parsed YAML / JSON). Throws SpecError naming the field. */
export function resolveNetworkSpec(raw: unknown, ctx: NetworkSpecContext = {}): ResolvedNetworkSpec {
  const o = obj(raw, '', 'a network spec (a map with dt, duration, groups, synapses, monitors, seed)');
  onlyKeys(o, TOP, '');
  if (o.name !== undefined && typeof o.name !== 'string') throw new SpecError('name', o.name, 'a string');
  const dt = qty(o.dt ?? '0.1 ms', 'time', 'dt', 0, 1, true);
  if (o.duration === undefined) throw new SpecError('duration', undefined, 'a simulated time such as "1 s"');
  const duration = qty(o.duration, 'time', 'duration', 0);
  if (duration / dt > 1e9) throw new SpecError('duration', o.duration, `at most 1e9 steps of dt = ${dt} s`);
  const seed = o.seed === undefined ? 1 : int(o.seed, 'seed', 0, 2 ** 53);
  const gRaw = obj(o.groups, 'groups', 'a map of group names to groups ({ type: poisson | lif | generator, n, ... })');
  if (Object.keys(gRaw).length === 0) throw new SpecError('groups', o.groups, 'at least one group');
  const groups = Object.entries(gRaw).map(([name, g]) => resolveGroup(name, g, `groups.${name}`));
  for (const g of groups) {
    if (g.type !== 'poisson') continue;
    const r = g.rate, hi = r.kind === 'const' ? r.value : r.kind === 'uniform' ? r.hi : r.kind === 'list' ? Math.max(...r.values) : r.mean + 6 * r.sd;
    if (hi * dt > 1) throw new SpecError(`groups.${g.name}.rate`, gRaw[g.name] && (gRaw[g.name] as Record<string, unknown>).rate, `rates up to 1/dt = ${1 / dt} Hz (a unit spikes at most once per step)`);
  }
  const byName = new Map(groups.map((g) => [g.name, g] as const));
  const sRaw = o.synapses === undefined ? {} : obj(o.synapses, 'synapses', 'a map of synapse-group names to synapse groups');
  const synapses = Object.entries(sRaw).map(([name, s]) => resolveSynapses(name, s, `synapses.${name}`, byName, ctx));
  const monitors = resolveMonitors(o.monitors, dt, byName, new Set(synapses.map((s) => s.name)));
  return { name: o.name as string | undefined, dt, duration, seed, groups, synapses, monitors, raw: o };
}

function resolveGroup(name: string, raw: unknown, path: string): ResolvedGroup {
  const g = obj(raw, path, 'a group: { type: poisson | lif | generator, n, ... }');
  const n = int(g.n, `${path}.n`, 1, 1e7);
  switch (g.type) {
    case 'poisson': {
      onlyKeys(g, ['type', 'n', 'rate'], path);
      if (g.rate === undefined) throw new SpecError(`${path}.rate`, undefined, 'a rate such as "20 Hz", { uniform: [0 Hz, 40 Hz] } or a list of n rates');
      const rate = init(g.rate, 'frequency', `${path}.rate`, n);
      const lo = rate.kind === 'const' ? rate.value : rate.kind === 'uniform' ? rate.lo : rate.kind === 'list' ? Math.min(...rate.values) : 0;
      if (lo < 0) throw new SpecError(`${path}.rate`, g.rate, 'rates >= 0 Hz');
      return { name, type: 'poisson', n, rate };
    }
    case 'generator': {
      onlyKeys(g, ['type', 'n', 'indices', 'times'], path);
      if (!Array.isArray(g.indices)) throw new SpecError(`${path}.indices`, g.indices, 'a list of unit indices');
      if (!Array.isArray(g.times) || g.times.length !== g.indices.length) throw new SpecError(`${path}.times`, g.times, `a list of ${g.indices.length} spike times (one per index)`);
      const indices = g.indices.map((x, k) => int(x, `${path}.indices[${k}]`, 0, n - 1));
      const times = g.times.map((x, k) => qty(x, 'time', `${path}.times[${k}]`, 0));
      return { name, type: 'generator', n, indices, times };
    }
    case 'lif': {
      onlyKeys(g, LIF_KEYS, path);
      const synapse = (g.synapse ?? LIF_DEFAULTS.synapse) as LifOptions['synapse'];
      if (synapse !== 'current' && synapse !== 'conductance') throw new SpecError(`${path}.synapse`, g.synapse, 'current or conductance');
      const integration = (g.integration ?? LIF_DEFAULTS.integration) as LifOptions['integration'];
      if (integration !== 'exact' && integration !== 'euler') throw new SpecError(`${path}.integration`, g.integration, 'exact or euler');
      const need = (k: string) => { if (g[k] === undefined) throw new SpecError(`${path}.${k}`, undefined, `a value (LIF parameter ${k})`); return g[k]; };
      const v = (k: string, def?: number) => (g[k] === undefined && def !== undefined ? def : qty(need(k), 'voltage', `${path}.${k}`));
      const t = (k: string, def: number) => (g[k] === undefined ? def : qty(g[k], 'time', `${path}.${k}`, 0, Infinity, true));
      const vRest = v('vRest');
      const lif: LifOptions = {
        n, synapse, integration,
        tauM: qty(need('tauM'), 'time', `${path}.tauM`, 0, Infinity, true),
        vRest, vReset: v('vReset'), vThreshold: v('vThreshold'),
        refractory: g.refractory === undefined ? LIF_DEFAULTS.refractory : qty(g.refractory, 'time', `${path}.refractory`, 0),
        vBias: v('vBias', LIF_DEFAULTS.vBias), v0: v('v0', vRest),
        tauSyn: t('tauSyn', LIF_DEFAULTS.tauSyn), tauE: t('tauE', LIF_DEFAULTS.tauE), tauI: t('tauI', LIF_DEFAULTS.tauI),
        eExc: v('eExc', LIF_DEFAULTS.eExc), eInh: v('eInh', LIF_DEFAULTS.eInh),
      };
      if (!(lif.vReset < lif.vThreshold)) throw new SpecError(`${path}.vReset`, g.vReset, `a reset potential below the threshold ${lif.vThreshold} V`);
      return { name, type: 'lif', n, lif };
    }
    default:
      throw new SpecError(`${path}.type`, g.type, 'poisson, lif or generator');
  }
}

function resolveMonitors(raw: unknown, dt: number, groups: Map<string, ResolvedGroup>, syns: Set<string>): ResolvedMonitors {
  const out: ResolvedMonitors = { spikes: [], states: [], weights: [] };
  if (raw === undefined) return out;
  const m = obj(raw, 'monitors', 'a map with spikes, states and weights');
  onlyKeys(m, ['spikes', 'states', 'weights'], 'monitors');
  const steps = (v: unknown, path: string) => {
    const x = qty(v, 'time', path, 0, Infinity, true);
    const k = Math.round(x / dt);
    if (k < 1 || Math.abs(k * dt - x) > 1e-9 * x) throw new SpecError(path, v, `a multiple of dt = ${dt} s`);
    return k;
  };
  if (m.spikes !== undefined) {
    if (!Array.isArray(m.spikes)) throw new SpecError('monitors.spikes', m.spikes, 'a list of group names');
    m.spikes.forEach((g, k) => { if (!groups.has(String(g))) throw new SpecError(`monitors.spikes[${k}]`, g, `a group (${[...groups.keys()].join(', ')})`); });
    out.spikes = m.spikes.map(String);
  }
  const list = (v: unknown, path: string) => { if (!Array.isArray(v)) throw new SpecError(path, v, 'a list'); return v; };
  if (m.states !== undefined) list(m.states, 'monitors.states').forEach((s, k) => {
    const p = `monitors.states[${k}]`, o = obj(s, p, '{ group, variable, indices, every }');
    onlyKeys(o, ['group', 'variable', 'indices', 'every'], p);
    const g = groups.get(String(o.group));
    if (!g) throw new SpecError(`${p}.group`, o.group, `a group (${[...groups.keys()].join(', ')})`);
    if (g.type !== 'lif') throw new SpecError(`${p}.group`, o.group, 'a lif group (sources have no state to record)');
    const vars = g.lif.synapse === 'current' ? ['v', 'I'] : ['v', 'ge', 'gi'];
    if (!vars.includes(String(o.variable))) throw new SpecError(`${p}.variable`, o.variable, `one of ${vars.join(', ')}`);
    const indices = o.indices === undefined ? [0] : list(o.indices, `${p}.indices`).map((x, q) => int(x, `${p}.indices[${q}]`, 0, g.n - 1));
    out.states.push({ group: g.name, variable: String(o.variable), indices, every: o.every === undefined ? 1 : steps(o.every, `${p}.every`) });
  });
  if (m.weights !== undefined) list(m.weights, 'monitors.weights').forEach((s, k) => {
    const p = `monitors.weights[${k}]`, o = obj(s, p, '{ synapses, every, indices }');
    onlyKeys(o, ['synapses', 'every', 'indices'], p);
    if (!syns.has(String(o.synapses))) throw new SpecError(`${p}.synapses`, o.synapses, `a synapse group (${[...syns].join(', ') || 'none defined'})`);
    const indices = o.indices === undefined ? [] : list(o.indices, `${p}.indices`).map((x, q) => int(x, `${p}.indices[${q}]`, 0, 2 ** 31 - 1));
    out.weights.push({ synapses: String(o.synapses), every: o.every === undefined ? 2 ** 31 - 1 : steps(o.every, `${p}.every`), indices });
  });
  return out;
}
