/**
 * Running a resolved spec: build the device groups (variability from the seed), the
 * measurement circuit, the integrator, the recorder; integrate; return columns, metrics and
 * provenance. Same spec and seed give the same numbers.
 * @module experiment/run
 */
import { Rng } from '../rng/rng.js';
import { DeviceGroup } from '../devices/group.js';
import { MeasurementTerm } from '../circuit/measure.js';
import { integrate, type Stepper } from '../solve/driver.js';
import { ExplicitRK } from '../solve/explicit-rk.js';
import { Rosenbrock } from '../solve/rosenbrock.js';
import { AutoStepper } from '../solve/auto.js';
import { DOPRI5 } from '../solve/tableaus/dopri5.js';
import { BS3 } from '../solve/tableaus/bs3.js';
import { ROS2, RODAS3 } from '../solve/tableaus/rosenbrock.js';
import type { SolveStats, SolveStatus, Breakpoints } from '../solve/types.js';
import { ColumnRecorder } from './columns.js';
import { canonicalJson, contentHash } from './hash.js';
import type { ResolvedSpec, Method } from './spec.js';
import type { DeviceRef } from './device-spec.js';
import { VERSION } from '../version.js';

/** Column names the runner records itself (time, source, device voltage, current, conductance, B side). */
const RESERVED_COLUMNS = new Set(['t', 'vs', 'v', 'i', 'g', 'vB', 'gB']);

/**
 * Result column of a device state or output: its name, or `state.<name>` when the name is one
 * the runner records itself (stanford-pku's gap `g` would otherwise overwrite the conductance).
 */
export function stateColumn(name: string): string { return RESERVED_COLUMNS.has(name) ? `state.${name}` : name; }

/** A named number with its unit. */
export interface Metric { value: number; unit: string; meaning?: string; }

/** Where a result came from. */
export interface Provenance {
  package: string;
  version: string;
  /** Git commit, filled in by front ends that know it. */
  commit?: string;
  specHash: string;
  seed: number;
  spec: unknown;
  models: Array<{ id: string; preset?: string; citation: string; fittedTo?: string }>;
  solver: { method: string; rtol: number };
  /** Wall time (s), filled in by front ends (the library reads no clock). */
  wallTime?: number;
}

/** Outcome of a run. */
export interface RunResult {
  status: SolveStatus;
  message: string;
  stats: SolveStats;
  columns: Record<string, Float64Array>;
  units: Record<string, string>;
  /** Final state of every device: state name -> values per device (B states prefixed "B."). */
  final: Record<string, Float64Array>;
  metrics: Record<string, Metric>;
  provenance: Provenance;
}

/** Options for simulate(). */
export interface SimulateOptions {
  /** Called with the fraction done, at most every 2000 steps. */
  onProgress?: (fraction: number) => void;
  /** Polled every 2000 steps; true stops the run with status 'stopped'. */
  shouldStop?: () => boolean;
}

/** Pick the stepper for a method name (auto: DOPRI5, with stiffness switching to RODAS3 for models flagged stiff). */
export function makeStepper(method: Method, stiff: boolean): Stepper {
  switch (method) {
    case 'dopri5': return new ExplicitRK(DOPRI5);
    case 'bs3': return new ExplicitRK(BS3);
    case 'rodas3': return new Rosenbrock(RODAS3);
    case 'ros2': return new Rosenbrock(ROS2);
    // auto: DOPRI5 for models that are never stiff; for models flagged stiff, DOPRI5 with
    // stiffness detection that switches to RODAS3 when the step is stability-limited
    default: return stiff ? new AutoStepper(DOPRI5, RODAS3) : new ExplicitRK(DOPRI5);
  }
}

/** Union of the stimulus breakpoints and a sampling grid. */
class GridBreakpoints implements Breakpoints {
  constructor(private readonly inner: { nextBreakpoint(t: number): number }, private readonly dt: number, private readonly tEnd: number) {}
  next(t: number): number {
    const a = this.inner.nextBreakpoint(t);
    if (!(this.dt > 0)) return a;
    let k = Math.floor(t / this.dt) + 1;
    let g = k * this.dt;
    while (g <= t) { k++; g = k * this.dt; }
    return Math.min(a, g <= this.tEnd ? g : Infinity);
  }
}

/** Build device groups for a resolved spec. */
export function buildGroups(spec: ResolvedSpec): { a: DeviceGroup; b?: DeviceGroup; rng: Rng } {
  const rng = new Rng(spec.seed);
  const a = new DeviceGroup(spec.device.model, spec.device.resolved, spec.device.count, rng, 'device');
  const b = spec.series ? new DeviceGroup(spec.series.model, spec.series.resolved, spec.series.count, rng, 'series') : undefined;
  return { a, b, rng };
}

