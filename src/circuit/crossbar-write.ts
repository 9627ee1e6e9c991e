/**
 * Write operations in time: the selected cell is programmed by a trapezoidal pulse while every
 * other cell sees its scheme's fraction of the pulse (half-select disturb). All device states of
 * the array evolve together: the term handed to the solve layer's integrator (DOPRI5, with
 * stiffness switching to RODAS3 for stiff models) solves the array's DC operating point at every evaluation
 * (warm-started Newton) and feeds each memory its own voltage (the internal-node voltage of
 * 1S1R / 1T1R cells). Energy is the integral of the power delivered by all sources (trapezoidal
 * rule over the accepted steps), which equals the I V dissipated in cells, wires and drivers.
 *
 * Write-verify: program-and-verify with incremental step pulses (ISPP) towards a target
 * conductance matrix, reading each device's conductance at V_read after every pulse, redrawing
 * the cycle-to-cycle parameters (<param>C2c) before every pulse.
 * @module circuit/crossbar-write
 */
import type { OdeSystem } from '../solve/types.js';
import { solveExplicit } from '../solve/explicit-rk.js';
import { AutoStepper } from '../solve/auto.js';
import { integrate } from '../solve/driver.js';
import { DOPRI5 } from '../solve/tableaus/dopri5.js';
import { RODAS3 } from '../solve/tableaus/rosenbrock.js';
import { CrossbarDrive } from './crossbar-geometry.js';
import type { CrossbarSystem } from './crossbar-system.js';
import type { BuiltCells } from './crossbar-build.js';

/** One write pulse (SI). */
export interface WriteOptions {
  row: number;
  col: number;
  /** Pulse amplitude on the selected word line (V), signed. */
  amplitude: number;
  width: number;
  rise?: number;
  fall?: number;
  scheme: 'v2' | 'v3';
  rtol?: number;
}

/** Outcome of one pulse. */
export interface WriteResult {
  status: string;
  message: string;
  /** Energy delivered by the sources during the pulse (J). */
  energy: number;
  /** Primary state of the selected cell before and after. */
  before: number;
  after: number;
  /** Largest |change of the primary state| among the other cells. */
  disturb: number;
  steps: number;
  solves: number;
}

/** Trapezoid value at t (rise, flat top, fall). */
function trapezoid(t: number, a: number, rise: number, width: number, fall: number): number {
  if (t <= 0) return 0;
  if (t < rise) return (a * t) / rise;
  if (t <= rise + width) return a;
  if (t < rise + width + fall) return (a * (rise + width + fall - t)) / fall;
  return 0;
}

/** Fill a write drive for amplitude a. */
function writeDrive(d: CrossbarDrive, o: WriteOptions, a: number): void {
  const uw = o.scheme === 'v2' ? a / 2 : a / 3, ub = o.scheme === 'v2' ? a / 2 : (2 * a) / 3;
  for (let i = 0; i < d.rows; i++) d.word(i, 0, i === o.row ? a : uw);
  for (let j = 0; j < d.cols; j++) d.bit(j, 1, j === o.col ? 0 : ub);
}

/** Apply one write pulse to the array (memory states updated in place). */
export function writePulse(sys: CrossbarSystem, cells: BuiltCells, o: WriteOptions): WriteResult {
  const { rows, cols } = sys.nodes, n = rows * cols, mem = cells.memory, model = mem.group.model, p = mem.group.p;
  const rise = o.rise ?? o.width / 100, fall = o.fall ?? o.width / 100, T = rise + o.width + fall;
  const sel = o.row * cols + o.col;
  const y = Float64Array.from(mem.x), x0 = Float64Array.from(mem.x.subarray(0, n));
  const d = new CrossbarDrive(rows, cols);
  let solves = 0, failed = '';
  const solveAt = (t: number, state: Float64Array): void => {
    mem.x = state;
    writeDrive(d, o, trapezoid(t, o.amplitude, rise, o.width, fall));
    sys.setDrive(d);
    const r = sys.solve();
    solves++;
    if (r.status !== 'ok' && !failed) failed = `array solve at t = ${t} s: ${r.message}`;
  };
  const vMem = cells.series ? cells.series.u : sys.vCell;
  const term: OdeSystem = {
    n: y.length,
    structure: { kind: 'block', blocks: n, size: model.states.length },
    rhs(t, state, dydt) {
      solveAt(t, state);
      model.rhs(t, vMem, state, p, dydt, n);
    },
  };
  const edges = [rise, rise + o.width, T];
  let energy = 0, tPrev = 0, pPrev = 0;
  const opts = {
    rtol: o.rtol ?? 1e-5,
    atol: Float64Array.from({ length: y.length }, (_, k) => model.states[Math.floor(k / n)].atol),
    breakpoints: { next: (t: number): number => { for (const e of edges) if (e > t) return e; return Infinity; } },
    observer: (t: number, state: Float64Array, kind: string): void => {
      if (kind !== 'init' && kind !== 'step' && kind !== 'breakpoint' && kind !== 'final') return;
      solveAt(t, state);
      const pw = sys.power().sources;
      if (kind !== 'init') energy += 0.5 * (pw + pPrev) * (t - tPrev);
      tPrev = t; pPrev = pw;
    },
  };
  // stiff models: DOPRI5 with automatic switching to RODAS3 where the step is stability-limited
  const res = model.stiff ? integrate(term, new AutoStepper(DOPRI5, RODAS3), 0, T, y, opts) : solveExplicit(term, DOPRI5, 0, T, y, opts);
  mem.x = y;
  let disturb = 0;
  for (let c = 0; c < n; c++) if (c !== sel) disturb = Math.max(disturb, Math.abs(y[c] - x0[c]));
  const status = failed ? 'array-failure' : res.status;
  return { status, message: failed || res.message, energy, before: x0[sel], after: y[sel], disturb, steps: res.stats.naccept, solves };
}

