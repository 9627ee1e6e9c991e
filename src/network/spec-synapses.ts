/**
 * Validation of one synapse group of a network spec (see network/spec for the format):
 * connectivity, target, and the kind's own block: `rule` (initial weights and the STDP rule)
 * or `device` (device reference, weight map, spike waveforms, integrator).
 * @module network/spec-synapses
 */
import { SpecError } from '../units/parse.js';
import { getModel, getPreset, listPresets } from '../devices/catalogue.js';
import { resolveParams } from '../devices/params.js';
import type { ConnectRule } from './connectivity.js';
import { stateBoxConductance } from './device-synapses.js';
import type { SpikeShape } from './spike-waveform.js';
import type { NetworkDevice, NetworkSpecContext, ResolvedGroup, ResolvedSynapses } from './spec.js';
import { init, int, obj, onlyKeys, qty } from './spec-util.js';

const COMMON = ['from', 'to', 'connect', 'target', 'kind'];
const RULE = [...COMMON, 'weight', 'stdp'];
const DEVICE = [...COMMON, 'device', 'weightRange', 'conductanceRange', 'waveform', 'preWaveform', 'postWaveform', 'vRead', 'rtol', 'method'];
const WAVE = ['progAmplitude', 'progWidth', 'heatAmplitude', 'heatWidth', 'gap'];

/** Built-in device resolver: `{ preset: ID, set: {...} }`, `{ model: ID, set: {...} }` or a preset id. */
export function catalogueDevice(raw: unknown, path: string): NetworkDevice {
  const o = typeof raw === 'string' ? { preset: raw } : obj(raw, path, 'a device: { preset: ID, set: {...} } or { model: ID, set: {...} }');
  onlyKeys(o, ['preset', 'model', 'set'], path);
  if (o.preset !== undefined) {
    const preset = typeof o.preset === 'string' ? getPreset(o.preset) : undefined;
    if (!preset) throw new SpecError(`${path}.preset`, o.preset, `a preset id (${listPresets().map((p) => p.id).join(', ')})`);
    const model = getModel(preset.model)!;
    return { model, resolved: resolveParams(model, preset, o.set as Record<string, unknown> | undefined, `${path}.set`), preset: preset.id, presetData: preset };
  }
  const model = typeof o.model === 'string' ? getModel(o.model) : undefined;
  if (!model) throw new SpecError(`${path}.model`, o.model, 'a preset (device.preset) or a catalogue model id (device.model)');
  return { model, resolved: resolveParams(model, undefined, o.set as Record<string, unknown> | undefined, `${path}.set`) };
}

function connectRule(v: unknown, path: string, nPre: number, nPost: number): ConnectRule {
  if (v === undefined || v === 'all') return { kind: 'all' };
  if (v === 'one-to-one') {
    if (nPre !== nPost) throw new SpecError(path, v, `groups of equal size for one-to-one (got ${nPre} and ${nPost})`);
    return { kind: 'one-to-one' };
  }
  const o = obj(v, path, 'all, one-to-one, { p: probability } or { i: [...], j: [...] }');
  if ('p' in o) {
    onlyKeys(o, ['p'], path);
    return { kind: 'random', p: qty(o.p, 'dimensionless', `${path}.p`, 0, 1) };
  }
  onlyKeys(o, ['i', 'j'], path);
  if (!Array.isArray(o.i) || !Array.isArray(o.j) || o.i.length !== o.j.length) throw new SpecError(path, v, '{ i: [...], j: [...] } of equal length');
  return {
    kind: 'pairs',
    i: o.i.map((x, k) => int(x, `${path}.i[${k}]`, 0, nPre - 1)),
    j: o.j.map((x, k) => int(x, `${path}.j[${k}]`, 0, nPost - 1)),
  };
}

function shape(merged: Record<string, unknown>, path: string): SpikeShape {
  const need = (k: string) => { if (merged[k] === undefined) throw new SpecError(`${path}.${k}`, undefined, `a value (spike waveform: ${WAVE.join(', ')})`); return merged[k]; };
  const heatAmplitude = merged.heatAmplitude === undefined ? 0 : qty(merged.heatAmplitude, 'voltage', `${path}.heatAmplitude`, 0);
  return {
    progAmplitude: qty(need('progAmplitude'), 'voltage', `${path}.progAmplitude`, 0),
    progWidth: qty(need('progWidth'), 'time', `${path}.progWidth`, 0, Infinity, true),
    heatAmplitude,
    heatWidth: heatAmplitude > 0 ? qty(need('heatWidth'), 'time', `${path}.heatWidth`, 0, Infinity, true) : 0,
    gap: merged.gap === undefined ? 0 : qty(merged.gap, 'time', `${path}.gap`, 0),
  };
}

function pair(v: unknown, dim: 'any' | 'conductance', path: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) throw new SpecError(path, v, 'two values [lo, hi]');
  return [qty(v[0], dim, `${path}[0]`), qty(v[1], dim, `${path}[1]`)];
}

