/**
 * The protocol registry and the entry point that runs a protocol from data:
 *
 * ```yaml
 * protocol: ppf
 * device: { preset: wox-du2015 }
 * series: { preset: taox-drift-wang2017 }   # optional: diffusive + drift stack, weight = series device
 * circuit: { series: 1 kOhm, compliance: 100 uA }
 * params: { intervals: [1 ms, 10 ms, 100 ms] }
 * seed: 7
 * ```
 * @module protocols/registry
 */
import { SpecError } from '../units/parse.js';
import { resolveDevice, type SpecContext, type DeviceRef } from '../experiment/device-spec.js';
import { getMultiTerminalModel, getMultiTerminalPreset, listMultiTerminalPresets } from '../devices/catalogue.js';
import { resolveMultiTerminal } from '../devices/multi-terminal.js';
import { resolveCircuit, METHODS, type Method } from '../experiment/spec.js';
import type { Protocol, ProtocolContext, ProtocolParams, ProtocolResult } from './types.js';
import { resolveProtocolParams } from './params.js';
import { presetDefaults } from './defaults.js';
import { ivProtocol } from './iv.js';
import { pulseResponseProtocol } from './pulse-response.js';
import { retentionProtocol } from './retention.js';
import { stmLtmProtocol } from './stm-ltm.js';
import { ppfProtocol } from './ppf.js';
import { srdpProtocol } from './srdp.js';
import { stdpProtocol } from './stdp.js';
import { metaplasticityProtocol } from './metaplasticity.js';
import { heterosynapticProtocol } from './heterosynaptic.js';
import { reservoirPatternsProtocol } from './reservoir-patterns.js';

const PROTOCOLS: Protocol[] = [ivProtocol, pulseResponseProtocol, retentionProtocol, stmLtmProtocol, ppfProtocol, srdpProtocol, stdpProtocol, metaplasticityProtocol, heterosynapticProtocol, reservoirPatternsProtocol];

/** Add a protocol from a later layer (memory); ids must be unique. */
export function registerProtocol(p: Protocol): void {
  if (PROTOCOLS.some((q) => q.id === p.id)) throw new Error(`protocol id ${p.id} registered twice`);
  PROTOCOLS.push(p);
}

/** All protocols. */
export function listProtocols(): Protocol[] { return [...PROTOCOLS]; }
/** A protocol by id, or undefined. */
export function getProtocol(id: string): Protocol | undefined { return PROTOCOLS.find((p) => p.id === id); }

/** A protocol spec resolved to its parts. */
export interface ResolvedProtocolSpec { protocol: Protocol; ctx: ProtocolContext; params: ProtocolParams; }

const KEYS = ['protocol', 'device', 'series', 'circuit', 'params', 'seed', 'solver', 'name', 'description'];

/** Validate a protocol spec (parsed YAML/JSON). Throws SpecError naming the field. */
export function resolveProtocolSpec(raw: unknown, sctx: SpecContext = {}): ResolvedProtocolSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SpecError('', raw, 'a protocol spec (a map with protocol, device, params, ...)');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) throw new SpecError(k, o[k], `a key of a protocol spec (${KEYS.join(', ')})`);
  const protocol = typeof o.protocol === 'string' ? getProtocol(o.protocol) : undefined;
  if (!protocol) throw new SpecError('protocol', o.protocol, `a protocol (${PROTOCOLS.map((p) => p.id).join(', ')})`);
  if (o.device === undefined) throw new SpecError('device', undefined, 'a device: { preset: ID } or { model: ID }');
  if (protocol.multiTerminal) return resolveMultiSpec(protocol, o);
  const device = resolveDevice(o.device, 'device', sctx);
  const series = o.series !== undefined ? resolveDevice(o.series, 'series', sctx) : undefined;
  if (device.count !== 1 || (series && series.count !== 1)) throw new SpecError('device.count', device.count, 'a single device (protocols run one device at a time)');
  const circuit = resolveCircuit(o.circuit);
  let seed = 1;
  if (o.seed !== undefined) {
    if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0) throw new SpecError('seed', o.seed, 'a non-negative integer');
    seed = o.seed;
  }
  let method: Method | undefined;
  if (o.solver !== undefined) {
    const s = o.solver as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Object.keys(s).some((k) => k !== 'method') || !METHODS.includes(s.method as Method)) throw new SpecError('solver', o.solver, `{ method: ${METHODS.join(' | ')} }`);
    method = s.method as Method;
  }
  if (o.params !== undefined && (typeof o.params !== 'object' || o.params === null || Array.isArray(o.params))) throw new SpecError('params', o.params, 'a map of protocol parameters');
  const params = resolveProtocolParams(protocol, (o.params ?? {}) as Record<string, unknown>, presetDefaults(protocol.id, device.preset, series?.preset));
  return { protocol, ctx: { device, series, circuit, seed, method }, params };
}

/** Run a protocol spec. */
export function runProtocolSpec(raw: unknown, sctx: SpecContext = {}): ProtocolResult {
  const r = resolveProtocolSpec(raw, sctx);
  return r.protocol.run(r.ctx, r.params);
}

/** Multi-terminal protocols: the device is a multi-terminal preset (or model) of the catalogue. */
function resolveMultiSpec(protocol: Protocol, o: Record<string, unknown>): ResolvedProtocolSpec {
  const d = (typeof o.device === 'string' ? { preset: o.device } : o.device) as Record<string, unknown>;
  const preset = typeof d.preset === 'string' ? getMultiTerminalPreset(d.preset) : undefined;
  const model = preset ? getMultiTerminalModel(preset.model) : typeof d.model === 'string' ? getMultiTerminalModel(d.model) : undefined;
  if (!model) throw new SpecError('device.preset', d.preset ?? d.model, `a multi-terminal preset (${listMultiTerminalPresets().map((p) => p.id).join(', ')})`);
  const multi = resolveMultiTerminal(model, preset, (d.set ?? {}) as Record<string, unknown>, 'device');
  if (o.params !== undefined && (typeof o.params !== 'object' || o.params === null || Array.isArray(o.params))) throw new SpecError('params', o.params, 'a map of protocol parameters');
  const params = resolveProtocolParams(protocol, (o.params ?? {}) as Record<string, unknown>, presetDefaults(protocol.id, preset));
  const seed = typeof o.seed === 'number' ? o.seed : 1;
  return { protocol, ctx: { device: undefined as unknown as DeviceRef, multi, circuit: { series: 0, compliance: Infinity }, seed }, params };
}