/** Conductance of every memory device at V_read, I(V_read) / V_read (device alone). */
export function cellConductances(cells: BuiltCells, vRead: number, out = new Float64Array(cells.memory.n)): Float64Array {
  const mem = cells.memory, n = mem.n, v = new Float64Array(n).fill(vRead), i = new Float64Array(n);
  mem.group.model.current(v, mem.x, mem.group.p, i, null, n);
  for (let c = 0; c < n; c++) out[c] = i[c] / vRead;
  return out;
}

/** Write-verify options (SI). */
export interface VerifyOptions {
  vRead: number;
  /** First SET / RESET amplitudes (magnitudes, V) and the ISPP increment. */
  vSet: number;
  vReset: number;
  vStep: number;
  vMax: number;
  width: number;
  /** Relative conductance tolerance. */
  tol: number;
  maxPulses: number;
  scheme: 'v2' | 'v3';
  /** Sweeps over the array: cells disturbed out of tolerance by later writes are re-verified (default 3). */
  passes?: number;
}

/** Write-verify outcome. */
export interface VerifyResult {
  pulses: Int32Array;
  /** Relative error of every cell after the whole array is programmed (includes disturb). */
  finalError: Float64Array;
  /** Cells outside the tolerance at the end. */
  failed: number;
  /** Sweeps used. */
  passes: number;
  energy: number;
  status: string;
}

/** Program the array cell by cell (row-major sweeps, repeated while cells are out of tolerance) towards target conductances (S). */
export function writeVerify(sys: CrossbarSystem, cells: BuiltCells, target: Float64Array, o: VerifyOptions): VerifyResult {
  const { rows, cols } = sys.nodes, n = rows * cols, grp = cells.memory.group, pol = grp.model.setPolarity;
  if (target.length !== n) throw new RangeError(`write-verify: ${target.length} targets for ${n} cells`);
  const pulses = new Int32Array(n), g = new Float64Array(n);
  let energy = 0, status = 'ok', pass = 0;
  const maxPasses = o.passes ?? 3;
  for (; pass < maxPasses; pass++) {
    cellConductances(cells, o.vRead, g);
    let bad = 0;
    for (let c = 0; c < n; c++) if (Math.abs(g[c] - target[c]) > o.tol * target[c]) bad++;
    if (bad === 0) break;
    for (let c = 0; c < n; c++) {
      const row = Math.floor(c / cols), col = c % cols;
      let vs = o.vSet, vr = o.vReset, lastDir = 0;
      for (let k = 0; k < o.maxPulses; k++) {
        cellConductances(cells, o.vRead, g);
        const err = (g[c] - target[c]) / target[c];
        if (Math.abs(err) <= o.tol) break;
        const dir = err < 0 ? 1 : -1; // 1: SET (raise G)
        if (dir !== lastDir) { vs = o.vSet; vr = o.vReset; } // restart the staircase on a direction change
        lastDir = dir;
        grp.resampleC2c(c);
        const amp = dir > 0 ? pol * Math.min(vs, o.vMax) : -pol * Math.min(vr, o.vMax);
        const r = writePulse(sys, cells, { row, col, amplitude: amp, width: o.width, scheme: o.scheme });
        if (r.status !== 'ok') status = r.status;
        energy += r.energy;
        pulses[c]++;
        if (dir > 0) vs += o.vStep; else vr += o.vStep;
      }
    }
  }
  cellConductances(cells, o.vRead, g);
  const finalError = new Float64Array(n);
  let failed = 0;
  for (let c = 0; c < n; c++) { finalError[c] = (g[c] - target[c]) / target[c]; if (Math.abs(finalError[c]) > o.tol) failed++; }
  return { pulses, finalError, failed, passes: pass, energy, status };
}

/** Half-select disturb after K identical writes of one cell. */
export interface DisturbResult {
  /** Largest relative conductance change of any other cell after write k (k = 1..K). */
  disturb: Float64Array;
  /** Relative conductance change of the written cell after the K writes. */
  selectedChange: number;
  energy: number;
  status: string;
}

/** Apply K write pulses to one cell and track the worst relative conductance change elsewhere. */
export function halfSelectDisturb(sys: CrossbarSystem, cells: BuiltCells, o: WriteOptions, k: number, vRead: number): DisturbResult {
  const n = cells.memory.n, sel = o.row * sys.nodes.cols + o.col;
  const g0 = cellConductances(cells, vRead), g = new Float64Array(n), disturb = new Float64Array(k);
  let energy = 0, status = 'ok';
  for (let w = 0; w < k; w++) {
    const r = writePulse(sys, cells, o);
    energy += r.energy;
    if (r.status !== 'ok') status = r.status;
    cellConductances(cells, vRead, g);
    let worst = 0;
    for (let c = 0; c < n; c++) if (c !== sel) worst = Math.max(worst, Math.abs(g[c] - g0[c]) / g0[c]);
    disturb[w] = worst;
  }
  return { disturb, selectedChange: (g[sel] - g0[sel]) / g0[sel], energy, status };
}
