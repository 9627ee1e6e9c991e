/**
 * `endurance`: SET / RESET pulse cycles at the rated voltages up to a target count, with a
 * read after each pulse. Cycles are skipped by envelope following (memory/envelope) with a
 * stated local error tolerance; `bruteForce` simulates every cycle (the check used by the
 * tests). Failure is the window closing below `failRatio` (G_LRS / G_HRS at the read
 * voltage). Pulse widths default to `widthFactor` times the event-located switching time at
 * the rated voltage from the reference states (memory/switching-kinetics).
 *
 * Cycle-to-cycle spreads come from the device's <param>C2c spreads (re-drawn before every
 * pulse), measured over a first block of C2C_BLOCK cycles; the envelope then follows the
 * device with its own (device-to-device) parameter values, so skipped cycles carry the mean
 * drift only and the cycle counts do not include that block.
 * @module memory/endurance
 */
import type { MemoryProtocol, OptionDef, Curve } from './protocol.js';
import { resolveOptions, metric, cleanOptions } from './protocol.js';
import { driveOf, preparedCell, type Drive, type References } from './program.js';
import { sweepKinetics } from './switching-kinetics.js';
import { runEnvelope, type EnvelopeResult } from './envelope.js';
import type { Cell } from './cell.js';
import { Pwl } from '../stimulus/waveform.js';
import type { Metric } from '../experiment/run.js';

const OPTIONS: readonly OptionDef[] = [
  { name: 'vSet', dim: 'voltage', unit: 'V', meaning: 'SET pulse amplitude (default: the preset sweep vSet)' },
  { name: 'vReset', dim: 'voltage', unit: 'V', meaning: 'RESET pulse amplitude (default: the preset sweep vReset)' },
  { name: 'vRead', dim: 'voltage', unit: 'V', meaning: 'read voltage (default: the preset sweep vRead)' },
  { name: 'wSet', dim: 'time', unit: 's', min: 1e-15, max: 10, meaning: 'SET pulse width (default: widthFactor x t_SET at vSet)' },
  { name: 'wReset', dim: 'time', unit: 's', min: 1e-15, max: 10, meaning: 'RESET pulse width (default: widthFactor x t_RESET at vReset)' },
  { name: 'widthFactor', dim: 'dimensionless', unit: '1', default: 3, min: 1, max: 1e3, meaning: 'default pulse width in units of the switching time' },
  { name: 'target', dim: 'dimensionless', unit: '1', default: 1e9, min: 1, max: 1e15, meaning: 'cycles to run' },
  { name: 'failRatio', dim: 'dimensionless', unit: '1', default: 10, min: 1, max: 1e12, meaning: 'G_LRS / G_HRS below which the window has closed (failure)' },
  { name: 'block', dim: 'dimensionless', unit: '1', default: 8, min: 2, max: 1e4, integer: true, meaning: 'fully simulated cycles per envelope block' },
  { name: 'tol', dim: 'dimensionless', unit: '1', default: 1e-4, min: 1e-10, max: 0.1, meaning: 'local extrapolation error per jump, fraction of each state range' },
  { name: 'mode', dim: 'dimensionless', unit: '1', default: 0, choices: ['skip', 'brute-force'], meaning: 'cycle skipping or every cycle simulated' },
];

/** Cycles simulated with cycle-to-cycle draws to measure the spreads. */
export const C2C_BLOCK = 64;

/** Integration tolerances of endurance cycles (see memory/envelope on drift noise). */
export const CYCLE_RTOL = 1e-10;
export const CYCLE_ATOL_SCALE = 1e-4;

/** Pulse widths at the rated voltages: widthFactor x the event-located switching times. */
export function ratedWidths(cell: Cell, refs: References, drive: Drive, factor: number, tMax = 1): { wSet: number; wReset: number } {
  const s = sweepKinetics(cell, refs.xHrs, [drive.vSet], refs.gMid, 1, drive.vRead, tMax).t[0];
  const r = sweepKinetics(cell, refs.xLrs, [drive.vReset], refs.gMid, -1, drive.vRead, tMax).t[0];
  cell.restore(refs.xHrs);
  return { wSet: factor * s, wReset: factor * r };
}

