/**
 * The experiment spec: everything a run needs, as data (YAML or JSON), validated at the
 * boundary into a resolved spec of SI numbers and objects.
 *
 * ```yaml
 * device: { preset: wox-chang2011, set: { tau: 20 ms }, count: 1 }
 * series: { preset: diffusive-ag-sioxny }        # optional second device (A -> B -> ground)
 * circuit: { series: 1 kOhm, compliance: 100 uA }
 * stimulus: { type: pulse-train, amplitude: 1.4 V, width: 1 ms, period: 10 ms, count: 5 }
 * solver: { method: auto, rtol: 1e-6 }
 * record: { every: step, vRead: 0.1 V, devices: [0] }
 * seed: 7
 * ```
 * @module experiment/spec
 */
import { parseQuantity, SpecError } from '../units/parse.js';
import { stimulusFromSpec } from '../stimulus/spec.js';
import type { Waveform } from '../stimulus/waveform.js';
import type { Circuit } from '../circuit/measure.js';
import { resolveDevice, type DeviceRef, type SpecContext } from './device-spec.js';

export const METHODS = ['auto', 'dopri5', 'bs3', 'rodas3', 'ros2'] as const;
export type Method = (typeof METHODS)[number];

/** Solver settings. */
export interface SolverSettings {
  method: Method;
  rtol: number;
  /** Multiplies every state's own absolute tolerance. */
  atolScale: number;
  maxStep: number;
  maxSteps: number;
}

/** What to record. */
export interface RecordSettings {
  /** 'step': every accepted step; 'breakpoint': at stimulus edges only; 'none': final only; number: sampling interval (s). */
  every: 'step' | 'breakpoint' | 'none' | number;
  /** Voltage of the non-perturbing virtual read that gives the g column (V). */
  vRead: number;
  /** Devices whose columns are recorded. */
  devices: number[];
}

/** A validated experiment. */
export interface ResolvedSpec {
  device: DeviceRef;
  series?: DeviceRef;
  circuit: Circuit;
  stimulus: Waveform;
  /** End time (s); default the stimulus duration. */
  tEnd: number;
  solver: SolverSettings;
  record: RecordSettings;
  seed: number;
  /** The raw spec as given (for provenance). */
  raw: Record<string, unknown>;
}

const TOP_KEYS = ['device', 'series', 'circuit', 'stimulus', 'solver', 'record', 'seed', 'tEnd', 'protocol', 'name', 'description', 'params'];

/** Validate a raw spec (parsed YAML/JSON). Throws SpecError naming the field. */
export function resolveSpec(raw: unknown, ctx: SpecContext = {}): ResolvedSpec {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SpecError('', raw, 'an experiment spec (a map with device, stimulus, ...)');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!TOP_KEYS.includes(k)) throw new SpecError(k, o[k], `a known top-level key (${TOP_KEYS.join(', ')})`);
  if (o.device === undefined) throw new SpecError('device', undefined, 'a device: { preset: ID } or { model: ID }');
  const device = resolveDevice(o.device, 'device', ctx);
  const series = o.series !== undefined ? resolveDevice(o.series, 'series', ctx) : undefined;
  if (series && series.count !== device.count) throw new SpecError('series.count', series.count, `the same count as device.count (${device.count})`);
  const circuit = resolveCircuit(o.circuit);
  if (o.stimulus === undefined) throw new SpecError('stimulus', undefined, 'a stimulus: { type: pulse-train | sweep | pulse | sine | pwl | sequence | dc, ... }');
  const stimulus = stimulusFromSpec(o.stimulus, 'stimulus', ctx);
  const tEnd = o.tEnd !== undefined ? parseQuantity(o.tEnd, 'time', 'tEnd') : stimulus.duration;
  if (!(tEnd > 0)) throw new SpecError('tEnd', o.tEnd ?? tEnd, 'a positive end time');
  let seed = 1;
  if (o.seed !== undefined) {
    if (typeof o.seed !== 'number' || !Number.isInteger(o.seed) || o.seed < 0) throw new SpecError('seed', o.seed, 'a non-negative integer');
    seed = o.seed;
  }
  return { device, series, circuit, stimulus, tEnd, solver: resolveSolver(o.solver), record: resolveRecord(o.record, device.count), seed, raw: o };
}

