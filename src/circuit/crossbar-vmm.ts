/**
 * Analog vector-matrix multiplication on a crossbar with IR drop, DAC / ADC resolution,
 * differential pairs and conductance variability.
 *
 *   weights W (rows x cols, in [-1, 1]) -> differential pair per weight:
 *     G+ = g_min + (g_max - g_min) max(W, 0),  G- = g_min + (g_max - g_min) max(-W, 0)
 *   (or `single`: W in [0, 1], G = g_min + (g_max - g_min) W, the g_min offset removed digitally)
 *   inputs x in [-1, 1] -> DAC: V_i = V_read q_dac(x_i) on word line i (driven at j = 0)
 *   bit lines held at 0 V at their far end (i = M - 1) by transimpedance amplifiers
 *   y_j = (I+_j - I-_j) / (V_read (g_max - g_min)), then the ADC quantises y over +-max|y_ideal|
 *   (range calibrated on the batch).
 * Error metrics against the ideal y = W^T x: relative RMS error, SINAD = 20 log10(rms y / rms e)
 * and ENOB = (SINAD - 1.76) / 6.02. Energy per VMM = power from all sources x integration time.
 * Device-to-device spread: programmed conductances lognormal with sigma `gDtod`; cycle-to-cycle
 * programming noise: relative normal `gC2c` drawn at every (re)programming.
 * @module circuit/crossbar-vmm
 */
import { CrossbarSystem, type CrossbarSolveOptions, type CrossbarSolveResult } from './crossbar-system.js';
import { ConductanceElement } from './crossbar-cells.js';
import { CrossbarDrive } from './crossbar-geometry.js';
import type { Rng } from '../rng/rng.js';

/** VMM options (SI). */
export interface VmmOptions {
  rWire: number;
  vRead: number;
  gMin: number;
  gMax: number;
  /** DAC / ADC bits (0 = ideal). */
  dacBits?: number;
  adcBits?: number;
  /** Differential pair per weight (default true). */
  differential?: boolean;
  gDtod?: number;
  gC2c?: number;
  rng?: Rng;
  /** Integration time of one VMM (s), for the energy (default 10 ns). */
  tInt?: number;
  solver?: CrossbarSolveOptions;
}

/** VMM outcome over a batch. */
export interface VmmResult {
  /** Outputs, batch x cols (row-major), after the ADC. */
  y: Float64Array;
  yIdeal: Float64Array;
  relError: number;
  sinad: number;
  enob: number;
  /** RMS error of each output column (far columns suffer more IR drop). */
  columnError: Float64Array;
  /** Mean energy per VMM (J). */
  energy: number;
  status: CrossbarSolveResult['status'];
  cgIterations: number;
}

/** Quantise x in [-1, 1] to a signed grid of 2^bits levels (0 bits: identity). */
export function quantize(x: number, bits: number): number {
  if (!(bits > 0)) return x;
  const L = 2 ** (bits - 1) - 0.5; // mid-rise: 2^bits levels symmetric about 0
  const c = Math.max(-1, Math.min(1, x));
  return (Math.round(c * L + 0.5) - 0.5) / L;
}

/** Map weights to programmed conductances (physical cols = cols or 2 cols). */
export function programWeights(w: Float64Array, rows: number, cols: number, o: VmmOptions): Float64Array {
  const diff = o.differential ?? true, pc = diff ? 2 * cols : cols, g = new Float64Array(rows * pc), span = o.gMax - o.gMin;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    const v = w[i * cols + j];
    if (diff) {
      g[i * pc + 2 * j] = o.gMin + span * Math.max(v, 0);
      g[i * pc + 2 * j + 1] = o.gMin + span * Math.max(-v, 0);
    } else g[i * pc + j] = o.gMin + span * Math.max(0, Math.min(1, v));
  }
  const d = o.gDtod ?? 0, c = o.gC2c ?? 0;
  if ((d > 0 || c > 0) && !o.rng) throw new RangeError('vmm: variability needs a seeded rng');
  if (d > 0 || c > 0) {
    const rd = o.rng!.stream('vmm:dtod'), rc = o.rng!.stream('vmm:c2c');
    for (let k = 0; k < g.length; k++) {
      if (d > 0) g[k] *= Math.exp(d * rd.normal());
      if (c > 0) g[k] = Math.max(0, g[k] * (1 + c * rc.normal()));
    }
  }
  return g;
}