/** Run a resolved experiment spec. Never throws on numerical trouble: see status. */
export function simulate(spec: ResolvedSpec, opts: SimulateOptions = {}): RunResult {
  const { a, b, rng } = buildGroups(spec);
  const term = new MeasurementTerm(spec.stimulus, spec.circuit, a, b);
  const N = a.n;
  const SA = a.model.states.length, SB = b ? b.model.states.length : 0;
  const y = new Float64Array((SA + SB) * N);
  y.set(a.initialState(), 0);
  if (b) y.set(b.initialState(), SA * N);
  const atol = new Float64Array(y.length);
  a.model.states.forEach((s, k) => atol.fill(s.atol * spec.solver.atolScale, k * N, (k + 1) * N));
  b?.model.states.forEach((s, k) => atol.fill(s.atol * spec.solver.atolScale, (SA + k) * N, (SA + k + 1) * N));
  const stiff = a.model.stiff || (b?.model.stiff ?? false);
  const stepper = makeStepper(spec.solver.method, stiff);

  // columns
  const rec = spec.record;
  const devs = rec.devices;
  const suffix = (j: number) => (devs.length > 1 ? `[${j}]` : '');
  const names: string[] = ['t', 'vs'];
  const units: Record<string, string> = { t: 's', vs: 'V' };
  const outA = a.model.outputs ?? [];
  const outB = b?.model.outputs ?? [];
  // a state or output named like a recorded column (stanford-pku's gap `g`) is recorded as
  // `state.<name>`, so it cannot overwrite the read conductance
  const own = stateColumn;
  for (const j of devs) {
    const s = suffix(j);
    names.push(`v${s}`, `i${s}`, `g${s}`);
    units[`v${s}`] = 'V'; units[`i${s}`] = 'A'; units[`g${s}`] = 'S';
    for (const st of a.model.states) { names.push(`${own(st.name)}${s}`); units[`${own(st.name)}${s}`] = st.unit; }
    for (const o of outA) { names.push(`${own(o.name)}${s}`); units[`${own(o.name)}${s}`] = o.unit; }
    if (b) {
      names.push(`vB${s}`, `gB${s}`);
      units[`vB${s}`] = 'V'; units[`gB${s}`] = 'S';
      for (const st of b.model.states) { names.push(`B.${st.name}${s}`); units[`B.${st.name}${s}`] = st.unit; }
      for (const o of outB) { names.push(`B.${o.name}${s}`); units[`B.${o.name}${s}`] = o.unit; }
    }
  }
  const recorder = new ColumnRecorder(names, rec.every === 'none' ? 4 : 1024);
  const row = new Float64Array(names.length);
  const vReadA = new Float64Array(N).fill(rec.vRead);
  const iReadA = new Float64Array(N);
  const iReadB = new Float64Array(N);
  const outBufA = new Float64Array(Math.max(1, outA.length * N));
  const outBufB = new Float64Array(Math.max(1, outB.length * N));
  const xB = b ? new Float64Array(SB * N) : y;
  let lastT = -Infinity;
  const record = (t: number, yy: Float64Array) => {
    term.evaluate(t, yy);
    const xA = b ? yy.subarray(0, SA * N) : yy;
    a.model.current(vReadA, xA, a.p, iReadA, null, N);
    if (outA.length) a.model.outputsAt!(term.vA, xA, a.p, outBufA, N);
    if (b) {
      xB.set(yy.subarray(SA * N));
      b.model.current(vReadA, xB, b.p, iReadB, null, N);
      if (outB.length) b.model.outputsAt!(term.vB, xB, b.p, outBufB, N);
    }
    let c = 0;
    row[c++] = t;
    row[c++] = term.vs[0];
    for (const j of devs) {
      row[c++] = term.vA[j];
      row[c++] = term.cur[j];
      row[c++] = iReadA[j] / rec.vRead;
      for (let k = 0; k < SA; k++) row[c++] = yy[k * N + j];
      for (let k = 0; k < outA.length; k++) row[c++] = outBufA[k * N + j];
      if (b) {
        row[c++] = term.vB[j];
        row[c++] = iReadB[j] / rec.vRead;
        for (let k = 0; k < SB; k++) row[c++] = yy[(SA + k) * N + j];
        for (let k = 0; k < outB.length; k++) row[c++] = outBufB[k * N + j];
      }
    }
    if (t === lastT) recorder.pop();
    recorder.push(row);
    lastT = t;
  };

  // stochastic jumps and cycle-to-cycle resampling after each accepted step
  const jumpRngA = a.model.jump ? rng.stream('device:jumps') : undefined;
  const jumpRngB = b?.model.jump ? rng.stream('series:jumps') : undefined;
  const c2c = a.hasC2c || (b?.hasC2c ?? false);
  let lastSign = 0;
  const afterStep = (jumpRngA || jumpRngB || c2c)
    ? (t0: number, t1: number, yy: Float64Array): boolean => {
      let changed = false;
      if (c2c) {
        const vsn = spec.stimulus.value(t1);
        const sg = vsn > 0 ? 1 : vsn < 0 ? -1 : 0;
        if (sg !== 0 && lastSign !== 0 && sg !== lastSign) { a.resampleC2c(); b?.resampleC2c(); changed = true; }
        if (sg !== 0) lastSign = sg;
      }
      if (jumpRngA || jumpRngB) {
        term.evaluate(t1, yy);
        if (jumpRngA) {
          if (b) {
            const xa = yy.subarray(0, SA * N);
            if (a.model.jump!(t0, t1, term.vA, xa, a.p, jumpRngA, N)) changed = true;
          } else if (a.model.jump!(t0, t1, term.vA, yy, a.p, jumpRngA, N)) changed = true;
        }
        if (jumpRngB && b) {
          xB.set(yy.subarray(SA * N));
          if (b.model.jump!(t0, t1, term.vB, xB, b.p, jumpRngB, N)) { yy.set(xB, SA * N); changed = true; }
        }
      }
      return changed;
    }
    : undefined;

  const every = rec.every;
  const grid = typeof every === 'number' ? every : 0;
  const bps = new GridBreakpoints(spec.stimulus, grid, spec.tEnd);
  let stepCount = 0;
  let stopped = false;
  const tEnd = spec.tEnd;
  const res = integrate(term, stepper, 0, tEnd, y, {
    rtol: spec.solver.rtol,
    atol,
    hMax: Math.min(spec.solver.maxStep, spec.stimulus.maxStep),
    maxSteps: spec.solver.maxSteps,
    breakpoints: bps,
    afterStep,
    events: opts.shouldStop ? {
      count: 1, direction: Int8Array.of(0),
      evaluate: (_t, _y, out) => { out[0] = stopped ? 1 : -1; },
      handle: () => 'stop',
    } : undefined,
    observer: (t, yy, kind) => {
      stepCount++;
      if (opts.onProgress && stepCount % 2000 === 0) opts.onProgress(t / tEnd);
      if (opts.shouldStop && stepCount % 2000 === 0 && opts.shouldStop()) stopped = true;
      if (kind === 'init' || kind === 'final' || kind === 'event') { record(t, yy); return; }
      if (every === 'step') record(t, yy);
      else if (every === 'breakpoint' && kind === 'breakpoint') record(t, yy);
      else if (grid > 0 && kind === 'breakpoint') {
        const k = Math.round(t / grid);
        if (Math.abs(t - k * grid) <= 1e-9 * grid) record(t, yy);
      }
    },
  });
  if (opts.onProgress) opts.onProgress(1);

  const columns = recorder.finish();
  // final state per device
  const final: Record<string, Float64Array> = {};
  a.model.states.forEach((s, k) => { final[s.name] = y.slice(k * N, (k + 1) * N); });
  b?.model.states.forEach((s, k) => { final[`B.${s.name}`] = y.slice((SA + k) * N, (SA + k + 1) * N); });
  const metrics: Record<string, Metric> = {};
  const g = columns[`g${suffix(devs[0])}`];
  if (g && g.length) {
    metrics.gInitial = { value: g[0], unit: 'S', meaning: `conductance of device ${devs[0]} at the read voltage before the stimulus` };
    metrics.gFinal = { value: g[g.length - 1], unit: 'S', meaning: `conductance of device ${devs[0]} at the read voltage at the end` };
  }
  const ic = columns[`i${suffix(devs[0])}`];
  if (ic && ic.length) {
    let m = 0;
    for (let k = 0; k < ic.length; k++) m = Math.max(m, Math.abs(ic[k]));
    metrics.iMax = { value: m, unit: 'A', meaning: 'largest recorded |current|' };
    if (every === 'step') {
      const t = columns.t, vs = columns.vs;
      let e = 0;
      for (let k = 1; k < t.length; k++) e += 0.5 * (vs[k] * ic[k] + vs[k - 1] * ic[k - 1]) * (t[k] - t[k - 1]);
      metrics.energy = { value: e, unit: 'J', meaning: 'energy delivered by the source (trapezoid over recorded steps)' };
    }
  }
  const status: SolveStatus = res.status === 'stopped' && stopped ? 'stopped' : res.status;
  return {
    status,
    message: stopped ? `cancelled at t = ${res.t} s` : res.message,
    stats: res.stats,
    columns, units, final, metrics,
    provenance: provenanceOf(spec, stepper.name),
  };
}

function refInfo(d: DeviceRef) {
  return { id: d.model.id, preset: d.preset?.id, citation: d.preset?.citation ?? d.model.citation, fittedTo: d.preset?.fittedTo };
}

/** Provenance record for a spec (version, spec hash, seed, models). */
export function provenanceOf(spec: ResolvedSpec, method: string): Provenance {
  const specJson = JSON.parse(canonicalJson(spec.raw));
  return {
    package: 'nanoionics',
    version: VERSION,
    specHash: contentHash(specJson),
    seed: spec.seed,
    spec: specJson,
    models: [refInfo(spec.device), ...(spec.series ? [refInfo(spec.series)] : [])],
    solver: { method, rtol: spec.solver.rtol },
  };
}