/** One SET + RESET cycle with reads; returns [ln G_LRS, ln G_HRS] and adds the pulse energies to acc[0]. */
export function makeCycle(cell: Cell, drive: Drive, wSet: number, wReset: number, acc: Float64Array, c2c = cell.group.hasC2c): () => number[] {
  const set = new Pwl([0, wSet], [drive.vSet, drive.vSet]);
  const reset = new Pwl([0, wReset], [drive.vReset, drive.vReset]);
  return () => {
    if (c2c) cell.group.resampleC2c();
    const a = cell.apply(set);
    const gl = cell.read(drive.vRead)[0];
    if (c2c) cell.group.resampleC2c();
    const b = cell.apply(reset);
    if (a.status !== 'ok' || b.status !== 'ok') throw new Error(`endurance cycle failed: ${a.status !== 'ok' ? a.message : b.message}`);
    acc[0] += a.energy[0] + b.energy[0];
    return [Math.log(gl), Math.log(cell.read(drive.vRead)[0])];
  };
}

/** Error scale per state component: the state's range when bounded, else 1. */
export function stateRanges(cell: Cell): Float64Array {
  const N = cell.n, r = new Float64Array(cell.x.length);
  cell.group.model.states.forEach((s, k) => r.fill(Number.isFinite(s.max - s.min) ? s.max - s.min : 1, k * N, (k + 1) * N));
  return r;
}

/**
 * Cycle-to-cycle spread of a drifting series: sd estimated from successive differences,
 * sqrt(sum (x_k+1 - x_k)^2 / (2 (n - 1))) (von Neumann), insensitive to a slow drift.
 */
export function c2cSpread(x: readonly number[]): number {
  if (x.length < 2) return NaN;
  let s = 0;
  for (let k = 1; k < x.length; k++) s += (x[k] - x[k - 1]) ** 2;
  return Math.sqrt(s / (2 * (x.length - 1)));
}

/** At most `m` trace points, log-spaced in cycle number. */
function decimate(trace: EnvelopeResult['trace'], m: number): EnvelopeResult['trace'] {
  if (trace.length <= m) return trace;
  const out: EnvelopeResult['trace'] = [];
  let next = 1;
  for (const p of trace) if (p.n >= next) { out.push(p); next = Math.max(p.n + 1, next * 1.05); }
  if (out[out.length - 1] !== trace[trace.length - 1]) out.push(trace[trace.length - 1]);
  return out;
}