/**
 * Run a batch of VMMs: x is batch x rows (row-major), values in [-1, 1].
 */
export function runVmm(w: Float64Array, rows: number, cols: number, x: Float64Array, batch: number, o: VmmOptions): VmmResult {
  if (w.length !== rows * cols) throw new RangeError(`vmm: ${w.length} weights for ${rows} x ${cols}`);
  if (x.length !== batch * rows) throw new RangeError(`vmm: ${x.length} inputs for batch ${batch} x ${rows}`);
  const diff = o.differential ?? true, pc = diff ? 2 * cols : cols, span = o.gMax - o.gMin;
  const g = programWeights(w, rows, cols, o);
  const sys = new CrossbarSystem({ rows, cols: pc, rWord: o.rWire, rBit: o.rWire }, new ConductanceElement(g), o.solver ?? {});
  const y = new Float64Array(batch * cols), yi = new Float64Array(batch * cols);
  let energy = 0, cg = 0;
  let status: CrossbarSolveResult['status'] = 'ok';
  const tInt = o.tInt ?? 10e-9;
  for (let b = 0; b < batch; b++) {
    const d = new CrossbarDrive(rows, pc);
    let sumV = 0;
    for (let i = 0; i < rows; i++) { const v = o.vRead * quantize(x[b * rows + i], o.dacBits ?? 0); d.word(i, 0, v); sumV += v; }
    for (let j = 0; j < pc; j++) d.bit(j, 1, 0);
    sys.setDrive(d);
    const r = sys.solve();
    cg += r.cgIterations;
    if (r.status !== 'ok') status = r.status;
    const s = sys.sourceCurrents();
    energy += sys.power().sources * tInt;
    for (let j = 0; j < cols; j++) {
      // current into the virtual ground = minus the current its source delivers
      const out = diff ? (-s.bl[2 * (2 * j) + 1] + s.bl[2 * (2 * j + 1) + 1]) : (-s.bl[2 * j + 1] - o.gMin * sumV);
      y[b * cols + j] = out / (o.vRead * span);
      let acc = 0;
      for (let i = 0; i < rows; i++) acc += w[i * cols + j] * x[b * rows + i];
      yi[b * cols + j] = acc;
    }
  }
  let fs = 0;
  for (let k = 0; k < yi.length; k++) fs = Math.max(fs, Math.abs(yi[k]));
  if ((o.adcBits ?? 0) > 0 && fs > 0) for (let k = 0; k < y.length; k++) y[k] = fs * quantize(y[k] / fs, o.adcBits!);
  let se = 0, sy = 0;
  const colErr = new Float64Array(cols);
  for (let b = 0; b < batch; b++) for (let j = 0; j < cols; j++) {
    const e = y[b * cols + j] - yi[b * cols + j];
    se += e * e; sy += yi[b * cols + j] ** 2; colErr[j] += e * e;
  }
  for (let j = 0; j < cols; j++) colErr[j] = Math.sqrt(colErr[j] / batch);
  const relError = sy > 0 ? Math.sqrt(se / sy) : 0;
  const sinad = -20 * Math.log10(relError);
  return { y, yIdeal: yi, relError, sinad, enob: (sinad - 1.76) / 6.02, columnError: colErr, energy: energy / batch, status, cgIterations: cg };
}

/** Random weights in [-1, 1] and inputs in [-1, 1] from a seeded stream. */
export function randomVmmProblem(rows: number, cols: number, batch: number, rng: Rng): { w: Float64Array; x: Float64Array } {
  const w = new Float64Array(rows * cols), x = new Float64Array(batch * rows);
  for (let k = 0; k < w.length; k++) w[k] = rng.uniform(-1, 1);
  for (let k = 0; k < x.length; k++) x[k] = rng.uniform(-1, 1);
  return { w, x };
}