/** Validate synapse group `name`. */
export function resolveSynapses(name: string, raw: unknown, path: string, groups: Map<string, ResolvedGroup>, ctx: NetworkSpecContext): ResolvedSynapses {
  const o = obj(raw, path, 'a synapse group: { from, to, connect, target, kind: rule | device, ... }');
  const kind = o.kind ?? 'rule';
  if (kind !== 'rule' && kind !== 'device') throw new SpecError(`${path}.kind`, o.kind, 'rule (pair-based STDP) or device (synapses made of devices)');
  onlyKeys(o, kind === 'rule' ? RULE : DEVICE, path);
  const pre = groups.get(String(o.from)), post = groups.get(String(o.to));
  if (!pre) throw new SpecError(`${path}.from`, o.from, `a group (${[...groups.keys()].join(', ')})`);
  if (!post) throw new SpecError(`${path}.to`, o.to, `a group (${[...groups.keys()].join(', ')})`);
  const inputs = post.type !== 'lif' ? [] : post.lif.synapse === 'current' ? ['I'] : ['ge', 'gi'];
  let target: string | null;
  if (o.target === undefined || o.target === 'none') {
    if (o.target === undefined && inputs.length) target = inputs[0];
    else target = null;
  } else {
    if (!inputs.includes(String(o.target))) throw new SpecError(`${path}.target`, o.target, `an input of group ${post.name} (${inputs.join(', ') || 'it has none'}) or none`);
    target = String(o.target);
  }
  const connect = connectRule(o.connect, `${path}.connect`, pre.n, post.n);
  const base = { name, from: pre.name, to: post.name, connect, target };
  if (kind === 'rule') {
    const st = o.stdp === undefined ? {} : obj(o.stdp, `${path}.stdp`, 'a map { tauPre, tauPost, aPre, aPost, wMin, wMax }');
    onlyKeys(st, ['tauPre', 'tauPost', 'aPre', 'aPost', 'wMin', 'wMax'], `${path}.stdp`);
    const wMin = st.wMin === undefined ? 0 : qty(st.wMin, 'any', `${path}.stdp.wMin`);
    const wMax = st.wMax === undefined ? Infinity : qty(st.wMax, 'any', `${path}.stdp.wMax`);
    if (!(wMax >= wMin)) throw new SpecError(`${path}.stdp.wMax`, st.wMax, `a maximum weight >= wMin = ${wMin}`);
    const stdp = {
      tauPre: st.tauPre === undefined ? 20e-3 : qty(st.tauPre, 'time', `${path}.stdp.tauPre`, 0, Infinity, true),
      tauPost: st.tauPost === undefined ? 20e-3 : qty(st.tauPost, 'time', `${path}.stdp.tauPost`, 0, Infinity, true),
      aPre: st.aPre === undefined ? 0 : qty(st.aPre, 'any', `${path}.stdp.aPre`),
      aPost: st.aPost === undefined ? 0 : qty(st.aPost, 'any', `${path}.stdp.aPost`),
      wMin, wMax,
    };
    if (o.weight === undefined) throw new SpecError(`${path}.weight`, undefined, 'initial weights: a value, { uniform: [lo, hi] }, { normal: [mean, sd] } or a list');
    return { ...base, kind: 'rule', weight: init(o.weight, 'any', `${path}.weight`, -1), stdp };
  }
  if (o.device === undefined) throw new SpecError(`${path}.device`, undefined, 'a device: { preset: ID, set: {...} }');
  const device = (ctx.resolveDevice ?? catalogueDevice)(o.device, `${path}.device`);
  const vRead = o.vRead === undefined ? 0.1 : qty(o.vRead, 'voltage', `${path}.vRead`);
  if (vRead === 0) throw new SpecError(`${path}.vRead`, o.vRead, 'a non-zero read voltage');
  const wave = (k: string) => (o[k] === undefined ? {} : obj(o[k], `${path}.${k}`, `a spike waveform { ${WAVE.join(', ')} }`));
  const common = { ...(ctx.waveformDefaults?.(device) ?? {}), ...wave('waveform') };
  for (const k of ['waveform', 'preWaveform', 'postWaveform']) onlyKeys(wave(k), WAVE, `${path}.${k}`);
  const preShape = shape({ ...common, ...wave('preWaveform') }, `${path}.${o.preWaveform ? 'preWaveform' : 'waveform'}`);
  const postShape = shape({ ...common, ...wave('postWaveform') }, `${path}.${o.postWaveform ? 'postWaveform' : 'waveform'}`);
  if (o.weightRange === undefined) throw new SpecError(`${path}.weightRange`, undefined, '[w_lo, w_hi]: the weights at the ends of the conductance range');
  const weightRange = pair(o.weightRange, 'any', `${path}.weightRange`);
  let conductanceRange: [number, number] | undefined;
  if (o.conductanceRange !== undefined) conductanceRange = pair(o.conductanceRange, 'conductance', `${path}.conductanceRange`);
  else conductanceRange = stateBoxConductance(device.model, device.resolved.values, vRead);
  if (!conductanceRange) throw new SpecError(`${path}.conductanceRange`, undefined, `[g_lo, g_hi] in S (model ${device.model.id} has unbounded states, so there is no default)`);
  if (!(conductanceRange[1] > conductanceRange[0])) throw new SpecError(`${path}.conductanceRange`, o.conductanceRange, 'g_lo < g_hi');
  const rtol = o.rtol === undefined ? 1e-6 : qty(o.rtol, 'dimensionless', `${path}.rtol`, 1e-12, 0.1);
  const method = (o.method ?? 'auto') as ResolvedSynapses['method'];
  if (!['auto', 'dopri5', 'rodas3'].includes(method!)) throw new SpecError(`${path}.method`, o.method, 'auto, dopri5 or rodas3');
  return { ...base, kind: 'device', device, weightRange, conductanceRange, pre: preShape, post: postShape, vRead, rtol, method };
}