export const endurance: MemoryProtocol = {
  name: 'endurance',
  summary: 'SET/RESET cycling with cycle skipping: LRS/HRS vs cycle, window closure, cycles to failure, C2C spreads',
  options: OPTIONS,
  run(ref, raw = {}, seed = 1) {
    const o = resolveOptions(OPTIONS, raw);
    const drive = driveOf(ref, { vSet: o.vSet as number | undefined, vReset: o.vReset as number | undefined, vRead: o.vRead as number | undefined });
    // tight integration: the envelope's drift estimate sees the per-cycle integration error as noise
    const { cell, refs } = preparedCell(ref, drive, { seed, rtol: CYCLE_RTOL, atolScale: CYCLE_ATOL_SCALE });
    const rated = ratedWidths(cell, refs, drive, o.widthFactor as number);
    const wSet = (o.wSet as number | undefined) ?? rated.wSet, wReset = (o.wReset as number | undefined) ?? rated.wReset;
    const dev = ref.preset?.id ?? ref.model.id;
    const metrics: Record<string, Metric> = {};
    const notes: string[] = [];
    if (!(wSet > 0 && wReset > 0)) {
      notes.push(`the device does not switch at the rated voltages within 1 s (t_SET ${rated.wSet}, t_RESET ${rated.wReset}): no endurance run`);
      return { protocol: 'endurance', device: dev, metrics, curves: {}, notes, options: cleanOptions(o) };
    }
    const acc = new Float64Array(1);
    // cycle-to-cycle spreads: a brute-force block with the C2C draws; the envelope then
    // follows the mean device (a noisy drift estimate would stall the step control)
    let spread: number[][] = [];
    if (cell.group.hasC2c) {
      const noisy = makeCycle(cell, drive, wSet, wReset, acc, true);
      for (let k = 0; k < C2C_BLOCK; k++) spread.push(noisy());
      cell.group.p.set(cell.group.pDevice);
    }
    const cycle = makeCycle(cell, drive, wSet, wReset, acc, false);
    const lnFail = Math.log(o.failRatio as number);
    const res = runEnvelope(cell.x, stateRanges(cell), cycle, {
      target: o.target as number, block: o.block as number, tol: o.tol as number, bruteForce: o.mode === 1,
      failed: (ob) => ob[0] - ob[1] < lnFail,
      margin: (ob) => ob[0] - ob[1] - lnFail,
    });
    const tr = res.trace;
    const first = tr[0].obs, last = tr[tr.length - 1].obs;
    if (!spread.length) spread = tr.slice(Math.min(2, tr.length - 1), Math.min(tr.length, 66)).map((p) => p.obs); // the first cycles leave the reference state
    metrics.wSet = metric(wSet, 's', 'SET pulse width');
    metrics.wReset = metric(wReset, 's', 'RESET pulse width');
    metrics.cycles = metric(res.cycles, '1', res.failed ? 'cycle at which the window closed below failRatio' : 'cycles run without failure');
    metrics.failed = metric(res.failed ? 1 : 0, '1', '1 when the window closed within the target');
    metrics.cyclesToFailure = res.failed
      ? metric(res.cycles, '1', 'cycles to failure (window below failRatio)')
      : { value: res.cycles, unit: '1', meaning: 'no failure: cycles to failure is at least this', bound: 'lower' } as Metric;
    metrics.onOffFirst = metric(Math.exp(first[0] - first[1]), '1', 'G_LRS / G_HRS after the first cycle');
    metrics.onOffLast = metric(Math.exp(last[0] - last[1]), '1', 'G_LRS / G_HRS after the last cycle');
    metrics.windowClosure = metric(1 - (last[0] - last[1]) / (first[0] - first[1]), '1', 'fraction of the ln G window lost over the run');
    metrics.cvLrs = metric(c2cSpread(spread.map((o) => o[0])), '1', 'cycle-to-cycle spread of G_LRS (sd of ln G from successive differences) over the first simulated cycles');
    metrics.cvHrs = metric(c2cSpread(spread.map((o) => o[1])), '1', 'cycle-to-cycle spread of G_HRS (sd of ln G from successive differences) over the first simulated cycles');
    metrics.energyPerCycle = metric(acc[0] / (res.simulated + (cell.group.hasC2c ? C2C_BLOCK : 0)), 'J', 'source energy per SET + RESET cycle (mean over simulated cycles)');
    metrics.simulatedCycles = metric(res.simulated, '1', 'cycles simulated in full (the rest skipped by envelope following)');
    metrics.envelopeTol = metric(o.tol as number, '1', 'local extrapolation error allowed per jump (fraction of state range)');
    const d = decimate(tr, 300);
    const curves: Record<string, Curve> = {
      cycling: { title: 'LRS / HRS read conductance vs cycle', x: d.map((p) => p.n), xLabel: 'cycle', xUnit: '1', logX: true, logY: true, yUnit: 'S', series: { LRS: d.map((p) => Math.exp(p.obs[0])), HRS: d.map((p) => Math.exp(p.obs[1])) } },
    };
    notes.push(`${res.simulated} cycles simulated, ${res.jumps} envelope jumps (${res.rejected} step cuts), largest local error ${res.maxErrRatio.toFixed(3)} x tol.`);
    if (!cell.group.hasC2c) notes.push('no cycle-to-cycle spread in the device spec: C2C CVs are zero by construction (add <param>C2c to the device set)');
    return { protocol: 'endurance', device: dev, metrics, curves, notes, options: cleanOptions({ ...o, vSet: drive.vSet, vReset: drive.vReset, vRead: drive.vRead, wSet, wReset }) };
  },
};