/** Validate the circuit block. */
export function resolveCircuit(raw: unknown, path = 'circuit'): Circuit {
  if (raw === undefined) return { series: 0, compliance: Infinity };
  if (typeof raw !== 'object' || raw === null) throw new SpecError(path, raw, 'a map with series and/or compliance');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['series', 'compliance'].includes(k)) throw new SpecError(`${path}.${k}`, o[k], 'series or compliance');
  const series = o.series === undefined ? 0 : parseQuantity(o.series, 'resistance', `${path}.series`);
  if (series < 0) throw new SpecError(`${path}.series`, o.series, 'a non-negative resistance');
  const compliance = o.compliance === undefined || o.compliance === 'none' ? Infinity : parseQuantity(o.compliance, 'current', `${path}.compliance`);
  if (!(compliance > 0)) throw new SpecError(`${path}.compliance`, o.compliance, 'a positive current (or "none")');
  return { series, compliance };
}

function resolveSolver(raw: unknown): SolverSettings {
  const s: SolverSettings = { method: 'auto', rtol: 1e-6, atolScale: 1, maxStep: Infinity, maxSteps: 2e7 };
  if (raw === undefined) return s;
  if (typeof raw !== 'object' || raw === null) throw new SpecError('solver', raw, 'a map');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['method', 'rtol', 'atolScale', 'maxStep', 'maxSteps'].includes(k)) throw new SpecError(`solver.${k}`, o[k], 'method, rtol, atolScale, maxStep or maxSteps');
  if (o.method !== undefined) {
    if (!METHODS.includes(o.method as Method)) throw new SpecError('solver.method', o.method, `one of ${METHODS.join(', ')}`);
    s.method = o.method as Method;
  }
  if (o.rtol !== undefined) {
    s.rtol = parseQuantity(o.rtol, 'dimensionless', 'solver.rtol');
    if (!(s.rtol >= 1e-13 && s.rtol <= 0.1)) throw new SpecError('solver.rtol', o.rtol, 'a relative tolerance between 1e-13 and 0.1');
  }
  if (o.atolScale !== undefined) {
    s.atolScale = parseQuantity(o.atolScale, 'dimensionless', 'solver.atolScale');
    if (!(s.atolScale > 0)) throw new SpecError('solver.atolScale', o.atolScale, 'a positive factor');
  }
  if (o.maxStep !== undefined) {
    s.maxStep = parseQuantity(o.maxStep, 'time', 'solver.maxStep');
    if (!(s.maxStep > 0)) throw new SpecError('solver.maxStep', o.maxStep, 'a positive time');
  }
  if (o.maxSteps !== undefined) {
    if (typeof o.maxSteps !== 'number' || !(o.maxSteps >= 1)) throw new SpecError('solver.maxSteps', o.maxSteps, 'a positive integer');
    s.maxSteps = o.maxSteps;
  }
  return s;
}

function resolveRecord(raw: unknown, count: number): RecordSettings {
  const r: RecordSettings = { every: 'step', vRead: 0.1, devices: [0] };
  if (raw === undefined) return r;
  if (typeof raw !== 'object' || raw === null) throw new SpecError('record', raw, 'a map');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!['every', 'vRead', 'devices'].includes(k)) throw new SpecError(`record.${k}`, o[k], 'every, vRead or devices');
  if (o.every !== undefined) {
    if (o.every === 'step' || o.every === 'breakpoint' || o.every === 'none') r.every = o.every;
    else {
      const dt = parseQuantity(o.every, 'time', 'record.every');
      if (!(dt > 0)) throw new SpecError('record.every', o.every, 'step, breakpoint, none or a positive sampling interval');
      r.every = dt;
    }
  }
  if (o.vRead !== undefined) {
    r.vRead = parseQuantity(o.vRead, 'voltage', 'record.vRead');
    if (r.vRead === 0) throw new SpecError('record.vRead', o.vRead, 'a non-zero read voltage');
  }
  if (o.devices !== undefined) {
    if (o.devices === 'all') r.devices = Array.from({ length: Math.min(count, 1000) }, (_, k) => k);
    else if (Array.isArray(o.devices) && o.devices.every((d) => Number.isInteger(d) && d >= 0 && d < count)) r.devices = o.devices as number[];
    else throw new SpecError('record.devices', o.devices, `"all" or a list of device indices below ${count}`);
  }
  return r;
}
